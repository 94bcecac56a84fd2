/**
 * How single cells are written and read: lists in one cell, 出典 (source) and 名称の履歴 (name history)
 * as short Japanese phrases, numbers as text, and the raw value of an exceljs cell.
 */
import type { CellValue } from "exceljs";
import type { Source } from "../plan-document/schema.ts";

/** A cell's value with exceljs's wrappers (rich text, formulas, hyperlinks) taken off. */
export type Raw = string | number | boolean | Date | { error: string } | null;

export function rawOf(v: CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if ("richText" in v) return rawOf(v.richText.map((r) => r.text).join(""));
  if ("error" in v) return { error: String(v.error) };
  if ("formula" in v || "sharedFormula" in v) return rawOf((v.result ?? null) as CellValue);
  if ("hyperlink" in v) return rawOf(v.text as CellValue);
  return null;
}

/** Values of a list cell: joined by 、, or by line breaks when a value itself contains 、. */
export const LIST_SEPARATOR = "、";

export function joinList(values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  return values.join(values.some((v) => v.includes(LIST_SEPARATOR)) ? "\n" : LIST_SEPARATOR);
}

export function splitList(cell: string): string[] {
  const parts = cell.includes("\n") ? cell.split(/\r?\n/) : cell.split(LIST_SEPARATOR);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * 出典 as a phrase a person can read and the reader can take apart again:
 * `a.txt 9行目` (a line of a text file), `b.xlsx シート「実績値」 5行 H列` (a cell of a workbook).
 */
export function formatSource(s: Source): string {
  return [
    s.file,
    s.line === undefined ? "" : ` ${s.line}行目`,
    s.sheet === undefined ? "" : ` シート「${s.sheet}」`,
    s.row === undefined ? "" : ` ${s.row}行`,
    s.column === undefined ? "" : ` ${s.column}列`,
  ].join("");
}

const SOURCE = /^(.*?)(?: (\d+)行目)?(?: シート「([^」]*)」)?(?: (\d+)行)?(?: (\S+)列)?$/s;

export function parseSource(text: string): Source {
  const m = SOURCE.exec(text.trim());
  if (!m || m[1] === "") return { file: text.trim() };
  return {
    file: m[1]!,
    ...(m[2] === undefined ? {} : { line: Number(m[2]) }),
    ...(m[3] === undefined ? {} : { sheet: m[3] }),
    ...(m[4] === undefined ? {} : { row: Number(m[4]) }),
    ...(m[5] === undefined ? {} : { column: m[5] }),
  };
}

/** One entry of 名称の履歴: `庶務課（2015年度～）`. */
export function formatNameEntry(n: { name: string; validFrom: number }): string {
  return `${n.name}（${n.validFrom}年度～）`;
}

/** `庶務課（2015年度～）` → name and the year text (read by the caller); null when not in that form. */
export function splitNameEntry(entry: string): { name: string; year: string } | null {
  const m = /^(.*\S)\s*[（(]([^（）()]*)[）)]$/.exec(entry.trim());
  if (!m) return null;
  return { name: m[1]!, year: m[2]!.replace(/\s*[～~〜]\s*$/, "").trim() };
}

/** Decimal places of a number as JavaScript prints it (15.4 → 1), for the cell's number format. */
export function decimalsOf(n: number): number {
  const s = String(n);
  if (s.includes("e")) return 0;
  return s.split(".")[1]?.length ?? 0;
}

/** A number as a Japanese document prints it: 26684 → "26,684", -1.5 → "-1.5". */
export function formatNumber(n: number): string {
  const [whole = "0", fraction] = String(Math.abs(n)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** Excel's number format for a number with these decimal places: #,##0 or #,##0.0… */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(Math.min(decimals, 15))}` : "#,##0";
}
