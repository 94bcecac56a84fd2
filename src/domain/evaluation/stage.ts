import { compareStages } from "../values/index.ts";
import { yearPhrase } from "./format.ts";
import type { RuleOutcome } from "./outcome.ts";
import { notJudgeable } from "./outcome.ts";
import type { ActualValue, EvaluationInput } from "./types.ts";

/**
 * (R3～)実施, 2027年 充実: the actual stage is compared on the stage ladder.
 * - At or above the target stage: 達成 in any year, because a stage once reached stays reached
 *   (unlike a count, which can fall again).
 * - Below it before the target's year: 順調 while work has begun (検討 before (R3～)実施); there is no path
 *   between two words to be behind on, so 遅れ is never given. 未着手 before the year stays 未着手.
 * - Below it from the target's year on (or every year when the target names no year): 未達成.
 * - After the last year of (R1～R3) there is no target: 判定不可.
 * @example stage({ fiscalYear: 2019, target: { kind: "stage", stage: "実施", fromFiscalYear: 2021, … }, ladder: DEFAULT_STAGE_LADDER, … }, { text: "検討", kind: "stage", stage: "検討", fiscalYear: 2019 })
 *   // → on_track: 「目標 実施（令和3年度から）に対し 検討：順調（…）」
 */
export function stage(input: EvaluationInput, actual: ActualValue): RuleOutcome {
  const { target, fiscalYear, ladder } = input;
  const goal = target.stage ?? target.text;
  const year = target.fromFiscalYear ?? target.fiscalYear;
  const when =
    target.fromFiscalYear !== undefined
      ? `（${yearPhrase(target.fromFiscalYear)}から）`
      : target.fiscalYear !== undefined
        ? `（${yearPhrase(target.fiscalYear)}まで）`
        : "";
  const word = actual.stage ?? actual.text;
  const premise = `目標 ${goal}${when}に対し ${word}`;
  if (target.toFiscalYear !== undefined && fiscalYear > target.toFiscalYear) {
    return notJudgeable(
      premise,
      `目標は${yearPhrase(target.toFiscalYear)}までのもので、${yearPhrase(fiscalYear)}には目標がありません`,
    );
  }
  if (actual.kind === "number")
    return notJudgeable(premise, `目標は段階ですが、実績値「${actual.text}」は数値です`);
  if (actual.kind !== "stage")
    return notJudgeable(premise, `実績値「${actual.text}」は段階を表す語ではありません`);
  const cmp = compareStages(ladder, word, goal);
  if (cmp === null) {
    const unknown = compareStages(ladder, goal, goal) === null ? goal : word;
    return notJudgeable(premise, `「${unknown}」は段階表にない語です`);
  }
  if (cmp >= 0) return { status: "achieved", premise };
  if (year !== undefined && fiscalYear < year) {
    const notStarted = (compareStages(ladder, word, "未着手") ?? 1) <= 0;
    return {
      status: notStarted ? "not_started" : "on_track",
      premise,
      notes: [
        `${yearPhrase(year)}より前のため、目標の段階に届いていなくても${notStarted ? "未着手" : "順調"}とします`,
      ],
    };
  }
  return { status: "not_achieved", premise };
}
