/**
 * The 財政効果額 part of the reports: the plan's effect amounts added up in one unit, planned against actual,
 * for the plan as a whole, by kind, by level, by department and by year with running sums. Pure.
 * 再掲 items are left out (their effect is counted under the item they repeat); actuals after the report
 * year are not shown, as everywhere in the reports.
 */
import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import {
  type EffectSum,
  type EffectYear,
  effectsByYear,
  FISCAL_EFFECT_KIND_LABELS,
  FISCAL_EFFECT_KINDS,
  type FiscalEffectEntry,
  type FiscalEffectUnit,
  reportUnit,
  sumEffects,
  sumEffectsBy,
} from "../domain/evaluation/fiscal-effect.ts";
import { evaluateEffectTarget } from "../domain/evaluation/fiscal-effect-target.ts";
import { type Evaluation, statusText } from "../domain/evaluation/index.ts";
import { DEFAULT_STAGE_LADDER } from "../domain/values/index.ts";
import { toReadTarget } from "./evaluation.ts";
import { departmentNames, itemLabel } from "./format.ts";
import { outcomeScaleOf, planGradeCell } from "./grades.ts";

export type FiscalEffectLine = EffectSum & { label: string };

export type FiscalEffectModel = {
  unit: FiscalEffectUnit;
  fiscalYear: number;
  periodStart: number;
  /** planned and actual from the plan's first year to the report year */
  toDate: EffectSum;
  /** planned over the whole plan period */
  periodPlanned: number | null;
  byKind: FiscalEffectLine[];
  byLevel: { level: string; lines: FiscalEffectLine[] }[];
  byDepartment: FiscalEffectLine[];
  byYear: EffectYear[];
  crossListedLeftOut: number;
  /** the plan's target for its total effect (plan.fiscalEffectTarget), judged like any numeric target */
  target: EffectTargetResult | null;
};

export type EffectTargetResult = {
  text: string;
  evaluation: Evaluation;
  /** 「◎ 達成」, or the plan's own grade (「○ A」) when the plan has an outcome scale */
  result: string;
  explanation: string;
};

/** The plan's total effect judged against plan.fiscalEffectTarget in the report year, or null without one. */
export function effectTargetResult(
  doc: PlanDocument,
  fiscalYear: number,
  entries: readonly FiscalEffectEntry[],
): EffectTargetResult | null {
  const t = doc.plan.fiscalEffectTarget;
  if (!t) return null;
  const evaluation = evaluateEffectTarget({
    target: toReadTarget(t, DEFAULT_STAGE_LADDER),
    entries,
    period: { start: doc.plan.periodStart, end: doc.plan.periodEnd },
    fiscalYear,
  });
  const scale = outcomeScaleOf(doc);
  if (!scale)
    return {
      text: t.text,
      evaluation,
      result: statusText(evaluation.status),
      explanation: evaluation.explanation,
    };
  const g = planGradeCell(scale, evaluation);
  return {
    text: t.text,
    evaluation,
    result: `${g.symbol} ${g.label}`,
    // planGradeCell's explanation already begins with the evaluation's and names the plan's rule
    explanation: g.explanation,
  };
}

const NO_DEPARTMENT = "（所管の記載なし）";

/** The model, or null when no item of the plan gives a 財政効果額. */
export function buildFiscalEffects(
  doc: PlanDocument,
  fiscalYear: number,
  items: readonly { item: Item; path: Item[] }[],
): FiscalEffectModel | null {
  const pathOf = new Map<string, Item[]>();
  const entries: FiscalEffectEntry[] = [];
  let crossListedLeftOut = 0;
  for (const { item, path } of items) {
    if (!item.fiscalEffects?.length) continue;
    if (item.crossListingOf !== undefined) {
      crossListedLeftOut++;
      continue;
    }
    pathOf.set(item.key, path);
    for (const e of item.fiscalEffects) {
      entries.push({
        itemKey: item.key,
        fiscalYear: e.fiscalYear,
        kind: e.kind,
        planned: e.planned,
        actual: e.fiscalYear <= fiscalYear ? e.actual : undefined,
        unit: e.unit,
      });
    }
  }
  if (entries.length === 0 && !doc.plan.fiscalEffectTarget) return null;
  const unit = reportUnit(entries);
  const toDate = entries.filter((e) => e.fiscalYear >= doc.plan.periodStart && e.fiscalYear <= fiscalYear);
  const lines = (sums: Map<string, EffectSum>, label: (k: string) => string, order?: string[]) =>
    (order ?? [...sums.keys()]).filter((k) => sums.has(k)).map((k) => ({ label: label(k), ...sums.get(k)! }));
  const dept = departmentNames(doc.departments);
  const byItemDepts = new Map(
    items.map(({ item }) => [
      item.key,
      item.departments.length
        ? item.departments
        : [...new Set(item.indicators.flatMap((i) => i.departments))],
    ]),
  );
  const years: number[] = [];
  for (let y = doc.plan.periodStart; y <= doc.plan.periodEnd; y++) years.push(y);
  return {
    unit,
    fiscalYear,
    periodStart: doc.plan.periodStart,
    toDate: sumEffects(toDate, unit),
    periodPlanned: sumEffects(
      entries.filter((e) => years.includes(e.fiscalYear)),
      unit,
    ).planned,
    byKind: lines(
      sumEffectsBy(toDate, (e) => [e.kind], unit),
      (k) => FISCAL_EFFECT_KIND_LABELS[k as (typeof FISCAL_EFFECT_KINDS)[number]],
      [...FISCAL_EFFECT_KINDS],
    ),
    byLevel: doc.plan.levels.map((level, depth) => {
      const labels = new Map<string, string>();
      const sums = sumEffectsBy(
        toDate,
        (e) => {
          const at = pathOf.get(e.itemKey)?.[depth];
          if (!at) return [];
          labels.set(at.key, itemLabel(at));
          return [at.key];
        },
        unit,
      );
      return { level, lines: lines(sums, (k) => labels.get(k) ?? k) };
    }),
    byDepartment: lines(
      sumEffectsBy(
        toDate,
        (e) => {
          const d = byItemDepts.get(e.itemKey) ?? [];
          return d.length ? d : [NO_DEPARTMENT];
        },
        unit,
      ),
      (k) => (k === NO_DEPARTMENT ? k : dept(k)),
    ),
    byYear: effectsByYear(entries, years, unit),
    crossListedLeftOut,
    target: effectTargetResult(doc, fiscalYear, entries),
  };
}
