/**
 * The plan's own scales in reports and the dashboard (issue 10.5): each indicator series graded on the
 * plan's grades (S/A/B/C …) from its achievement rate or by the reviewer, and the 着手状況 classes named in
 * the plan's implementation words. Without plan.scales nothing here changes anything: the columns are
 * gyokaku's 達成・順調・遅れ・未達成… and 未着手・取組中・完了. Pure.
 */
import type { PlanDocument } from "../core/plan-document/schema.ts";
import {
  type GradeResult,
  gradeEvaluation,
  gradeText,
  type OutcomeScale,
} from "../domain/evaluation/grade.ts";
import {
  EVALUATION_STATUSES,
  type Evaluation,
  IMPLEMENTATION_LABELS,
  IMPLEMENTATION_STATUSES,
  IMPLEMENTATION_SYMBOLS,
  type ImplementationResult,
  type ImplementationStatus,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  stageClass,
} from "../domain/evaluation/index.ts";
import type { PlanLadder } from "../domain/evaluation/vocabulary.ts";

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
  // A grade the plan gave no symbol shows none: 「－」 is 評価なし's.
  return { symbol: g ? (g.symbol ?? "") : "－", label: g?.label ?? UNGRADED, explanation: r.explanation };
}

/** What the rule alone gives on the plan's scale, without the reviewer's judgement: 「◎」「S」. */
export function computedGradeCell(scale: OutcomeScale, e: Evaluation): { symbol: string; label: string } {
  const plain: Evaluation = { ...e, status: e.computedStatus, judgement: undefined, explanation: e.rule };
  const { symbol, label } = planGradeCell(scale, plain);
  return { symbol, label };
}

/** One column of a table of results: what is counted under it, its symbol and its word. */
export type OutcomeColumn = { key: string; symbol: string; label: string };

/**
 * How results are counted and shown for a plan: gyokaku's statuses, or the plan's grades in the plan's order
 * then 評価なし. `good` and `behind` split the verdicts in two — 達成・順調 against 遅れ・未達成, or the upper
 * and the lower half of the grades a rule computes (S・A against B・C; a grade set only by the reviewer is in
 * neither) — for the dashboard's share and its ordering of departments.
 */
export type OutcomeColumns = {
  own: boolean;
  columns: OutcomeColumn[];
  of(e: Evaluation): string;
  good: string[];
  behind: string[];
};

export function outcomeColumns(scale: OutcomeScale | undefined): OutcomeColumns {
  if (!scale)
    return {
      own: false,
      columns: EVALUATION_STATUSES.map((s) => ({
        key: s,
        symbol: STATUS_SYMBOLS[s],
        label: STATUS_LABELS[s],
      })),
      of: (e) => e.status,
      good: ["achieved", "on_track"],
      behind: ["behind", "not_achieved"],
    };
  const computed = scale.grades.filter((g) => !g.rule?.reviewer).map((g) => g.label);
  const half = Math.ceil(computed.length / 2);
  return {
    own: true,
    columns: [
      ...scale.grades.map((g) => ({ key: g.label, symbol: g.symbol ?? "", label: g.label })),
      { key: UNGRADED, symbol: "－", label: UNGRADED },
    ],
    of: (e) => gradeOf(scale, e),
    good: computed.slice(0, half),
    behind: computed.slice(half),
  };
}

/** 「◎ S」, 「C」 (a grade without a symbol), 「◎ 達成」. */
export const columnText = (c: OutcomeColumn) => (c.symbol ? `${c.symbol} ${c.label}` : c.label);

/**
 * The 着手状況 columns in the plan's words: each of 未着手・取組中・完了 headed by the plan's states that fall in
 * it (「→ 検討中・部分実施」「■ 達成」), gyokaku's word where none does; undefined without a vocabulary.
 */
export function implementationHeadings(
  doc: PlanDocument,
  ladder: PlanLadder,
): Record<ImplementationStatus, string> | undefined {
  const states = doc.plan.scales?.implementation?.states;
  if (!states?.length) return undefined;
  const out = {} as Record<ImplementationStatus, string>;
  for (const s of IMPLEMENTATION_STATUSES) {
    const words = states.filter((w) => stageClass(ladder, w.label, ladder.done) === s).map((w) => w.label);
    out[s] = `${IMPLEMENTATION_SYMBOLS[s]} ${words.length ? words.join("・") : IMPLEMENTATION_LABELS[s]}`;
  }
  return out;
}

/**
 * An item's 着手状況 in the plan's words: the furthest of the plan's states recorded that year in the item's
 * class (部分実施), else the class's heading; gyokaku's word for a plan without a vocabulary.
 */
export function implementationLabel(
  doc: PlanDocument,
  ladder: PlanLadder,
  r: ImplementationResult,
): { symbol: string; label: string } {
  const symbol = IMPLEMENTATION_SYMBOLS[r.status];
  const states = doc.plan.scales?.implementation?.states;
  if (!states?.length || r.status === "no_data") return { symbol, label: IMPLEMENTATION_LABELS[r.status] };
  const inClass = states.filter((w) => stageClass(ladder, w.label, ladder.done) === r.status);
  const recorded = inClass.filter((w) => r.words.includes(w.label)).at(-1);
  if (recorded) return { symbol, label: recorded.label };
  return {
    symbol,
    label: inClass.length ? inClass.map((w) => w.label).join("・") : IMPLEMENTATION_LABELS[r.status],
  };
}
