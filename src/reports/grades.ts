/**
 * The plan's own outcome scale in reports (issue 10.5): each indicator series graded on the plan's grades
 * (S/A/B/C …) from its achievement rate, for the tallies and the summary. Without plan.scales.outcome
 * nothing here applies and the reports use gyokaku's 達成・順調・遅れ・未達成. Pure.
 */
import type { PlanDocument } from "../core/plan-document/schema.ts";
import {
  type GradeResult,
  gradeEvaluation,
  gradeText,
  type OutcomeScale,
} from "../domain/evaluation/grade.ts";
import type { Evaluation } from "../domain/evaluation/index.ts";

/** The column of results without a grade (no data, not judgeable, no rate). */
export const UNGRADED = "評価なし";

export function outcomeScaleOf(doc: PlanDocument): OutcomeScale | undefined {
  return doc.plan.scales?.outcome;
}

/** The grade of one result on the plan's scale, 評価なし when there is none. */
export function gradeOf(scale: OutcomeScale, e: Evaluation): string {
  return gradeEvaluation(scale, e).grade ?? UNGRADED;
}

/** The tally columns of a scale, best grade first, then 評価なし; with the heading each shows. */
export function gradeColumns(scale: OutcomeScale): { statuses: string[]; headings: Record<string, string> } {
  const statuses = [...scale.grades.map((g) => g.label), UNGRADED];
  const headings: Record<string, string> = Object.fromEntries(
    scale.grades.map((g) => [g.label, gradeText(g)]),
  );
  headings[UNGRADED] = `－ ${UNGRADED}`;
  return { statuses, headings };
}

/** The result cell's symbol, label and explanation on the plan's scale (「○ A」, the rule named). */
export function planGradeCell(
  scale: OutcomeScale,
  e: Evaluation,
): { symbol: string; label: string; explanation: string } {
  const r: GradeResult = gradeEvaluation(scale, e);
  const g = scale.grades.find((x) => x.label === r.grade);
  return { symbol: g?.symbol ?? "－", label: g?.label ?? UNGRADED, explanation: r.explanation };
}
