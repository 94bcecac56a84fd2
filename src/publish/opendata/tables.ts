/**
 * The open-data tables of a publication, in long format: one value per cell, 全国地方公共団体コード first,
 * 西暦 fiscal years with 和暦 beside them, numbers without units (the unit in its own column), the text as
 * the document wrote it, and the evaluation result. One zod schema per table is the single source of the
 * CSV header (each field's title), the JSON rows, the API responses and the OpenAPI document.
 */
import { z } from "zod";
import type { Indicator, Item, Target, Value } from "../../core/plan-document/schema.ts";
import {
  EVALUATION_STATUSES,
  IMPLEMENTATION_LABELS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
} from "../../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import { BASIS_LABELS } from "../../domain/values/index.ts";
import type { Publication } from "../publish.service.ts";
import type { SeriesResult, YearResult } from "../snapshot.ts";
import {
  col,
  common,
  fiscalYear,
  itemColumns,
  optFiscalYear,
  optNumber,
  optText,
  optWareki,
  text,
  wareki,
} from "./columns.ts";
import { fiscalEffectRowSchema, fiscalEffectRows } from "./fiscal-effects.table.ts";

const statusCode = (title: string) =>
  col(z.enum(EVALUATION_STATUSES).nullable(), title, "評価の英字コード（achieved, on_track …）");

export const itemRowSchema = z.object({
  ...common,
  ...itemColumns,
  parentKey: optText("上位項目キー"),
  depth: col(z.number().int().min(1), "階層番号", "1 が最上位"),
  level: optText("階層名", "基本目標、取組方針 など"),
  description: optText("取組内容"),
  crossListingOf: optText("再掲元項目キー", "再掲: 同じ項目が別の上位項目の下にも載っている場合の元の項目"),
  implementation: optText("着手状況", "未着手・取組中・完了・データなし（段階の記録がある項目のみ）"),
  progressStatus: optText("取組状況の区分", "公表対象年度の状況の記載: 実施、調査検討 など"),
  narrative: optText("取組状況", "公表対象年度の取組状況"),
  nextYearPlan: optText("次年度の取組内容"),
  withheld: col(
    z.boolean(),
    "承認前のため非公表",
    "照会で承認されていないため公表対象年度の内容を載せていない",
  ),
});

export const responsibilityRowSchema = z.object({
  ...common,
  subject: col(z.enum(["取組", "指標"]), "対象"),
  ...itemColumns,
  indicatorKey: optText("指標キー"),
  departmentKey: text("所管課キー"),
  departmentName: text("所管課名", "公表対象年度の名称（上位の部局名を含む）"),
});

export const indicatorRowSchema = z.object({
  ...common,
  ...itemColumns,
  indicatorKey: text("指標キー"),
  indicatorNumber: optText("指標番号"),
  indicatorName: text("指標名"),
  unit: optText("単位"),
  seriesCount: col(z.number().int().min(0), "系列数", "男性・女性のような系列の数。0 は系列なし"),
});

const indicatorColumns = {
  indicatorKey: text("指標キー"),
  indicatorName: text("指標名"),
  series: optText("系列", "男性・女性 など。系列のない指標は空欄"),
};

export const VALUE_KINDS = ["初期値", "目標", "実績値", "計画値", "計画値（累計）"] as const;

export const valueRowSchema = z.object({
  ...common,
  ...itemColumns,
  ...indicatorColumns,
  kind: col(z.enum(VALUE_KINDS), "区分"),
  fiscalYear: optFiscalYear(),
  fiscalYearWareki: optWareki(),
  yearMeaning: optText("年度の意味", "目標の年度: までに（期限）／から毎年／比較の基準"),
  value: optNumber("値", "数値として読めた値。単位は「単位」列"),
  unit: optText("単位"),
  stage: optText("段階", "検討・実施 など段階で書かれた値"),
  asWritten: text("記載どおりの値", "文書に書かれたとおりの文字列"),
  valueType: col(z.enum(["数値", "段階", "文章", "空欄"]), "値の種類"),
  targetType: optText("目標の種類", "目標の行のみ: 期限付き数値、下限、上限、方向、相対、段階、文章"),
  targetBasis: optText(
    "目標の集計方法",
    "数値の目標の行のみ: 単年度・累計（計画の初年度から）・計画期間の合計",
  ),
  unreadable: optText("読み取れない理由", "数値として読めなかった場合の理由（値は記載どおりに残します）"),
  evaluation: optText(
    "評価",
    "実績値の行のみ: その年度の評価（達成・順調・遅れ・未達成・未着手・データなし・判定不可）",
  ),
  evaluationCode: statusCode("評価コード"),
});

export const evaluationRowSchema = z.object({
  ...common,
  ...itemColumns,
  ...indicatorColumns,
  fiscalYear: fiscalYear("評価年度"),
  fiscalYearWareki: wareki("評価年度（和暦）"),
  evaluation: text("評価", "評価者の判定があればそれ、なければ計算による評価"),
  evaluationSymbol: text("評価記号", "◎達成 ○順調 △遅れ ×未達成 □未着手 －データなし ※判定不可"),
  evaluationCode: col(z.enum(EVALUATION_STATUSES), "評価コード", "評価の英字コード（achieved, on_track …）"),
  computedEvaluation: text("計算による評価"),
  targetAsWritten: optText("目標（記載どおり）", "その年度の評価に使った目標"),
  actualAsWritten: optText("実績値（記載どおり）"),
  actualValue: optNumber("実績値"),
  comparedWith: optNumber("比較した値", "目標値、下限、初期値、基準年度の値など、実績値と比べた値"),
  progressRate: optNumber(
    "進捗率（%）",
    "（実績値－初期値）÷（目標値－初期値）×100。累計・計画期間の目標は累計÷目標値、削減の目標は削減した量÷削減目標",
  ),
  explanation: text("評価の説明"),
  reason: optText("判定できない理由"),
  judgementReason: optText("評価者の判定理由", "評価者が計算による評価を改めた場合の理由"),
  countedInTally: col(z.boolean(), "集計対象", "再掲の項目は集計で二重に数えません"),
});

export const progressRowSchema = z.object({
  ...common,
  ...itemColumns,
  fiscalYear: fiscalYear(),
  fiscalYearWareki: wareki(),
  status: optText("区分", "状況の記載: 実施、調査検討 など"),
  narrative: optText("取組状況"),
  nextYearPlan: optText("次年度の取組内容"),
});

export const activityRowSchema = z.object({
  ...common,
  ...itemColumns,
  fiscalYear: fiscalYear(),
  fiscalYearWareki: wareki(),
  yearLabel: optText("年度の表記", "文書の表記: R10以降 など"),
  kind: col(z.enum(["計画", "実績"]), "区分"),
  status: optText("状況"),
  text: text("内容"),
});

/** The tables, in the order downloads list them. */
export const TABLES = {
  items: { title: "取組（項目）", schema: itemRowSchema },
  indicators: { title: "指標", schema: indicatorRowSchema },
  values: { title: "初期値・目標・実績値", schema: valueRowSchema },
  evaluations: { title: "評価結果", schema: evaluationRowSchema },
  progress: { title: "取組状況（年度別）", schema: progressRowSchema },
  activities: { title: "取組計画・実績", schema: activityRowSchema },
  responsibilities: { title: "所管課", schema: responsibilityRowSchema },
  fiscal_effects: { title: "財政効果額", schema: fiscalEffectRowSchema },
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
export type Row<T extends TableName> = z.output<(typeof TABLES)[T]["schema"]>;
export type Tables = { [T in TableName]: Row<T>[] };

/** The columns of a table in order: JSON name and CSV header. */
export function columnsOf(table: TableName): { name: string; title: string; description?: string }[] {
  const shape = TABLES[table].schema.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, s]) => {
    const meta = s.meta() as { title?: string; description?: string } | undefined;
    return {
      name,
      title: meta?.title ?? name,
      ...(meta?.description ? { description: meta.description } : {}),
    };
  });
}

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
      implementation: impl ? IMPLEMENTATION_LABELS[impl.implementation] : null,
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
      valueRows(ind, results, (row) => t.values.push({ ...head, ...itemCols, ...row }));
      for (const s of results) {
        for (const y of s.years) {
          t.evaluations.push({
            ...head,
            ...itemCols,
            indicatorKey: ind.key,
            indicatorName: ind.name,
            series: s.series ?? null,
            ...evaluationColumns(y),
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

function valueRows(ind: Indicator, results: SeriesResult[], push: (row: ValueCols) => void) {
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
      evaluation: r ? STATUS_LABELS[r.status] : null,
      evaluationCode: r?.status ?? null,
    });
  }
}

function yearCols(fy: number | undefined) {
  return fy === undefined
    ? { fiscalYear: null, fiscalYearWareki: null }
    : { fiscalYear: fy, fiscalYearWareki: warekiFiscalYear(fy) };
}

function evaluationColumns(y: YearResult) {
  return {
    fiscalYear: y.fiscalYear,
    fiscalYearWareki: warekiFiscalYear(y.fiscalYear),
    evaluation: STATUS_LABELS[y.status],
    evaluationSymbol: STATUS_SYMBOLS[y.status],
    evaluationCode: y.status,
    computedEvaluation: STATUS_LABELS[y.computedStatus],
    targetAsWritten: y.targetText ?? null,
    actualAsWritten: y.actualText ?? null,
    actualValue: y.actualNumber ?? null,
    comparedWith: y.comparedWith ?? null,
    progressRate: y.progressRate === undefined ? null : Math.round(y.progressRate * 1000) / 10,
    explanation: y.explanation,
    reason: y.reason ?? null,
    judgementReason: y.judgement?.reason ?? null,
  };
}
