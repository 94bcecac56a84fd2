/** SQL of the plan-scales editor: the plan's stored scales (plans.scales). */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { json } from "../db/schema.ts";
import type { PlanScalesJson } from "../db/tables/scales.ts";
import { scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

export async function findPlan(q: Q, code: string, id: string) {
  return scoped(q, code)
    .selectFrom("plans")
    .select(["municipality_code", "id", "key", "title", "period_start", "period_end", "scales"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function setScales(
  q: Q,
  code: string,
  id: string,
  scales: PlanScalesJson | null,
): Promise<void> {
  await scoped(q, code)
    .updateTable("plans")
    .set({ scales: scales ? json(scales) : null, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}
