/**
 * CSV cells as every CSV gyokaku writes them: RFC 4180 quoting, and formula injection neutralised by the
 * OWASP rule. A text cell that begins with =, +, -, @, a tab or a carriage return would be run as a formula
 * by Excel or LibreOffice (=HYPERLINK(…), =cmd|…); it is written with a leading apostrophe, which those
 * programs show as text. Numbers stay numbers: a number cell, or a text that is just a signed number
 * (-12.5), cannot be a formula and is written as it is.
 */

export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** @example neutralise("=HYPERLINK(\"x\")") === "'=HYPERLINK(\"x\")"; neutralise("-12.5") === "-12.5" */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** @example cellText(98.1) === "98.1"; cellText(null) === ""; cellText(true) === "true" */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return String(v);
}

/** @example quote('a,"b"') === '"a,""b"""' */
export function quote(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One cell as written into a CSV file: neutralised when it is text, then quoted when it needs to be. */
export function csvCell(v: Cell): string {
  const text = cellText(v);
  return quote(typeof v === "string" ? neutralise(text) : text);
}

/** The CSV text of a header and rows, lines ended by CRLF. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => `${r.map(csvCell).join(",")}\r\n`).join("");
}
