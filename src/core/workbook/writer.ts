/**
 * Writes the sheets of a workbook. Every sheet is a table: header in row 1 (frozen, with a filter),
 * one value per cell, numbers as number cells with a number format, text columns formatted as text so
 * that Excel keeps what a person types (012173, 26,684) as written, drop-down lists where a column has a
 * fixed vocabulary. Nothing is protected: columns a person should not edit are grey and marked 参考.
 */
import type ExcelJS from "exceljs";
import { newWorkbook } from "../xlsx.ts";
import { decimalsOf, numberFormat } from "./cells.ts";
import type { ColumnDef, ColumnType, SheetData } from "./types.ts";

/** BIZ UDPゴシック: the universal-design font the seeds ask for; Excel substitutes where it is missing. */
const FONT = { name: "BIZ UDPゴシック", size: 10 } as const;
const HEADER_FILL = "FFDDEBF7";
const REQUIRED_FILL = "FFBDD7EE";
const DERIVED_FILL = "FFEDEDED";
/** Drop-down lists reach this many rows below the data, so that rows a person adds get them too. */
const SPARE_ROWS = 500;

type DataValidationSheet = { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } };

export type WorkbookOptions = {
  title: string;
  /** The document format the workbook holds (gyokaku.plan-document/1). */
  subject: string;
  /** The words offered by columns marked `suggest` (状況). */
  suggestions?: readonly string[];
};

/** Writes the sheets in the order given (the 説明 sheet first, as a rule). */
export async function writeWorkbook(sheets: SheetData[], options: WorkbookOptions): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = "gyokaku";
  wb.title = options.title;
  wb.subject = options.subject;
  // Fixed dates keep two exports of the same data byte-for-byte comparable in their contents.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const s of sheets) writeSheet(wb, s, options);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const NUMERIC: readonly ColumnType[] = ["number", "count", "positive", "decimal"];

/** One table on its own sheet: header in row 1, frozen and filtered, values typed by their column. */
export function writeSheet(wb: ExcelJS.Workbook, { def, rows }: SheetData, options: WorkbookOptions) {
  const ws = wb.addWorksheet(def.name, {
    views: [{ state: "frozen", ySplit: 1 }],
    // Printed on A4 landscape, as wide as the page, with the header repeated on every page.
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = "1:1";
  def.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.style = columnStyle(c);
    if (c.hidden) col.hidden = true;
  });
  const header = ws.getRow(1);
  header.height = 20;
  def.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.fill = solid(c.type === "derived" ? DERIVED_FILL : c.required ? REQUIRED_FILL : HEADER_FILL);
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "thin" } };
    cell.numFmt = "@";
  });
  rows.forEach((row, r) => {
    const xlRow = ws.getRow(r + 2);
    def.columns.forEach((c, i) => {
      const v = row[c.id];
      if (v === undefined) return;
      const cell = xlRow.getCell(i + 1);
      cell.value = c.choices ? (c.choices.find((x) => x.value === v)?.label ?? v) : v;
      if (typeof v === "number" && NUMERIC.includes(c.type)) cell.numFmt = numberFormat(decimalsOf(v));
    });
    const lines = Math.max(
      ...def.columns.map((c) =>
        wraps(c) && typeof row[c.id] === "string" ? lineCount(row[c.id] as string, c.width) : 1,
      ),
    );
    // Set for wrapped text only: not every application fits a row to its text when it opens the file.
    if (lines > 1) xlRow.height = Math.min(409, lines * LINE_HEIGHT + 3);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: def.columns.length } };
  const last = rows.length + 1 + SPARE_ROWS;
  def.columns.forEach((c, i) => {
    const words =
      c.choices?.map((x) => x.label) ?? c.suggestions ?? (c.suggest ? options.suggestions : undefined);
    if (!words || words.length === 0) return;
    const letter = ws.getColumn(i + 1).letter;
    (ws as unknown as DataValidationSheet).dataValidations.add(`${letter}2:${letter}${last}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${words.join(",")}"`],
      // A suggestion list (状況) offers words without refusing others; a vocabulary refuses them.
      showErrorMessage: c.choices !== undefined,
      errorStyle: "stop",
      errorTitle: c.header,
      error: `${words.join("・")} のいずれかを選んでください`,
    });
  });
}

/** Columns this wide hold sentences: their text wraps inside the cell. */
const wraps = (c: ColumnDef) => c.width >= 24;
/** Points per line of 10-point BIZ UDPゴシック. */
const LINE_HEIGHT = 13;

/**
 * Lines a text takes in a column, estimated: a column's width counts digits of the default font, and a
 * full-width character of 10-point text takes about 1.35 of them, a half-width one about 0.7.
 */
function lineCount(text: string, width: number): number {
  return text.split("\n").reduce((sum, line) => {
    let units = 0;
    for (const ch of line) units += /[ -\u00ff\uff61-\uff9f]/.test(ch) ? 0.7 : 1.35;
    return sum + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }, 0);
}

function columnStyle(c: ColumnDef): Partial<ExcelJS.Style> {
  const alignment: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: wraps(c) };
  switch (c.type) {
    case "number":
    case "count":
    case "positive":
    case "decimal":
      return { font: FONT, alignment };
    case "year":
      return { font: FONT, alignment, numFmt: "0" };
    case "derived":
      return { font: { ...FONT, color: { argb: "FF595959" } }, alignment, fill: solid("FFF5F5F5") };
    default:
      return { font: FONT, alignment, numFmt: "@" };
  }
}

function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}
