/** How reports print targets, values, years and departments. Pure. */

import type { Department, Item, Target, Value } from "../core/plan-document/schema.ts";
import { shortWareki, warekiFiscalYear } from "../domain/fiscal-year.ts";
import { printFigure } from "../domain/values/figure.ts";
import { type ReadValue, readValue } from "../domain/values/index.ts";

/** A cell of a value column: the text as written, and the number and unit for spreadsheets. */
export type ValueCell = {
  text: string;
  number?: number | undefined;
  unit?: string | undefined;
  decimals?: number | undefined;
  /** Why the value could not be read; the text is shown as written and flagged. */
  unreadable?: string | undefined;
  empty: boolean;
  /** The plan's value for the year (年度別計画値), shown beneath the actual: 「計画 120百万円」「累計 220百万円」. */
  planned?: string | undefined;
};

export const EMPTY_CELL: ValueCell = { text: "—", empty: true };

/**
 * @example valueCell({ text: "143.0時間", kind: "number", number: 143, unit: "時間" }) → { text: "143.0時間", number: 143, unit: "時間", decimals: 1, … }
 * `unit` is the indicator's, for spreadsheets when the value itself was written without one (5,253 of 人).
 */
export function valueCell(v: Value | undefined, unit?: string, precision?: number): ValueCell {
  if (!v || v.kind === "empty") return EMPTY_CELL;
  const cell: ValueCell = { text: v.text, empty: false };
  if (v.unreadable) cell.unreadable = v.unreadable;
  if (v.kind === "number" && v.number !== undefined && !v.unreadable) {
    const again: ReadValue = readValue(v.text);
    cell.number = v.number;
    cell.unit = v.unit ?? unit;
    const read = again.number === v.number ? again.decimals : undefined;
    cell.decimals = precision === undefined ? read : Math.max(precision, read ?? 0);
    // the value read, printed one way everywhere (half-width, the unit, the target's precision); a series
    // label written before the number (男性6.9%) stays in front
    const label = again.series && v.text.trim().startsWith(again.series) ? again.series : "";
    cell.text = `${label}${printFigure(v, unit, precision)}`;
  }
  return cell;
}

const HAS_BASIS = /^[(（]|令和|平成|R\s*\d|H\s*\d|\d{4}\s*年|年度|初期値|基準|比|前年/;

/**
 * A target as summary tables print it, with its year or basis in front as 江別 001 does: the sheets give
 * 「6,000」 in the 令和5年度 column, the summary prints 「(R5)6,000」.
 * @example targetLabel({ text: "12日以上", kind: "floor", fromFiscalYear: 2019 }) === "(R1～)12日以上"
 * @example targetLabel({ text: "縮減", kind: "direction", direction: "decrease" }) === "(初期値より)縮減"
 */
export function targetLabel(t: Target): string {
  const label = yearedLabel(t);
  // A basis set in a column rather than in words is still printed: 「(R9)500（累計）」.
  if (t.basis === "cumulative" && !/累計/.test(label)) return `${label}（累計）`;
  if (t.basis === "period_total" && !/計画期間|年間|か年|ヵ年|ヶ年|カ年/.test(label))
    return `${label}（計画期間の合計）`;
  return label;
}

function yearedLabel(t: Target): string {
  const text = t.text.trim();
  if (HAS_BASIS.test(text)) return text;
  if (t.fromFiscalYear !== undefined) return `(${shortWareki(t.fromFiscalYear)}～)${text}`;
  if (t.fiscalYear !== undefined) return `(${shortWareki(t.fiscalYear)})${text}`;
  if (t.kind === "direction" || (t.kind === "relative" && t.relativeToFiscalYear === undefined))
    return `(初期値より)${text}`;
  return text;
}

/** The year a target is written under in a sheet's year columns: its deadline or its first year. */
export function targetYear(t: Target): number | undefined {
  return t.fromFiscalYear ?? t.fiscalYear;
}

/** 「R4」 with 「2022」 beneath, as column headings. */
export function yearHeading(fy: number): { short: string; wareki: string; western: string } {
  return { short: shortWareki(fy), wareki: warekiFiscalYear(fy), western: `${fy}年度` };
}

/** An item as its level prints it: 「基本目標1 市民参加と協働による行政運営」, 「(1) 情報共有の推進」. */
export function itemLabel(item: Item): string {
  return `${item.number ?? ""} ${item.title}`.trim();
}

/** Department names by key, as the document writes them (江別 「総)総務課」 keeps its bureau prefix). */
export function departmentNames(departments: readonly Department[]): (key: string) => string {
  const byKey = new Map(departments.map((d) => [d.key, d.name]));
  return (key) => byKey.get(key) ?? key.replace(/^dept:/, "");
}

/** 「令和4年度」 and 「2022年度」 together. */
export function bothYears(fy: number): string {
  return `${warekiFiscalYear(fy)}（${fy}年度）`;
}

/**
 * An Excel number format for a value as printed: its decimal places and its unit as a literal, so the cell
 * holds the number and still reads 「157.1時間」.
 * @example numberFormat("時間", 1) === '#,##0.0"時間"'
 */
export function numberFormat(unit: string | undefined, decimals: number | undefined): string {
  const places = decimals && decimals > 0 ? `.${"0".repeat(Math.min(decimals, 6))}` : "";
  const literal = unit ? `"${unit.replace(/"/g, "")}"` : "";
  return `#,##0${places}${literal}`;
}
