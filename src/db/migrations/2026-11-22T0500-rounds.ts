import { type Kysely, sql } from "kysely";

// Accounts and sessions, the yearly reporting round (照会), the audit trail and plan versions.
// Every table has municipality_code first in its primary key and in every foreign key, like the plan store.
// Round state and history refer to plan items by key, not by id: importing a plan again replaces its items
// (new ids, same keys), and neither the state of a round nor the history of an item may be lost by that.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("municipality_code", "char(6)", (c) =>
      c.notNull().references("municipalities.municipality_code"),
    )
    .addColumn("id", "uuid", (c) => c.notNull())
    // Stored trimmed and in lower case: the login name. One address is one account in the whole database,
    // because the login form does not ask for the municipality.
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(btrim(email)) and email <> ''`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('admin', 'office', 'department', 'viewer')`),
    )
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("disabled_at", "timestamptz")
    .addPrimaryKeyConstraint("users_pk", ["municipality_code", "id"])
    .addUniqueConstraint("users_email", ["email"])
    .execute();

  // 所管課: a department editor answers for the items of these departments.
  await db.schema
    .createTable("user_departments")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.notNull())
    .addColumn("department_id", "uuid", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_departments_pk", ["municipality_code", "user_id", "department_id"])
    .addForeignKeyConstraint(
      "user_departments_user",
      ["municipality_code", "user_id"],
      "users",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "user_departments_department",
      ["municipality_code", "department_id"],
      "departments",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // The id is the SHA-256 of the cookie's token: a copy of the table does not let anyone in.
  await db.schema
    .createTable("sessions")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.notNull())
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("sessions_pk", ["municipality_code", "id"])
    .addForeignKeyConstraint(
      "sessions_user",
      ["municipality_code", "user_id"],
      "users",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // 照会: one reporting round per plan and fiscal year.
  await db.schema
    .createTable("rounds")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("plan_id", "uuid", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("deadline", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'locked')`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("opened_by", "text", (c) => c.notNull())
    .addColumn("opened_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("locked_by", "text")
    .addColumn("locked_at", "timestamptz")
    .addPrimaryKeyConstraint("rounds_pk", ["municipality_code", "id"])
    .addUniqueConstraint("rounds_plan_year", ["municipality_code", "plan_id", "fiscal_year"])
    .addForeignKeyConstraint(
      "rounds_plan",
      ["municipality_code", "plan_id"],
      "plans",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // The state of one item in a round; `version` is the item-year's version for optimistic concurrency.
  await db.schema
    .createTable("round_items")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("round_id", "uuid", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c.notNull().check(sql`state in ('not_started', 'draft', 'submitted', 'returned', 'approved')`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("return_comment", "text")
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "timestamptz")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("reviewed_at", "timestamptz")
    .addPrimaryKeyConstraint("round_items_pk", ["municipality_code", "round_id", "item_key"])
    .addForeignKeyConstraint(
      "round_items_round",
      ["municipality_code", "round_id"],
      "rounds",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // Every change: who, when, what before and after. Kept without foreign keys to what changed, so that
  // the history outlives it; actor_name is kept as it was at the time.
  await db.schema
    .createTable("audit_events")
    .addColumn("municipality_code", "char(6)", (c) =>
      c.notNull().references("municipalities.municipality_code"),
    )
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor_id", "uuid")
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("plan_id", "uuid")
    .addColumn("item_key", "text")
    .addColumn("fiscal_year", "integer")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("audit_events_pk", ["municipality_code", "id"])
    .execute();
  await db.schema
    .createIndex("audit_events_by_item")
    .on("audit_events")
    .columns(["municipality_code", "plan_id", "item_key", "at"])
    .execute();
  await db.schema
    .createIndex("audit_events_by_time")
    .on("audit_events")
    .columns(["municipality_code", "at"])
    .execute();

  // The plan's structure version: editing refuses a form made from an older structure.
  await db.schema
    .createTable("plan_versions")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("plan_id", "uuid", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("plan_versions_pk", ["municipality_code", "plan_id"])
    .addForeignKeyConstraint(
      "plan_versions_plan",
      ["municipality_code", "plan_id"],
      "plans",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "plan_versions",
    "audit_events",
    "round_items",
    "rounds",
    "sessions",
    "user_departments",
    "users",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
