/**
 * How a workbook's sheets are described: one table of columns per sheet drives the writer (headers,
 * widths, number formats, drop-down lists), the reader (columns found by header, cells read by type) and
 * the 説明 sheet, so that the two directions cannot drift apart.
 */

/** How a cell is written and read. */
export type ColumnType =
  /** an identifier (キー) or a reference to one: trimmed text */
  | "key"
  /** free text, kept exactly as written */
  | "text"
  /** several values in one cell, joined by 、 (by line breaks when a value itself contains 、) */
  | "list"
  /** a number cell; the unit is in its own column */
  | "number"
  /** a whole number of people or things, 0 or more (職員数, 定数) */
  | "count"
  /** a whole number above 0 (人口) */
  | "positive"
  /** a number 0 or more with decimals (人口1万人当たり, 指数) */
  | "decimal"
  /** a 西暦 fiscal year as a number cell; 令和4年度, R4, 2022年度 are read too */
  | "year"
  /** a date, written YYYY-MM-DD (a date cell is read too) */
  | "date"
  /** one word of a fixed vocabulary, offered as a drop-down list */
  | "choice"
  /** written for people to read (和暦, names beside keys) and never read back */
  | "derived";

/** A word of a fixed vocabulary: `value` in the document, `label` in the cell. */
export type Choice = { value: string; label: string };

export type ColumnDef = {
  /** the stable machine name, accepted by the reader in place of the header */
  id: string;
  /** the Japanese header in row 1 */
  header: string;
  type: ColumnType;
  /** column width in characters */
  width: number;
  /** the header must be present: the column identifies the row's record */
  required?: boolean;
  choices?: readonly Choice[];
  /** words offered in a drop-down list without refusing others (status tags as written) */
  suggest?: boolean;
  /** this column's own words offered without refusing others (部門 names, where aliases are read too) */
  suggestions?: readonly string[];
  /** a hidden column the writer fills for the reader */
  hidden?: boolean;
  /** what the column holds, for the 説明 sheet */
  help: string;
};

export type SheetDef = {
  name: string;
  /** what the sheet holds and how its rows are matched, for the 説明 sheet */
  about: string;
  columns: readonly ColumnDef[];
  /** true for a sheet a workbook may lack (added after workbooks were in use): it is then not read */
  optional?: boolean;
};

export type CellData = string | number | undefined;
export type RowData = Record<string, CellData>;
export type SheetData = { def: SheetDef; rows: RowData[] };
