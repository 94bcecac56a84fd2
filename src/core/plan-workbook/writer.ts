/**
 * Writes the sheets of a plan workbook with the workbook engine (src/core/workbook): the 説明 sheet first,
 * then one table per sheet.
 */
import { writeWorkbook as writeSheets } from "../workbook/writer.ts";
import { guideSheet } from "./guide.ts";
import type { SheetData } from "./rows.ts";

export type WorkbookOptions = { title?: string | undefined; statusWords: readonly string[] };

export async function writeWorkbook(sheets: SheetData[], options: WorkbookOptions): Promise<Buffer> {
  return writeSheets([guideSheet(), ...sheets], {
    title: options.title ?? "gyokaku 計画ワークブック",
    subject: "gyokaku.plan-document/1",
    suggestions: options.statusWords,
  });
}
