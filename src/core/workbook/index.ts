/**
 * The workbook engine every editable workbook of gyokaku uses (the plan workbook, the staffing template):
 * sheets described once as column tables, written with a header row, styles, drop-down lists and a 説明
 * sheet, read back as rows whose every cell is read by its column's type and whose every problem names
 * the sheet, the row and the column.
 */
export * from "./cells.ts";
export { GUIDE_SHEET_NAME, guideSheet } from "./guide.ts";
export { type LoadFailure, loadWorkbook, looksLikeXlsx } from "./load.ts";
export { type Place, Problems, where } from "./problems.ts";
export { readTable, Table, TableRow } from "./table.ts";
export type * from "./types.ts";
export { type WorkbookOptions, writeSheet, writeWorkbook } from "./writer.ts";
