import { BASIS_LABELS } from "../values/index.ts";
import { formatNumber, quantity, yearPhrase } from "./format.ts";
import type { Amount, NumericCase, RuleOutcome } from "./outcome.ts";
import { notJudgeable, progressRate, reaches } from "./outcome.ts";
import type { EvaluationInput } from "./types.ts";
import { judgeOnPath } from "./value-by-year.ts";

/** The running sum of the actuals from the plan's first year to the evaluated year, with its parts. */
export type RunningSum = Amount & {
  parts: { fiscalYear: number; value: number; decimals?: number | undefined }[];
};

/**
 * Sums the actuals of every year from `from` to `to`. A year without an actual makes the sum missing (never 0);
 * a year whose actual is not a number, or is in another unit, makes it impossible.
 */
export function runningSum(
  input: EvaluationInput,
  from: number,
  to: number,
  unit: string | undefined,
): RunningSum | { missing: number[] } | { problem: string } {
  const parts: RunningSum["parts"] = [];
  const missing: number[] = [];
  for (let fy = from; fy <= to; fy++) {
    const found = input.actuals.filter((a) => a.fiscalYear === fy && a.kind !== "empty");
    if (new Set(found.map((a) => a.text.trim())).size > 1)
      return { problem: `${yearPhrase(fy)}の実績値が食い違って複数あります` };
    const a = found[0];
    if (!a) {
      missing.push(fy);
      continue;
    }
    if (a.unreadable || a.kind !== "number" || a.number === undefined)
      return { problem: `${yearPhrase(fy)}の実績値「${a.text}」が数値として読めないため累計を出せません` };
    if (a.unit && unit && a.unit !== unit)
      return { problem: `${yearPhrase(fy)}の実績値の単位（${a.unit}）が目標の単位（${unit}）と違います` };
    parts.push({ fiscalYear: fy, value: a.number, decimals: a.decimals });
  }
  if (missing.length > 0) return { missing };
  const decimals = Math.max(0, ...parts.map((p) => p.decimals ?? 0));
  const value = Number(parts.reduce((s, p) => s + p.value, 0).toFixed(decimals + 6));
  return { value, decimals, fiscalYear: to, parts };
}

/**
 * A 累計 or 計画期間 target (「5年間で累計500百万円」, 「(R9)累計35件」): the running sum of the actuals from the
 * plan's first year is compared with the target — on the straight line from 0 before the plan to the target
 * in the target year, and with the target itself from then on. A missing year leaves the sum missing
 * (データなし), never counted as 0. The sentence names the basis and shows the sum.
 * @example 目標 累計500百万円（令和9年度）に向けた令和7年度の目安 300百万円に対し 累計 320百万円（令和5年度 100 + 令和6年度 120 + 令和7年度 100）：順調
 */
export function cumulative(input: EvaluationInput, unit: string | undefined): RuleOutcome {
  const { target, fiscalYear: fy, period } = input;
  const basis = target.basis === "period_total" ? "period_total" : "cumulative";
  const label = BASIS_LABELS[basis];
  const goal = target.number;
  const goalText = `目標「${target.text}」（${label}）`;
  if (goal === undefined) return notJudgeable(goalText, "目標値が読み取れていません");
  if (!period) return notJudgeable(goalText, "計画期間が分からないため累計を出せません");
  const goalYear = basis === "period_total" ? period.end : (target.fiscalYear ?? period.end);
  const bound = target.kind === "floor" ? "以上" : target.kind === "ceiling" ? "以下" : "";
  const goalPhrase = `${label}${quantity(goal, unit, target.decimals)}${bound}（${basis === "period_total" ? `${yearPhrase(period.start)}～${yearPhrase(period.end)}` : `${yearPhrase(period.start)}から${yearPhrase(goalYear)}まで`}）`;
  if (fy < period.start)
    return notJudgeable(
      `目標 ${goalPhrase}`,
      `${yearPhrase(fy)}は計画期間（${yearPhrase(period.start)}から）より前です`,
    );
  const sum = runningSum(input, period.start, fy, unit ?? target.unit);
  if ("problem" in sum) return notJudgeable(`目標 ${goalPhrase}`, sum.problem);
  if ("missing" in sum) {
    const years = sum.missing.map(yearPhrase).join("・");
    return {
      status: "no_data",
      premise: `目標 ${goalPhrase}に対し ${yearPhrase(fy)}までの累計なし`,
      reason: `${years}の実績値がないため累計を出せません`,
      notes: [`${years}の実績値がないため累計を出せません`],
    };
  }
  const shown = sum.parts
    .map((p) => `${yearPhrase(p.fiscalYear)} ${formatNumber(p.value, p.decimals)}`)
    .join(" + ");
  const actualPhrase = `累計 ${quantity(sum.value, unit, sum.decimals)}（${shown}）`;
  const c: NumericCase = { input, actual: sum, unit };
  if (target.kind === "ceiling") {
    // A running sum only grows: once over the ceiling it stays over; below it, it holds until the target year.
    const within = reaches(sum.value, goal, "decrease", target.exclusive);
    return {
      status: !within ? "not_achieved" : fy >= goalYear ? "achieved" : "on_track",
      premise: `目標 ${goalPhrase}に対し ${actualPhrase}`,
      comparedWith: goal,
      notes: [`${label}で比較`],
    };
  }
  const start = { value: 0, fiscalYear: period.start - 1 };
  const outcome = judgeOnPath({
    ...c,
    goal,
    goalYear,
    start,
    startLabel: "計画開始前",
    better: "increase",
    goalPhrase,
    actualPhrase,
    pathNote: `目安は${yearPhrase(period.start)}からの累計が${yearPhrase(goalYear)}に目標に届く直線`,
  });
  const rate = progressRate(sum.value, 0, goal);
  return { ...outcome, progressRate: rate, notes: [`${label}で比較`, ...(outcome.notes ?? [])] };
}
