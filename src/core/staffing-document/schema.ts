/**
 * The staffing document: everything gyokaku holds about one municipality's staffing (定数管理) — its
 * units, headcounts on 1 April, quotas, population, the peer diagnosis, the Laspeyres index and the
 * retirement plan. It is what the readers produce, what `gyokaku staffing import` stores and what the
 * spreadsheet template exchanges. Totals are never in it: they are computed from the units. What a
 * source printed for a group is kept as a printed total, to be checked.
 */
import { z } from "zod";
import { codeProblem } from "../../domain/municipality-code.ts";
import { TEXT_LIMITS } from "../../domain/text.ts";
import { sourceSchema, text } from "../plan-document/schema.ts";
import { movementSchema, staffingPlanSchema } from "./plan-schema.ts";
import { yearLabelSchema } from "./year-labels.ts";

export { movementSchema, staffingPlanLineSchema, staffingPlanSchema } from "./plan-schema.ts";

export const STAFFING_DOCUMENT_FORMAT = "gyokaku.staffing-document/1";

const fiscalYear = z
  .number()
  .int()
  .min(1900)
  .max(2200)
  .describe("西暦の年度 (April–March); 2025 = 令和7年度");
const count = z
  .number()
  .int("整数でなければなりません")
  .min(0, "負の数は使えません")
  .describe("a number of people, 0 or more");
const positive = z.number().int("整数でなければなりません").positive("0 より大きい数が必要です");
const per10k = z.number().nonnegative().describe("staff per 10,000 people (人口1万人当たり)");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD で書きます")
  .describe("a date, YYYY-MM-DD");
const key = text(200).min(1);

export const staffClasses = ["general", "special"] as const;

export const unitSchema = z
  .object({
    key: key.describe("an identifier unique in the document; headcounts and quotas refer to it"),
    name: text(TEXT_LIMITS.name).min(1),
    parent: key.optional().describe("the key of the group the unit belongs to"),
    kind: text(TEXT_LIMITS.name).optional().describe("部局, 部, 課, 委員会 … as the municipality calls it"),
    sector: text(TEXT_LIMITS.name)
      .optional()
      .describe(
        "部門 of the national survey (総務・企画, 民生 …); required on general-staff units without sub-units",
      ),
    staffClass: z.enum(staffClasses).optional().describe("general (一般職, default) or special (特別職)"),
    note: text(TEXT_LIMITS.name).optional().describe("a remark printed with the unit (※病院除く)"),
    source: sourceSchema.optional(),
  })
  .strict();

export const headcountSchema = z
  .object({
    unit: key,
    fiscalYear,
    count,
    /** Counted on another date than 1 April (after a mayoral election, e.g.). */
    asOf: isoDate.optional(),
    source: sourceSchema.optional(),
  })
  .strict();

/** うち…: staff among a unit's headcount with a status. */
export const breakdownCategories = [
  "dispatched", // 派遣職員
  "reappointedFullTime", // 再任用フルタイム勤務職員
  "fixedTerm", // 任期付職員
  "fixedTermOrReappointed", // 特定任期付・再任用フルタイム勤務職員 (one figure for both)
  "outsideQuota", // 定数外職員 (派遣・休職・休業)
  "countedAgainstQuota", // 定数対象職員数 (定数外を除き、育児休業代替任期付を含む)
] as const;

export const breakdownSchema = z
  .object({
    unit: key,
    fiscalYear,
    category: z.enum(breakdownCategories),
    count,
    label: text(TEXT_LIMITS.name).optional().describe("the row label as written (うち派遣職員)"),
    source: sourceSchema.optional(),
  })
  .strict();

export const quotaSchema = z
  .object({ unit: key, fiscalYear, quota: count, source: sourceSchema.optional() })
  .strict()
  .describe("条例定数 of a unit; a group's quota is computed unless only the group has one");

export const printedTotalSchema = z
  .object({
    unit: key,
    fiscalYear,
    measure: z.enum(["headcount", "quota"]),
    value: count,
    label: text(TEXT_LIMITS.name).optional(),
    source: sourceSchema.optional(),
  })
  .strict()
  .describe(
    "a group figure as the source printed it; checked against the sum of the parts, never used as data",
  );

export const quotaCeilingSchema = z
  .object({
    unit: key,
    fiscalYear,
    value: count,
    label: text(TEXT_LIMITS.name).optional().describe("(3%上限)"),
    source: sourceSchema.optional(),
  })
  .strict();

export const populationSchema = z
  .object({
    fiscalYear: fiscalYear.describe("the fiscal year whose staff the population is compared with"),
    population: positive,
    asOf: isoDate.optional().describe("the reference date (住基人口: 1 January)"),
    basis: text(TEXT_LIMITS.name).optional().describe("住民基本台帳人口, 国勢調査人口 …"),
    source: sourceSchema.optional(),
  })
  .strict();

const peerFigureSchema = z
  .object({
    per10k: per10k.optional().describe("the peers' average staff per 10,000 people"),
    estimate: count.optional().describe("the estimate in persons as printed, when the average is not given"),
  })
  .strict();

export const peerGroupRefSchema = z
  .object({
    scheme: z
      .string()
      .min(1)
      .describe("ruiji-shokuin-city (一般市 16類型) or ruiji-shokuin-town (町村 15類型)"),
    group: text(TEXT_LIMITS.name).min(1).describe("II-3"),
    members: positive.optional().describe("how many municipalities the group has (107団体)"),
    baseDate: isoDate.describe(
      "the survey's reference date (類似団体別職員数の状況 令和6年4月1日現在 → 2024-04-01)",
    ),
    title: text(TEXT_LIMITS.name).optional(),
  })
  .strict();

export const diagnosisRowSchema = z
  .object({
    sector: text(TEXT_LIMITS.name).min(1),
    previous: count.optional().describe("A: headcount a year before"),
    current: count.optional().describe("B: headcount of the diagnosed year"),
    simple: peerFigureSchema.optional().describe("単純値"),
    corrected: peerFigureSchema.optional().describe("修正値"),
    source: sourceSchema.optional(),
  })
  .strict();

export const diagnosisSchema = z
  .object({
    fiscalYear,
    population: positive,
    populationAsOf: isoDate.optional(),
    peerGroup: peerGroupRefSchema,
    averages: z
      .array(
        z
          .object({
            total: text(TEXT_LIMITS.name).min(1).describe("普通会計計, 一般行政計"),
            simplePer10k: per10k.optional(),
            correctedPer10k: per10k.optional(),
          })
          .strict(),
      )
      .default([]),
    rows: z.array(diagnosisRowSchema),
    printedTotals: z
      .array(
        z
          .object({
            total: text(TEXT_LIMITS.name).min(1),
            previous: count.optional(),
            current: count.optional(),
            source: sourceSchema.optional(),
          })
          .strict(),
      )
      .default([]),
    source: sourceSchema.optional(),
  })
  .strict();

export const peerComparisonSchema = z
  .object({
    fiscalYear,
    populationAsOf: isoDate.optional(),
    peerGroup: peerGroupRefSchema,
    members: z.array(
      z
        .object({
          prefecture: text(TEXT_LIMITS.name).optional(),
          name: text(TEXT_LIMITS.name).min(1),
          self: z.boolean().default(false),
          population: positive,
          ordinaryAccount: count.describe("普通会計職員数"),
          generalAdministration: count.optional().describe("一般行政部門職員数"),
          source: sourceSchema.optional(),
        })
        .strict(),
    ),
    group: z
      .object({
        population: positive,
        ordinaryAccount: count,
        generalAdministration: count.optional(),
        source: sourceSchema.optional(),
      })
      .strict()
      .optional()
      .describe("the peer group's totals, from which its averages per 10,000 follow"),
  })
  .strict();

export const classificationSchema = z
  .object({
    fiscalYear,
    scheme: text(TEXT_LIMITS.name).min(1),
    population: positive,
    populationAsOf: isoDate.optional(),
    censusYear: z
      .number()
      .int()
      .min(1920)
      .max(2200)
      .optional()
      .describe("the census the industry shares come from"),
    employed: z
      .object({ primary: count, secondary: count, tertiary: count })
      .strict()
      .optional()
      .describe("第1次・第2次・第3次産業就業者数"),
    shares: z
      .object({
        secondaryTertiaryPercent: z.number().min(0).max(100),
        tertiaryPercent: z.number().min(0).max(100),
      })
      .strict()
      .optional(),
    printedGroup: z
      .string()
      .optional()
      .describe("the group the source names (II-3), checked against the computed one"),
    source: sourceSchema.optional(),
  })
  .strict();

export const laspeyresSchema = z
  .object({
    fiscalYear,
    own: z.number().positive(),
    peerAverage: z.number().positive().optional(),
    nationalAverage: z.number().positive().optional(),
    nationalLabel: text(TEXT_LIMITS.name).optional().describe("全国市平均 / 全国町村平均"),
    source: sourceSchema.optional(),
  })
  .strict();

export const retirementPlanSchema = z
  .object({
    cohorts: z
      .array(
        z
          .object({
            birthFiscalYear: fiscalYear.describe(
              "school-year cohort: born 2 April of this year to 1 April of the next",
            ),
            count: count.optional().describe("staff of the cohort now employed"),
            label: z
              .string()
              .optional()
              .describe("the row label as printed (昭和38年生まれ), kept as written"),
            printedUntil: fiscalYear.optional().describe("the last year the source printed an age for"),
            source: sourceSchema.optional(),
          })
          .strict(),
      )
      .default([]),
    hiring: z
      .array(
        z
          .object({
            fiscalYear,
            hires: count,
            otherLeavers: count.optional(),
            source: sourceSchema.optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export const staffingDocumentSchema = z
  .object({
    format: z.literal(STAFFING_DOCUMENT_FORMAT),
    municipality: z
      .object({
        code: z.string().superRefine((code, ctx) => {
          const problem = codeProblem(code);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
        name: text(TEXT_LIMITS.name).min(1),
      })
      .strict(),
    title: text(TEXT_LIMITS.name).optional(),
    sources: z.array(text(TEXT_LIMITS.name)).default([]),
    sectorScheme: text(TEXT_LIMITS.name)
      .default("teiin-kanri-chosa")
      .describe("the 部門 scheme the units are mapped to"),
    units: z.array(unitSchema),
    headcounts: z.array(headcountSchema).default([]),
    breakdowns: z.array(breakdownSchema).default([]),
    quotas: z.array(quotaSchema).default([]),
    quotaCeilings: z.array(quotaCeilingSchema).default([]),
    printedTotals: z.array(printedTotalSchema).default([]),
    populations: z.array(populationSchema).default([]),
    diagnoses: z.array(diagnosisSchema).default([]),
    peerComparisons: z.array(peerComparisonSchema).default([]),
    classifications: z.array(classificationSchema).default([]),
    laspeyres: z.array(laspeyresSchema).default([]),
    retirement: retirementPlanSchema.default({ cohorts: [], hiring: [] }),
    staffingPlan: staffingPlanSchema.optional(),
    peerGroup: z
      .object({
        scheme: text(TEXT_LIMITS.short).min(1),
        group: text(TEXT_LIMITS.short).min(1),
        source: sourceSchema.optional(),
      })
      .strict()
      .optional()
      .describe("the 類型 set for the municipality; without it, the one its classification gives"),
    movements: z.array(movementSchema).default([]),
    yearLabels: z.array(yearLabelSchema).default([]).describe("year columns labelled otherwise than read"),
  })
  .strict();

export type StaffingDocument = z.output<typeof staffingDocumentSchema>;
export type StaffingDocumentInput = z.input<typeof staffingDocumentSchema>;
export type Unit = z.output<typeof unitSchema>;
export type Headcount = z.output<typeof headcountSchema>;
export type Breakdown = z.output<typeof breakdownSchema>;
export type BreakdownCategory = (typeof breakdownCategories)[number];
export type Quota = z.output<typeof quotaSchema>;
export type PrintedTotal = z.output<typeof printedTotalSchema>;
export type Population = z.output<typeof populationSchema>;
export type Diagnosis = z.output<typeof diagnosisSchema>;
export type PeerComparison = z.output<typeof peerComparisonSchema>;
export type Classification = z.output<typeof classificationSchema>;
export type Laspeyres = z.output<typeof laspeyresSchema>;
export type RetirementPlan = z.output<typeof retirementPlanSchema>;
export type Source = z.output<typeof sourceSchema>;
export type StaffingPlan = z.output<typeof staffingPlanSchema>;
export type Movement = z.output<typeof movementSchema>;

export const BREAKDOWN_LABELS: Record<BreakdownCategory, string> = {
  dispatched: "うち派遣職員",
  reappointedFullTime: "うち再任用フルタイム勤務職員",
  fixedTerm: "うち任期付職員",
  fixedTermOrReappointed: "うち特定任期付・再任用フルタイム勤務職員",
  outsideQuota: "うち定数外職員",
  countedAgainstQuota: "定数対象職員数",
};
