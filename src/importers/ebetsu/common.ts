/**
 * What the Ebetsu sheets (個票, 000) and summary (一覧, 001) readers share: lines and cells of the
 * extracted text, the guard against files that are not text, label normalisation, and the bridge to
 * the value reader (src/domain/values), which alone reads numbers, stages, targets and years.
 */

import type { InputFile } from "../../core/document-reader.ts";
import { invalidDocument } from "../../core/errors.ts";
import type { Finding } from "../../core/findings.ts";
import { shortWareki } from "../../domain/fiscal-year.ts";
import {
  type ReadTarget,
  type ReadValue,
  readFiscalYear,
  readTarget,
  readValue,
} from "../../domain/values/index.ts";
import type { Src, Target, Value } from "./model.ts";

export type Line = { no: number; text: string; cells: string[] };

/** The file's lines, numbered from 1, each split at tabs (the PDF extraction writes table cells so). */
export function toLines(file: InputFile): Line[] {
  return file.text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((text, i) => ({ no: i + 1, text, cells: text.split("\t").map((c) => c.trim()) }));
}

/** Refuses an empty file or one that is not text (NUL, U+FFFD from a bad decode, control characters). */
export function assertText(file: InputFile): void {
  if (file.text.trim() === "") throw invalidDocument(`${file.path}: ファイルが空です`);
  const lines = file.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/.test(lines[i]!)) {
      throw invalidDocument(`${file.path} 行 ${i + 1}: テキストではないデータ（バイナリ）が含まれています`);
    }
  }
}

/** ① … ⑳ → 1 … 20; undefined when the text does not start with a circled number. */
export function circledIndex(text: string): number | undefined {
  const c = text.codePointAt(0);
  return c !== undefined && c >= 0x2460 && c <= 0x2473 ? c - 0x2460 + 1 : undefined;
}

export const CIRCLED = /^[\u2460-\u2473]/;
/** 取組方針 numbers: (1), （1）. */
export const POLICY = /^[(（]\s*([0-9０-９]+)\s*[)）]\s*(.*)$/;

/** A title as printed, without the spaces the PDF extraction leaves where a line broke between two Japanese characters. */
export function cleanTitle(text: string): string {
  return text.trim().replace(/(?<=[^\x20-\x7E])\s+(?=[^\x20-\x7E])/gu, "");
}

/** For comparing labels of the two documents: width, spaces and brackets do not count. */
export function normLabel(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[―−–—-]/g, "-");
}

/** An indicator name without its notes in brackets: 「SNS等広報媒体(フェイスブック等)のフォロワー数」 = 「SNS等広報媒体のフォロワー数」. */
export function normName(text: string): string {
  return normLabel(text).replace(/\([^()]*\)/g, "");
}

/** The series names the Ebetsu documents use (育児休業取得率: 男性 / 女性); extend when a document brings others. */
export const SERIES_NAMES = ["男性", "女性"] as const;

/** "(男性) 6.9%" or "男性6.9%" → series 男性, rest "6.9%"; a cell without a series name is returned whole. */
export function splitSeries(text: string): { series?: string; rest: string } {
  for (const series of SERIES_NAMES) {
    const m = new RegExp(`^[(（]?\\s*${series}\\s*[)）]?\\s*(.*)$`).exec(text.trim());
    if (m) return { series, rest: m[1]!.trim() };
  }
  return { rest: text.trim() };
}

/** 「1,483」 for messages. */
export const quote = (t: string | undefined) => (t === undefined || t === "" ? "（空欄）" : `「${t}」`);

/** A header year (令和元年度, R 1, 2017年度) as a fiscal year; the layout cannot be read without it. */
export function headerYear(text: string, file: string, line: number): number {
  const r = readFiscalYear(text.replace(/\s+/g, ""));
  if ("unreadable" in r)
    throw invalidDocument(`${file} 行 ${line}: 年度の見出し${quote(text)}を読めません（${r.unreadable}）`);
  return r.fiscalYear;
}

function pickValue(r: ReadValue): Omit<Value, "source"> {
  const v: Omit<Value, "source"> = { text: r.text, kind: r.kind };
  if (r.number !== undefined) v.number = r.number;
  if (r.unit !== undefined) v.unit = r.unit;
  if (r.stage !== undefined) v.stage = r.stage;
  if (r.unreadable !== undefined) v.unreadable = r.unreadable;
  return v;
}

function pickTarget(r: ReadTarget): Omit<Target, "source"> {
  const t: Omit<Target, "source"> = { text: r.text, kind: r.kind };
  for (const k of [
    "number",
    "unit",
    "fiscalYear",
    "fromFiscalYear",
    "direction",
    "relativeToFiscalYear",
    "stage",
    "basis",
  ] as const) {
    if (r[k] !== undefined) Object.assign(t, { [k]: r[k] });
  }
  if (r.change !== undefined) t.change = { amount: r.change.amount, unit: r.change.unit };
  if (r.unreadable !== undefined) t.unreadable = r.unreadable;
  return t;
}

export function unreadableFinding(src: Src, subject: string, text: string, why: string): Finding {
  return {
    file: src.file,
    line: src.line,
    code: "value.unreadable",
    subject,
    found: text,
    message: `${subject}${quote(text)}を読めません（${why}）。書かれたまま残し、印を付けました`,
    severity: "warning",
  };
}

/**
 * A value cell read with readValue. Blank cells and written blanks (—, -) give undefined: the
 * documents use them for "no value", and a missing value is simply absent from the plan document.
 */
export function cellValue(text: string, src: Src, subject: string, findings: Finding[]): Value | undefined {
  if (text.trim() === "") return undefined;
  const r = readValue(text.trim());
  if (r.kind === "empty") return undefined;
  if (r.unreadable) findings.push(unreadableFinding(src, subject, text, r.unreadable));
  return { ...pickValue(r), source: src };
}

/** A target written in the summary's own notation: (R5)6,000, (R1～)13%以上, (初期値より)増加. */
export function cellTarget(text: string, src: Src, subject: string, findings: Finding[]): Target | undefined {
  if (text.trim() === "" || readValue(text.trim()).kind === "empty") return undefined;
  const r = readTarget(text.trim());
  if (r.unreadable) findings.push(unreadableFinding(src, subject, text, r.unreadable));
  return { ...pickTarget(r), source: src };
}

/**
 * A target cell of a sheet (個票). The sheet writes the year by the column instead of in the text:
 * 「6,000」 under 令和5年度 is what the summary writes 「(R5)6,000」, 「13%以上」 under 令和元年度 is
 * 「(R1～)13%以上」 — the last column is the plan's target year (a value to reach by then), an earlier
 * column starts a floor or stage that holds from that year on. A direction word (増加, 縮減, 向上) is
 * judged against the baseline (「(初期値より)増加」) and takes no year. The value reader reads the cell
 * in that notation; the text stays as the sheet wrote it.
 */
export function sheetTarget(
  text: string,
  column: { fiscalYear: number; last: boolean },
  src: Src,
  subject: string,
  findings: Finding[],
): Target | undefined {
  const plain = cellTarget(text, src, subject, []);
  if (plain === undefined) return undefined;
  if (plain.kind === "direction" || plain.kind === "relative") return finish(plain);
  if (plain.fiscalYear !== undefined || plain.fromFiscalYear !== undefined) return finish(plain);
  const notation = `(${shortWareki(column.fiscalYear)}${column.last ? "" : "～"})${text.trim()}`;
  const r = readTarget(notation);
  const t: Target = { ...pickTarget(r), text: plain.text, source: src };
  if (!r.unreadable && t.fiscalYear === undefined && t.fromFiscalYear === undefined) {
    if (column.last) t.fiscalYear = column.fiscalYear;
    else t.fromFiscalYear = column.fiscalYear;
  }
  return finish(t);

  function finish(t: Target): Target {
    if (t.unreadable) findings.push(unreadableFinding(src, subject, text, t.unreadable));
    return t;
  }
}

const approx = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a));
/** A unit missing on one side is a notation difference (「6,000」 / 「(R5)6,000」), not a different figure. */
const unitsAgree = (a: string | undefined, b: string | undefined) =>
  a === undefined || b === undefined || a === b;
const textOf = (t: string) => normLabel(t).replace(/^\([^)]*\)/, "");

/** Whether two readings say the same (1,483 = 1483; 検討・実施 = 検討・実施; text compared without spaces). */
export function sameValue(a: Omit<Value, "source">, b: Omit<Value, "source">): boolean {
  if (a.unreadable || b.unreadable) return textOf(a.text) === textOf(b.text);
  if (a.kind === "number" && b.kind === "number")
    return approx(a.number, b.number) && unitsAgree(a.unit, b.unit);
  if (a.kind === "stage" && b.kind === "stage") return a.stage === b.stage;
  return a.kind === b.kind && normLabel(a.text) === normLabel(b.text);
}

export function sameTarget(a: Target, b: Target): boolean {
  if (a.unreadable || b.unreadable || a.kind === "text" || b.kind === "text")
    return textOf(a.text) === textOf(b.text);
  if (a.kind !== b.kind) return false;
  if (a.number !== undefined || b.number !== undefined) {
    if (!approx(a.number, b.number) || !unitsAgree(a.unit, b.unit)) return false;
  }
  return (
    a.fiscalYear === b.fiscalYear &&
    a.fromFiscalYear === b.fromFiscalYear &&
    a.direction === b.direction &&
    a.relativeToFiscalYear === b.relativeToFiscalYear &&
    a.stage === b.stage &&
    a.change?.amount === b.change?.amount &&
    a.change?.unit === b.change?.unit
  );
}

/** How a target reads in the summary's notation, for messages: (R5)6,000. */
export function targetLabel(t: Target): string {
  if (t.text.trim().startsWith("(") || t.text.trim().startsWith("（")) return t.text;
  if (t.fiscalYear !== undefined) return `${t.text}（${t.fiscalYear}年度まで）`;
  if (t.fromFiscalYear !== undefined) return `${t.text}（${t.fromFiscalYear}年度から）`;
  return t.text;
}
