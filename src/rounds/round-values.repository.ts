/** SQL for the item-year values a round writes: actuals of the item's indicators and the item's progress texts. */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

export async function findItemId(
  q: Q,
  code: string,
  planId: string,
  key: string,
): Promise<string | undefined> {
  const r = await scoped(q, code)
    .selectFrom("plan_items")
    .select("id")
    .where("plan_id", "=", planId)
    .where("key", "=", key)
    .executeTakeFirst();
  return r?.id;
}

export async function indicatorIds(q: Q, code: string, planId: string, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, string>();
  const rows = await scoped(q, code)
    .selectFrom("indicators")
    .select(["id", "key"])
    .where("plan_id", "=", planId)
    .where("key", "in", keys)
    .execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

export type ActualRow = {
  indicator_id: string;
  series: string;
  text: string;
  kind: string;
  number: number | null;
  unit: string | null;
  stage: string | null;
  unreadable: string | null;
};

export async function actualsOf(
  q: Q,
  code: string,
  ids: readonly string[],
  fy: number,
): Promise<ActualRow[]> {
  if (ids.length === 0) return [];
  return scoped(q, code)
    .selectFrom("actual_values")
    .select(["indicator_id", "series", "text", "kind", "number", "unit", "stage", "unreadable"])
    .where("indicator_id", "in", ids)
    .where("fiscal_year", "=", fy)
    .execute();
}

export async function upsertActual(
  q: Q,
  code: string,
  fy: number,
  row: Omit<ActualRow, "indicator_id"> & { indicator_id: string },
): Promise<void> {
  const max = await scoped(q, code)
    .selectFrom("actual_values")
    .select((eb) => eb.fn.max("position").as("p"))
    .where("indicator_id", "=", row.indicator_id)
    .executeTakeFirst();
  const values = {
    text: row.text,
    kind: row.kind,
    number: row.number,
    unit: row.unit,
    stage: row.stage,
    unreadable: row.unreadable,
    // entered in gyokaku: no source document line
    source: null,
    updated_at: new Date(),
  };
  await q
    .insertInto("actual_values")
    .values({
      municipality_code: code,
      indicator_id: row.indicator_id,
      series: row.series,
      fiscal_year: fy,
      position: Number(max?.p ?? -1) + 1,
      ...values,
    })
    .onConflict((oc) =>
      oc.columns(["municipality_code", "indicator_id", "series", "fiscal_year"]).doUpdateSet(values),
    )
    .execute();
}

export async function deleteActual(
  q: Q,
  code: string,
  indicatorId: string,
  series: string,
  fy: number,
): Promise<void> {
  await scoped(q, code)
    .deleteFrom("actual_values")
    .where("indicator_id", "=", indicatorId)
    .where("series", "=", series)
    .where("fiscal_year", "=", fy)
    .execute();
}

export async function progressOf(q: Q, code: string, itemId: string, fy: number) {
  return scoped(q, code)
    .selectFrom("item_progress")
    .select(["narrative", "next_year_plan", "status"])
    .where("item_id", "=", itemId)
    .where("fiscal_year", "=", fy)
    .executeTakeFirst();
}

export async function upsertProgress(
  q: Q,
  code: string,
  itemId: string,
  fy: number,
  p: { narrative: string | null; next_year_plan: string | null; status: string | null },
): Promise<void> {
  await q
    .insertInto("item_progress")
    .values({ municipality_code: code, item_id: itemId, fiscal_year: fy, ...p, source: null })
    .onConflict((oc) =>
      oc.columns(["municipality_code", "item_id", "fiscal_year"]).doUpdateSet({ ...p, source: null }),
    )
    .execute();
}
