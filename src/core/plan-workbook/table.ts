/** Reading one sheet as a table: the workbook engine's (src/core/workbook/table.ts). */
export { type Place, Problems, readTable, Table, TableRow, where } from "../workbook/table.ts";
