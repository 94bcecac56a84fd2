/**
 * Putting a removed value back: the history keeps every value an import removed (`before`) with its place
 * (target, item, indicator, series, field, fiscal year). Pure: the stored plan document and the removal in,
 * the document with the value back out — or the reason it cannot go back (its place is taken, its item or
 * indicator is gone). A whole item is not put back here (its place in the tree is not kept).
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

export function restoreRemoved(doc: PlanDocument, place: RemovedPlace, value: unknown): RestoreResult {
  if (!(RESTORABLE_TARGETS as readonly string[]).includes(place.target))
    return { ok: false, reason: "この種類の削除は履歴から戻せません（項目全体は取り込み直してください）。" };
  const copy = structuredClone(doc);
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
