/**
 * A fiscal-year column as the source labels it, when the label says something else than the year it was
 * read as (千歳市 図表4 「平28 (2015)」: 平成28 is FY2016, the column is read as 2015). Every report prints
 * the label as written with the note beside it, never a relabelled year.
 */
import { z } from "zod";
import { TEXT_LIMITS } from "../../domain/text.ts";
import { sourceSchema, text } from "../plan-document/schema.ts";

export const yearLabelSchema = z
  .object({
    fiscalYear: z.number().int().min(1900).max(2200).describe("the year the column was read as"),
    label: text(TEXT_LIMITS.name).min(1).describe("the column label as printed (平28 (2015))"),
    note: text(TEXT_LIMITS.name)
      .optional()
      .describe("why the label and the year disagree (the reader's finding)"),
    source: sourceSchema.optional(),
  })
  .strict();

export type YearLabel = z.output<typeof yearLabelSchema>;
