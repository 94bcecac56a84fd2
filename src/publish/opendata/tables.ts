/**
 * Builds the open-data tables of a publication from its snapshot, in the schemas of table-schemas.ts
 * (re-exported here): one value per cell, the evaluation result beside the values.
 */
import type { Indicator, Item, Target, Value } from "../../core/plan-document/schema.ts";
import { IMPLEMENTATION_LABELS, STATUS_LABELS, STATUS_SYMBOLS } from "../../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import { BASIS_LABELS } from "../../domain/values/index.ts";
import type { Publication } from "../publish.service.ts";
import { explanationOf, type Grading, gradingOf, vocabularyOf } from "../published-scales.ts";
import { type SeriesResult, UNGRADED, type YearResult } from "../snapshot.ts";
import type { common, itemColumns } from "./columns.ts";
import { fiscalEffectRows } from "./fiscal-effects.table.ts";
import type { Row, Tables } from "./table-schemas.ts";

export { columnsOf, TABLE_NAMES, TABLES, type TableName, type Tables } from "./table-schemas.ts";

const TARGET_TYPES: Record<Target["kind"], string> = {
  value_by_year: "期限付き数値",
  floor: "下限",
  ceiling: "上限",
  direction: "方向",
  relative: "相対",
  stage: "段階",
  text: "文章",
};
const VALUE_TYPES = { number: "数値", stage: "段階", text: "文章", empty: "空欄" } as const;

/** Builds every table of a publication from its snapshot. */
export function buildTables(p: Publication): Tables {
  const { snapshot } = p;
  const doc = snapshot.document;
  const fy = snapshot.fiscalYear;
  const head = {
    municipalityCode: p.municipalityCode,
    municipalityName: doc.municipality.name,
    planKey: doc.plan.key,
    planTitle: doc.plan.title,
    publishedFiscalYear: fy,
    publishedFiscalYearWareki: warekiFiscalYear(fy),
    version: p.version,
  };
  const depts = new Map(doc.departments.map((d) => [d.key, d]));
  const nameIn = (key: string) => {
    const d = depts.get(key);
    if (!d) return key;
    const valid = d.names.filter((n) => n.validFrom <= fy).sort((a, b) => b.validFrom - a.validFrom)[0];
    return valid?.name ?? d.name;
  };
  const deptName = (key: string) => {
    const parent = depts.get(key)?.parent;
    return parent ? `${nameIn(parent)} ${nameIn(key)}` : nameIn(key);
  };
  const implementation = new Map(snapshot.items.map((i) => [i.itemKey, i]));
  // The plan's own grades and implementation words, where this version was graded on them (issue 10.5).
  const grading = gradingOf(snapshot);
  const vocabulary = vocabularyOf(snapshot);
  const withheld = new Set(snapshot.basis.kind === "approved_round" ? snapshot.basis.withheldItems : []);
  const seriesOf = new Map<string, SeriesResult[]>();
  for (const s of snapshot.series) seriesOf.set(s.indicatorKey, [...(seriesOf.get(s.indicatorKey) ?? []), s]);

  const t: Tables = {
    items: [],
    indicators: [],
    values: [],
    evaluations: [],
    progress: [],
    activities: [],
    responsibilities: [],
    fiscal_effects: [],
  };
  const visit = (item: Item, parent: Item | undefined, depth: number) => {
    const itemCols = { itemKey: item.key, itemNumber: item.number ?? null, itemTitle: item.title };
    const progress = item.progress.find((x) => x.fiscalYear === fy);
    const impl = implementation.get(item.key);
    t.items.push({
      ...head,
      ...itemCols,
      parentKey: parent?.key ?? null,
      depth,
      level: doc.plan.levels[depth - 1] ?? null,
      description: item.description ?? null,
      crossListingOf: item.crossListingOf ?? null,
      implementation: impl
        ? vocabulary && impl.state !== undefined
          ? impl.state
          : IMPLEMENTATION_LABELS[impl.implementation]
        : null,
      progressStatus: progress?.status ?? null,
      narrative: progress?.narrative ?? null,
      nextYearPlan: progress?.nextYearPlan ?? null,
      withheld: withheld.has(item.key),
    });
    for (const d of item.departments) {
      t.responsibilities.push({
        ...head,
        subject: "取組",
        ...itemCols,
        indicatorKey: null,
        departmentKey: d,
        departmentName: deptName(d),
      });
    }
    for (const p of [...item.progress].sort((a, b) => a.fiscalYear - b.fiscalYear)) {
      t.progress.push({
        ...head,
        ...itemCols,
        fiscalYear: p.fiscalYear,
        fiscalYearWareki: warekiFiscalYear(p.fiscalYear),
        status: p.status ?? null,
        narrative: p.narrative ?? null,
        nextYearPlan: p.nextYearPlan ?? null,
      });
    }
    t.fiscal_effects.push(...fiscalEffectRows(item, { ...head, ...itemCols }));
    for (const a of item.activities) {
      t.activities.push({
        ...head,
        ...itemCols,
        fiscalYear: a.fiscalYear,
        fiscalYearWareki: warekiFiscalYear(a.fiscalYear),
        yearLabel: a.yearLabel ?? null,
        kind: a.kind === "plan" ? "計画" : "実績",
        status: a.status ?? null,
        text: a.text,
      });
    }
    for (const ind of item.indicators) {
      t.indicators.push({
        ...head,
        ...itemCols,
        indicatorKey: ind.key,
        indicatorNumber: ind.number ?? null,
        indicatorName: ind.name,
        unit: ind.unit ?? null,
        seriesCount: ind.series.length,
      });
      for (const d of ind.departments) {
        t.responsibilities.push({
          ...head,
          subject: "指標",
          ...itemCols,
          indicatorKey: ind.key,
          departmentKey: d,
          departmentName: deptName(d),
        });
      }
      const results = seriesOf.get(ind.key)?.filter((s) => s.itemKey === item.key) ?? [];
      valueRows(ind, results, grading, (row) => t.values.push({ ...head, ...itemCols, ...row }));
      for (const s of results) {
        for (const y of s.years) {
          t.evaluations.push({
            ...head,
            ...itemCols,
            indicatorKey: ind.key,
            indicatorName: ind.name,
            series: s.series ?? null,
            ...evaluationColumns(y, grading),
            countedInTally: !s.crossListed,
          });
        }
      }
    }
    for (const c of item.children) visit(c, item, depth + 1);
  };
  for (const item of doc.items) visit(item, undefined, 1);
  return t;
}

type ValueCols = Omit<Row<"values">, keyof typeof common | keyof typeof itemColumns>;

function valueRows(
  ind: Indicator,
  results: SeriesResult[],
  grading: Grading | undefined,
  push: (row: ValueCols) => void,
) {
  const resultIn = (series: string | undefined, fy: number): YearResult | undefined =>
    results.find((s) => s.series === series)?.years.find((y) => y.fiscalYear === fy);
  const valueCols = (v: Value) => {
    const value = v.kind === "number" ? (v.number ?? null) : null;
    return {
      value,
      // The unit belongs to a number: none beside a stage, a sentence or a blank.
      unit: value === null ? null : (v.unit ?? ind.unit ?? null),
      stage: v.stage ?? null,
      asWritten: v.text,
      valueType: VALUE_TYPES[v.kind],
      unreadable: v.unreadable ?? null,
    };
  };
  const ids = { indicatorKey: ind.key, indicatorName: ind.name };
  for (const b of ind.baselines) {
    push({
      ...ids,
      series: b.series ?? null,
      kind: "初期値",
      ...yearCols(b.fiscalYear),
      yearMeaning: null,
      ...valueCols(b),
      targetType: null,
      targetBasis: null,
      evaluation: null,
      evaluationCode: null,
    });
  }
  for (const g of ind.targets) {
    const year = g.fiscalYear ?? g.fromFiscalYear ?? g.relativeToFiscalYear;
    const meaning =
      g.fiscalYear !== undefined
        ? "までに"
        : g.fromFiscalYear !== undefined
          ? "から毎年"
          : g.relativeToFiscalYear !== undefined
            ? "比較の基準"
            : null;
    const value =
      g.kind === "value_by_year" || g.kind === "floor" || g.kind === "ceiling" ? (g.number ?? null) : null;
    push({
      ...ids,
      series: g.series ?? null,
      kind: "目標",
      ...yearCols(year),
      yearMeaning: meaning,
      value,
      unit: value === null ? null : (g.unit ?? ind.unit ?? null),
      stage: g.stage ?? null,
      asWritten: g.text,
      valueType:
        g.kind === "stage" ? "段階" : g.number !== undefined ? "数値" : g.text.trim() ? "文章" : "空欄",
      targetType: TARGET_TYPES[g.kind],
      targetBasis: value === null ? null : BASIS_LABELS[g.basis ?? "single_year"],
      unreadable: g.unreadable ?? null,
      evaluation: null,
      evaluationCode: null,
    });
  }
  for (const p of ind.plannedValues ?? []) {
    push({
      ...ids,
      series: p.series ?? null,
      kind: p.cumulative ? "計画値（累計）" : "計画値",
      ...yearCols(p.fiscalYear),
      yearMeaning: null,
      ...valueCols(p),
      targetType: null,
      targetBasis: null,
      evaluation: null,
      evaluationCode: null,
    });
  }
  for (const a of [...ind.actuals].sort((x, y) => x.fiscalYear - y.fiscalYear)) {
    const r = resultIn(a.series, a.fiscalYear);
    push({
      ...ids,
      series: a.series ?? null,
      kind: "実績値",
      ...yearCols(a.fiscalYear),
      yearMeaning: null,
      ...valueCols(a),
      targetType: null,
      targetBasis: null,
      evaluation: r ? resultLabel(r, grading) : null,
      evaluationCode: r?.status ?? null,
    });
  }
}

function yearCols(fy: number | undefined) {
  return fy === undefined
    ? { fiscalYear: null, fiscalYearWareki: null }
    : { fiscalYear: fy, fiscalYearWareki: warekiFiscalYear(fy) };
}

/** The result as the plan grades it (S, A … 評価なし) where the version has its scale; else gyokaku's status. */
function resultLabel(y: YearResult, grading: Grading | undefined): string {
  return grading ? (y.grade ?? UNGRADED) : STATUS_LABELS[y.status];
}

function resultSymbol(y: YearResult, grading: Grading | undefined): string {
  if (!grading) return STATUS_SYMBOLS[y.status];
  return grading.grades.find((g) => g.label === y.grade)?.symbol ?? "－";
}

function evaluationColumns(y: YearResult, grading: Grading | undefined) {
  return {
    fiscalYear: y.fiscalYear,
    fiscalYearWareki: warekiFiscalYear(y.fiscalYear),
    evaluation: resultLabel(y, grading),
    evaluationSymbol: resultSymbol(y, grading),
    evaluationCode: y.status,
    computedEvaluation: STATUS_LABELS[y.computedStatus],
    targetAsWritten: y.targetText ?? null,
    actualAsWritten: y.actualText ?? null,
    actualValue: y.actualNumber ?? null,
    comparedWith: y.comparedWith ?? null,
    progressRate: y.progressRate === undefined ? null : Math.round(y.progressRate * 1000) / 10,
    explanation: explanationOf(grading, y),
    reason: y.reason ?? null,
    judgementGrade: (grading && y.judgement?.grade) ?? null,
    judgementReason: y.judgement?.reason ?? null,
  };
}
