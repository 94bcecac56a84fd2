/**
 * A new exceljs workbook. exceljs is loaded on the first workbook only: it costs more than half a second of
 * CPU to load, which every start of the server and every command would pay otherwise.
 */
import type ExcelJS from "exceljs";

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: exceljs } = await import("exceljs");
  return new exceljs.Workbook();
}

const SHEET_NAME_MAX = 31;

/** The longest start of `s` within `max` UTF-16 units, never cutting a surrogate pair in half. */
function fit(s: string, max: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A worksheet name Excel and LibreOffice accept, made from any title, unique (ignoring case, as Excel does)
 * among `used`, which it joins: at most 31 characters, none of []:*?/\ or control characters, not beginning
 * or ending with an apostrophe, not empty, not the reserved "History".
 * @example sheetName("1 取組の'見直し'", new Set()) === "1 取組の'見直し"
 */
export function sheetName(title: string, used: Set<string>): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const control = /[\u0000-\u001f\u007f-\u009f]/g;
  const clean = (s: string) =>
    s
      .replace(/[[\]:*?/\\]/g, "・")
      .replace(control, " ")
      .trim();
  const tidy = (s: string) => s.replace(/^'+|'+$/g, "").trim();
  let base = tidy(fit(tidy(clean(title)), SHEET_NAME_MAX - 3));
  if (base === "" || base.toLowerCase() === "history") base = `Sheet${base === "" ? "" : " history"}`;
  const taken = new Set([...used].map((u) => u.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = `${tidy(fit(base, SHEET_NAME_MAX - suffix.length))}${suffix}`;
  }
  used.add(name);
  return name;
}
