import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from "./implementation.ts";
import { EVALUATION_STATUSES, type EvaluationStatus } from "./types.ts";

/** Counts per status; `total` includes データなし and 判定不可, so that nothing silently drops out of a table. */
export type Tally<S extends string = EvaluationStatus> = { counts: Record<S, number>; total: number };

/** A result tagged with the groups it belongs to, by dimension: { 所管課: ["広報広聴課"], 基本目標: "1" }. */
export type Grouped<S extends string = EvaluationStatus> = {
  status: S;
  groups?: Readonly<Record<string, string | readonly string[] | undefined>> | undefined;
};

export type GroupTally<S extends string = EvaluationStatus> = { group: string; tally: Tally<S> };

/** One row of a 増減 table. */
export type TallyChange<S extends string = EvaluationStatus> = {
  status: S;
  current: number;
  previous: number;
  change: number;
};

/**
 * Counts results over a fixed list of statuses, so that a status nobody has still shows as 0.
 * @example tally([{ status: "completed" }], IMPLEMENTATION_STATUSES).counts.not_started === 0
 */
export function tally<S extends string>(results: readonly { status: S }[], statuses: readonly S[]): Tally<S> {
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;
  for (const r of results) {
    if (!(r.status in counts)) throw new Error(`集計できない状態です: ${r.status}`);
    counts[r.status] += 1;
  }
  return { counts, total: results.length };
}

/**
 * 達成度: counts of evaluation results by status. Counts, never an average of percentages: an average lets
 * one indicator far above its target hide several that missed theirs.
 * @example rollUp([{ status: "achieved" }, { status: "behind" }, { status: "achieved" }]).counts.achieved === 2
 */
export function rollUp(results: readonly { status: EvaluationStatus }[]): Tally {
  return tally(results, EVALUATION_STATUSES);
}

/**
 * 着手状況: counts of items by 未着手 / 取組中 / 完了 / データなし.
 * @example rollUpImplementation([{ status: "in_progress" }, { status: "completed" }]).counts.in_progress === 1
 */
export function rollUpImplementation(
  results: readonly { status: ImplementationStatus }[],
): Tally<ImplementationStatus> {
  return tally(results, IMPLEMENTATION_STATUSES);
}

/**
 * Tallies per group of one dimension the caller chose (a tree level, a department). A result with several
 * groups (an indicator shared by two 所管課) counts in each; one without the dimension counts under
 * 「（未分類）」. Groups come in the order they first appear.
 * @example rollUpBy([{ status: "achieved", groups: { 所管課: ["広報広聴課", "情報推進課"] } }], "所管課", EVALUATION_STATUSES)
 *   // → [{ group: "広報広聴課", tally: … }, { group: "情報推進課", tally: … }]
 */
export function rollUpBy<S extends string>(
  results: readonly Grouped<S>[],
  dimension: string,
  statuses: readonly S[],
): GroupTally<S>[] {
  const members = new Map<string, Grouped<S>[]>();
  for (const r of results) {
    const g = r.groups?.[dimension];
    const keys = g === undefined ? ["（未分類）"] : typeof g === "string" ? [g] : [...new Set(g)];
    for (const key of keys) members.set(key, [...(members.get(key) ?? []), r]);
  }
  return [...members].map(([group, rs]) => ({ group, tally: tally(rs, statuses) }));
}

/**
 * 増減 per status against the previous fiscal year's tally.
 * @example compareTallies(rollUp(fy2022), rollUp(fy2021)) // → [{ status: "achieved", current: 8, previous: 6, change: 2 }, …]
 */
export function compareTallies<S extends string>(current: Tally<S>, previous: Tally<S>): TallyChange<S>[] {
  return (Object.keys(current.counts) as S[]).map((status) => {
    const c = current.counts[status];
    const p = previous.counts[status] ?? 0;
    return { status, current: c, previous: p, change: c - p };
  });
}

/**
 * 増減 per group; a group present in only one of the two years is compared with zero.
 * @example compareGroupTallies(rollUpBy(fy2022, "所管課", EVALUATION_STATUSES), rollUpBy(fy2021, "所管課", EVALUATION_STATUSES), EVALUATION_STATUSES)
 */
export function compareGroupTallies<S extends string>(
  current: readonly GroupTally<S>[],
  previous: readonly GroupTally<S>[],
  statuses: readonly S[],
): { group: string; rows: TallyChange<S>[] }[] {
  const none = tally<S>([], statuses);
  const find = (list: readonly GroupTally<S>[], group: string) =>
    list.find((g) => g.group === group)?.tally ?? none;
  const groups = [...new Set([...current, ...previous].map((g) => g.group))];
  return groups.map((group) => ({
    group,
    rows: compareTallies(find(current, group), find(previous, group)),
  }));
}
