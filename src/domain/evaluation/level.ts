import { progressNote, quantity, yearPhrase } from "./format.ts";
import type { NumericCase, RuleOutcome } from "./outcome.ts";
import { notJudgeable, numericBaseline, progressRate, reaches, show } from "./outcome.ts";

const BOUND_WORDS = { floor: ["以上", "超"], ceiling: ["以下", "未満"] } as const;

/**
 * (R1～)13%以上 (floor) and …以下 (ceiling): a level to hold in every year from `fromFiscalYear`
 * (to `toFiscalYear` when given), so each such year is simply 達成 or 未達成; outside those years there is
 * no target to meet. 超 and 未満 exclude the bound itself.
 * @example level({ input: { fiscalYear: 2019, target: readTarget("(R1～)13%以上"), … }, actual: { value: 15.4, decimals: 1 }, unit: "%" }, "floor")
 *   // → achieved: 「目標 13%以上（令和元年度から毎年度）に対し 15.4%：達成（進捗率 139.3%）」
 */
export function level(c: NumericCase, kind: "floor" | "ceiling"): RuleOutcome {
  const { target, fiscalYear } = c.input;
  const goal = target.number;
  const { fromFiscalYear: from, toFiscalYear: to } = target;
  const bound = BOUND_WORDS[kind][target.exclusive ? 1 : 0];
  const goalPhrase =
    goal === undefined ? `「${target.text}」` : `${quantity(goal, c.unit, target.decimals)}${bound}`;
  const years = `${from === undefined ? "" : `${yearPhrase(from)}から`}${to === undefined ? "" : `${yearPhrase(to)}まで`}毎年度`;
  const premise = `目標 ${goalPhrase}（${years}）に対し ${show(c, c.actual)}`;
  if (goal === undefined) return notJudgeable(premise, "目標値が読み取れていません");
  if ((from !== undefined && fiscalYear < from) || (to !== undefined && fiscalYear > to)) {
    return notJudgeable(premise, `${yearPhrase(fiscalYear)}は目標の年度（${years}）に入りません`);
  }
  const base = numericBaseline(c.input);
  const rate = "value" in base ? progressRate(c.actual.value, base.value, goal) : undefined;
  const met = reaches(c.actual.value, goal, kind === "floor" ? "increase" : "decrease", target.exclusive);
  return {
    status: met ? "achieved" : "not_achieved",
    premise,
    comparedWith: goal,
    progressRate: rate,
    notes: progressNote(rate) === undefined ? [] : [progressNote(rate)!],
  };
}
