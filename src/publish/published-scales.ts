/**
 * The plan's own scales as a published version keeps them (issue 10.5): whether this version was graded on the
 * plan's outcome scale and recorded its implementation words, and counting grades. Pure; the pages' marks are
 * in grading.tsx, open data uses the same functions.
 */
import type { ScaleGrade } from "../domain/evaluation/grade.ts";
import type { Snapshot, YearResult } from "./snapshot.ts";
import { UNGRADED } from "./snapshot.ts";

export type Grading = {
  /** The plan's grades, best first, then 評価なし. */
  grades: readonly ScaleGrade[];
};
export type Vocabulary = { states: readonly { label: string; done?: boolean | undefined }[] };

/** Counts per grade label (評価なし included) and in all. */
export type GradeCounts = { counts: Map<string, number>; total: number };

/** The plan's scale, when this version was graded on it. */
export function gradingOf(snapshot: Snapshot): Grading | undefined {
  const outcome = snapshot.document.plan.scales?.outcome;
  if (!outcome || !snapshot.ownScales) return undefined;
  return { grades: outcome.grades };
}

/** The plan's implementation vocabulary, when this version recorded the items' states in it. */
export function vocabularyOf(snapshot: Snapshot): Vocabulary | undefined {
  const implementation = snapshot.document.plan.scales?.implementation;
  if (!implementation || !snapshot.ownScales) return undefined;
  return { states: implementation.states };
}

export function countGrades(results: readonly (YearResult | undefined)[]): GradeCounts {
  const counts = new Map<string, number>();
  for (const r of results) {
    const g = r?.grade ?? UNGRADED;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return { counts, total: results.length };
}

/** The columns a tally shows: every grade of the scale, then 評価なし. */
export function gradeColumns(grading: Grading): { label: string; symbol: string; index: number }[] {
  return [
    ...grading.grades.map((g, index) => ({ label: g.label, symbol: g.symbol ?? "", index })),
    { label: UNGRADED, symbol: "－", index: grading.grades.length },
  ];
}

/** The explanation of a result: with the plan's rule named where the version graded on its scale. */
export function explanationOf(grading: Grading | undefined, r: YearResult): string {
  return grading && r.gradeExplanation ? r.gradeExplanation : r.explanation;
}
