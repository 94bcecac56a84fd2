/**
 * The plan document: one JSON format that holds a whole plan of one municipality.
 * It is what every importer produces, what `gyokaku import` stores and `gyokaku export` writes.
 * docs/plan-document.md explains it; schema/plan-document.schema.json is generated from this file.
 */
import { z } from "zod";
import { codeProblem } from "../../domain/municipality-code.ts";
import { controlCharacter, TEXT_LIMITS } from "../../domain/text.ts";
import { TARGET_BASES } from "../../domain/values/basis.ts";
import { fiscalEffectFields } from "./fiscal-effect.ts";
import { scalesSchema } from "./scales.ts";

export const PLAN_DOCUMENT_FORMAT = "gyokaku.plan-document/1";

const fiscalYear = z
  .number()
  .int()
  .min(1900)
  .max(2200)
  .describe("西暦の年度 (April–March), e.g. 2022 = 令和4年度");
/** A text field: at most `max` characters, no NUL or other control characters (tab and line breaks are text). */
export function text(max: number) {
  return z
    .string()
    .max(max, `${max.toLocaleString("en-US")}文字以内にしてください`)
    .superRefine((s, ctx) => {
      const c = controlCharacter(s);
      if (c !== null) ctx.addIssue({ code: "custom", message: `制御文字（${c}）は使えません` });
    });
}
const short = () => text(TEXT_LIMITS.short);
const name = () => text(TEXT_LIMITS.name);
const value = () => text(TEXT_LIMITS.value);
const long = () => text(TEXT_LIMITS.long);

/** How deep items may nest, and how many levels a plan may name. */
export const MAX_ITEM_DEPTH = 20;

const key = text(200)
  .min(1)
  .describe("an identifier unique inside the document, used for references; kept on round-trip");

/** Where a value came from: a line of a text file, or a row of a sheet. */
export const sourceSchema = z
  .object({
    file: name().min(1),
    line: z.number().int().positive().optional(),
    sheet: name().optional(),
    row: z.number().int().positive().optional(),
    column: short().optional(),
  })
  .strict()
  .describe("where the value came from: file and line, or file, sheet and row");

export const valueKinds = ["number", "stage", "text", "empty"] as const;

/** A value as written and as understood: 1,483 → number 1483; 検討 → stage; 令和元年度に完了 → text. */
export const valueSchema = z
  .object({
    text: value().describe("the value exactly as the document wrote it"),
    kind: z.enum(valueKinds).describe("number, stage word, free text, or empty (—, blank)"),
    number: z.number().optional().describe("the number, in the unit below, when kind is number"),
    unit: short().optional().describe("the unit as written (千円, 人, %, 時間 …)"),
    stage: short().optional().describe("the stage word, when kind is stage"),
    unreadable: value()
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
    text: value().describe("the target exactly as written"),
    kind: z.enum(targetKinds),
    number: z.number().optional().describe("the target value (value_by_year, floor, ceiling)"),
    unit: short().optional(),
    fiscalYear: fiscalYear.optional().describe("the year by which the value is to be reached"),
    fromFiscalYear: fiscalYear.optional().describe("from which year a floor, ceiling or stage holds"),
    direction: z.enum(["increase", "decrease"]).optional().describe("for direction and relative targets"),
    relativeToFiscalYear: fiscalYear.optional().describe("the base year of a relative target"),
    change: z
      .object({ amount: z.number(), unit: short() })
      .strict()
      .optional()
      .describe("the size of a relative change: 10 % or 20 分"),
    stage: short().optional().describe("the stage to reach, for stage targets"),
    basis: z
      .enum(TARGET_BASES)
      .optional()
      .describe(
        "single_year (単年度, the default), cumulative (累計 from the plan's first year to fiscalYear) or period_total (計画期間の合計); numeric targets only",
      ),
    unreadable: value().optional(),
    source: sourceSchema.optional(),
  })
  .strict();

export const actualSchema = valueSchema
  .extend({
    fiscalYear,
    series: short()
      .optional()
      .describe("the series name (男性, 女性); absent for an indicator without series"),
  })
  .strict();

/** 年度別計画値: the value planned for a year, as the plan's yearly row prints it; `cumulative` for its 累計 row. */
export const plannedValueSchema = valueSchema
  .extend({
    fiscalYear,
    series: short().optional().describe("the series name, as for actuals"),
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
    number: short().optional().describe("the number as written: 指標① → ①"),
    name: name().min(1),
    unit: short().optional(),
    series: z.array(short().min(1)).default([]).describe("named series such as 男性/女性; empty for none"),
    departments: z.array(key).default([]).describe("keys of departments responsible for this indicator"),
    stages: z
      .array(short().min(1))
      .optional()
      .describe("the stage vocabulary this indicator uses, lowest first (検討 → 実施 → 充実)"),
    baselines: z
      .array(valueSchema.extend({ fiscalYear: fiscalYear.optional(), series: short().optional() }).strict())
      .default([])
      .describe("初期値 / 基準値, one per series"),
    targets: z
      .array(targetSchema.extend({ series: short().optional() }).strict())
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
    narrative: long().optional().describe("取組状況: what was done in the year"),
    nextYearPlan: long().optional().describe("次年度の取組内容"),
    status: short().optional().describe("a status tag as written without brackets: 実施, 調査検討 …"),
    source: sourceSchema.optional(),
  })
  .strict();

export const activitySchema = z
  .object({
    fiscalYear,
    yearLabel: short().optional().describe("the year as the document labelled it: R10以降"),
    kind: z.enum(["plan", "result"]).describe("取組計画 (plan) or 実績 (result)"),
    status: short().optional().describe("status tag without brackets: 実施, 継続実施, 一部実施, 調査検討"),
    text: long(),
    source: sourceSchema.optional(),
  })
  .strict();

/** 財政効果額 of an item: one entry per fiscal year and kind (see fiscal-effect.ts). */
export const fiscalEffectSchema = fiscalEffectFields.extend({ source: sourceSchema.optional() }).strict();

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
  fiscalEffects?: z.input<typeof fiscalEffectSchema>[] | undefined;
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
  fiscalEffects?: z.output<typeof fiscalEffectSchema>[] | undefined;
  children: Item[];
};

export const itemSchema: z.ZodType<Item, ItemInput> = z.lazy(() =>
  z
    .object({
      key,
      number: short().optional().describe("the number as written: (1), ①, Ⅱ, 1"),
      title: name().min(1),
      description: long().optional().describe("取組内容"),
      texts: z
        .record(short(), long())
        .default({})
        .describe("texts a level may carry, by their heading: 現状と課題, 取組の方向性, 取組効果"),
      departments: z.array(key).default([]).describe("keys of the responsible departments (所管課)"),
      crossListingOf: key.optional().describe("再掲: the key of the original item this one repeats"),
      attributes: z
        .record(short(), long())
        .default({})
        .describe("other facts the document states about the item, by name (手法: バックキャスト …)"),
      indicators: z.array(indicatorSchema).default([]),
      progress: z.array(progressSchema).default([]).describe("取組状況 and next year's plan per fiscal year"),
      activities: z.array(activitySchema).default([]).describe("planned and actual activities per year"),
      fiscalEffects: z
        .array(fiscalEffectSchema)
        .optional()
        .describe("財政効果額: planned and actual amounts per fiscal year and kind (歳出削減 / 歳入確保)"),
      children: z.array(itemSchema).default([]),
    })
    .strict(),
);

export const departmentSchema = z
  .object({
    key,
    name: name().min(1).describe("the current name"),
    kind: short().optional().describe("局, 部, 課, 室 …"),
    parent: key.optional().describe("key of the parent department"),
    names: z
      .array(z.object({ name: name().min(1), validFrom: fiscalYear }).strict())
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
        name: name().min(1),
      })
      .strict(),
    plan: z
      .object({
        key: key.describe("the plan's identifier within the municipality, e.g. ebetsu-2018"),
        title: name().min(1),
        periodStart: fiscalYear,
        periodEnd: fiscalYear,
        levels: z
          .array(short().min(1))
          .min(1)
          .max(MAX_ITEM_DEPTH)
          .describe("the names of the tree's levels, top first"),
        stages: z
          .array(short().min(1))
          .optional()
          .describe("the plan's own stage ladder, lowest first, extending the default one"),
        sources: z.array(name()).default([]).describe("the files this plan was read from"),
        scales: scalesSchema
          .optional()
          .describe("the plan's own outcome scale and implementation vocabulary"),
        fiscalEffectTarget: targetSchema
          .optional()
          .describe(
            "the target for the plan's total 財政効果額 (all items, both kinds), a numeric target in 円, 千円 or 百万円 such as 「5年間で累計500百万円」; may be given as its text alone",
          ),
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
export type FiscalEffect = z.output<typeof fiscalEffectSchema>;
export type Department = z.output<typeof departmentSchema>;
export type Source = z.output<typeof sourceSchema>;
