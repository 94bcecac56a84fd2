import { type Kysely, sql } from "kysely";
import { BUMP_FUNCTION_SQL, coverPlanData, type PlanDataVia, uncoverPlanData } from "../data-version.ts";

// The data version of each plan (issue 16.3): a random value the database changes, by triggers, with every
// change to a table the plan document or its evaluation is read from; the pages' caches are keyed by it
// (src/db/data-version.ts says why it cannot go stale). No foreign key: a restore drops the foreign keys while
// it deletes and inserts, and the version row is derived (the trigger on plans removes it with its plan), so
// it is not in a backup either (src/backup/backup.format.ts EXCLUDED).

/** The tables this migration covers, and how each leads to its plan. */
const COVERED: readonly [string, PlanDataVia][] = [
  ["plans", "self"],
  ["plan_items", "plan"],
  ["indicators", "plan"],
  ["fiscal_effects", "plan"],
  ["plan_item_departments", "item"],
  ["item_progress", "item"],
  ["item_activities", "item"],
  ["indicator_departments", "indicator"],
  ["indicator_baselines", "indicator"],
  ["indicator_targets", "indicator"],
  ["actual_values", "indicator"],
  ["indicator_judgements", "indicator"],
  ["municipalities", "municipality"],
  ["departments", "municipality"],
  ["department_names", "municipality"],
];

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("plan_data_versions")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("plan_id", "uuid", (c) => c.notNull())
    .addColumn("version", "uuid", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_data_versions_pkey", ["municipality_code", "plan_id"])
    .execute();
  await sql`insert into plan_data_versions (municipality_code, plan_id, version)
    select municipality_code, id, gen_random_uuid() from plans`.execute(db);
  await BUMP_FUNCTION_SQL.execute(db);
  for (const [table, via] of COVERED) await coverPlanData(db, table, via);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const [table] of COVERED) await uncoverPlanData(db, table);
  await sql`drop function if exists gyokaku_plan_data_changed()`.execute(db);
  await db.schema.dropTable("plan_data_versions").execute();
}
