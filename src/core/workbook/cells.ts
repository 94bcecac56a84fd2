/**
 * Single cells: the raw value of an exceljs cell, lists in one cell, numbers as a Japanese document
 * prints them and Excel's number formats.
 */
import type { CellValue } from "exceljs";

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

/** The column letter of a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A number written in a cell as text: "1,104", "１１０４", "▲3" (-3); null when it is not one. */
export function numberInText(text: string): number | null {
  const t = text.normalize("NFKC").replace(/,/g, "").replace(/[▲△]/, "-").trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** A date written in a cell: a date cell, 2024-01-01, 2024/1/1; null when it is not one. */
export function isoDateOf(raw: Raw): string | null {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === "string") {
    const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw.normalize("NFKC").trim());
    if (m) return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  }
  return null;
}
