import { type Kysely, sql } from "kysely";

// 定員適正化計画 (the staffing plan: base year, base headcount and yearly targets, per scope) kept whole as
// one JSON value per municipality, since it is read and replaced whole; 退職・採用 (leavers during a year,
// hires on 1 April) one row per year, so that the database refuses a negative count as well.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("staffing_plans")
    .addColumn("municipality_code", "char(6)", (c) =>
      c.notNull().references("municipalities.municipality_code"),
    )
    .addColumn("plan", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("staffing_plans_pk", ["municipality_code"])
    .execute();
  await db.schema
    .createTable("staffing_movements")
    .addColumn("municipality_code", "char(6)", (c) =>
      c.notNull().references("municipalities.municipality_code"),
    )
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("leavers", "integer", (c) => c.check(sql`leavers >= 0`))
    .addColumn("hires", "integer", (c) => c.check(sql`hires >= 0`))
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_movements_pk", ["municipality_code", "fiscal_year"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("staffing_movements").execute();
  await db.schema.dropTable("staffing_plans").execute();
}
