import { type Kysely, sql } from "kysely";

// Issue 10.4: 財政効果額 per plan item, fiscal year and kind (歳出削減 / 歳入確保): the planned and the actual
// amount in the unit the plan wrote, with a note. Replaced whole with the plan's items (cascade).
// municipality_code first in the primary key and in every foreign key.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("fiscal_effects")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("plan_id", "uuid", (c) => c.notNull())
    .addColumn("item_id", "uuid", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('expenditure_reduction', 'revenue_increase')`),
    )
    .addColumn("planned", "numeric")
    .addColumn("actual", "numeric")
    .addColumn("unit", "text", (c) => c.notNull().check(sql`unit in ('円', '千円', '百万円')`))
    .addColumn("note", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("fiscal_effects_pk", ["municipality_code", "item_id", "fiscal_year", "kind"])
    .addForeignKeyConstraint(
      "fiscal_effects_item",
      ["municipality_code", "item_id"],
      "plan_items",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "fiscal_effects_plan",
      ["municipality_code", "plan_id"],
      "plans",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addCheckConstraint("fiscal_effects_amount", sql`planned is not null or actual is not null`)
    .execute();
  await db.schema
    .createIndex("fiscal_effects_plan_idx")
    .on("fiscal_effects")
    .columns(["municipality_code", "plan_id", "fiscal_year"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("fiscal_effects").execute();
}
