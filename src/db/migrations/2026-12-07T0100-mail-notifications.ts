import { type Kysely, sql } from "kysely";

// Issue 13: the round's events (an outbox written in the transaction of the round change), in-app
// notifications with their mail delivery, each user's opt-outs, the municipality's SMTP settings and the
// reminder days of each round; the conversation of each item-year and its evidence files.
// Every table has municipality_code first in its primary key and in every foreign key.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  // Outbox: what happened in a round. Written by the rounds capability in the same transaction as the change
  // (or by the reminder timer, once per key); the notifications capability fans it out to users.
  await db.schema
    .createTable("round_events")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("round_id", "uuid", (c) => c.notNull())
    .addColumn("item_key", "text")
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('opened', 'due_soon', 'due_today', 'overdue', 'returned', 'approved', 'comment')`,
        ),
    )
    // a reminder is made once: 'due_soon:2024-06-27' and so on; null for the events of a change
    .addColumn("once_key", "text")
    .addColumn("actor_id", "uuid")
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("actor_role", "text")
    .addColumn("note", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("fanned_out_at", "timestamptz")
    .addPrimaryKeyConstraint("round_events_pk", ["municipality_code", "id"])
    .addUniqueConstraint("round_events_once", ["municipality_code", "round_id", "once_key"])
    .addForeignKeyConstraint(
      "round_events_round",
      ["municipality_code", "round_id"],
      "rounds",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("round_events_pending")
    .on("round_events")
    .columns(["fanned_out_at", "created_at"])
    .execute();

  // One notification per user and event: read or not, and its mail.
  await db.schema
    .createTable("notifications")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.notNull())
    .addColumn("event_id", "uuid", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("read_at", "timestamptz")
    // off: the user turned this kind off, or the user has no address; no_settings: no SMTP server is set
    .addColumn("mail_status", "text", (c) =>
      c.notNull().check(sql`mail_status in ('pending', 'sent', 'failed', 'off', 'no_settings')`),
    )
    .addColumn("mail_to", "text")
    .addColumn("mail_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("mail_error", "text")
    .addColumn("mail_next_at", "timestamptz")
    .addColumn("mailed_at", "timestamptz")
    .addPrimaryKeyConstraint("notifications_pk", ["municipality_code", "id"])
    .addUniqueConstraint("notifications_once", ["municipality_code", "user_id", "event_id"])
    .addForeignKeyConstraint(
      "notifications_user",
      ["municipality_code", "user_id"],
      "users",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "notifications_event",
      ["municipality_code", "event_id"],
      "round_events",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("notifications_by_user")
    .on("notifications")
    .columns(["municipality_code", "user_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("notifications_mail_queue")
    .on("notifications")
    .columns(["mail_status", "mail_next_at"])
    .execute();

  // The kinds of mail a user turned off (the notification in the app stays).
  await db.schema
    .createTable("notification_opt_outs")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_opt_outs_pk", ["municipality_code", "user_id", "kind"])
    .addForeignKeyConstraint(
      "notification_opt_outs_user",
      ["municipality_code", "user_id"],
      "users",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // The municipality's own SMTP server (set on the admin page; the environment's settings otherwise).
  await db.schema
    .createTable("mail_settings")
    .addColumn("municipality_code", "char(6)", (c) =>
      c.notNull().references("municipalities.municipality_code"),
    )
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("port", "integer", (c) => c.notNull())
    .addColumn("starttls", "boolean", (c) => c.notNull())
    .addColumn("username", "text")
    .addColumn("password", "text")
    .addColumn("from_address", "text", (c) => c.notNull())
    .addColumn("app_url", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("mail_settings_pk", ["municipality_code"])
    .execute();

  // N days before the deadline, set per round (3 when not set).
  await db.schema
    .createTable("round_reminders")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("round_id", "uuid", (c) => c.notNull())
    .addColumn("days_before", "integer", (c) => c.notNull().check(sql`days_before between 0 and 60`))
    .addPrimaryKeyConstraint("round_reminders_pk", ["municipality_code", "round_id"])
    .addForeignKeyConstraint(
      "round_reminders_round",
      ["municipality_code", "round_id"],
      "rounds",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // The conversation of one item in one round (= one year) between the department and the office.
  await db.schema
    .createTable("item_comments")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("round_id", "uuid", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('comment', 'return')`))
    .addColumn("author_id", "uuid")
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("author_role", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull().check(sql`length(body) between 1 and 4000`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("item_comments_pk", ["municipality_code", "id"])
    .addForeignKeyConstraint(
      "item_comments_round",
      ["municipality_code", "round_id"],
      "rounds",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("item_comments_by_item")
    .on("item_comments")
    .columns(["municipality_code", "round_id", "item_key", "created_at"])
    .execute();

  // Evidence (根拠資料) attached to an item's answer, kept in the database so that backups and tenancy cover it.
  await db.schema
    .createTable("evidence_files")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("round_id", "uuid", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("data", "bytea", (c) => c.notNull())
    .addColumn("uploaded_by_id", "uuid")
    .addColumn("uploaded_by_name", "text", (c) => c.notNull())
    .addColumn("uploaded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("public", "boolean", (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint("evidence_files_pk", ["municipality_code", "id"])
    .addForeignKeyConstraint(
      "evidence_files_round",
      ["municipality_code", "round_id"],
      "rounds",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("evidence_files_by_item")
    .on("evidence_files")
    .columns(["municipality_code", "round_id", "item_key"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "evidence_files",
    "item_comments",
    "round_reminders",
    "mail_settings",
    "notification_opt_outs",
    "notifications",
    "round_events",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
