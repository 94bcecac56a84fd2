/** SQL for the office's changes to indicators' plausibility rules. */
import { json } from "../db/schema.ts";
import { type Q, scoped } from "../db/tenant.ts";
import type { RuleOverride } from "../domain/rounds/plausibility.ts";

export async function ruleOverrides(q: Q, code: string, planId: string): Promise<Map<string, RuleOverride>> {
  const rows = await scoped(q, code)
    .selectFrom("indicator_rules")
    .select(["indicator_key", "rule"])
    .where("plan_id", "=", planId)
    .execute();
  return new Map(rows.map((r) => [r.indicator_key, r.rule]));
}

export async function saveRuleOverride(
  q: Q,
  code: string,
  planId: string,
  indicatorKey: string,
  rule: RuleOverride,
  by: string,
): Promise<void> {
  const values = { rule: json(rule), updated_by: by, updated_at: new Date() };
  await q
    .insertInto("indicator_rules")
    .values({ municipality_code: code, plan_id: planId, indicator_key: indicatorKey, ...values })
    .onConflict((oc) => oc.columns(["municipality_code", "plan_id", "indicator_key"]).doUpdateSet(values))
    .execute();
}

export async function deleteRuleOverride(q: Q, code: string, planId: string, indicatorKey: string) {
  await scoped(q, code)
    .deleteFrom("indicator_rules")
    .where("plan_id", "=", planId)
    .where("indicator_key", "=", indicatorKey)
    .execute();
}
