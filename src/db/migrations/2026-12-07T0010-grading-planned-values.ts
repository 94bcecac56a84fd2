import type { Kysely } from "kysely";

// 年度別計画値: the plan's yearly row (and its cumulative row) per indicator, kept whole as one JSON value
// with the indicator, since it is read and replaced whole with it.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("indicators").addColumn("planned_values", "jsonb").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("indicators").dropColumn("planned_values").execute();
}
