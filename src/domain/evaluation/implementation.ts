import { compareStages, normalizeStageWord, type StageLadder } from "../values/index.ts";
import { yearPhrase } from "./format.ts";
import { IMPLEMENTATION_LABELS } from "./labels.ts";
import type { ImplementationStatus } from "./types.ts";

export { IMPLEMENTATION_STATUSES, type ImplementationStatus } from "./types.ts";

/**
 * One recorded stage word of an item: an activity's or progress report's status tag (千歳 <実施>, <調査検討>)
 * or a stage actual of one of its indicators (江別 検討, 実施). `source` tells the records apart
 * (an indicator key, "activities"), so that each is judged on its own before the item is.
 */
export type StageRecord = { fiscalYear: number; word: string; source?: string | undefined };

export type ImplementationResult = {
  status: ImplementationStatus;
  explanation: string;
  /** Words not on the ladder: left out of the judgement and reported, never guessed. */
  unrecognized: string[];
  /** The words recorded for the year, in the order they were recorded. */
  words: string[];
};

/** What one source says for the year; `carried` when only an earlier 完了 speaks for it. */
type Track = { status: ImplementationStatus | "missing"; carried?: boolean };

/**
 * 着手状況 of one item in one fiscal year. Each source counts with its highest word of that year; a source
 * with nothing that year counts only if it reached 完了 earlier, because finished work stays finished while
 * anything else from an earlier year may be stale. The item is 完了 when every source is, 未着手 when
 * none has begun (未着手・未実施), otherwise 取組中; with no usable record it is データなし, never 未着手.
 * Plans (取組計画) are not records: pass only what was done.
 * @example implementationStatus({ fiscalYear: 2022, ladder: DEFAULT_STAGE_LADDER, records: [
 *   { fiscalYear: 2022, word: "実施", source: "オープンデータ" }, { fiscalYear: 2019, word: "実施・完了", source: "クラウド化" } ] })
 *   // → in_progress
 */
export function implementationStatus(input: {
  fiscalYear: number;
  records: readonly StageRecord[];
  ladder: StageLadder;
  /** The plan's words that count as done (its implementation vocabulary), besides 完了 and above. */
  done?: ReadonlySet<string> | undefined;
}): ImplementationResult {
  const { fiscalYear } = input;
  const ladder: Ladder = { ladder: input.ladder, done: input.done };
  const upToYear = input.records.filter((r) => r.fiscalYear <= fiscalYear);
  const sources = [...new Set(upToYear.map((r) => r.source ?? ""))];
  const unrecognized = [
    ...new Set(
      upToYear
        .filter((r) => r.fiscalYear === fiscalYear && classify(ladder, r.word) === null)
        .map((r) => r.word),
    ),
  ];
  const tracks = sources.map((s) =>
    track(
      ladder,
      fiscalYear,
      upToYear.filter((r) => (r.source ?? "") === s),
    ),
  );
  const known = tracks.flatMap((t) => (t.status === "missing" ? [] : [t.status]));
  const status = combine(known);
  const words = [...new Set(upToYear.filter((r) => r.fiscalYear === fiscalYear).map((r) => r.word))];
  const parts = [
    words.length
      ? `${yearPhrase(fiscalYear)}の記録：${words.join("、")}`
      : `${yearPhrase(fiscalYear)}の記録なし`,
    tracks.some((t) => t.carried) ? "以前の年度に完了したものを含みます" : undefined,
    unrecognized.length ? `段階表にない語（${unrecognized.join("、")}）は判定に使っていません` : undefined,
    known.length && known.length < tracks.length ? "この年度の記録がないものがあります" : undefined,
  ].filter((p): p is string => p !== undefined);
  return {
    status,
    explanation: `${parts.join("。")}：${IMPLEMENTATION_LABELS[status]}`,
    unrecognized,
    words,
  };
}

function combine(known: readonly ImplementationStatus[]): ImplementationStatus {
  if (known.length === 0) return "no_data";
  if (known.every((t) => t === "completed")) return "completed";
  if (known.every((t) => t === "not_started")) return "not_started";
  return "in_progress";
}

type Ladder = { ladder: StageLadder; done?: ReadonlySet<string> | undefined };

function track(ladder: Ladder, fiscalYear: number, records: readonly StageRecord[]): Track {
  const thisYear = records
    .filter((r) => r.fiscalYear === fiscalYear)
    .map((r) => classify(ladder, r.word))
    .filter((c): c is Exclude<ImplementationStatus, "no_data"> => c !== null);
  if (thisYear.length) {
    // The highest word of the year speaks for the source: <調査検討> and <実施> in one year is work under way.
    for (const s of ["completed", "in_progress", "not_started"] as const)
      if (thisYear.includes(s)) return { status: s };
  }
  const doneBefore = records.some(
    (r) => r.fiscalYear < fiscalYear && classify(ladder, r.word) === "completed",
  );
  return doneBefore ? { status: "completed", carried: true } : { status: "missing" };
}

/**
 * Which of 未着手・取組中・完了 one stage word stands for on the ladder (with the plan's done words), or null
 * for a word the ladder does not know.
 * @example stageClass(DEFAULT_STAGE_LADDER, "一部実施") === "in_progress"
 */
export function stageClass(
  ladder: StageLadder,
  word: string,
  done?: ReadonlySet<string> | undefined,
): Exclude<ImplementationStatus, "no_data"> | null {
  return classify({ ladder, done }, word);
}

function classify({ ladder, done }: Ladder, word: string): Exclude<ImplementationStatus, "no_data"> | null {
  const toDone = compareStages(ladder, word, "完了");
  if (toDone !== null && done?.has(normalizeStageWord(word))) return "completed";
  if (toDone === null) return null;
  if (toDone >= 0) return "completed";
  return (compareStages(ladder, word, "未着手") ?? 1) <= 0 ? "not_started" : "in_progress";
}
