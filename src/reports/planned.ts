/** 年度別計画値 beside the actuals: what the summary (一覧) and the sheets (個票) show under each year's actual. */
import type { SeriesRow } from "./evaluation.ts";
import type { ValueCell } from "./format.ts";

/** The plan's yearly (and cumulative) value of the year beneath the actual, when the plan gives them. */
export function withPlan(cell: ValueCell, r: SeriesRow, fy: number): ValueCell {
  const own = (r.indicator.plannedValues ?? []).filter((v) => v.series === r.series && v.fiscalYear === fy);
  const text = (cumulative: boolean) =>
    own.find((v) => (v.cumulative === true) === cumulative && v.kind !== "empty")?.text;
  const parts = [text(false) && `計画 ${text(false)}`, text(true) && `累計計画 ${text(true)}`].filter(
    Boolean,
  );
  return parts.length > 0 ? { ...cell, planned: parts.join(" ") } : cell;
}
