/**
 * Reading one sheet as a table: columns are found by their header in row 1 (or their machine name), so
 * shuffled columns are read; every cell is read by its column's type, and every problem is a finding
 * that names the sheet, the row and the column.
 */
import type ExcelJS from "exceljs";
import { fiscalYearOf } from "../../domain/fiscal-year.ts";
import { readFiscalYear, readValue, toHalfWidth } from "../../domain/values/index.ts";
import type { Finding } from "../findings.ts";
import { formatNumber, isoDateOf, numberInText, type Raw, rawOf, splitList } from "./cells.ts";
import { type Place, Problems, where } from "./problems.ts";
import type { ColumnDef, SheetDef } from "./types.ts";

export { type Place, Problems, where };

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

  /** The text of a cell for a message: as written. */
  private shown(raw: Raw): string {
    return raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
  }

  /**
   * A whole number 0 or more (職員数, 定数); "1,104", "１１０４" are read. A negative or broken number is an
   * error naming the cell.
   */
  count(id: string): number | undefined {
    return this.whole(id, false);
  }

  /** A whole number above 0 (人口): 0 is an error. */
  positive(id: string): number | undefined {
    return this.whole(id, true);
  }

  private numeric(id: string): number | undefined {
    const raw = this.raw(id);
    if (raw === null || (typeof raw === "string" && raw.trim() === "")) return undefined;
    const n = typeof raw === "number" ? raw : typeof raw === "string" ? numberInText(raw) : null;
    if (n === null) {
      this.error(id, "cell.number", `「${this.shown(raw)}」が数値として読めません`, this.shown(raw));
      return undefined;
    }
    return n;
  }

  private whole(id: string, positive: boolean): number | undefined {
    const n = this.numeric(id);
    if (n === undefined) return undefined;
    if (!Number.isInteger(n)) {
      this.error(id, "cell.integer", `「${n}」は整数ではありません`, String(n));
      return undefined;
    }
    if (n < 0) {
      this.error(id, "cell.negative", `負の数「${n}」は使えません`, String(n));
      return undefined;
    }
    if (positive && n === 0) {
      const header = this.table.columns.get(id)?.header ?? id;
      this.error(id, "cell.zero", `${header}が 0 です（0 より大きい数が必要です）`, "0");
      return undefined;
    }
    return n;
  }

  /** A number 0 or more with decimals (人口1万人当たり, 指数). */
  decimal(id: string): number | undefined {
    const n = this.numeric(id);
    if (n !== undefined && n < 0) {
      this.error(id, "cell.negative", `負の数「${n}」は使えません`, String(n));
      return undefined;
    }
    return n;
  }

  /** A date: a date cell, or 2024-01-01 / 2024/1/1 written as text; YYYY-MM-DD. */
  date(id: string): string | undefined {
    const raw = this.raw(id);
    if (raw === null || (typeof raw === "string" && raw.trim() === "")) return undefined;
    const iso = isoDateOf(raw);
    if (iso === null)
      this.error(id, "cell.date", `日付「${this.shown(raw)}」が読めません（YYYY-MM-DD）`, this.shown(raw));
    return iso ?? undefined;
  }

  /** A cell read by its column's type (a choice gives its document value; a derived column nothing). */
  read(id: string): string | number | undefined {
    const c = this.table.def.columns.find((x) => x.id === id);
    switch (c?.type) {
      case undefined:
      case "derived":
        return undefined;
      case "key":
        return this.key(id);
      case "text":
        return this.text(id);
      case "list":
        return this.text(id);
      case "number":
        return this.number(id);
      case "count":
        return this.count(id);
      case "positive":
        return this.positive(id);
      case "decimal":
        return this.decimal(id);
      case "year":
        return this.year(id);
      case "date":
        return this.date(id);
      case "choice":
        return this.choice(id);
    }
  }

  /**
   * Every column of the row read by its type, keyed by column id; a blank cell of a required column is an
   * error (「年度が空欄です」).
   */
  record(): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const c of this.table.def.columns) {
      if (!this.table.has(c.id) || c.type === "derived") continue;
      const v = this.read(c.id);
      if (v !== undefined) out[c.id] = v;
      else if (c.required && !this.cells.has(c.id))
        this.error(c.id, "cell.required", `${c.header}が空欄です`);
    }
    return out;
  }

  isDeleted(): boolean {
    return this.has("delete") && this.choice("delete") === "delete";
  }
}
