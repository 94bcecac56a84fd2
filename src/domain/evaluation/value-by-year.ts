import { progressNote, quantity, roundComputed, yearPhrase } from "./format.ts";
import type { Amount, Better, NumericCase, RuleOutcome } from "./outcome.ts";
import { notJudgeable, numericBaseline, progressRate, reaches, show } from "./outcome.ts";

/** A goal to reach by a year, measured from a starting value; value-by-year and relative targets share it. */
export type PathCase = NumericCase & {
  goal: number;
  goalYear: number;
  /** The value the path starts from (初期値, or the base year's value of a relative target). */
  start?: Amount | undefined;
  /** Why there is no start, for the reason of a result that needs one. */
  startProblem?: string | undefined;
  /** 「初期値」 or 「令和5年度の値」: how the sentence names the start. */
  startLabel: string;
  better: Better;
  /** The target as the sentence names it: 「6,000人（令和5年度）」. */
  goalPhrase: string;
  /** The actual as the sentence names it, when not simply the number (a running sum with its parts). */
  actualPhrase?: string | undefined;
  /** What the path is, when not the straight line from the start value to the target. */
  pathNote?: string | undefined;
};

/**
 * (R5)6,000: before the target year the actual is compared with the straight line from the baseline
 * (at its year) to the target (at the target year); from the target year on, with the target itself.
 * Reaching the target early is 順調, not 達成: a count can still fall before the target year.
 * @example valueByYear({ input: { fiscalYear: 2022, target: readTarget("(R5)6,000"), baseline: { ...readValue("1,483"), fiscalYear: 2017 }, … }, actual: { value: 26684 }, unit: "人" })
 *   // → on_track against the path value 5,247.2
 */
export function valueByYear(c: NumericCase): RuleOutcome {
  const { target } = c.input;
  const goal = target.number;
  if (goal === undefined) return notJudgeable(`目標「${target.text}」`, "目標値が読み取れていません");
  if (target.fiscalYear === undefined) return notJudgeable(`目標「${target.text}」`, "目標年度がありません");
  const base = numericBaseline(c.input);
  const start = "value" in base ? base : undefined;
  return judgeOnPath({
    ...c,
    goal,
    goalYear: target.fiscalYear,
    start,
    startProblem: "problem" in base ? base.problem : undefined,
    startLabel: "初期値",
    better: betterOf(goal, start?.value, target.direction),
    goalPhrase: `${quantity(goal, c.unit, target.decimals)}（${yearPhrase(target.fiscalYear)}）`,
  });
}

/** A target below the baseline means lower is better; without a baseline the target's own direction, else higher. */
export function betterOf(goal: number, start: number | undefined, stated: Better | undefined): Better {
  if (start !== undefined && goal !== start) return goal < start ? "decrease" : "increase";
  return stated ?? "increase";
}

export function judgeOnPath(c: PathCase): RuleOutcome {
  const fy = c.input.fiscalYear;
  const actual = c.actual.value;
  const actualPhrase = c.actualPhrase ?? show(c, c.actual);
  const rate = progressRate(actual, c.start?.value, c.goal);
  const reached = reaches(actual, c.goal, c.better);
  const notes = (...extra: (string | false)[]): string[] =>
    [...extra, c.better === "decrease" && "値が小さいほど良い指標", progressNote(rate) ?? false].filter(
      (n): n is string => typeof n === "string",
    );
  const common = { comparedWith: c.goal, progressRate: rate };

  if (fy >= c.goalYear) {
    return {
      ...common,
      status: reached ? "achieved" : "not_achieved",
      premise: `目標 ${c.goalPhrase}に対し ${actualPhrase}`,
      notes: notes(),
    };
  }
  const start = c.start;
  if (start?.fiscalYear === undefined || c.goalYear <= start.fiscalYear) {
    const why = start
      ? `${c.startLabel}の年度がないため目安を引けません`
      : `${c.startProblem ?? `${c.startLabel}がありません`}。目安を引けません`;
    const premise = `目標 ${c.goalPhrase}に対し ${actualPhrase}`;
    if (reached) return { ...common, status: "on_track", premise, notes: notes("目標値に到達済み", why) };
    return { ...notJudgeable(premise, `${why}（${yearPhrase(c.goalYear)}より前の年度）`), ...common };
  }
  const share = Math.max(0, (fy - start.fiscalYear) / (c.goalYear - start.fiscalYear));
  const expected = start.value + (c.goal - start.value) * share;
  return {
    ...common,
    expected,
    status: reaches(actual, expected, c.better) ? "on_track" : "behind",
    premise: `目標 ${c.goalPhrase}に向けた${yearPhrase(fy)}の目安 ${quantity(roundComputed(expected), c.unit)}に対し ${actualPhrase}`,
    notes: notes(
      c.pathNote ??
        `目安は${c.startLabel} ${show(c, start)}（${yearPhrase(start.fiscalYear)}）から目標までの直線`,
      reached && "目標値に到達済み",
    ),
  };
}
