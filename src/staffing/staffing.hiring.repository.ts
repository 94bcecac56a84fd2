/** SQL for the hiring plan (採用計画) of a municipality: the rows of some fiscal years, read and replaced. */
import { json } from "../db/schema.ts";
import { type Q, scoped } from "../db/tenant.ts";

export type HiringRow = { fiscalYear: number; hires: number; otherLeavers?: number };

export async function hiringRows(q: Q, code: string, years: readonly number[]): Promise<HiringRow[]> {
  if (years.length === 0) return [];
  const rows = await scoped(q, code)
    .selectFrom("staffing_hiring_plans")
    .selectAll()
    .where("fiscal_year", "in", [...years])
    .orderBy("fiscal_year")
    .execute();
  return rows.map((r) => ({
    fiscalYear: r.fiscal_year,
    hires: r.hires,
    ...(r.other_leavers !== null ? { otherLeavers: r.other_leavers } : {}),
  }));
}

/** Replaces the plan of the given years by the rows (a year without a row is left without a plan). */
export async function replaceHiringRows(
  q: Q,
  code: string,
  years: readonly number[],
  rows: readonly HiringRow[],
  source: { file: string; sheet?: string },
): Promise<void> {
  if (years.length > 0)
    await scoped(q, code)
      .deleteFrom("staffing_hiring_plans")
      .where("fiscal_year", "in", [...years])
      .execute();
  if (rows.length === 0) return;
  await q
    .insertInto("staffing_hiring_plans")
    .values(
      rows.map((r) => ({
        municipality_code: code,
        fiscal_year: r.fiscalYear,
        hires: r.hires,
        other_leavers: r.otherLeavers ?? null,
        source: json(source),
      })),
    )
    .execute();
}
