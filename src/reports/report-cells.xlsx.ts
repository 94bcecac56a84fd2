/**
 * The cell helpers of the report workbooks: the font, borders and header fill, merged header cells, values
 * with their unit in the number format, row heights that fit wrapped text, and the A4 print setup.
 */
import type ExcelJS from "exceljs";
import { bothYears, numberFormat, type ValueCell } from "./format.ts";
import type { ReportHead } from "./report.model.ts";
import type { ResultCell } from "./summary.model.ts";

const FONT = "BIZ UDPGothic";
const A4 = 9 as ExcelJS.PaperSize;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
export const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFECECF1" } };

export function addSheet(wb: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: A4,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L&8${name.replace(/&/g, "&&")}&R&8&P / &N` },
  });
  ws.columns = widths.map((width) => ({ width, style: { font: { name: FONT, size: 9 } } }));
  return ws;
}

/** Title and meta line above a table, merged across its width. */
export function titleRows(ws: ExcelJS.Worksheet, head: ReportHead, lastCol: number, note = ""): void {
  merge(ws, 1, 1, 1, lastCol);
  merge(ws, 2, 1, 2, lastCol);
  put(ws.getCell(1, 1), head.title, { bold: true, size: 13 });
  put(
    ws.getCell(2, 1),
    `${head.municipality}（${head.municipalityCode}）・${head.planTitle}・対象年度 ${bothYears(head.fiscalYear)}${note}`,
    { size: 9 },
  );
  ws.getRow(1).height = 22;
}

export function put(
  cell: ExcelJS.Cell,
  value: ExcelJS.CellValue,
  font: Partial<ExcelJS.Font> = {},
  align: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true },
): ExcelJS.Cell {
  cell.value = value;
  cell.font = { name: FONT, size: 9, ...font };
  cell.alignment = align;
  return cell;
}

export function headerCell(
  ws: ExcelJS.Worksheet,
  row: number,
  col: number,
  text: string,
  span?: [number, number],
) {
  if (span && (span[0] > row || span[1] > col)) merge(ws, row, col, span[0], span[1]);
  const cell = put(
    ws.getCell(row, col),
    text,
    { bold: true },
    { vertical: "middle", horizontal: "center", wrapText: true },
  );
  cell.fill = HEAD_FILL;
}

export function valueInto(cell: ExcelJS.Cell, v: ValueCell): void {
  if (v.number !== undefined) {
    put(cell, v.number, {}, { vertical: "top", horizontal: "right" });
    cell.numFmt = numberFormat(v.unit, v.decimals);
  } else {
    put(
      cell,
      v.unreadable ? `${v.text}（読取不可：${v.unreadable}）` : v.text,
      {},
      {
        vertical: "top",
        horizontal: "center",
        wrapText: true,
      },
    );
  }
}

export function resultText(r: ResultCell | null): string {
  if (!r) return "";
  const computed = r.computed ? `（評価者の判定。計算：${r.computed.symbol} ${r.computed.label}）` : "";
  return `${r.symbol} ${r.label}${computed}`;
}

/** Thin borders on every cell of a block. */
export function borders(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
): void {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).border = THIN;
}

/** Merged blocks by their top-left cell, so that row heights can be estimated from the merged width. */
const MERGES = new WeakMap<ExcelJS.Worksheet, Map<string, { rows: number; cols: number }>>();

export function merge(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  ws.mergeCells(top, left, bottom, right);
  const m = MERGES.get(ws) ?? new Map<string, { rows: number; cols: number }>();
  MERGES.set(ws, m);
  m.set(`${top}:${left}`, { rows: bottom - top + 1, cols: right - left + 1 });
}

/**
 * Excel does not fit row heights to wrapped text on opening; estimate them from the text, the font size and
 * the (merged) column width. A column width unit is about one digit of 11pt text; a full-width character is
 * two of those at 11pt, fewer at the 8–9pt the reports use.
 */
export function fitHeight(ws: ExcelJS.Worksheet, rowNo: number, minHeight = 15): void {
  const row = ws.getRow(rowNo);
  const merges = MERGES.get(ws);
  let height = minHeight;
  row.eachCell((cell, col) => {
    if (cell.isMerged && cell.master !== cell) return;
    const span = merges?.get(`${rowNo}:${col}`);
    if (span && span.rows > 1) return;
    let width = 0;
    for (let c = col; c < col + (span?.cols ?? 1); c++) width += ws.getColumn(c).width ?? 10;
    const size = cell.font?.size ?? 9;
    const perChar = (ch: string) => ((ch.charCodeAt(0) > 0xff ? 2 : 1.1) * size) / 11;
    const lines = (cell.text ?? "").split("\n").reduce((sum, line) => {
      const units = [...line].reduce((u, ch) => u + perChar(ch), 0);
      return sum + Math.max(1, Math.ceil(units / Math.max(2, width - 0.8)));
    }, 0);
    height = Math.max(height, lines * (size * 1.35 + 1) + 3);
  });
  row.height = Math.min(409, height);
}

function colName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function printSetup(
  ws: ExcelJS.Worksheet,
  lastRow: number,
  lastCol: number,
  titles?: [number, number],
): void {
  ws.pageSetup.printArea = `A1:${colName(lastCol)}${lastRow}`;
  if (titles) ws.pageSetup.printTitlesRow = `${titles[0]}:${titles[1]}`;
}
