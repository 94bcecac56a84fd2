import type { Kysely } from "kysely";

// The plan's own scales (outcome grades and implementation vocabulary, plan.scales of the plan document),
// kept whole as one JSON value with the plan: read and replaced whole with it. NULL: gyokaku's own scales.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("plans").addColumn("scales", "jsonb").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("plans").dropColumn("scales").execute();
}
