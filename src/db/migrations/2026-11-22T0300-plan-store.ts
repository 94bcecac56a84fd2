import { type Kysely, sql } from "kysely";

// Every table carries municipality_code (the tenant key) and has it first in its primary key,
// so rows of one municipality can never reference another's and a table can later be sharded by it.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("municipalities")
    .addColumn("municipality_code", "char(6)", (c) =>
      c.primaryKey().check(sql`municipality_code ~ '^[0-9]{6}$'`),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("departments")
    .addColumn("municipality_code", "char(6)", (c) =>
      c.notNull().references("municipalities.municipality_code"),
    )
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("parent_id", "uuid")
    .addColumn("kind", "text")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("departments_pk", ["municipality_code", "id"])
    .addUniqueConstraint("departments_key", ["municipality_code", "key"])
    .addForeignKeyConstraint("departments_parent", ["municipality_code", "parent_id"], "departments", [
      "municipality_code",
      "id",
    ])
    .execute();

  // 部署名: departments get renamed; a name holds from a fiscal year until the next name.
  await db.schema
    .createTable("department_names")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("department_id", "uuid", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("valid_from", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("department_names_pk", ["municipality_code", "department_id", "valid_from"])
    .addForeignKeyConstraint(
      "department_names_department",
      ["municipality_code", "department_id"],
      "departments",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("plans")
    .addColumn("municipality_code", "char(6)", (c) =>
      c.notNull().references("municipalities.municipality_code"),
    )
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("period_start", "integer", (c) => c.notNull())
    .addColumn("period_end", "integer", (c) => c.notNull())
    .addColumn("levels", "jsonb", (c) => c.notNull())
    .addColumn("stages", "jsonb")
    .addColumn("sources", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("plans_pk", ["municipality_code", "id"])
    .addUniqueConstraint("plans_key", ["municipality_code", "key"])
    .addCheckConstraint("plans_period", sql`period_end >= period_start`)
    .execute();

  await db.schema
    .createTable("plan_items")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("plan_id", "uuid", (c) => c.notNull())
    .addColumn("parent_id", "uuid")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("depth", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("number", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("texts", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("attributes", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("cross_listing_of", "uuid")
    .addPrimaryKeyConstraint("plan_items_pk", ["municipality_code", "id"])
    .addUniqueConstraint("plan_items_key", ["municipality_code", "plan_id", "key"])
    .addForeignKeyConstraint(
      "plan_items_plan",
      ["municipality_code", "plan_id"],
      "plans",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint("plan_items_parent", ["municipality_code", "parent_id"], "plan_items", [
      "municipality_code",
      "id",
    ])
    .addForeignKeyConstraint(
      "plan_items_cross_listing",
      ["municipality_code", "cross_listing_of"],
      "plan_items",
      ["municipality_code", "id"],
    )
    .execute();
  await db.schema
    .createIndex("plan_items_by_plan")
    .on("plan_items")
    .columns(["municipality_code", "plan_id", "position"])
    .execute();

  await db.schema
    .createTable("plan_item_departments")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("item_id", "uuid", (c) => c.notNull())
    .addColumn("department_id", "uuid", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_item_departments_pk", ["municipality_code", "item_id", "department_id"])
    .addForeignKeyConstraint(
      "pid_item",
      ["municipality_code", "item_id"],
      "plan_items",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint("pid_department", ["municipality_code", "department_id"], "departments", [
      "municipality_code",
      "id",
    ])
    .execute();

  await db.schema
    .createTable("indicators")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("plan_id", "uuid", (c) => c.notNull())
    .addColumn("item_id", "uuid", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("number", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit", "text")
    .addColumn("series", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("stages", "jsonb")
    .addPrimaryKeyConstraint("indicators_pk", ["municipality_code", "id"])
    .addUniqueConstraint("indicators_key", ["municipality_code", "plan_id", "key"])
    .addForeignKeyConstraint(
      "indicators_item",
      ["municipality_code", "item_id"],
      "plan_items",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("indicator_departments")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("indicator_id", "uuid", (c) => c.notNull())
    .addColumn("department_id", "uuid", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("indicator_departments_pk", [
      "municipality_code",
      "indicator_id",
      "department_id",
    ])
    .addForeignKeyConstraint(
      "idp_indicator",
      ["municipality_code", "indicator_id"],
      "indicators",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint("idp_department", ["municipality_code", "department_id"], "departments", [
      "municipality_code",
      "id",
    ])
    .execute();

  // Values (baselines, targets, actuals) keep the text as written beside what was understood of it.
  // series '' stands for an indicator without series, so that it can be part of the key.
  for (const table of ["indicator_baselines", "indicator_targets", "actual_values"] as const) {
    let t = db.schema
      .createTable(table)
      .addColumn("municipality_code", "char(6)", (c) => c.notNull())
      .addColumn("indicator_id", "uuid", (c) => c.notNull())
      .addColumn("series", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("fiscal_year", "integer", (c) => (table === "actual_values" ? c.notNull() : c))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("number", "numeric")
      .addColumn("unit", "text")
      .addColumn("stage", "text")
      .addColumn("unreadable", "text")
      .addColumn("source", "jsonb");
    if (table === "indicator_targets") {
      t = t
        .addColumn("from_fiscal_year", "integer")
        .addColumn("direction", "text", (c) => c.check(sql`direction in ('increase', 'decrease')`))
        .addColumn("relative_to_fiscal_year", "integer")
        .addColumn("change_amount", "numeric")
        .addColumn("change_unit", "text");
    }
    if (table === "actual_values")
      t = t.addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`));
    await t
      .addPrimaryKeyConstraint(
        `${table}_pk`,
        table === "actual_values"
          ? ["municipality_code", "indicator_id", "series", "fiscal_year"]
          : // several targets may stand for one series (検討 from R1, 実施 from R3): position keeps them apart
            ["municipality_code", "indicator_id", "series", "position"],
      )
      .addForeignKeyConstraint(
        `${table}_indicator`,
        ["municipality_code", "indicator_id"],
        "indicators",
        ["municipality_code", "id"],
        (fk) => fk.onDelete("cascade"),
      )
      .execute();
  }

  // 取組状況 and next year's plan, per item and fiscal year.
  await db.schema
    .createTable("item_progress")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("item_id", "uuid", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("narrative", "text")
    .addColumn("next_year_plan", "text")
    .addColumn("status", "text")
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("item_progress_pk", ["municipality_code", "item_id", "fiscal_year"])
    .addForeignKeyConstraint(
      "item_progress_item",
      ["municipality_code", "item_id"],
      "plan_items",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // 取組計画 and 実績 per year (Chitose).
  await db.schema
    .createTable("item_activities")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("item_id", "uuid", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("year_label", "text")
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('plan', 'result')`))
    .addColumn("status", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("item_activities_pk", ["municipality_code", "id"])
    .addForeignKeyConstraint(
      "item_activities_item",
      ["municipality_code", "item_id"],
      "plan_items",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "item_activities",
    "item_progress",
    "actual_values",
    "indicator_targets",
    "indicator_baselines",
    "indicator_departments",
    "indicators",
    "plan_item_departments",
    "plan_items",
    "plans",
    "department_names",
    "departments",
    "municipalities",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
