import { yearPhrase } from "./format.ts";
import type { NumericCase, RuleOutcome } from "./outcome.ts";
import { notJudgeable, reaches, referenceValue, show } from "./outcome.ts";

const WORDS = { increase: "増加", decrease: "縮減" } as const;
// The sentence repeats the plan's own word (向上, 減少 …) where it wrote one.
const OWN_WORDS = ["増加", "向上", "拡大", "縮減", "減少", "削減", "短縮", "低下"];

/**
 * (初期値より)増加 / 縮減 / 向上 / 減少, 受験者増 (2023年度比): the actual is compared with the baseline (or
 * the named or previous year's value). An actual equal to it is 未達成, because 増加 and 縮減 ask for a change
 * and none happened. With a target year (札幌: 2027年 減少), years before it are 順調 when already better
 * than the starting value, else 遅れ.
 * @example direction({ input: { fiscalYear: 2021, target: readTarget("(初期値より)増加"), baseline: readValue("13件"), … }, actual: { value: 14 }, unit: "件" })
 *   // → achieved: 「目標 初期値 13件より増加に対し 14件：達成」
 */
export function direction(c: NumericCase): RuleOutcome {
  const { target, fiscalYear } = c.input;
  const word =
    OWN_WORDS.find((w) => target.text.includes(w)) ?? (target.direction && WORDS[target.direction]);
  const ref = referenceValue(c.input);
  const refPhrase = "value" in ref ? `${ref.label} ${show(c, ref)}` : ref.label;
  const byYear = target.fiscalYear === undefined ? "" : `（${yearPhrase(target.fiscalYear)}まで）`;
  const premise = `目標 ${refPhrase}より${word ?? `「${target.text}」`}${byYear}に対し ${show(c, c.actual)}`;
  if (!target.direction) return notJudgeable(premise, "目標の向き（増加・縮減）が読み取れていません");
  if ("problem" in ref) return notJudgeable(premise, ref.problem);
  const better = reaches(c.actual.value, ref.value, target.direction, true);
  const notes = c.actual.value === ref.value ? [`${ref.label}と同じ値は${word}にあたりません`] : [];
  const beforeYear = target.fiscalYear !== undefined && fiscalYear < target.fiscalYear;
  const status = beforeYear ? (better ? "on_track" : "behind") : better ? "achieved" : "not_achieved";
  return { status, premise, comparedWith: ref.value, notes };
}
