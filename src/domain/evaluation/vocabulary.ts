/**
 * A plan's implementation vocabulary (issue 10.5): its own ordered states (検討中・部分実施・達成, or
 * 未着手・実施中・完了・継続) with the ones that count as done. The words join the stage ladder so that stage
 * targets and actuals in them are judged, and the done words count as 完了. Pure.
 */
import {
  extendLadder,
  findStage,
  type LadderAddition,
  normalizeStageWord,
  type StageLadder,
} from "../values/index.ts";

export type VocabularyState = { label: string; done?: boolean | undefined };

/**
 * The ladder with the vocabulary's words: a done word not on the ladder ranks with 完了; any other new word
 * goes just above the nearest known word before it, or just below the nearest known word after it.
 * @example vocabularyLadder(DEFAULT_STAGE_LADDER, [{ label: "検討中" }, { label: "部分実施" }, { label: "達成", done: true }])
 *   // 部分実施 on a new level above 検討中; 達成 with 完了
 */
export function vocabularyLadder(base: StageLadder, states: readonly VocabularyState[]): StageLadder {
  let ladder = base;
  for (const s of states) {
    if (s.done && !findStage(ladder, s.label))
      ladder = extendLadder(ladder, { word: s.label, sameAs: "完了" });
  }
  for (const [i, s] of states.entries()) {
    if (findStage(ladder, s.label)) continue;
    const before = states
      .slice(0, i)
      .reverse()
      .find((w) => findStage(ladder, w.label));
    const after = states.slice(i + 1).find((w) => findStage(ladder, w.label));
    const addition: LadderAddition | undefined = before
      ? { word: s.label, above: before.label }
      : after
        ? { word: s.label, below: after.label }
        : undefined;
    if (addition) ladder = extendLadder(ladder, addition);
  }
  return ladder;
}

/** The words that count as done, normalised as the ladder compares them. */
export function doneWords(states: readonly VocabularyState[]): ReadonlySet<string> {
  return new Set(states.filter((s) => s.done).map((s) => normalizeStageWord(s.label)));
}

/** A ladder that knows the plan's done words; itemImplementation passes them on to implementationStatus. */
export type PlanLadder = StageLadder & { readonly done?: ReadonlySet<string> | undefined };

/** The ladder with the vocabulary and its done words; without a vocabulary, the ladder itself. */
export function withVocabulary(
  base: StageLadder,
  states: readonly VocabularyState[] | undefined,
): PlanLadder {
  if (!states?.length) return base;
  return { ...vocabularyLadder(base, states), done: doneWords(states) };
}
