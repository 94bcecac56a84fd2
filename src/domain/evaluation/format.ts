import { warekiFiscalYear } from "../fiscal-year.ts";

/**
 * A number with thousands separators, with the decimal places the document printed (143.0 stays 143.0);
 * without them, as the number itself.
 * @example formatNumber(26684) === "26,684"; formatNumber(143, 1) === "143.0"
 */
export function formatNumber(n: number, decimals?: number): string {
  const digits =
    decimals === undefined ? String(Math.round(Math.abs(n) * 1e6) / 1e6) : Math.abs(n).toFixed(decimals);
  const [whole = "0", fraction] = digits.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 && Number(digits) !== 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** A value this module computed (a path, a relative target): one decimal place at most, enough to compare by eye. */
export function roundComputed(n: number): number {
  return Math.round(n * 10) / 10;
}

/** @example quantity(6000, "人") === "6,000人"; quantity(161.2, "時間", 1) === "161.2時間" */
export function quantity(n: number, unit: string | undefined, decimals?: number): string {
  return `${formatNumber(n, decimals)}${unit ?? ""}`;
}

/** A ratio as a percentage with at most one decimal place. @example percent(5.5791) === "557.9%" */
export function percent(ratio: number): string {
  return `${formatNumber(roundComputed(ratio * 100))}%`;
}

/** @example yearPhrase(2023) === "令和5年度" */
export const yearPhrase = warekiFiscalYear;

/** Beyond this progress (200%), a rate says little more than that the target was far exceeded. */
export const PROGRESS_CAP = 2;

/**
 * The progress rate as an explanation prints it: only between a base and a target (the caller passes
 * undefined otherwise), 「目標を大きく上回る」 beyond 200%, and never negative (「初期値から後退」).
 * @example progressNote(0.581) === "進捗率 58.1%"; progressNote(8.393) === "目標を大きく上回る"
 */
export function progressNote(rate: number | undefined): string | undefined {
  if (rate === undefined || !Number.isFinite(rate)) return undefined;
  if (rate < 0) return "初期値から後退（進捗なし）";
  if (rate > PROGRESS_CAP) return "目標を大きく上回る";
  return `進捗率 ${percent(rate)}`;
}
