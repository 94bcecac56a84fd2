/**
 * SQL of the plan-scales editor: the plan's stored scales (plans.scales). Their version is the MD5 of the stored
 * JSON as PostgreSQL writes it (jsonb text is canonical), so a form made from other scales is refused.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { json } from "../db/schema.ts";
import type { PlanScalesJson } from "../db/tables/scales.ts";
import { scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

export async function findPlan(q: Q, code: string, id: string) {
  return scoped(q, code)
    .selectFrom("plans")
    .select(["municipality_code", "id", "key", "title", "period_start", "period_end", "scales"])
    .select(SCALES_VERSION.as("scales_version"))
    .where("id", "=", id)
    .executeTakeFirst();
}

const SCALES_VERSION = sql<string>`md5(coalesce(scales::text, ''))`;

/** Compare-and-set: stores the scales only if the stored ones are still those of `version`; false otherwise. */
export async function setScales(
  q: Q,
  code: string,
  id: string,
  scales: PlanScalesJson | null,
  version: string,
): Promise<boolean> {
  const r = await scoped(q, code)
    .updateTable("plans")
    .set({ scales: scales ? json(scales) : null, updated_at: new Date() })
    .where("id", "=", id)
    .where(SCALES_VERSION, "=", version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
