/**
 * 定年引上げ: the retirement age of local civil servants rises by one year every two fiscal years from
 * FY2023 (地方公務員法 as amended with the national civil service act, in force 1 April 2023) and staff
 * retire at the end of the fiscal year (31 March) in which they reach it. So a birth cohort that would
 * have retired at 60 stays on, and every other year nobody retires (FY2023, FY2025 …, FY2031).
 *
 * Cohorts are school-year cohorts (年度生まれ: born 2 April to 1 April of the next year): by law one
 * reaches an age the day before the birthday, so that is the cohort that reaches an age within one
 * fiscal year. Its age in fiscal year f is f − its birth fiscal year.
 */
import { wareki } from "../fiscal-year.ts";

/** The schedule as data: the retirement age from a fiscal year on (until the next entry). */
export const RETIREMENT_AGE_SCHEDULE: { from: number; age: number }[] = [
  { from: Number.NEGATIVE_INFINITY, age: 60 },
  { from: 2023, age: 61 },
  { from: 2025, age: 62 },
  { from: 2027, age: 63 },
  { from: 2029, age: 64 },
  { from: 2031, age: 65 },
];

/** The age before the rise: years after it count as 定年延長 in Chitose's 図表6. */
export const FORMER_RETIREMENT_AGE = 60;

/** @example retirementAge(2025) === 62 */
export function retirementAge(fiscalYear: number): number {
  let age = RETIREMENT_AGE_SCHEDULE[0]!.age;
  for (const step of RETIREMENT_AGE_SCHEDULE) if (fiscalYear >= step.from) age = step.age;
  return age;
}

/** The age a cohort reaches during a fiscal year. @example ageInFiscalYear(1963, 2024) === 61 */
export function ageInFiscalYear(birthFiscalYear: number, fiscalYear: number): number {
  return fiscalYear - birthFiscalYear;
}

/**
 * The fiscal year at whose end a cohort retires: the first year in which it reaches that year's age.
 * @example retirementFiscalYear(1963) === 2024; retirementFiscalYear(1964) === 2026
 */
export function retirementFiscalYear(birthFiscalYear: number): number {
  for (let fy = birthFiscalYear + FORMER_RETIREMENT_AGE; ; fy++) {
    if (ageInFiscalYear(birthFiscalYear, fy) >= retirementAge(fy)) return fy;
  }
}

/** The cohorts retiring at the end of a fiscal year (none, or one). */
export function cohortsRetiringIn(fiscalYear: number): number[] {
  const out: number[] = [];
  for (let b = fiscalYear - 70; b <= fiscalYear - FORMER_RETIREMENT_AGE; b++) {
    if (retirementFiscalYear(b) === fiscalYear) out.push(b);
  }
  return out;
}

/**
 * Fiscal years in a range in which nobody reaches the retirement age.
 * @example fiscalYearsWithoutRetirees(2023, 2035) → [2023, 2025, 2027, 2029, 2031]
 */
export function fiscalYearsWithoutRetirees(from: number, to: number): number[] {
  const out: number[] = [];
  for (let fy = from; fy <= to; fy++) if (cohortsRetiringIn(fy).length === 0) out.push(fy);
  return out;
}

/** 昭和38年度生まれ */
export function cohortLabel(birthFiscalYear: number): string {
  return `${wareki(birthFiscalYear)}度生まれ`;
}

export type RetirementCell = {
  fiscalYear: number;
  age: number;
  /** Working past the former age of 60 (定年延長). */
  extended: boolean;
  /** Retires at the end of this fiscal year. */
  retires: boolean;
  /** Printed by the source after the year the rule retires the cohort in (kept as printed, marked). */
  beyondRule?: boolean;
};

export type RetirementRow = {
  birthFiscalYear: number;
  label: string;
  retirementFiscalYear: number;
  retirementAge: number;
  /** The source printed ages after the rule's retirement year (up to this year). */
  printedUntil?: number;
  /** One cell per year of the range while the cohort is employed; none after it retired. */
  cells: RetirementCell[];
};

/**
 * The table of ages and retirement years, like 千歳市 図表6: one row per cohort, one column per fiscal year.
 * @example retirementTable([1963, 1964], 2023, 2035)[1].cells → 59, 60, 61 (定年延長), 62 (定年延長, 退職)
 */
export function retirementTable(
  cohorts: number[],
  from: number,
  to: number,
  printed: ReadonlyMap<number, { label?: string | undefined; printedUntil?: number | undefined }> = new Map(),
): RetirementRow[] {
  return cohorts.map((b) => {
    const retireFy = retirementFiscalYear(b);
    const p = printed.get(b);
    // A row the source printed past the rule's retirement year keeps its printed cells, marked.
    const beyond = p?.printedUntil !== undefined && p.printedUntil > retireFy ? p.printedUntil : undefined;
    const cells: RetirementCell[] = [];
    for (let fy = from; fy <= Math.min(to, beyond ?? retireFy); fy++) {
      const age = ageInFiscalYear(b, fy);
      const cell: RetirementCell = {
        fiscalYear: fy,
        age,
        extended: age > FORMER_RETIREMENT_AGE,
        retires: fy === retireFy,
      };
      if (fy > retireFy) cell.beyondRule = true;
      cells.push(cell);
    }
    return {
      birthFiscalYear: b,
      label: p?.label ?? cohortLabel(b),
      retirementFiscalYear: retireFy,
      retirementAge: ageInFiscalYear(b, retireFy),
      ...(beyond !== undefined ? { printedUntil: beyond } : {}),
      cells,
    };
  });
}

export type ProjectionInput = {
  /** The fiscal year whose 1 April headcount is known. */
  startFiscalYear: number;
  startHeadcount: number;
  /** Staff now employed, by birth fiscal year (only the cohorts that retire within the range matter). */
  cohorts: { birthFiscalYear: number; count: number }[];
  /** New staff taking office on 1 April of the fiscal year. */
  hiring: { fiscalYear: number; hires: number }[];
  /** Other leavers (自己都合・勧奨など) during the fiscal year. */
  otherLeavers?: { fiscalYear: number; count: number }[];
  toFiscalYear: number;
};

export type ProjectionRow = {
  fiscalYear: number;
  /** Hired on 1 April of this year (the start year's hires are already in its headcount). */
  hires: number;
  /** Headcount on 1 April. */
  headcount: number;
  /** Retiring at the end of this fiscal year. */
  retirees: number;
  otherLeavers: number;
  /** Headcount at the end of the year, before next April's hires. */
  yearEnd: number;
};

/**
 * Headcount on 1 April of each year under a hiring plan: last year's headcount minus last year's
 * retirees and other leavers plus this year's hires.
 * @example start 1,104 in 2025, 20 born FY1964, no hires → 2026: 1,104; 2027: 1,084
 */
export function projectHeadcount(input: ProjectionInput): ProjectionRow[] {
  const hires = new Map<number, number>();
  for (const h of input.hiring) hires.set(h.fiscalYear, (hires.get(h.fiscalYear) ?? 0) + h.hires);
  const leavers = new Map<number, number>();
  for (const l of input.otherLeavers ?? [])
    leavers.set(l.fiscalYear, (leavers.get(l.fiscalYear) ?? 0) + l.count);
  const retiring = new Map<number, number>();
  for (const c of input.cohorts) {
    const fy = retirementFiscalYear(c.birthFiscalYear);
    retiring.set(fy, (retiring.get(fy) ?? 0) + c.count);
  }
  const rows: ProjectionRow[] = [];
  let headcount = input.startHeadcount;
  for (let fy = input.startFiscalYear; fy <= input.toFiscalYear; fy++) {
    const hired = fy === input.startFiscalYear ? 0 : (hires.get(fy) ?? 0);
    headcount += hired;
    const retirees = retiring.get(fy) ?? 0;
    const other = leavers.get(fy) ?? 0;
    const yearEnd = headcount - retirees - other;
    rows.push({ fiscalYear: fy, hires: hired, headcount, retirees, otherLeavers: other, yearEnd });
    headcount = yearEnd;
  }
  return rows;
}
