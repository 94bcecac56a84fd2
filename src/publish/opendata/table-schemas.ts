/**
 * The open-data tables' schemas, in long format: one value per cell, 全国地方公共団体コード first,
 * 西暦 fiscal years with 和暦 beside them, numbers without units (the unit in its own column), the text as
 * the document wrote it, and the evaluation result. One zod schema per table is the single source of the
 * CSV header (each field's title), the JSON rows, the API responses and the OpenAPI document.
 */
import { z } from "zod";
import { EVALUATION_STATUSES } from "../../domain/evaluation/index.ts";
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
import { fiscalEffectRowSchema } from "./fiscal-effects.table.ts";

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
  implementation: optText(
    "着手状況",
    "未着手・取組中・完了・データなし（段階の記録がある項目のみ）。計画独自の着手状況の区分がある計画では、その語（検討中・部分実施 など）",
  ),
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
    "実績値の行のみ: その年度の評価（達成・順調・遅れ・未達成・未着手・データなし・判定不可）。計画独自の評価基準がある計画では、その評価（S・A など、評価なし）",
  ),
  evaluationCode: statusCode("評価コード"),
});

export const evaluationRowSchema = z.object({
  ...common,
  ...itemColumns,
  ...indicatorColumns,
  fiscalYear: fiscalYear("評価年度"),
  fiscalYearWareki: wareki("評価年度（和暦）"),
  evaluation: text(
    "評価",
    "評価者の判定があればそれ、なければ計算による評価。計画独自の評価基準がある計画では、その評価（S・A など。達成率が計算できなければ評価なし）",
  ),
  evaluationSymbol: text(
    "評価記号",
    "◎達成 ○順調 △遅れ ×未達成 □未着手 －データなし ※判定不可。計画独自の評価基準がある計画では、その記号",
  ),
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
  judgementGrade: optText(
    "評価者の判定（評価基準）",
    "計画独自の評価基準で評価者が付けた評価（評価者が判定する区分など）。評価はそれになり、計算による評価は評価の説明にあります",
  ),
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
