/**
 * Putting a removed value back: the history keeps every value an import removed (`before`) with its place
 * (target, item, indicator, series, field, fiscal year). Pure: the stored plan document and the removal in,
 * the document with the value back out — or the reason it cannot go back (its place is taken, its item or
 * indicator is gone). A whole item goes back with its indicators, values and texts under the parent it had,
 * after the sibling it followed (else at its old position) — refused when its parent is gone or its key is
 * used again. Its children were removed each on their own and go back each on their own, after it.
 */
import type { Indicator, Item, PlanDocument } from "../plan-document/schema.ts";
import { content } from "./diff.ts";

export type RemovedPlace = {
  target: string;
  itemKey?: string | null | undefined;
  indicatorKey?: string | undefined;
  series?: string | undefined;
  field?: string | undefined;
  fiscalYear?: number | undefined;
  /** a removed item's place in the tree (removals recorded before this was kept have none) */
  parentKey?: string | null | undefined;
  position?: number | undefined;
  previousKey?: string | null | undefined;
};

/** The targets a removal can be put back to. */
export const RESTORABLE_TARGETS = [
  "indicator",
  "baseline",
  "target",
  "actual",
  "progress",
  "activity",
  "item.field",
  "indicator.field",
] as const;

/** Whether a removal's place is enough to put it back (a whole item: only with its place in the tree). */
export function isRestorablePlace(p: Pick<RemovedPlace, "target" | "position">): boolean {
  if (p.target === "item") return typeof p.position === "number";
  return (RESTORABLE_TARGETS as readonly string[]).includes(p.target);
}

export type RestoreResult = { ok: true; document: PlanDocument } | { ok: false; reason: string };

function findItem(items: Item[], key: string): Item | undefined {
  const stack = [...items];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (i.key === key) return i;
    stack.push(...i.children);
  }
  return undefined;
}

const empty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === "" ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** Sets a field ("title", "texts.現状と課題") if it is empty now; false when it holds a value. */
function setField(o: Record<string, unknown>, field: string, value: unknown): boolean {
  const [head, sub] = field.split(/\.(.*)/s) as [string, string | undefined];
  if (sub !== undefined && sub !== "") {
    const rec = (o[head] ?? {}) as Record<string, unknown>;
    if (!empty(rec[sub])) return false;
    o[head] = { ...rec, [sub]: value };
    return true;
  }
  if (!empty(o[head])) return false;
  o[head] = value;
  return true;
}

const TAKEN = "その場所には今は別の値があります（上書きはしません）。";

/** A whole item back under its parent, after the sibling it followed (or at its old position). */
function restoreItem(copy: PlanDocument, place: RemovedPlace, value: unknown): RestoreResult {
  const key = place.itemKey ?? "";
  if (!value || typeof value !== "object" || (value as Item).key !== key)
    return { ok: false, reason: "履歴に項目の内容がありません。" };
  if (findItem(copy.items, key))
    return { ok: false, reason: `項目のキー「${key}」は今の計画で使われています（上書きはしません）。` };
  const parent = place.parentKey ? findItem(copy.items, place.parentKey) : undefined;
  if (place.parentKey && !parent)
    return {
      ok: false,
      reason: `親の項目（キー「${place.parentKey}」）が今の計画にありません。先に親の項目を戻してください。`,
    };
  const original = (value as Item).crossListingOf;
  if (original && !findItem(copy.items, original))
    return {
      ok: false,
      reason: `再掲元の項目（キー「${original}」）が今の計画にありません。先に再掲元の項目を戻してください。`,
    };
  const siblings = parent ? parent.children : copy.items;
  const previous = place.previousKey ? siblings.findIndex((i) => i.key === place.previousKey) : -1;
  const at =
    place.previousKey === null
      ? 0
      : previous >= 0
        ? previous + 1
        : Math.min(place.position ?? siblings.length, siblings.length);
  siblings.splice(at, 0, { ...(value as Omit<Item, "children">), children: [] });
  return { ok: true, document: copy };
}

export function restoreRemoved(doc: PlanDocument, place: RemovedPlace, value: unknown): RestoreResult {
  if (!isRestorablePlace(place))
    return { ok: false, reason: "この種類の削除は履歴から戻せません（取り込み直してください）。" };
  const copy = structuredClone(doc);
  if (place.target === "item") return restoreItem(copy, place, value);
  const item = place.itemKey ? findItem(copy.items, place.itemKey) : undefined;
  if (!item) return { ok: false, reason: "値のあった項目が今の計画にありません。" };
  if (place.target === "item.field")
    return setField(item as unknown as Record<string, unknown>, place.field ?? "", value)
      ? { ok: true, document: copy }
      : { ok: false, reason: TAKEN };
  if (place.target === "progress") {
    if (item.progress.some((p) => p.fiscalYear === place.fiscalYear)) return { ok: false, reason: TAKEN };
    item.progress.push(value as Item["progress"][number]);
    item.progress.sort((a, b) => a.fiscalYear - b.fiscalYear);
    return { ok: true, document: copy };
  }
  if (place.target === "activity") {
    if (item.activities.some((a) => content(a) === content(value))) return { ok: false, reason: TAKEN };
    item.activities.push(value as Item["activities"][number]);
    return { ok: true, document: copy };
  }
  if (place.target === "indicator") {
    if (item.indicators.some((i) => i.key === place.indicatorKey)) return { ok: false, reason: TAKEN };
    item.indicators.push(value as Indicator);
    return { ok: true, document: copy };
  }
  const ind = item.indicators.find((i) => i.key === place.indicatorKey);
  if (!ind) return { ok: false, reason: "値のあった指標が今の計画にありません。" };
  if (place.target === "indicator.field")
    return setField(ind as unknown as Record<string, unknown>, place.field ?? "", value)
      ? { ok: true, document: copy }
      : { ok: false, reason: TAKEN };
  const series = place.series ?? "";
  if (place.target === "actual") {
    if (ind.actuals.some((a) => (a.series ?? "") === series && a.fiscalYear === place.fiscalYear))
      return { ok: false, reason: TAKEN };
    ind.actuals.push(value as Indicator["actuals"][number]);
    ind.actuals.sort((a, b) => a.fiscalYear - b.fiscalYear);
    return { ok: true, document: copy };
  }
  const list = (place.target === "baseline" ? ind.baselines : ind.targets) as unknown[];
  if (list.some((v) => content(v) === content(value))) return { ok: false, reason: TAKEN };
  list.push(value);
  return { ok: true, document: copy };
}
