/**
 * One way to print a figure (issue 12.2): the value as read, never as typed — half-width digits, thousands
 * separators, the indicator's unit, and at least the precision of the indicator's target (58.0%, 12件,
 * 150.5時間); never fewer decimal places than were read.
 * What was typed stays in the history and in open data. Pure.
 */
import { readValue } from "./values.ts";

export type Printable = {
  text: string;
  kind: "number" | "stage" | "text" | "empty";
  number?: number | undefined;
  unit?: string | undefined;
  stage?: string | undefined;
  unreadable?: string | undefined;
};

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A number with separators and exactly `decimals` places (or as many as it has). @example plainNumber(1483) === "1,483" */
export function plainNumber(n: number, decimals?: number): string {
  const s =
    decimals === undefined ? String(Math.round(Math.abs(n) * 1e6) / 1e6) : Math.abs(n).toFixed(decimals);
  const [whole = "0", fraction] = s.split(".");
  const negative = n < 0 && Number(s) !== 0;
  return `${negative ? "-" : ""}${group(whole)}${fraction ? `.${fraction}` : ""}`;
}

/** The decimal places a target is written with (its precision), when it is a number: (R5)58.1% → 1. */
export function precisionOf(
  targets: readonly { text: string; number?: number | undefined }[],
): number | undefined {
  let best: number | undefined;
  for (const t of targets) {
    if (t.number === undefined) continue;
    const m = /(\d+)(?:\.(\d+))?/.exec(
      t.text
        .normalize("NFKC")
        .replace(/,/g, "")
        .replace(/^\([^)]*\)/, ""),
    );
    const d = m?.[2]?.length ?? 0;
    best = best === undefined ? d : Math.max(best, d);
  }
  return best;
}

/**
 * A value as printed everywhere: a number in half-width digits with the unit (its own, else the
 * indicator's) and the target's precision, or its own decimals; a stage as its word; empty as 「—」; text
 * (not a figure) as written.
 * @example printFigure({ text: "１２", kind: "number", number: 12 }, "件") === "12件"
 * @example printFigure({ text: "58%", kind: "number", number: 58, unit: "%" }, "%", 1) === "58.0%"
 */
export function printFigure(v: Printable | undefined, indicatorUnit?: string, precision?: number): string {
  if (!v || v.kind === "empty") return "—";
  if (v.kind === "stage") return v.stage ?? v.text;
  if (v.kind !== "number" || v.number === undefined || v.unreadable) return v.text.trim() || "—";
  // at least the target's precision (58 → 58.0 for a target of 58.1%), never fewer places than were read
  const own = readValue(v.text).decimals;
  const decimals = precision === undefined ? own : Math.max(precision, own ?? 0);
  const unit = (v.unit ?? indicatorUnit ?? "").normalize("NFKC");
  return `${plainNumber(v.number, decimals)}${unit}`;
}
