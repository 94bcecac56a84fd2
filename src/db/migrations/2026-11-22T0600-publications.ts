import { type Kysely, sql } from "kysely";

// 公表: each publishing of a plan's fiscal year is kept as a frozen snapshot with a version number, so
// later edits never change what citizens were shown until the year is published again.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("publications")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("plan_id", "uuid", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("basis", "text", (c) => c.notNull().check(sql`basis in ('all_data', 'approved_round')`))
    .addColumn("snapshot", "jsonb", (c) => c.notNull())
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_by", "text")
    .addPrimaryKeyConstraint("publications_pk", ["municipality_code", "plan_id", "fiscal_year", "version"])
    // Deleting a plan takes its public pages with it; replacing a plan by import keeps its id and its publications.
    .addForeignKeyConstraint(
      "publications_plan",
      ["municipality_code", "plan_id"],
      "plans",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("publications").execute();
}
