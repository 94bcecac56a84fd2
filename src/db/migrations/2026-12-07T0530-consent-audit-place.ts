import type { Kysely } from "kysely";

// Where a removed value belonged (audit_events.place): for a plan, the change's target, indicator, series,
// field and fiscal year; for staffing data, the field. With the value kept in `before`, enough to put it back
// ("restore from the history"). NULL on every other event.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_events").addColumn("place", "jsonb").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_events").dropColumn("place").execute();
}
