/**
 * What storing a staffing document over the stored one would take away: records (units, headcounts, quotas,
 * populations …) that the stored document has and the new one does not (matched by what names them: a unit
 * by its key, a headcount by unit and year; a changed count is no removal). Pure. A staffing import replaces
 * the municipality's data as a whole, so a truncated file would silently drop the rest: the import refuses
 * removals unless consented (`--allow-removals`) and keeps the removed records in the history.
 */
import { content } from "../plan-diff/diff.ts";
import type { StaffingDocument } from "./schema.ts";

export type StaffingRemoval = { field: string; removed: unknown[] };

/** A record kept under the same name with other values (a corrected count): before → after. */
export type StaffingChange = { field: string; before: unknown; after: unknown };

export const STAFFING_FIELD_LABELS: Record<string, string> = {
  units: "組織",
  headcounts: "職員数",
  breakdowns: "職員数の内訳",
  quotas: "定数",
  quotaCeilings: "定数の上限",
  printedTotals: "印刷された合計",
  populations: "人口",
  diagnoses: "定員診断",
  peerComparisons: "類似団体との比較",
  classifications: "類型",
  laspeyres: "ラスパイレス指数",
  "retirement.cohorts": "退職者の見込み",
  "retirement.hiring": "採用の見込み",
  staffingPlan: "定員管理計画",
  movements: "異動",
};

/** What names a record (unit key, unit and year …); a record whose values change under the same name stays. */
const IDENTITY = ["key", "unit", "fiscalYear", "category", "staffClass", "group", "age", "basis", "name"];

function identity(v: unknown): string {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return content(v);
  const o = v as Record<string, unknown>;
  const named = IDENTITY.filter((k) => o[k] !== undefined);
  return named.length > 0 ? content(Object.fromEntries(named.map((k) => [k, o[k]]))) : content(v);
}

function walk(out: StaffingRemoval[], path: string, before: unknown, after: unknown): void {
  if (before === undefined || before === null) return;
  if (Array.isArray(before)) {
    const left = new Map<string, number>();
    for (const v of Array.isArray(after) ? after : [])
      left.set(identity(v), (left.get(identity(v)) ?? 0) + 1);
    const removed = before.filter((v) => {
      const n = left.get(identity(v)) ?? 0;
      if (n > 0) left.set(identity(v), n - 1);
      return n === 0;
    });
    if (removed.length > 0) out.push({ field: path, removed });
    return;
  }
  if (typeof before !== "object") return;
  // A whole part (the staffing plan) left out: removed as one record; the retirement plan by its lists.
  if (after === undefined || after === null) out.push({ field: path, removed: [before] });
  else if (path === "retirement")
    for (const k of Object.keys(before as object))
      walk(
        out,
        `${path}.${k}`,
        (before as Record<string, unknown>)[k],
        (after as Record<string, unknown>)[k],
      );
}

/** The records of `before` that `after` no longer has, by field. */
export function staffingRemovals(before: StaffingDocument, after: StaffingDocument): StaffingRemoval[] {
  const out: StaffingRemoval[] = [];
  for (const key of Object.keys(STAFFING_FIELD_LABELS)) {
    const top = key.split(".")[0]!;
    if (key.includes(".")) continue;
    walk(out, top, (before as Record<string, unknown>)[top], (after as Record<string, unknown>)[top]);
  }
  walk(out, "retirement", before.retirement, after.retirement);
  return out;
}

function changedIn(out: StaffingChange[], path: string, before: unknown, after: unknown): void {
  if (before === undefined || before === null || after === undefined || after === null) return;
  if (Array.isArray(before)) {
    if (!Array.isArray(after)) return;
    const left = new Map<string, unknown[]>();
    for (const v of after) left.set(identity(v), [...(left.get(identity(v)) ?? []), v]);
    for (const b of before) {
      const same = left.get(identity(b));
      const a = same?.shift();
      if (a !== undefined && content(a) !== content(b)) out.push({ field: path, before: b, after: a });
    }
    return;
  }
  if (typeof before !== "object") return;
  if (path === "retirement")
    for (const k of Object.keys(before as object))
      changedIn(
        out,
        `${path}.${k}`,
        (before as Record<string, unknown>)[k],
        (after as Record<string, unknown>)[k],
      );
  else if (content(before) !== content(after)) out.push({ field: path, before, after });
}

/** The records of `before` that `after` keeps under the same name with other values (what a re-import changes). */
export function staffingChanges(before: StaffingDocument, after: StaffingDocument): StaffingChange[] {
  const out: StaffingChange[] = [];
  for (const key of Object.keys(STAFFING_FIELD_LABELS)) {
    if (key.includes(".")) continue;
    if (key === "retirement") continue;
    changedIn(out, key, (before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]);
  }
  changedIn(out, "retirement", before.retirement, after.retirement);
  return out;
}

/** Puts removed records back into a document (a restore from the history); what is there already stays. */
export function withRestored(
  doc: StaffingDocument,
  field: string,
  records: readonly unknown[],
): StaffingDocument {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const [top, sub] = field.split(".") as [string, string | undefined];
  if (sub && (copy[top] === undefined || copy[top] === null)) copy[top] = {};
  const holder = sub ? (copy[top] as Record<string, unknown>) : copy;
  const name = sub ?? top;
  const current = holder[name];
  if (name === "staffingPlan") {
    if ((current === undefined || current === null) && records.length === 1) holder[name] = records[0];
  } else if (Array.isArray(current) || current === undefined) {
    const list = (current ?? []) as unknown[];
    const have = new Set(list.map(identity));
    holder[name] = [...list, ...records.filter((r) => !have.has(identity(r)))];
  }
  return copy as StaffingDocument;
}
