import { type Kysely, sql } from "kysely";

// 類似団体別職員数: one national table per 類型 and survey year, shared by every municipality of that 類型 in
// the instance. It is stored under the shared reference scope (municipality_code 000000, a code whose check
// digit no municipality can have; see docs/architecture.md), so it carries the tenant key like every table.
// The staffing document also keeps the 類型 a municipality has been set to (peer_group), when it is set.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("staffing_peer_tables")
    .addColumn("municipality_code", "char(6)", (c) =>
      c.notNull().references("municipalities.municipality_code"),
    )
    .addColumn("scheme", "text", (c) => c.notNull())
    .addColumn("group_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("base_date", "text", (c) => c.notNull().check(sql`base_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn("members", "integer", (c) => c.check(sql`members > 0`))
    .addColumn("title", "text")
    .addColumn("sector_scheme", "text", (c) => c.notNull())
    .addColumn("rows", "jsonb", (c) => c.notNull())
    .addColumn("averages", "jsonb", (c) => c.notNull())
    .addColumn("source", "jsonb")
    .addColumn("imported_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("staffing_peer_tables_pk", [
      "municipality_code",
      "scheme",
      "group_code",
      "fiscal_year",
    ])
    .execute();
  await db.schema.alterTable("staffing_documents").addColumn("peer_group", "jsonb").execute();
  // Year columns as printed when the label and the year disagree (平28 (2015)), with the note.
  await db.schema.alterTable("staffing_documents").addColumn("year_labels", "jsonb").execute();
  // 図表6 as printed: the cohort's label as written and the last year the source printed an age for.
  await db.schema.alterTable("staffing_cohorts").addColumn("label", "text").execute();
  await db.schema.alterTable("staffing_cohorts").addColumn("printed_until", "integer").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("staffing_cohorts").dropColumn("printed_until").execute();
  await db.schema.alterTable("staffing_cohorts").dropColumn("label").execute();
  await db.schema.alterTable("staffing_documents").dropColumn("year_labels").execute();
  await db.schema.alterTable("staffing_documents").dropColumn("peer_group").execute();
  await db.schema.dropTable("staffing_peer_tables").execute();
}
