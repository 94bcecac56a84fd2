/**
 * Stages (段階): the words plans use instead of numbers for indicators such as 「オープンデータの共有」
 * (検討 → 実施). A ladder orders them so that an actual stage can be compared with a target stage.
 */
import { toHalfWidth } from "./normalize.ts";

/**
 * Stage words, lowest level first; the words of one level are synonyms and compare equal.
 * Build variants with extendLadder rather than by hand, so that every word stays unique.
 */
export type StageLadder = { readonly levels: readonly (readonly string[])[] };

/**
 * The default ladder. Ranks answer one question: does an actual at this stage meet a target at that stage?
 * - 未着手 < 検討: studying is more than nothing.
 * - 検討 = 調査検討 = 調査 = 研究: all are "looking into it" (千歳 writes <調査検討>).
 * - 検討・実施 above 検討 but below 一部実施: 江別 uses it for "studied and partly acted on"; an actual of
 *   検討 must fail a target of (R1～)検討・実施, and 検討・実施 must fail a target of (R3～)実施.
 * - 一部実施 = 試行: part of the work is done or on trial (千歳 <一部実施> before full 実施).
 * - 実施 = 設置 = 構築 = 導入 = 策定 = 開始 = 随時実施: the thing named has been done or put in place;
 *   札幌 writes the target as the act itself (設置, 構築). 随時実施 ("done whenever needed") is a way of
 *   doing it, not more than doing it.
 * - 継続実施 = 継続 = 推進 = 運用 = 活用: done and kept going over time, which is only possible after 実施.
 * - 充実 = 強化 = 拡充: improved beyond what was in place; 札幌 sets 2022 実施 → 2027 充実, so 実施 must
 *   not meet a target of 充実.
 * - 完了: finished; nothing is left to do, so it meets every target.
 */
export const DEFAULT_STAGE_LADDER: StageLadder = freezeLadder([
  ["未着手", "未実施"],
  ["検討", "調査検討", "調査", "研究", "調査研究", "検討中"],
  ["検討・実施", "準備"],
  ["一部実施", "試行", "試行実施"],
  ["実施", "実施済", "設置", "構築", "導入", "策定", "開始", "随時実施"],
  ["継続実施", "継続", "推進", "運用", "活用"],
  ["充実", "強化", "拡充"],
  ["完了"],
]);

/** Where a municipality's own word goes: with an existing word, or on a new level just above or below it. */
export type LadderAddition =
  | { word: string; sameAs: string }
  | { word: string; above: string }
  | { word: string; below: string };

/**
 * A ladder with a municipality's own words added. Throws when a word is already on the ladder or the
 * reference word is not, because a silently ignored setting would change how targets are judged.
 * @example extendLadder(DEFAULT_STAGE_LADDER, { word: "見直し", sameAs: "実施" }, { word: "本格運用", above: "運用" })
 */
export function extendLadder(base: StageLadder, ...additions: LadderAddition[]): StageLadder {
  const levels = base.levels.map((l) => [...l]);
  for (const a of additions) {
    const word = normalizeStageWord(a.word);
    if (word === "") throw new Error("段階の語が空です");
    if (levels.some((l) => l.includes(word))) throw new Error(`段階「${word}」はすでに段階表にあります`);
    const ref = normalizeStageWord("sameAs" in a ? a.sameAs : "above" in a ? a.above : a.below);
    const at = levels.findIndex((l) => l.includes(ref));
    if (at < 0) throw new Error(`基準の段階「${ref}」が段階表にありません`);
    if ("sameAs" in a) levels[at]!.push(word);
    else if ("above" in a) levels.splice(at + 1, 0, [word]);
    else levels.splice(at, 0, [word]);
  }
  return freezeLadder(levels);
}

function freezeLadder(levels: string[][]): StageLadder {
  const normalized = levels.map((l) => Object.freeze(l.map(normalizeStageWord)));
  return Object.freeze({ levels: Object.freeze(normalized) });
}

/**
 * The form of a stage word used for look-up: width folded, spaces removed, the tag brackets 千歳 puts
 * around stages (<実施>) removed, the old form 隨 read as 随 (札幌 prints 隨時実施), every middle dot as ・,
 * 済み as 済.
 * @example normalizeStageWord("＜隨時実施＞") === "随時実施"
 */
export function normalizeStageWord(text: string): string {
  let s = toHalfWidth(text).replace(/\s+/g, "");
  const tag = /^[<〈《【[](.*)[>〉》】\]]$/.exec(s);
  if (tag) s = tag[1]!;
  return s.replace(/隨/g, "随").replace(/[･·•]/g, "・").replace(/済み$/, "済");
}

const RANKS = new WeakMap<StageLadder, Map<string, number>>();

function ranksOf(ladder: StageLadder): Map<string, number> {
  let ranks = RANKS.get(ladder);
  if (!ranks) {
    ranks = new Map();
    for (const [rank, words] of ladder.levels.entries()) {
      for (const w of words) ranks.set(normalizeStageWord(w), rank);
    }
    RANKS.set(ladder, ranks);
  }
  return ranks;
}

/**
 * The stage a text names, in its look-up form, with its rank; null when it is not a stage on the ladder.
 * A compound of ladder words (実施・完了) that the ladder does not list itself ranks as its highest part:
 * 江別 writes 実施・完了 for work done and finished in the same year.
 * @example findStage(DEFAULT_STAGE_LADDER, "<継続実施>") → { stage: "継続実施", rank: 5 }
 */
export function findStage(ladder: StageLadder, text: string): { stage: string; rank: number } | null {
  const ranks = ranksOf(ladder);
  const stage = normalizeStageWord(text);
  if (stage === "") return null;
  const direct = ranks.get(stage);
  if (direct !== undefined) return { stage, rank: direct };
  const parts = stage.split("・");
  if (parts.length < 2) return null;
  let rank = -1;
  for (const p of parts) {
    const r = ranks.get(p);
    if (r === undefined) return null;
    rank = Math.max(rank, r);
  }
  return { stage, rank };
}

/** @example stageRank(DEFAULT_STAGE_LADDER, "推進") === stageRank(DEFAULT_STAGE_LADDER, "運用") */
export function stageRank(ladder: StageLadder, text: string): number | null {
  return findStage(ladder, text)?.rank ?? null;
}

/**
 * −1, 0 or 1 as stage a is below, equal to or above stage b; null when either is not on the ladder, so that
 * an unknown word is never judged.
 * @example compareStages(DEFAULT_STAGE_LADDER, "検討", "検討・実施") === -1
 */
export function compareStages(ladder: StageLadder, a: string, b: string): number | null {
  const ra = stageRank(ladder, a);
  const rb = stageRank(ladder, b);
  if (ra === null || rb === null) return null;
  return Math.sign(ra - rb);
}
