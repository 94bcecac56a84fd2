/**
 * Indexes for reading a plan at scale (issue 16): a plan's indicators and an item's activities were found by
 * scanning every row of the municipality. The foreign keys' columns come first after municipality_code,
 * as every query is scoped by it.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("indicators_by_plan")
    .on("indicators")
    .columns(["municipality_code", "plan_id", "position"])
    .execute();
  await db.schema
    .createIndex("item_activities_by_item")
    .on("item_activities")
    .columns(["municipality_code", "item_id", "position"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("item_activities_by_item").execute();
  await db.schema.dropIndex("indicators_by_plan").execute();
}
