import { type Kysely, sql } from "kysely";

// A reviewer's judgement overrides the computed evaluation of one indicator, series and fiscal year.
// Both are kept: the computed result is derived each time, the judgement is stored with its reason.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("indicator_judgements")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("indicator_id", "uuid", (c) => c.notNull())
    .addColumn("series", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("judged_by", "text", (c) => c.notNull())
    .addColumn("judged_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("indicator_judgements_pk", [
      "municipality_code",
      "indicator_id",
      "series",
      "fiscal_year",
    ])
    .addForeignKeyConstraint(
      "indicator_judgements_indicator",
      ["municipality_code", "indicator_id"],
      "indicators",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("indicator_judgements").execute();
}
