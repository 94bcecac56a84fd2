import { formatNumber, percent, quantity, roundComputed, yearPhrase } from "./format.ts";
import type { NumericCase, RuleOutcome } from "./outcome.ts";
import { notJudgeable, progressRate, reaches, referenceValue, show } from "./outcome.ts";
import { judgeOnPath } from "./value-by-year.ts";

/**
 * 10%増 (2023年度比), 20分短縮: the target value is computed from the named year's value (or the previous
 * year's, or the baseline) and then judged like a value-by-year target: on the straight line from that year
 * before the target year, against the computed value from the target year on, or every year without one.
 * A % change is a rate of the starting value (10%増 = × 1.1); any other unit is an amount (20分短縮 = − 20分).
 * @example relative({ input: { fiscalYear: 2027, target: { ...readTarget("10%増 (2023年度比)"), fiscalYear: 2027 }, actuals: [{ ...readValue("60点"), fiscalYear: 2023 }], … }, actual: { value: 66 }, unit: "点" })
 *   // → achieved: 60点 × 1.1 = 66点
 */
export function relative(c: NumericCase): RuleOutcome {
  const { target } = c.input;
  const ref = referenceValue(c.input);
  const change = target.change;
  const word = target.direction === "decrease" ? "減" : "増";
  const changePhrase = change ? `${formatNumber(change.amount)}${change.unit}${word}` : `「${target.text}」`;
  const byYear = target.fiscalYear === undefined ? "" : `（${yearPhrase(target.fiscalYear)}）`;
  const actualPhrase = show(c, c.actual);
  const refPhrase = "value" in ref ? `${ref.label} ${show(c, ref)}` : ref.label;
  const loosePremise = `目標 ${refPhrase}より${changePhrase}${byYear}に対し ${actualPhrase}`;

  if (!target.direction || !change) return notJudgeable(loosePremise, "増減の向きや量が読み取れていません");
  if ("problem" in ref) return notJudgeable(loosePremise, ref.problem);
  const delta = change.unit === "%" ? (ref.value * change.amount) / 100 : change.amount;
  const goal = ref.value + (target.direction === "increase" ? delta : -delta);
  const goalPhrase = `${refPhrase}より${changePhrase}の ${quantity(roundComputed(goal), c.unit)}${byYear}`;
  const rate = progressRate(c.actual.value, ref.value, goal);
  // A reduction (20人削減, ▲10件, 20%削減) also says how much has been reduced so far.
  const reduced =
    target.direction === "decrease"
      ? `削減 ${change.unit === "%" ? `${formatNumber(roundComputed(((ref.value - c.actual.value) / ref.value) * 100))}%` : quantity(roundComputed(ref.value - c.actual.value), c.unit)}（目標 ${formatNumber(change.amount)}${change.unit}）`
      : undefined;
  if (target.fiscalYear === undefined) {
    return {
      status: reaches(c.actual.value, goal, target.direction) ? "achieved" : "not_achieved",
      premise: `目標 ${goalPhrase}に対し ${actualPhrase}`,
      comparedWith: goal,
      progressRate: rate,
      notes: [reduced, rate !== undefined && `進捗率 ${percent(rate)}`].filter((n): n is string => !!n),
    };
  }
  const better = target.direction;
  const outcome = judgeOnPath({
    ...c,
    goal,
    goalYear: target.fiscalYear,
    start: ref,
    startLabel: ref.label,
    better,
    goalPhrase,
  });
  return reduced ? { ...outcome, notes: [reduced, ...(outcome.notes ?? [])] } : outcome;
}
