/**
 * What reading the staffing template needs for every sheet: the rows of a sheet read by type, the places
 * of records (to name cells in document-level problems) and the refusal that lists every problem.
 */
import type ExcelJS from "exceljs";
import type { Finding } from "../core/findings.ts";
import {
  invalidStaffingDocument,
  type Locate,
  type StaffingDocumentInput,
  type StaffingProblem,
} from "../core/staffing-document/index.ts";
import { Problems, readTable, type SheetDef, type Table, type TableRow } from "../core/workbook/index.ts";

export type Input = StaffingDocumentInput;
export type Values = Record<string, string | number>;

/** "file.xlsx シート「職員数」 行 5 列 D（2024年度）": the place as staffing messages print it. */
export function placeText(file: string, f: Pick<Finding, "sheet" | "row" | "column" | "subject">): string {
  return [
    file,
    f.sheet === undefined ? "" : ` シート「${f.sheet}」`,
    f.row === undefined ? "" : ` 行 ${f.row}`,
    f.column === undefined ? "" : ` 列 ${f.column}`,
    f.subject === undefined ? "" : `（${f.subject}）`,
  ].join("");
}

export function refuse(problems: Problems): never {
  const list: StaffingProblem[] = problems.errors.map((f) => ({
    path: `${f.sheet ?? ""}!${f.column ?? ""}${f.row ?? ""}`,
    where: placeText(problems.file, f),
    message: f.message,
  }));
  throw invalidStaffingDocument(list, problems.file);
}

export const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A problem's JSON path as the record's path ("$.units[3]", "$.staffingPlan.lines[0].rows[2]") and the field. */
function recordOf(path: string): [record: string, field: string | undefined] | undefined {
  const m = /^(\$\.[A-Za-z.]+\[\d+\](?:\.rows\[\d+\]|\.members\[\d+\]|\.targets\[\d+\])?)(?:\.(\w+))?/.exec(
    path,
  );
  return m ? [m[1]!, m[2]] : undefined;
}

/** Rows of a sheet (read by type), each with its row for places; a missing sheet has none. */
export class Reader {
  readonly problems: Problems;
  /** JSON path of a record → the row it was read from, to name cells in document-level problems. */
  readonly places = new Map<string, TableRow>();
  constructor(
    readonly wb: ExcelJS.Workbook,
    readonly file: string,
  ) {
    this.problems = new Problems(file);
  }
  table(def: SheetDef): Table | undefined {
    const ws = this.wb.getWorksheet(def.name);
    return ws ? readTable(ws, def, this.problems) : undefined;
  }
  rows(def: SheetDef): { row: TableRow; values: Values }[] {
    return (this.table(def)?.rows ?? []).map((row) => ({ row, values: row.record() }));
  }
  source(row: TableRow, column?: string) {
    return defined({ file: this.file, sheet: row.table.name, row: row.rowNumber, column });
  }
  at(path: string, row: TableRow) {
    this.places.set(path, row);
  }
  locate: Locate = (path) => {
    const [record, field] = recordOf(path) ?? [];
    const row = record === undefined ? undefined : this.places.get(record);
    if (!row) return undefined;
    const at = row.place(field);
    return placeText(this.file, { sheet: at.sheet, row: at.row, column: at.column, subject: at.header });
  };
  /** The places as plain data, to cross from a worker thread (the rows themselves do not). */
  placeIndex(): PlaceIndex {
    const tables = new Map<Table, number>();
    const index: PlaceIndex = { tables: [], places: new Map() };
    for (const [path, row] of this.places) {
      let t = tables.get(row.table);
      if (t === undefined) {
        t = index.tables.length;
        tables.set(row.table, t);
        const columns = new Map(
          [...row.table.columns].map(([id, c]) => [id, { letter: c.letter, header: c.header }]),
        );
        index.tables.push({ sheet: row.table.name, columns });
      }
      index.places.set(path, [t, row.rowNumber]);
    }
    return index;
  }
}

/**
 * Where each record was read from, as plain data (Maps and arrays, copied across threads): the tables read,
 * with their columns, and for each record's JSON path its table and row.
 */
export type PlaceIndex = {
  tables: { sheet: string; columns: Map<string, { letter: string; header: string }> }[];
  places: Map<string, [table: number, row: number]>;
};

/** A staffing workbook read: the document (not yet validated), the places of its records, the findings. */
export type WorkbookRead = { document: StaffingDocumentInput; places: PlaceIndex; findings: Finding[] };

/** The cell a document-level problem's JSON path names, from the places of the records read. */
export function locateIn(file: string, index: PlaceIndex): Locate {
  return (path) => {
    const [record, field] = recordOf(path) ?? [];
    const at = record === undefined ? undefined : index.places.get(record);
    if (!at) return undefined;
    const table = index.tables[at[0]]!;
    const c = field === undefined ? undefined : table.columns.get(field);
    return placeText(file, { sheet: table.sheet, row: at[1], column: c?.letter, subject: c?.header });
  };
}

export const num = (v: unknown) => v as number;
export const str = (v: unknown) => v as string | undefined;

/**
 * Items of the sheet 団体: 類型 ("ruiji-shokuin-town IV-1": the 類型 set for the municipality) and 年度の表記
 * ("2015｜平28 (2015)｜note": a year column as printed, with the note).
 */
export function peerGroupAndYearLabels(item: (name: string) => string[]) {
  const [scheme, group] = (item("類型")[0] ?? "").trim().split(/\s+/);
  const yearLabels = item("年度の表記").map((v) => {
    const [fy, label, note] = v.split("｜");
    return { fiscalYear: Number(fy), label: label ?? "", ...(note ? { note } : {}) };
  });
  return {
    ...(scheme && group ? { peerGroup: { scheme, group } } : {}),
    ...(yearLabels.length > 0 ? { yearLabels } : {}),
  };
}
