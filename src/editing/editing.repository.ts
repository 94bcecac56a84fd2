/** SQL for plan editing: the plan's structure version, items, their departments, indicators and targets. */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { json } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";
import type { TargetBasis } from "../domain/values/index.ts";
import type { Placed } from "./tree.ts";

type Q = Kysely<Database> | Transaction<Database>;

export async function findPlan(q: Q, code: string, id: string) {
  return scoped(q, code)
    .selectFrom("plans")
    .select(["municipality_code", "id", "key", "title", "period_start", "period_end"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function planVersion(q: Q, code: string, planId: string): Promise<number> {
  const r = await scoped(q, code)
    .selectFrom("plan_versions")
    .select("version")
    .where("plan_id", "=", planId)
    .executeTakeFirst();
  return r?.version ?? 0;
}

/** Compare-and-set on the plan's structure version; false when someone edited the plan since the form was made. */
export async function bumpPlanVersion(
  q: Q,
  code: string,
  planId: string,
  expected: number,
): Promise<boolean> {
  await q
    .insertInto("plan_versions")
    .values({ municipality_code: code, plan_id: planId, version: 0 })
    .onConflict((oc) => oc.columns(["municipality_code", "plan_id"]).doNothing())
    .execute();
  const r = await scoped(q, code)
    .updateTable("plan_versions")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("plan_id", "=", planId)
    .where("version", "=", expected)
    .executeTakeFirst();
  await scoped(q, code)
    .updateTable("plans")
    .set({ updated_at: new Date() })
    .where("id", "=", planId)
    .execute();
  return Number(r.numUpdatedRows) === 1;
}

export async function itemRows(q: Q, code: string, planId: string) {
  return scoped(q, code)
    .selectFrom("plan_items")
    .select(["id", "key", "parent_id", "position", "depth", "number", "title", "description"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
}

/** Writes depth, position and parent where they changed. */
export async function applyPlacement(
  q: Q,
  code: string,
  placed: readonly Placed[],
  before: readonly { id: string; parent_id: string | null; depth: number; position: number }[],
): Promise<void> {
  const old = new Map(before.map((r) => [r.id, r]));
  for (const p of placed) {
    const o = old.get(p.id);
    if (o && o.parent_id === p.parentId && o.depth === p.depth && o.position === p.position) continue;
    await scoped(q, code)
      .updateTable("plan_items")
      .set({ parent_id: p.parentId, depth: p.depth, position: p.position })
      .where("id", "=", p.id)
      .execute();
  }
}

export async function insertItem(
  q: Q,
  row: {
    municipality_code: string;
    id: string;
    plan_id: string;
    parent_id: string | null;
    key: string;
    depth: number;
    position: number;
    number: string | null;
    title: string;
    description: string | null;
  },
  departmentIds: readonly string[],
): Promise<void> {
  await q
    .insertInto("plan_items")
    .values({ ...row, texts: json({}), attributes: json({}), cross_listing_of: null })
    .execute();
  if (departmentIds.length > 0)
    await q
      .insertInto("plan_item_departments")
      .values(
        departmentIds.map((department_id, position) => ({
          municipality_code: row.municipality_code,
          item_id: row.id,
          department_id,
          position,
        })),
      )
      .execute();
}

export async function updateItem(
  q: Q,
  code: string,
  id: string,
  fields: { number: string | null; title: string; description: string | null },
): Promise<void> {
  await scoped(q, code).updateTable("plan_items").set(fields).where("id", "=", id).execute();
}

export async function indicatorKeys(q: Q, code: string, planId: string): Promise<Set<string>> {
  const rows = await scoped(q, code)
    .selectFrom("indicators")
    .select("key")
    .where("plan_id", "=", planId)
    .execute();
  return new Set(rows.map((r) => r.key));
}

export async function indicatorsOfItem(q: Q, code: string, itemId: string) {
  return scoped(q, code)
    .selectFrom("indicators")
    .select(["id", "key", "name", "unit", "series", "position"])
    .where("item_id", "=", itemId)
    .orderBy("position")
    .execute();
}

export async function insertIndicator(
  q: Q,
  row: {
    municipality_code: string;
    id: string;
    plan_id: string;
    item_id: string;
    key: string;
    position: number;
    name: string;
    unit: string | null;
    series: string[];
  },
): Promise<void> {
  await q
    .insertInto("indicators")
    .values({ ...row, number: null, series: json(row.series), stages: null })
    .execute();
}

export type TargetColumns = {
  text: string;
  kind: string;
  number: number | null;
  unit: string | null;
  stage: string | null;
  unreadable: string | null;
  fiscal_year: number | null;
  from_fiscal_year: number | null;
  direction: "increase" | "decrease" | null;
  relative_to_fiscal_year: number | null;
  change_amount: number | null;
  change_unit: string | null;
  basis: TargetBasis | null;
};

export async function insertTarget(
  q: Q,
  code: string,
  indicatorId: string,
  series: string,
  t: TargetColumns,
): Promise<void> {
  const max = await scoped(q, code)
    .selectFrom("indicator_targets")
    .select((eb) => eb.fn.max("position").as("p"))
    .where("indicator_id", "=", indicatorId)
    .executeTakeFirst();
  await q
    .insertInto("indicator_targets")
    .values({
      municipality_code: code,
      indicator_id: indicatorId,
      series,
      position: Number(max?.p ?? -1) + 1,
      source: null,
      ...t,
    })
    .execute();
}
