import { type Kysely, sql } from "kysely";

// Plausibility rules of a plan's indicators as the reform office changed them (issue 12.1). The rule itself
// is derived from the indicator's unit and kind (src/domain/rounds/plausibility.ts); a row here holds only
// the office's changes, as JSON ({ min, max, integer, jumpFactor }, null = no limit). Keyed by the
// indicator's key, not its id, so that a re-import of the plan (new ids, same keys) keeps them.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("indicator_rules")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("plan_id", "uuid", (c) => c.notNull())
    .addColumn("indicator_key", "text", (c) => c.notNull())
    .addColumn("rule", "jsonb", (c) => c.notNull().check(sql`jsonb_typeof(rule) = 'object'`))
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("indicator_rules_pk", ["municipality_code", "plan_id", "indicator_key"])
    .addForeignKeyConstraint(
      "indicator_rules_plan",
      ["municipality_code", "plan_id"],
      "plans",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("indicator_rules").execute();
}
