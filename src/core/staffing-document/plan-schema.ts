/** 定員適正化計画 and 退職・採用 in the staffing document (src/core/staffing-document/schema.ts). */
import { z } from "zod";
import { TEXT_LIMITS } from "../../domain/text.ts";
import { sourceSchema, text } from "../plan-document/schema.ts";

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

export const staffingPlanLineSchema = z
  .object({
    scope: z
      .string()
      .min(1)
      .optional()
      .describe("what the line covers: a unit key or a 部門 name; absent = the whole (一般職の合計)"),
    baseHeadcount: count.describe("the headcount of the base year"),
    targets: z.array(z.object({ fiscalYear, headcount: count, source: sourceSchema.optional() }).strict()),
    source: sourceSchema.optional(),
  })
  .strict();

export const staffingPlanSchema = z
  .object({
    title: text(TEXT_LIMITS.name).optional().describe("第3次定員適正化計画"),
    baseFiscalYear: fiscalYear.describe("基準年度: the year whose 1 April headcount the targets start from"),
    fromFiscalYear: fiscalYear.describe("計画期間の初年度"),
    toFiscalYear: fiscalYear.describe("計画期間の最終年度"),
    lines: z.array(staffingPlanLineSchema),
    source: sourceSchema.optional(),
  })
  .strict()
  .describe("定員適正化計画: target headcounts per fiscal year against a base year");

export const movementSchema = z
  .object({
    fiscalYear,
    leavers: count
      .optional()
      .describe("退職者数: staff who left during the fiscal year (retirement included)"),
    hires: count.optional().describe("採用者数: staff who took office on 1 April of the fiscal year"),
    source: sourceSchema.optional(),
  })
  .strict();
