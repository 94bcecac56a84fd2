/**
 * A new exceljs workbook. exceljs is loaded on the first workbook only: it costs more than half a second of
 * CPU to load, which every start of the server and every command would pay otherwise.
 */
import type ExcelJS from "exceljs";

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: exceljs } = await import("exceljs");
  return new exceljs.Workbook();
}
