/**
 * The plan's own grades on the 個票 chart (issue 10.5): with plan.scales.outcome, each year's actual point is
 * labelled with its value and that year's grade (「4,200件 ◎S」), and the chart's description lists them, so
 * that chart and result cell say the same. Plans without a scale keep the plain value labels. Pure.
 */
import { type ChartLine, formatValue } from "../core/charts/indicator-chart.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import type { EvaluatedPlan, SeriesRow } from "./evaluation.ts";
import { outcomeScaleOf, planGradeCell } from "./grades.ts";

/**
 * The actual line with each year's grade beside its value; the baseline year keeps its plain label.
 * Returns the line unchanged for a plan without its own scale.
 */
export function withGrades(
  plan: EvaluatedPlan,
  r: SeriesRow,
  axis: readonly number[],
  line: ChartLine,
  unit: string | undefined,
  baseYear: number | undefined,
): { line: ChartLine; grades: string[] } {
  const scale = outcomeScaleOf(plan.doc);
  if (!scale) return { line, grades: [] };
  const grades: string[] = [];
  const labels = axis.map((fy, i) => {
    const v = line.values[i];
    if (v === null || v === undefined || fy === baseYear) return undefined;
    const g = planGradeCell(scale, plan.evaluateIn(r, fy));
    const mark = `${g.symbol}${g.label}`;
    grades.push(`${warekiFiscalYear(fy)} ${g.label}`);
    return `${formatValue(v, unit ?? "")} ${mark}`;
  });
  return { line: { ...line, labels }, grades };
}
