/** Helpers for the spreadsheet tests: workbook contents as plain data, and editing a workbook like a person. */
import ExcelJS from "exceljs";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { type Raw, rawOf } from "../core/plan-workbook/cells.ts";
import { samplePlanDocument } from "./factories.ts";

export type Contents = Record<string, Raw[][]>;

/** Every cell of every sheet, by sheet name. */
export async function contents(bytes: Uint8Array): Promise<Contents> {
  const wb = await open(bytes);
  const out: Contents = {};
  for (const ws of wb.worksheets) {
    const rows: Raw[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Raw[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(rawOf(row.getCell(c).value));
      rows[n - 1] = cells;
    });
    out[ws.name] = Array.from(rows, (r) => r ?? []);
  }
  return out;
}

export async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

export async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The column number of a header in row 1 of a sheet. */
export function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (cell.value === header) found = n;
  });
  if (!found) throw new Error(`no column ${header} in ${ws.name}`);
  return found;
}

/** The first data row whose cells under the given headers hold the given values. */
export function rowWhere(ws: ExcelJS.Worksheet, match: Record<string, string | number>): number {
  for (let r = 2; r <= ws.rowCount; r++) {
    if (Object.entries(match).every(([h, v]) => rawOf(ws.getRow(r).getCell(col(ws, h)).value) === v))
      return r;
  }
  throw new Error(`no row ${JSON.stringify(match)} in ${ws.name}`);
}

/** Edits a workbook as a person would: set cells by header, add rows at the bottom. */
export async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await open(bytes);
  change(wb);
  return save(wb);
}

export function set(ws: ExcelJS.Worksheet, row: number, header: string, value: ExcelJS.CellValue) {
  ws.getRow(row).getCell(col(ws, header)).value = value;
}

export function addRow(ws: ExcelJS.Worksheet, values: Record<string, ExcelJS.CellValue>): number {
  const r = ws.rowCount + 1;
  for (const [h, v] of Object.entries(values)) set(ws, r, h, v);
  return r;
}

export function sample(): PlanDocument {
  return parsePlanDocument(samplePlanDocument());
}
