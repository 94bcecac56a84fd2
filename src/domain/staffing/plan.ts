/**
 * 定員適正化計画: a municipality's staffing plan sets a target headcount for each fiscal year of the plan
 * against the headcount of a base year. Each year the plan is reviewed: target against the actual headcount
 * on 1 April (difference), the change from the base year in persons and as a rate of the base headcount
 * (one decimal, printed ▲ for a decrease), and the change from the previous year. A figure that needs an
 * absent year is absent, with the reason: never 0, never another year's figure.
 */
import { ratio, round } from "./exact.ts";

export type PlanYearInput = {
  baseFiscalYear: number;
  baseHeadcount: number;
  targets: { fiscalYear: number; headcount: number }[];
  /** Actual headcount on 1 April, by fiscal year (only the years that have one). */
  actuals: ReadonlyMap<number, number>;
};

export type PlanYear = {
  fiscalYear: number;
  target?: number;
  actual?: number;
  /** actual − target: positive is above the target. */
  difference?: number;
  /** target − base headcount (the planned change) and its rate (% of the base, one decimal). */
  targetChange?: number;
  targetRate?: number;
  /** actual − base headcount and its rate. */
  actualChange?: number;
  actualRate?: number;
  /** actual − the previous year's actual. */
  previousChange?: number;
  /** Why a figure of the year is absent: 「2026年度の職員数がありません」. */
  missing: string[];
};

/** % of the base headcount, one decimal (四捨五入). @example rateOf(-12, 250) === -4.8 */
export function rateOf(change: number, base: number): number {
  if (!(base > 0)) throw new RangeError(`基準の職員数は正の数でなければなりません（${base}）`);
  return round(ratio(BigInt(change) * 100n, BigInt(base)), 1);
}

/**
 * One row per year from the base year to the last target year.
 * @example base 2024: 250; target 2025: 246; actual 2025: 247 → difference 1, actualChange −3 (▲1.2 %)
 */
export function planYears(input: PlanYearInput): PlanYear[] {
  const targets = new Map(input.targets.map((t) => [t.fiscalYear, t.headcount]));
  const last = Math.max(input.baseFiscalYear, ...targets.keys());
  const rows: PlanYear[] = [];
  for (let fy = input.baseFiscalYear; fy <= last; fy++) {
    const row: PlanYear = { fiscalYear: fy, missing: [] };
    const target = fy === input.baseFiscalYear ? input.baseHeadcount : targets.get(fy);
    const actual = input.actuals.get(fy);
    if (target !== undefined) {
      row.target = target;
      row.targetChange = target - input.baseHeadcount;
      row.targetRate = rateOf(row.targetChange, input.baseHeadcount);
    }
    if (actual === undefined) {
      row.missing.push(`${fy}年度の職員数がありません`);
    } else {
      row.actual = actual;
      row.actualChange = actual - input.baseHeadcount;
      row.actualRate = rateOf(row.actualChange, input.baseHeadcount);
      if (target !== undefined) row.difference = actual - target;
      const previous = input.actuals.get(fy - 1);
      if (previous !== undefined) row.previousChange = actual - previous;
      else if (fy > input.baseFiscalYear)
        row.missing.push(`${fy - 1}年度の職員数がないため前年度との差は出せません`);
    }
    if (target === undefined && fy !== input.baseFiscalYear) row.missing.push(`${fy}年度の目標がありません`);
    rows.push(row);
  }
  return rows;
}

export type MovementCheck = {
  fiscalYear: number;
  /** headcount(N−1) − leavers(N−1) + hires(N) */
  expected: number;
  actual: number;
  previous: number;
  leavers: number;
  hires: number;
};

/**
 * Headcount over a year: headcount(N) = headcount(N−1) − leavers(N−1) + hires(N), leavers leaving during
 * year N−1 (retirement at its end included) and hires taking office on 1 April of N. The years where all
 * four figures are known and the rule does not hold.
 */
export function checkMovements(
  headcounts: ReadonlyMap<number, number>,
  movements: { fiscalYear: number; leavers?: number | undefined; hires?: number | undefined }[],
): MovementCheck[] {
  const leavers = new Map(
    movements.filter((m) => m.leavers !== undefined).map((m) => [m.fiscalYear, m.leavers!]),
  );
  const hires = new Map(movements.filter((m) => m.hires !== undefined).map((m) => [m.fiscalYear, m.hires!]));
  const out: MovementCheck[] = [];
  for (const [fy, actual] of [...headcounts].sort((a, b) => a[0] - b[0])) {
    const previous = headcounts.get(fy - 1);
    const left = leavers.get(fy - 1);
    const hired = hires.get(fy);
    if (previous === undefined || left === undefined || hired === undefined) continue;
    const expected = previous - left + hired;
    if (expected !== actual)
      out.push({ fiscalYear: fy, expected, actual, previous, leavers: left, hires: hired });
  }
  return out;
}
