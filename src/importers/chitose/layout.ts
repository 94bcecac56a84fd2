/** The layout of 千歳市 行政改革基本方針 as text: labels, patterns, rows, and the drafts items are read into. */
import type { InputFile } from "../../core/document-reader.ts";
import { invalidDocument } from "../../core/errors.ts";
import type { Finding } from "../../core/findings.ts";
import type { ItemInput } from "../../core/plan-document/schema.ts";
import { toHalfWidth } from "../../domain/values/index.ts";

export const CHITOSE = { code: "012246", name: "千歳市" } as const;
export const PLAN_TITLE = "千歳市行政改革基本方針";
export const LEVEL = "重点推進項目";
/** The status tags the document writes before a plan or result: <実施> … */
export const STATUS_TAGS = ["実施", "継続実施", "一部実施", "調査検討"] as const;
export const SAME_AS_LEFT = "同左";
/** Kind given to generic 担当課 entries (関係課, その他業務所管課 …), which name no single department. */
export const GENERIC_DEPARTMENT_KIND = "総称";

export type Activity = NonNullable<ItemInput["activities"]>[number];
export type Row = { line: number; cells: string[] };

export const LABELS = ["事業名", "担当課", "取組内容", "取組計画", "取組効果", "備考"] as const;
export type Label = (typeof LABELS)[number] | "これまで";

export function labelOf(cell: string | undefined): Label | null {
  if (cell === undefined) return null;
  const c = cell.replace(/[ 　]/g, "");
  if ((LABELS as readonly string[]).includes(c)) return c as Label;
  if (c.startsWith("これまでの取組")) return "これまで";
  return null;
}

export function splitRow(text: string, line: number): Row {
  const cells = text.split("\t").map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return { line, cells };
}

export const ITEM_TITLE_RE = /^([（(]\s*[0-9０-９]+\s*[)）])\s*(.+)$/;
export const COVER_YEAR_RE = /^((?:令和|平成)\s*(?:[0-9０-９]+|元)\s*年度)$/;
export const SECTION5_RE = /^[5５][ 　]+((?:令和|平成)\s*(?:[0-9０-９]+|元)\s*年度)業務改革の重点推進項目/;
export const LIST_HEADING_RE = /^[（(]\s*[3３]\s*[)）]\s*重点推進項目\s*$/;
export const STATUS_RE = /^<([^<>\n]{1,20})>[ \t]*\n?/;

/** Titles compared without spaces, with half-width brackets and digits. */
export function comparable(title: string): string {
  return toHalfWidth(title)
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[\s　]/g, "");
}

export type CellValue = { text: string; line: number };

export type PlanColumn = { label: string; col: number; fiscalYear: number | null };

export type PastRow = {
  line: number;
  label: string;
  fiscalYear: number | null;
  plan: string;
  result: string;
};

export type Draft = {
  line: number;
  number: string;
  title: string;
  attributes: Record<string, string>;
  departments: CellValue[];
  description: string[];
  effects: string[];
  remarks: string[];
  unplaced: string[];
  remarkTableCells: Set<string>;
  planHeader: { line: number; columns: PlanColumn[] } | null;
  planRow: { line: number; cells: string[] } | null;
  pastHeader: { line: number; planCol: number; resultCol: number } | null;
  pastRows: PastRow[];
  lastLine: number;
};

export type State = "start" | "担当課" | "取組内容" | "plan" | "取組効果" | "past" | "備考";

/** The past years every item should have: from the earliest one any item shows up to the year before the plan. */
export function expectedPastYears(drafts: Draft[], planYear: number): number[] {
  const years = drafts.flatMap((d) =>
    d.pastRows.map((r) => r.fiscalYear).filter((y): y is number => y !== null),
  );
  const past = years.filter((y) => y < planYear);
  if (past.length === 0) return [];
  const out: number[] = [];
  for (let y = Math.min(...past); y < planYear; y++) out.push(y);
  return out;
}

/** 「行政管理課、その他システム等所管課」 → two names; commas inside brackets do not split. */
export function splitDepartments(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if ("（(".includes(ch)) depth++;
    else if ("）)".includes(ch) && depth > 0) depth--;
    if (depth === 0 && "、,，\n".includes(ch)) {
      if (cur.trim() !== "") names.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  if (cur.trim() !== "") names.push(cur.trim());
  return names;
}

/** 課, 室, 部 … from the name; 主幹（…担当） is a 主幹; 関係課 and その他…課 are generic (総称). */
export function departmentKind(name: string): string | undefined {
  if (/^(関係|その他|各)/.test(name)) return GENERIC_DEPARTMENT_KIND;
  if (name.startsWith("主幹")) return "主幹";
  return /(局|部|課|室|所|センター)$/.exec(name)?.[1];
}

/** Empty, binary or mis-decoded input cannot be read at all. */
export function checkReadable(file: InputFile): void {
  const t = file.text;
  const err = (message: string, line?: number): never => {
    throw invalidDocument(`${file.path}${line ? ` 行 ${line}` : ""}: ${message}`, [
      { file: file.path, line, code: "file.unreadable", message, severity: "error" },
    ]);
  };
  if (typeof t !== "string" || t.trim() === "") err("ファイルが空です");
  const bin = firstControlCharacter(t);
  if (bin >= 0) {
    err(
      `制御文字（U+${t.charCodeAt(bin).toString(16).padStart(4, "0")}）を含むバイナリファイルです`,
      lineAt(t, bin),
    );
  }
  const bad = t.indexOf("\ufffd");
  if (bad >= 0) {
    const n = t.split("\ufffd").length - 1;
    err(
      `UTF-8 として読めない文字が ${n} 個あります（Shift_JIS などの別の文字コードか、壊れたファイルです）`,
      lineAt(t, bad),
    );
  }
}

/** The index of the first control character other than tab, line feed, form feed, carriage return and
 * escape (some extractions keep ESC), or -1. */
export function firstControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b)
      return i;
  }
  return -1;
}

export function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** What the row readers and the item builder need of the reader: findings, failing, years, names. */
export interface ReaderContext {
  readonly file: string;
  readonly lines: readonly string[];
  note(f: Omit<Finding, "file">): void;
  fail(message: string, line?: number, extra?: Partial<Finding>): never;
  fiscalYear(label: string, line: number, subject: string): number | null;
  subject(d: Draft, what?: string): string;
  checkHtml(row: Row, cells: string[], d: Draft, label: string): void;
  lastContentLine(): number;
}
