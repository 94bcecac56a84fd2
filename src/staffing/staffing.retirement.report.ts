/** The retirement schedule (図表6) and the projection under a hiring plan. */
import type { StaffingDocument } from "../core/staffing-document/index.ts";
import {
  fiscalYearsWithoutRetirees,
  type ProjectionRow,
  projectHeadcount,
  RETIREMENT_AGE_SCHEDULE,
  type RetirementRow,
  retirementFiscalYear,
  retirementTable,
} from "../domain/staffing/index.ts";

import { headcountView, type Municipality } from "./staffing.headcount.report.ts";

export type HiringPlan = { fiscalYear: number; hires: number; otherLeavers?: number | undefined }[];

export type RetirementView = {
  municipality: Municipality;
  fiscalYear: number;
  from: number;
  to: number;
  schedule: { from: number; to?: number; age: number }[];
  table: RetirementRow[];
  withoutRetirees: number[];
  cohortCounts: Map<number, number>;
  startHeadcount?: number;
  startLabel: string;
  hiring: HiringPlan;
  projection?: ProjectionRow[];
  /** Why no projection is shown. */
  missing: string[];
};

/**
 * The retirement schedule around a fiscal year (two years before to ten after, as 図表6) and the
 * projection under a hiring plan: the stored one, or one the user entered (`hiring` overrides).
 */
export function retirementView(
  doc: StaffingDocument,
  fiscalYear: number,
  options: { hiring?: HiringPlan; startHeadcount?: number } = {},
): RetirementView {
  const from = fiscalYear - 2;
  const to = fiscalYear + 10;
  const stored = doc.retirement.cohorts.map((c) => c.birthFiscalYear);
  const cohorts =
    stored.length > 0
      ? stored
      : Array.from({ length: 80 }, (_, i) => fiscalYear - 75 + i).filter((b) => {
          const r = retirementFiscalYear(b);
          return r >= from && r <= to;
        });
  const h = headcountView(doc, fiscalYear);
  const i = h.years.indexOf(fiscalYear);
  const fromDoc = i >= 0 ? h.total.values[i] : undefined;
  const startHeadcount = options.startHeadcount ?? fromDoc;
  const counts = new Map<number, number>();
  for (const c of doc.retirement.cohorts) if (c.count !== undefined) counts.set(c.birthFiscalYear, c.count);
  const hiring: HiringPlan =
    options.hiring ??
    doc.retirement.hiring.map((x) => ({
      fiscalYear: x.fiscalYear,
      hires: x.hires,
      ...(x.otherLeavers !== undefined ? { otherLeavers: x.otherLeavers } : {}),
    }));
  const missing: string[] = [];
  if (startHeadcount === undefined) missing.push(`${fiscalYear}年度の職員数`);
  // Without the staff of each birth cohort nobody's retirement can be counted: no projection, not a flat line.
  if (counts.size === 0) missing.push("生年度ごとの職員数（シート「年齢構成」）");
  const projectable = startHeadcount !== undefined && counts.size > 0;
  const schedule = RETIREMENT_AGE_SCHEDULE.filter((s) => Number.isFinite(s.from)).map((s, k, all) => ({
    from: s.from,
    ...(all[k + 1] ? { to: all[k + 1]!.from - 1 } : {}),
    age: s.age,
  }));
  return {
    municipality: doc.municipality,
    fiscalYear,
    from,
    to,
    schedule,
    table: retirementTable(
      cohorts,
      from,
      to,
      new Map(doc.retirement.cohorts.map((c) => [c.birthFiscalYear, c])),
    ),
    withoutRetirees: fiscalYearsWithoutRetirees(from, to),
    cohortCounts: counts,
    ...(startHeadcount !== undefined ? { startHeadcount } : {}),
    startLabel: h.total.label,
    hiring,
    ...(projectable
      ? {
          projection: projectHeadcount({
            startFiscalYear: fiscalYear,
            startHeadcount: startHeadcount!,
            cohorts: [...counts].map(([birthFiscalYear, count]) => ({ birthFiscalYear, count })),
            hiring: hiring.map((x) => ({ fiscalYear: x.fiscalYear, hires: x.hires })),
            otherLeavers: hiring
              .filter((x) => x.otherLeavers !== undefined)
              .map((x) => ({ fiscalYear: x.fiscalYear, count: x.otherLeavers! })),
            toFiscalYear: to,
          }),
        }
      : {}),
    missing,
  };
}

/** The latest fiscal year with headcounts, for defaults. */
export function latestFiscalYear(doc: StaffingDocument): number | undefined {
  const years = doc.headcounts.map((h) => h.fiscalYear);
  return years.length > 0 ? Math.max(...years) : undefined;
}
