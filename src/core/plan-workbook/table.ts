/**
 * Reading one sheet as a table: columns are found by their header in row 1 (or their machine name), so
 * shuffled columns are read; every cell is read by its column's type, and every problem is a finding
 * that names the sheet, the row and the column.
 */
import type ExcelJS from "exceljs";
import { fiscalYearOf } from "../../domain/fiscal-year.ts";
import { readFiscalYear, readValue, toHalfWidth } from "../../domain/values/index.ts";
import type { Finding } from "../findings.ts";
import { formatNumber, type Raw, rawOf, splitList } from "./cells.ts";
import type { ColumnDef, SheetDef } from "./columns.ts";

export type Place = { sheet?: string | undefined; row?: number; column?: string; header?: string };

/** 「シート「実績値」 5行 D列（年度）」: where a finding is, as the messages print it. */
export function where(f: Pick<Finding, "sheet" | "row" | "column" | "subject">): string {
  return [
    f.sheet === undefined ? "" : `シート「${f.sheet}」`,
    f.row === undefined ? "" : ` ${f.row}行`,
    f.column === undefined ? "" : ` ${f.column}列`,
    f.subject === undefined ? "" : `（${f.subject}）`,
  ].join("");
}

/** The findings of one reading; errors refuse the whole workbook at the end, warnings are reported. */
export class Problems {
  readonly findings: Finding[] = [];
  constructor(readonly file: string) {}

  add(severity: Finding["severity"], code: string, at: Place, message: string, found?: string) {
    this.findings.push({
      file: this.file,
      sheet: at.sheet,
      row: at.row,
      column: at.column,
      subject: at.header,
      code,
      message,
      found,
      severity,
    });
  }
  error(code: string, at: Place, message: string, found?: string) {
    this.add("error", code, at, message, found);
  }
  get errors(): Finding[] {
    return this.findings.filter((f) => f.severity === "error");
  }
}

type Located = { index: number; letter: string; header: string };

const norm = (s: string) => toHalfWidth(s).replace(/\s+/g, "");

export class Table {
  readonly rows: TableRow[] = [];
  constructor(
    readonly def: SheetDef,
    readonly columns: Map<string, Located>,
  ) {}
  has(id: string): boolean {
    return this.columns.has(id);
  }
  get name(): string {
    return this.def.name;
  }
}

/** Reads the header and the non-empty rows of a sheet; a missing required header is an error. */
export function readTable(ws: ExcelJS.Worksheet, def: SheetDef, problems: Problems): Table {
  const byHeader = new Map<string, ColumnDef>();
  for (const c of def.columns) {
    byHeader.set(norm(c.header), c);
    byHeader.set(norm(c.id), c);
  }
  const columns = new Map<string, Located>();
  ws.getRow(1).eachCell((cell, index) => {
    const raw = rawOf(cell.value);
    const header = raw === null ? "" : String(raw).trim();
    if (header === "") return;
    const letter = ws.getColumn(index).letter;
    const c = byHeader.get(norm(header));
    const at = { sheet: def.name, row: 1, column: letter, header };
    if (!c) problems.add("warning", "sheet.unknown-column", at, `見出し「${header}」の列は読みません`);
    else if (columns.has(c.id))
      problems.error("sheet.duplicate-column", at, `見出し「${c.header}」の列が2つあります`);
    else columns.set(c.id, { index, letter, header: c.header });
  });
  for (const c of def.columns) {
    if (c.required && !columns.has(c.id)) {
      problems.error(
        "sheet.missing-column",
        { sheet: def.name, row: 1 },
        `見出し「${c.header}」の列がありません（1行目の見出しを変えないでください）`,
      );
    }
  }
  const table = new Table(def, columns);
  const read = def.columns.filter((c) => c.type !== "derived" && columns.has(c.id));
  ws.eachRow((row, number) => {
    if (number === 1) return;
    const cells = new Map<string, { raw: Raw; numFmt: string | undefined }>();
    for (const c of read) {
      const cell = row.getCell(columns.get(c.id)!.index);
      const raw = rawOf(cell.value);
      if (raw !== null) cells.set(c.id, { raw, numFmt: cell.numFmt });
    }
    if (cells.size > 0) table.rows.push(new TableRow(table, number, cells, problems));
  });
  return table;
}

/** One row of a table; every getter reads by the column's type and reports what it cannot read. */
export class TableRow {
  constructor(
    readonly table: Table,
    readonly rowNumber: number,
    private readonly cells: Map<string, { raw: Raw; numFmt: string | undefined }>,
    private readonly problems: Problems,
  ) {}

  has(id: string): boolean {
    return this.table.has(id);
  }
  place(id?: string): Place {
    const c = id === undefined ? undefined : this.table.columns.get(id);
    return { sheet: this.table.name, row: this.rowNumber, column: c?.letter, header: c?.header };
  }
  error(id: string | undefined, code: string, message: string, found?: string) {
    this.problems.error(code, this.place(id), message, found);
  }
  note(severity: Finding["severity"], id: string | undefined, code: string, message: string) {
    this.problems.add(severity, code, this.place(id), message);
  }

  private raw(id: string): Raw {
    const cell = this.cells.get(id);
    if (cell && typeof cell.raw === "object" && cell.raw !== null && "error" in cell.raw) {
      this.error(id, "cell.error", `セルがエラー値です: ${cell.raw.error}`, cell.raw.error);
      return null;
    }
    return cell?.raw ?? null;
  }

  /** Free text exactly as written; a number a spreadsheet made of typed digits is printed back. */
  text(id: string): string | undefined {
    const raw = this.raw(id);
    if (raw === null) return undefined;
    if (typeof raw === "number")
      return this.cells.get(id)?.numFmt?.includes(",") ? formatNumber(raw) : String(raw);
    if (raw instanceof Date) return raw.toISOString().slice(0, 10);
    return String(raw);
  }

  /** An identifier: trimmed; blank is none. */
  key(id: string): string | undefined {
    const t = this.text(id)?.trim();
    return t === "" ? undefined : t;
  }

  list(id: string): string[] {
    const t = this.text(id);
    return t === undefined ? [] : splitList(t);
  }

  number(id: string): number | undefined {
    const raw = this.raw(id);
    if (raw === null) return undefined;
    if (typeof raw === "number") return raw;
    if (typeof raw === "string") {
      const v = readValue(raw);
      if (v.kind === "empty") return undefined;
      if (v.kind === "number" && v.unit === undefined && v.number !== undefined) return v.number;
      const why =
        v.kind === "number" ? "単位は単位の列に書いてください" : (v.unreadable ?? "数ではありません");
      this.error(id, "cell.number", `数値として読めません: "${raw}"（${why}）`, raw);
      return undefined;
    }
    this.error(id, "cell.number", `数値として読めません: "${String(raw)}"`, String(raw));
    return undefined;
  }

  /** A fiscal year: 2022, or 令和4年度 / R4 / 2022年度 read by the value reader. */
  year(id: string): number | undefined {
    const raw = this.raw(id);
    if (raw === null) return undefined;
    if (typeof raw === "number") {
      if (Number.isInteger(raw) && raw >= 1900 && raw <= 2200) return raw;
      this.error(
        id,
        "cell.year",
        `年度として読めません: "${raw}"（西暦の年度を書いてください）`,
        String(raw),
      );
      return undefined;
    }
    if (raw instanceof Date) {
      const fy = fiscalYearOf(raw);
      this.note(
        "info",
        id,
        "cell.year-date",
        `日付 ${raw.toISOString().slice(0, 10)} を ${fy}年度として読みました`,
      );
      return fy;
    }
    const text = String(raw);
    if (text.trim() === "") return undefined;
    const fy = readFiscalYear(text);
    if ("unreadable" in fy) {
      this.error(id, "cell.year", `年度として読めません: "${text}"（${fy.unreadable}）`, text);
      return undefined;
    }
    if (fy.note)
      this.note(
        "info",
        id,
        "cell.year-note",
        `「${text}」を${fy.fiscalYear}年度として読みました（${fy.note}）`,
      );
    return fy.fiscalYear;
  }

  /** A word of the column's vocabulary, by its label or its document value. */
  choice(id: string): string | undefined {
    const t = this.key(id);
    if (t === undefined) return undefined;
    const choices = this.table.def.columns.find((c) => c.id === id)?.choices ?? [];
    const found = choices.find((c) => norm(c.label) === norm(t) || c.value === t.toLowerCase());
    if (found) return found.value;
    this.error(
      id,
      "cell.choice",
      `「${t}」は選べません（${choices.map((c) => c.label).join("・")} のいずれか）`,
      t,
    );
    return undefined;
  }

  isDeleted(): boolean {
    return this.has("delete") && this.choice("delete") === "delete";
  }
}
