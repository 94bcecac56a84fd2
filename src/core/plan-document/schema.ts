/**
 * The plan document: one JSON format that holds a whole plan of one municipality.
 * It is what every importer produces, what `gyokaku import` stores and `gyokaku export` writes.
 * docs/plan-document.md explains it; schema/plan-document.schema.json is generated from this file.
 */
import { z } from "zod";
import { codeProblem } from "../../domain/municipality-code.ts";
import { TARGET_BASES } from "../../domain/values/basis.ts";
import { scalesSchema } from "./scales.ts";

export const PLAN_DOCUMENT_FORMAT = "gyokaku.plan-document/1";

const fiscalYear = z
  .number()
  .int()
  .min(1900)
  .max(2200)
  .describe("西暦の年度 (April–March), e.g. 2022 = 令和4年度");
const key = z
  .string()
  .min(1)
  .max(200)
  .describe("an identifier unique inside the document, used for references; kept on round-trip");

/** Where a value came from: a line of a text file, or a row of a sheet. */
export const sourceSchema = z
  .object({
    file: z.string().min(1),
    line: z.number().int().positive().optional(),
    sheet: z.string().optional(),
    row: z.number().int().positive().optional(),
    column: z.string().optional(),
  })
  .strict()
  .describe("where the value came from: file and line, or file, sheet and row");

export const valueKinds = ["number", "stage", "text", "empty"] as const;

/** A value as written and as understood: 1,483 → number 1483; 検討 → stage; 令和元年度に完了 → text. */
export const valueSchema = z
  .object({
    text: z.string().describe("the value exactly as the document wrote it"),
    kind: z.enum(valueKinds).describe("number, stage word, free text, or empty (—, blank)"),
    number: z.number().optional().describe("the number, in the unit below, when kind is number"),
    unit: z.string().optional().describe("the unit as written (千円, 人, %, 時間 …)"),
    stage: z.string().optional().describe("the stage word, when kind is stage"),
    unreadable: z
      .string()
      .optional()
      .describe("why the text could not be read; the text is kept as written and flagged"),
    source: sourceSchema.optional(),
  })
  .strict();

export const targetKinds = [
  "value_by_year",
  "floor",
  "ceiling",
  "direction",
  "relative",
  "stage",
  "text",
] as const;

/**
 * A target: (R5)6,000 → value_by_year; (R1～)13%以上 → floor; (初期値より)増加 → direction;
 * 10%増 (2023年度比) → relative; (R3～)実施 → stage; anything else → text. Always with the text.
 */
export const targetSchema = z
  .object({
    text: z.string().describe("the target exactly as written"),
    kind: z.enum(targetKinds),
    number: z.number().optional().describe("the target value (value_by_year, floor, ceiling)"),
    unit: z.string().optional(),
    fiscalYear: fiscalYear.optional().describe("the year by which the value is to be reached"),
    fromFiscalYear: fiscalYear.optional().describe("from which year a floor, ceiling or stage holds"),
    direction: z.enum(["increase", "decrease"]).optional().describe("for direction and relative targets"),
    relativeToFiscalYear: fiscalYear.optional().describe("the base year of a relative target"),
    change: z
      .object({ amount: z.number(), unit: z.string() })
      .strict()
      .optional()
      .describe("the size of a relative change: 10 % or 20 分"),
    stage: z.string().optional().describe("the stage to reach, for stage targets"),
    basis: z
      .enum(TARGET_BASES)
      .optional()
      .describe(
        "single_year (単年度, the default), cumulative (累計 from the plan's first year to fiscalYear) or period_total (計画期間の合計); numeric targets only",
      ),
    unreadable: z.string().optional(),
    source: sourceSchema.optional(),
  })
  .strict();

export const actualSchema = valueSchema
  .extend({
    fiscalYear,
    series: z
      .string()
      .optional()
      .describe("the series name (男性, 女性); absent for an indicator without series"),
  })
  .strict();

/** 年度別計画値: the value planned for a year, as the plan's yearly row prints it; `cumulative` for its 累計 row. */
export const plannedValueSchema = valueSchema
  .extend({
    fiscalYear,
    series: z.string().optional(),
    cumulative: z
      .boolean()
      .optional()
      .describe(
        "true for a value of the plan's cumulative (累計) row, checked against the running sum of the yearly row",
      ),
  })
  .strict();

export const indicatorSchema = z
  .object({
    key,
    number: z.string().optional().describe("the number as written: 指標① → ①"),
    name: z.string().min(1),
    unit: z.string().optional(),
    series: z.array(z.string().min(1)).default([]).describe("named series such as 男性/女性; empty for none"),
    departments: z.array(key).default([]).describe("keys of departments responsible for this indicator"),
    stages: z
      .array(z.string().min(1))
      .optional()
      .describe("the stage vocabulary this indicator uses, lowest first (検討 → 実施 → 充実)"),
    baselines: z
      .array(
        valueSchema.extend({ fiscalYear: fiscalYear.optional(), series: z.string().optional() }).strict(),
      )
      .default([])
      .describe("初期値 / 基準値, one per series"),
    targets: z
      .array(targetSchema.extend({ series: z.string().optional() }).strict())
      .default([])
      .describe("目標, one per series"),
    actuals: z.array(actualSchema).default([]).describe("実績値 per series and fiscal year"),
    plannedValues: z
      .array(plannedValueSchema)
      .optional()
      .describe(
        "年度別計画値 per series and fiscal year: the yearly row, and the cumulative row when the plan prints one",
      ),
  })
  .strict();

export const progressSchema = z
  .object({
    fiscalYear,
    narrative: z.string().optional().describe("取組状況: what was done in the year"),
    nextYearPlan: z.string().optional().describe("次年度の取組内容"),
    status: z.string().optional().describe("a status tag as written without brackets: 実施, 調査検討 …"),
    source: sourceSchema.optional(),
  })
  .strict();

export const activitySchema = z
  .object({
    fiscalYear,
    yearLabel: z.string().optional().describe("the year as the document labelled it: R10以降"),
    kind: z.enum(["plan", "result"]).describe("取組計画 (plan) or 実績 (result)"),
    status: z.string().optional().describe("status tag without brackets: 実施, 継続実施, 一部実施, 調査検討"),
    text: z.string(),
    source: sourceSchema.optional(),
  })
  .strict();

export type ItemInput = {
  key: string;
  number?: string | undefined;
  title: string;
  description?: string | undefined;
  texts?: Record<string, string> | undefined;
  departments?: string[] | undefined;
  crossListingOf?: string | undefined;
  attributes?: Record<string, string> | undefined;
  indicators?: z.input<typeof indicatorSchema>[] | undefined;
  progress?: z.input<typeof progressSchema>[] | undefined;
  activities?: z.input<typeof activitySchema>[] | undefined;
  children?: ItemInput[] | undefined;
};

export type Item = {
  key: string;
  number?: string | undefined;
  title: string;
  description?: string | undefined;
  texts: Record<string, string>;
  departments: string[];
  crossListingOf?: string | undefined;
  attributes: Record<string, string>;
  indicators: z.output<typeof indicatorSchema>[];
  progress: z.output<typeof progressSchema>[];
  activities: z.output<typeof activitySchema>[];
  children: Item[];
};

export const itemSchema: z.ZodType<Item, ItemInput> = z.lazy(() =>
  z
    .object({
      key,
      number: z.string().optional().describe("the number as written: (1), ①, Ⅱ, 1"),
      title: z.string().min(1),
      description: z.string().optional().describe("取組内容"),
      texts: z
        .record(z.string(), z.string())
        .default({})
        .describe("texts a level may carry, by their heading: 現状と課題, 取組の方向性, 取組効果"),
      departments: z.array(key).default([]).describe("keys of the responsible departments (所管課)"),
      crossListingOf: key.optional().describe("再掲: the key of the original item this one repeats"),
      attributes: z
        .record(z.string(), z.string())
        .default({})
        .describe("other facts the document states about the item, by name (手法: バックキャスト …)"),
      indicators: z.array(indicatorSchema).default([]),
      progress: z.array(progressSchema).default([]).describe("取組状況 and next year's plan per fiscal year"),
      activities: z.array(activitySchema).default([]).describe("planned and actual activities per year"),
      children: z.array(itemSchema).default([]),
    })
    .strict(),
);

export const departmentSchema = z
  .object({
    key,
    name: z.string().min(1).describe("the current name"),
    kind: z.string().optional().describe("局, 部, 課, 室 …"),
    parent: key.optional().describe("key of the parent department"),
    names: z
      .array(z.object({ name: z.string().min(1), validFrom: fiscalYear }).strict())
      .default([])
      .describe(
        "names by the fiscal year from which they were valid, oldest first (departments get renamed)",
      ),
  })
  .strict();

export const planDocumentSchema = z
  .object({
    format: z.literal(PLAN_DOCUMENT_FORMAT),
    municipality: z
      .object({
        code: z
          .string()
          .regex(/^\d{6}$/, "6桁の数字が必要です")
          .refine((c) => codeProblem(c) === null, {
            message: "全国地方公共団体コード（6桁、検査数字付き）ではありません",
          })
          .describe("全国地方公共団体コード, 6 digits with its check digit"),
        name: z.string().min(1),
      })
      .strict(),
    plan: z
      .object({
        key: key.describe("the plan's identifier within the municipality, e.g. ebetsu-2018"),
        title: z.string().min(1),
        periodStart: fiscalYear,
        periodEnd: fiscalYear,
        levels: z.array(z.string().min(1)).min(1).describe("the names of the tree's levels, top first"),
        stages: z
          .array(z.string().min(1))
          .optional()
          .describe("the plan's own stage ladder, lowest first, extending the default one"),
        sources: z.array(z.string()).default([]).describe("the files this plan was read from"),
        scales: scalesSchema
          .optional()
          .describe("the plan's own outcome scale and implementation vocabulary"),
      })
      .strict()
      .refine((p) => p.periodEnd >= p.periodStart, { message: "periodEnd は periodStart 以降の年度です" }),
    departments: z.array(departmentSchema).default([]),
    items: z.array(itemSchema).default([]),
  })
  .strict();

export type PlanDocument = z.output<typeof planDocumentSchema>;
export type PlanDocumentInput = z.input<typeof planDocumentSchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type Value = z.output<typeof valueSchema>;
export type Target = z.output<typeof targetSchema>;
export type Actual = z.output<typeof actualSchema>;
export type PlannedValue = z.output<typeof plannedValueSchema>;
export type Progress = z.output<typeof progressSchema>;
export type Activity = z.output<typeof activitySchema>;
export type Department = z.output<typeof departmentSchema>;
export type Source = z.output<typeof sourceSchema>;
