/**
 * The 取組状況 and 取組計画・実績 sheets merged onto the items. A progress report is its item and year; a
 * planned or actual activity is its item, 区分 and year, matched in order when there are several.
 */
import type { Activity, Progress } from "../plan-document/schema.ts";
import { type MergeContext, same, setField, withoutSource } from "./merge-context.ts";
import { itemOf, nonBlank } from "./merge-items.ts";
import type { Table, TableRow } from "./table.ts";

/** A record with its 出典, or the stored record itself when the row changed nothing. */
function settle<R extends { source?: unknown }>(
  ctx: MergeContext,
  row: TableRow,
  made: R,
  base: R | undefined,
): R {
  const changed = !base || !same(withoutSource(made), withoutSource(base));
  const source = ctx.source(row, undefined, base as { source?: never } | undefined, changed);
  const { source: _, ...rest } = made;
  const record = (source === undefined ? rest : { ...rest, source }) as R;
  return base && same(record, base) ? base : record;
}

function yearOf(row: TableRow): number | undefined {
  const fy = row.year("fiscal_year");
  if (fy === undefined && row.key("fiscal_year") === undefined)
    row.error("fiscal_year", "cell.required", "年度がありません");
  return fy;
}

export function mergeProgress(table: Table, ctx: MergeContext) {
  for (const row of table.rows) {
    const item = itemOf(ctx, row);
    const fiscalYear = yearOf(row);
    const deleted = row.isDeleted();
    if (!item || fiscalYear === undefined) continue;
    const base = item.progress.find((p) => p.fiscalYear === fiscalYear);
    if (deleted) {
      if (base) item.progress.splice(item.progress.indexOf(base), 1);
      else row.note("warning", undefined, "delete.missing", "削除する取組状況がありません");
      continue;
    }
    const made: Progress = { ...base, fiscalYear };
    if (row.has("narrative")) setField(made, "narrative", row.text("narrative"));
    if (row.has("next_year_plan")) setField(made, "nextYearPlan", row.text("next_year_plan"));
    if (row.has("status")) setField(made, "status", nonBlank(row.key("status")));
    const record = settle(ctx, row, made, base);
    if (base) item.progress[item.progress.indexOf(base)] = record;
    else item.progress.push(record);
  }
}

export function mergeActivities(table: Table, ctx: MergeContext) {
  const seen = new Map<string, number>();
  const removed = new Set<Activity>();
  for (const row of table.rows) {
    const item = itemOf(ctx, row);
    const fiscalYear = yearOf(row);
    const kind = row.choice("kind") as Activity["kind"] | undefined;
    if (kind === undefined && row.key("kind") === undefined)
      row.error("kind", "cell.required", "区分（計画・実績）がありません");
    const deleted = row.isDeleted();
    if (!item || fiscalYear === undefined || kind === undefined) continue;
    const group = `${item.key}\n${kind}\n${fiscalYear}`;
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    const base = item.activities.filter((a) => a.kind === kind && a.fiscalYear === fiscalYear)[n];
    if (deleted) {
      if (base) removed.add(base);
      else row.note("warning", undefined, "delete.missing", "削除する取組がありません");
      continue;
    }
    const made: Activity = { ...base, fiscalYear, kind, text: base?.text ?? "" };
    if (row.has("year_label")) setField(made, "yearLabel", nonBlank(row.text("year_label")));
    if (row.has("status")) setField(made, "status", nonBlank(row.key("status")));
    if (row.has("text")) made.text = row.text("text") ?? "";
    const record = settle(ctx, row, made, base);
    if (base) item.activities[item.activities.indexOf(base)] = record;
    else item.activities.push(record);
  }
  for (const item of ctx.items.values()) item.activities = item.activities.filter((a) => !removed.has(a));
}
