/** SQL of the import preview: which fiscal years of a plan are locked (rounds) or published. */
import { type Q, scoped } from "../db/tenant.ts";

/** The fiscal years of the plan whose reporting round is locked. */
export async function lockedYears(q: Q, code: string, planId: string): Promise<number[]> {
  const rows = await scoped(q, code)
    .selectFrom("rounds")
    .select("fiscal_year")
    .where("plan_id", "=", planId)
    .where("status", "=", "locked")
    .orderBy("fiscal_year")
    .execute();
  return rows.map((r) => r.fiscal_year);
}

/** The fiscal years of the plan that have been published (at least one version). */
export async function publishedYears(q: Q, code: string, planId: string): Promise<number[]> {
  const rows = await scoped(q, code)
    .selectFrom("publications")
    .select("fiscal_year")
    .distinct()
    .where("plan_id", "=", planId)
    .orderBy("fiscal_year")
    .execute();
  return rows.map((r) => r.fiscal_year);
}
