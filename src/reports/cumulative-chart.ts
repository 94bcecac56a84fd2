/**
 * The chart lines of an indicator judged on a running sum (累計 / 計画期間の合計): the running sum of the
 * actuals from the plan's first year (none from a missing year on, never counting it as 0) and the straight
 * line from 0 before the plan to the target in its year — what the rule compares, so that chart and result agree.
 */
import type { ChartLine } from "../core/charts/indicator-chart.ts";
import type { EvaluatedPlan, SeriesRow } from "./evaluation.ts";

export function summedTarget(r: SeriesRow) {
  const t = r.target;
  const summable = t?.kind === "value_by_year" || t?.kind === "floor" || t?.kind === "ceiling";
  return t && summable && (t.basis === "cumulative" || t.basis === "period_total") && t.number !== undefined
    ? t
    : undefined;
}

export function cumulativeLines(
  plan: EvaluatedPlan,
  r: SeriesRow,
  axis: number[],
  suffix: string,
): { actual: ChartLine; goal: ChartLine } | undefined {
  const t = summedTarget(r);
  if (!t) return undefined;
  const { periodStart: start, periodEnd: end } = plan.doc.plan;
  const goalYear = t.basis === "period_total" ? end : (t.fiscalYear ?? end);
  let sum: number | null = 0;
  const sums = new Map<number, number | null>();
  for (let fy = start; fy <= plan.fiscalYear; fy++) {
    const a = r.actuals.get(fy);
    sum =
      sum !== null && a?.kind === "number" && !a.unreadable && a.number !== undefined ? sum + a.number : null;
    sums.set(fy, sum);
  }
  const values = axis.map((fy) => sums.get(fy) ?? null);
  if (values.every((v) => v === null)) return undefined;
  const goal = t.number!;
  const path = axis.map((fy) =>
    fy < start ? null : fy >= goalYear ? goal : (goal * (fy - start + 1)) / (goalYear - start + 1),
  );
  const last = path.reduce<number>((at, v, i) => (v === null ? at : i), -1);
  return {
    actual: { name: `実績値（累計）${suffix}`, values },
    goal: {
      name: `目標（累計）・目安${suffix}`,
      values: path.map((v) => (v === null ? null : Math.round(v * 1000) / 1000)),
      labels: path.map((_, i) => (i === last ? undefined : null)),
    },
  };
}
