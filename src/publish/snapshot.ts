/**
 * The publication snapshot: what citizens see for one fiscal year of a plan, frozen when it is published.
 * The plan document as it was (trimmed to the data of that year and earlier) and the evaluation results,
 * so that pages, open data and the API render from it without evaluating again. Pure: no I/O.
 */
import { z } from "zod";
import { walkItems } from "../core/plan-document/document.ts";
import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import { planDocumentSchema } from "../core/plan-document/schema.ts";
import { gradeEvaluation } from "../domain/evaluation/grade.ts";
import {
  EVALUATION_STATUSES,
  type Evaluation,
  IMPLEMENTATION_STATUSES,
  implementationStatus,
  type StageRecord,
} from "../domain/evaluation/index.ts";
import type { PlanLadder } from "../domain/evaluation/vocabulary.ts";
import { findStage, normalizeStageWord } from "../domain/values/index.ts";
import { evaluatePlan, fiscalEffectTarget, type StoredJudgement } from "../reports/reports.service.ts";

export const SNAPSHOT_FORMAT = "gyokaku.publication/1";

const status = z.enum(EVALUATION_STATUSES);

/** The result of one indicator series in one fiscal year, as published. */
export const yearResultSchema = z.object({
  fiscalYear: z.number().int(),
  status,
  computedStatus: status,
  explanation: z.string(),
  reason: z.string().optional(),
  targetText: z.string().optional(),
  targetKind: z.string(),
  /** The number the target line of a chart shows this year: the value on the path, the floor, the target. */
  targetNumber: z.number().optional(),
  actualText: z.string().optional(),
  actualNumber: z.number().optional(),
  comparedWith: z.number().optional(),
  progressRate: z.number().optional(),
  judgement: z
    .object({
      status,
      /** The grade of the plan's scale the reviewer set (absent in versions published before it was kept). */
      grade: z.string().optional(),
      reason: z.string(),
      by: z.string(),
      at: z.string(),
    })
    .optional()
    .describe("a reviewer's judgement that overrides the computed status"),
  /**
   * The grade on the plan's own outcome scale (plan.scales.outcome) when the plan has one: its label, or
   * 評価なし; absent in versions published before grades were kept, which keep showing the status.
   */
  grade: z.string().optional(),
  /** The explanation with the plan's rule named (「…／計画の評価基準：達成率 85.0%：A（80%以上）」). */
  gradeExplanation: z.string().optional(),
  /** With a reviewer's grade: the grade the plan's rule computes, shown beside it (「計算：× C」). */
  computedGrade: z.string().optional(),
});
export type YearResult = z.infer<typeof yearResultSchema>;

export const seriesResultSchema = z.object({
  itemKey: z.string(),
  indicatorKey: z.string(),
  series: z.string().optional(),
  /** 再掲: shown, but not counted twice in tallies. */
  crossListed: z.boolean(),
  /** Department keys: the indicator's own, else its item's. */
  departments: z.array(z.string()),
  /** Every evaluated year, oldest first; the last one is the published fiscal year. */
  years: z.array(yearResultSchema),
});
export type SeriesResult = z.infer<typeof seriesResultSchema>;

export const itemResultSchema = z.object({
  itemKey: z.string(),
  implementation: z.enum(IMPLEMENTATION_STATUSES),
  explanation: z.string(),
  /** The state in the plan's own implementation vocabulary (部分実施), when the plan has one and a word of it is recorded. */
  state: z.string().optional(),
});
export type ItemResult = z.infer<typeof itemResultSchema>;

export const basisSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all_data") }),
  z.object({
    kind: z.literal("approved_round"),
    roundId: z.string(),
    /** Items whose report of the year was not approved: their data of the year is left out. */
    withheldItems: z.array(z.string()),
  }),
]);
export type PublishBasis = z.infer<typeof basisSchema>;

/** An evidence file (根拠資料) the office marked public, taken into the version when it was published. */
export const evidenceSchema = z.object({
  id: z.string(),
  itemKey: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type PublishedEvidence = z.infer<typeof evidenceSchema>;

/**
 * The plan's target for its total 財政効果額 (plan.fiscalEffectTarget) judged in the published year, as the 集計
 * shows it: gyokaku's status, and the plan's grade when it has an outcome scale.
 */
export const effectTargetSchema = z.object({
  text: z.string(),
  status,
  /** The plan's grade (or 評価なし) when the plan has an outcome scale. */
  grade: z.string().optional(),
  /** 「◎ 達成」, or the plan's grade with its mark (「○ A」). */
  result: z.string(),
  explanation: z.string(),
  progressRate: z.number().optional(),
});
export type PublishedEffectTarget = z.infer<typeof effectTargetSchema>;

export const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  fiscalYear: z.number().int(),
  basis: basisSchema,
  document: planDocumentSchema,
  series: z.array(seriesResultSchema),
  items: z.array(itemResultSchema),
  /**
   * True when the results carry the plan's own grades and the items its implementation words (the plan has
   * plan.scales); absent in versions published before, which keep showing gyokaku's statuses.
   */
  ownScales: z.boolean().optional(),
  /** Public evidence files of the year's approved items; absent in versions published before evidence was kept. */
  evidence: z.array(evidenceSchema).optional(),
  /** The target for the plan's total 財政効果額, judged; absent without one and in versions published before. */
  fiscalEffectTarget: effectTargetSchema.optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/**
 * The document as a fiscal year's publication shows it: actuals, progress reports and activity results of
 * later years are left out (a FY2021 publication made in 2023 must not show FY2022); plans for later
 * years stay, because they are plans. Items in `withheld` lose their data of the year itself too.
 */
export function documentForYear(
  doc: PlanDocument,
  fiscalYear: number,
  withheld = new Set<string>(),
): PlanDocument {
  const shown = (item: Item, fy: number) => fy < fiscalYear || (fy === fiscalYear && !withheld.has(item.key));
  const trim = (item: Item): Item => ({
    ...item,
    indicators: item.indicators.map((ind) => ({
      ...ind,
      actuals: ind.actuals.filter((a) => shown(item, a.fiscalYear)),
    })),
    progress: item.progress.filter((p) => shown(item, p.fiscalYear)),
    activities: item.activities.filter((a) => a.kind === "plan" || shown(item, a.fiscalYear)),
    // 財政効果額: planned amounts stay (plans); an actual of a later (or withheld) year is left out
    ...(item.fiscalEffects
      ? {
          fiscalEffects: item.fiscalEffects.flatMap((e) => {
            if (e.actual === undefined || shown(item, e.fiscalYear)) return [e];
            const { actual: _, ...planned } = e;
            return planned.planned === undefined ? [] : [planned];
          }),
        }
      : {}),
    children: item.children.map(trim),
  });
  return { ...doc, items: doc.items.map(trim) };
}

/**
 * Builds the snapshot of `fiscalYear`: every indicator series judged in each year from the plan's first
 * year (or the published year, if earlier) up to the published one, reviewers' judgements applied, and the
 * 着手状況 of every item that records stages.
 * @example buildSnapshot(doc, 2022).series[0].years.at(-1).status === "achieved"
 */
export function buildSnapshot(
  source: PlanDocument,
  fiscalYear: number,
  options: { judgements?: readonly StoredJudgement[]; basis?: PublishBasis } = {},
): Snapshot {
  const basis = options.basis ?? { kind: "all_data" };
  const withheld = new Set(basis.kind === "approved_round" ? basis.withheldItems : []);
  const document = documentForYear(source, fiscalYear, withheld);
  // A judgement of a withheld item's year judged data that is not published: it goes with the data.
  const withheldIndicators = new Set(
    [...walkItems(document.items)]
      .filter(({ item }) => withheld.has(item.key))
      .flatMap(({ item }) => item.indicators.map((i) => i.key)),
  );
  const judgements = (options.judgements ?? []).filter(
    (j) => !(j.fiscalYear === fiscalYear && withheldIndicators.has(j.indicatorKey)),
  );
  const evaluated = evaluatePlan(document, fiscalYear, judgements);
  const first = Math.min(document.plan.periodStart, fiscalYear);
  const years = Array.from({ length: fiscalYear - first + 1 }, (_, i) => first + i);
  const scale = document.plan.scales?.outcome;
  const series = evaluated.rows.map((row) => ({
    itemKey: row.item.key,
    indicatorKey: row.indicator.key,
    ...(row.series === undefined ? {} : { series: row.series }),
    crossListed: row.crossListed,
    departments: row.departments,
    years: years.map((fy) => {
      const e = fy === fiscalYear ? row.evaluation : evaluated.evaluateIn(row, fy);
      const r = yearResult(e);
      if (scale) {
        const g = gradeEvaluation(scale, e);
        r.grade = g.grade ?? UNGRADED;
        r.gradeExplanation = g.explanation;
        if (e.judgement?.grade !== undefined) {
          // what the rule alone gives, shown beside the reviewer's grade
          const rule = { ...e, status: e.computedStatus, judgement: undefined, explanation: e.rule };
          r.computedGrade = gradeEvaluation(scale, rule).grade ?? UNGRADED;
        }
      }
      return r;
    }),
  }));
  const target = effectTarget(evaluated);
  return {
    format: SNAPSHOT_FORMAT,
    fiscalYear,
    basis,
    document,
    series,
    items: implementationResults(document, fiscalYear, evaluated.ladder),
    ...(document.plan.scales ? { ownScales: true } : {}),
    ...(target ? { fiscalEffectTarget: target } : {}),
  };
}

/** The plan's 財政効果額 target judged as the reports judge it, or undefined without one. */
function effectTarget(evaluated: ReturnType<typeof evaluatePlan>): PublishedEffectTarget | undefined {
  const t = fiscalEffectTarget(evaluated);
  if (!t) return undefined;
  const scale = evaluated.doc.plan.scales?.outcome;
  const out: PublishedEffectTarget = {
    text: t.text,
    status: t.evaluation.status,
    result: t.result,
    explanation: t.explanation,
  };
  if (scale) out.grade = gradeEvaluation(scale, t.evaluation).grade ?? UNGRADED;
  if (t.evaluation.progressRate !== undefined) out.progressRate = t.evaluation.progressRate;
  return out;
}

/** The grade of a result that no rule of the plan's scale grades (no data, no rate). */
export const UNGRADED = "評価なし";

function yearResult(e: Evaluation): YearResult {
  const r: YearResult = {
    fiscalYear: e.fiscalYear,
    status: e.status,
    computedStatus: e.computedStatus,
    explanation: e.explanation,
    targetKind: e.targetKind,
  };
  if (e.reason !== undefined) r.reason = e.reason;
  if (!e.target.empty && e.target.text) r.targetText = e.target.text;
  const line =
    e.expected ?? (e.targetKind === "relative" || e.targetKind === "direction" ? undefined : e.target.number);
  if (line !== undefined) r.targetNumber = line;
  if (e.actual) {
    r.actualText = e.actual.text;
    if (e.actual.kind === "number" && e.actual.number !== undefined) r.actualNumber = e.actual.number;
  }
  if (e.comparedWith !== undefined) r.comparedWith = e.comparedWith;
  if (e.progressRate !== undefined) r.progressRate = e.progressRate;
  if (e.judgement) r.judgement = { ...e.judgement };
  return r;
}

/**
 * 着手状況 of each item that records stage words (its own status tags, activity results, stage actuals), on
 * the plan's ladder (with its implementation vocabulary and done words, when it has one); with a vocabulary,
 * also the item's state in the plan's own words.
 */
function implementationResults(doc: PlanDocument, fiscalYear: number, ladder: PlanLadder): ItemResult[] {
  const states = doc.plan.scales?.implementation?.states;
  const out: ItemResult[] = [];
  const visit = (item: Item) => {
    const records: StageRecord[] = [
      ...item.progress.flatMap((p) =>
        p.status ? [{ fiscalYear: p.fiscalYear, word: p.status, source: "progress" }] : [],
      ),
      ...item.activities.flatMap((a) =>
        a.kind === "result" && a.status
          ? [{ fiscalYear: a.fiscalYear, word: a.status, source: "activities" }]
          : [],
      ),
      ...item.indicators.flatMap((ind) =>
        ind.actuals.flatMap((a) =>
          // With a plan vocabulary, a word the document reader took for text may be one of the plan's states.
          a.kind === "stage" || (ladder.done && a.kind === "text" && findStage(ladder, a.text))
            ? [{ fiscalYear: a.fiscalYear, word: a.stage ?? a.text, source: ind.key }]
            : [],
        ),
      ),
    ];
    if (records.length > 0) {
      const r = implementationStatus({ fiscalYear, records, ladder, done: ladder.done });
      const result: ItemResult = { itemKey: item.key, implementation: r.status, explanation: r.explanation };
      const state = states ? vocabularyState(states, records, fiscalYear, r.status) : undefined;
      if (state !== undefined) result.state = state;
      out.push(result);
    }
    item.children.forEach(visit);
  };
  doc.items.forEach(visit);
  return out;
}

/**
 * The item's state in the plan's words: the highest state of the vocabulary recorded in the year; an item
 * finished earlier (完了 carried over) keeps the highest done state it recorded. Undefined when no record
 * of the year is in the plan's words.
 */
export function vocabularyState(
  states: readonly { label: string; done?: boolean | undefined }[],
  records: readonly StageRecord[],
  fiscalYear: number,
  status: string,
): string | undefined {
  const rank = (word: string) =>
    states.findIndex((s) => normalizeStageWord(s.label) === normalizeStageWord(word));
  const best = (list: readonly StageRecord[], only?: (i: number) => boolean) => {
    let top = -1;
    for (const r of list) {
      const i = rank(r.word);
      if (i > top && (!only || only(i))) top = i;
    }
    return top < 0 ? undefined : states[top]!.label;
  };
  const year = best(records.filter((r) => r.fiscalYear === fiscalYear));
  if (year !== undefined || status !== "completed") return year;
  return best(
    records.filter((r) => r.fiscalYear < fiscalYear),
    (i) => states[i]!.done === true,
  );
}
