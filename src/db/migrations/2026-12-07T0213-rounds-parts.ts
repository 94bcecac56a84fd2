import { type Kysely, sql } from "kysely";

// Several departments on one item (issue 12.3): an item of a round is answered in parts, one per responsible
// department (the item's own and its indicators'), each with its own state, version, return comment and,
// for an item with several departments, its own texts (取組状況, next year's plan, status word; null = not
// written in this part). round_items stays: its state is the item's, derived from its parts
// (src/domain/rounds/parts.ts) and written with every change of a part, so readers of the item's state are
// unchanged. Parts are keyed by the department's key, like items by theirs, so a re-import keeps them.
// Existing rounds become one part per department of each item, with the item's state, version, comment and
// times (the history in audit_events is kept as it is). round_events gets the part's department, so that a
// return or an approval reaches the part's department only.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("round_parts")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("round_id", "uuid", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("department_key", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c.notNull().check(sql`state in ('not_started', 'draft', 'submitted', 'returned', 'approved')`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("return_comment", "text")
    .addColumn("narrative", "text")
    .addColumn("next_year_plan", "text")
    .addColumn("status", "text")
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "timestamptz")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("reviewed_at", "timestamptz")
    .addPrimaryKeyConstraint("round_parts_pk", [
      "municipality_code",
      "round_id",
      "item_key",
      "department_key",
    ])
    .addForeignKeyConstraint(
      "round_parts_item",
      ["municipality_code", "round_id", "item_key"],
      "round_items",
      ["municipality_code", "round_id", "item_key"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await sql`
    insert into round_parts (municipality_code, round_id, item_key, department_key, state, version,
      return_comment, updated_by, updated_at, submitted_at, reviewed_at)
    select distinct ri.municipality_code, ri.round_id, ri.item_key, d.key, ri.state, ri.version,
      ri.return_comment, ri.updated_by, ri.updated_at, ri.submitted_at, ri.reviewed_at
    from round_items ri
    join rounds r on r.municipality_code = ri.municipality_code and r.id = ri.round_id
    join plan_items pi on pi.municipality_code = r.municipality_code and pi.plan_id = r.plan_id
      and pi.key = ri.item_key
    join (
      select municipality_code, item_id, department_id from plan_item_departments
      union
      select i.municipality_code, i.item_id, idp.department_id
      from indicators i
      join indicator_departments idp on idp.municipality_code = i.municipality_code and idp.indicator_id = i.id
    ) x on x.municipality_code = pi.municipality_code and x.item_id = pi.id
    join departments d on d.municipality_code = x.municipality_code and d.id = x.department_id
  `.execute(db);

  await db.schema.alterTable("round_events").addColumn("department_key", "text").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("round_events").dropColumn("department_key").execute();
  await db.schema.dropTable("round_parts").execute();
}
