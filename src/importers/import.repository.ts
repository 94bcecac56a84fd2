/** SQL of the import preview: which fiscal years of a plan are locked (rounds) or published. */
import { type Q, scoped } from "../db/tenant.ts";
import type { RuleOverride } from "../domain/rounds/plausibility.ts";

/**
 * The office's changes to the plan's plausibility rules (written at /rounds/:id/rules), so that a workbook's
 * actuals are checked by the same rules as a save in the round.
 */
export async function ruleOverrides(q: Q, code: string, planId: string): Promise<Map<string, RuleOverride>> {
  const rows = await scoped(q, code)
    .selectFrom("indicator_rules")
    .select(["indicator_key", "rule"])
    .where("plan_id", "=", planId)
    .execute();
  return new Map(rows.map((r) => [r.indicator_key, r.rule]));
}

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
