import { unitScale } from "../values/index.ts";
import { formatNumber, yearPhrase } from "./format.ts";

/** One cell of a plan's yearly or cumulative row, as read. */
export type PlanCell = {
  fiscalYear: number;
  text: string;
  kind: string;
  number?: number | undefined;
  unit?: string | undefined;
};

/** A cell of the cumulative row that is not the running sum of the yearly row, or that cannot be checked. */
export type PlanRowMismatch = {
  cell: PlanCell;
  /** The running sum in the cell's unit, as the cell would print it; absent when it cannot be computed. */
  expected?: string | undefined;
  message: string;
};

const decimalsOf = (text: string): number => {
  const m = /[.．](\d+)/.exec(text);
  return m ? m[1]!.length : 0;
};

/**
 * Checks a plan's cumulative (累計) row against the running sum of its yearly row from `firstYear`: each
 * cumulative cell must equal the sum of the yearly cells up to its year, rounded as the cell is printed
 * (units of account are converted: 1,200千円 + 1百万円). Nothing is corrected; every disagreement is returned.
 * @example checkCumulativeRow([{ fiscalYear: 2023, number: 100, … }, { fiscalYear: 2024, number: 120, … }],
 *   [{ fiscalYear: 2024, number: 2200, text: "2,200", … }], 2023) // → one mismatch, expected 220
 */
export function checkCumulativeRow(
  yearly: readonly PlanCell[],
  cumulative: readonly PlanCell[],
  firstYear: number,
): PlanRowMismatch[] {
  const out: PlanRowMismatch[] = [];
  const byYear = new Map(yearly.map((y) => [y.fiscalYear, y]));
  for (const cell of [...cumulative].sort((a, b) => a.fiscalYear - b.fiscalYear)) {
    if (cell.kind !== "number" || cell.number === undefined) continue;
    const scale = unitScale(cell.unit ?? "");
    let sum = 0;
    let problem: string | undefined;
    for (let fy = firstYear; fy <= cell.fiscalYear && !problem; fy++) {
      const y = byYear.get(fy);
      if (!y || y.kind === "empty")
        problem = `${yearPhrase(fy)}の計画値（単年度）がないため累計を確かめられません`;
      else if (y.kind !== "number" || y.number === undefined)
        problem = `${yearPhrase(fy)}の計画値「${y.text}」が数値でないため累計を確かめられません`;
      else {
        const s = unitScale(y.unit ?? cell.unit ?? "");
        if (y.unit && cell.unit && s.base !== scale.base)
          problem = `${yearPhrase(fy)}の計画値の単位（${y.unit}）が累計の単位（${cell.unit}）と違います`;
        else sum += (y.number * s.factor) / scale.factor;
      }
    }
    if (problem) {
      out.push({ cell, message: problem });
      continue;
    }
    const decimals = decimalsOf(cell.text);
    const expected = Number(sum.toFixed(decimals));
    if (Math.abs(expected - cell.number) > 1e-9 * Math.max(1, Math.abs(expected))) {
      const shown = `${formatNumber(expected, decimals)}${cell.unit ?? ""}`;
      out.push({
        cell,
        expected: shown,
        message: `${yearPhrase(cell.fiscalYear)}の累計の計画値が、単年度の計画値の${yearPhrase(firstYear)}からの合計（${shown}）と合いません`,
      });
    }
  }
  return out;
}
