/** SQL for notifications: the round events (outbox), each user's notifications and mail, settings. */
import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import type { MailStatus, RoundEventKind } from "../db/tables/notifications.ts";
import { acrossMunicipalities, scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** Events not yet fanned out, oldest first, of every municipality (the timer serves them all). */
export async function pendingEvents(q: Q, limit: number) {
  return acrossMunicipalities(q, "the notification timer serves every municipality")
    .selectFrom("round_events")
    .selectAll()
    .where("fanned_out_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function markFannedOut(q: Q, code: string, id: string, at: Date): Promise<void> {
  await scoped(q, code).updateTable("round_events").set({ fanned_out_at: at }).where("id", "=", id).execute();
}

export type NewNotification = {
  municipality_code: string;
  user_id: string;
  event_id: string;
  kind: RoundEventKind;
  title: string;
  body: string;
  link: string;
  created_at: Date;
  mail_status: MailStatus;
  mail_to: string | null;
  mail_next_at: Date | null;
};

export async function insertNotifications(q: Q, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await q
    .insertInto("notifications")
    .values(rows.map((r) => ({ ...r, id: randomUUID() })))
    .onConflict((oc) => oc.columns(["municipality_code", "user_id", "event_id"]).doNothing())
    .execute();
}

/** Open rounds of every municipality with their reminder days (the timer's reminders). */
export async function openRounds(q: Q) {
  return acrossMunicipalities(q, "the reminder timer serves every municipality")
    .selectFrom("rounds")
    .leftJoin("round_reminders as rr", (j) =>
      j.onRef("rr.municipality_code", "=", "rounds.municipality_code").onRef("rr.round_id", "=", "rounds.id"),
    )
    .select([
      "rounds.municipality_code",
      "rounds.id",
      "rounds.deadline",
      "rounds.opened_at",
      "rr.days_before",
    ])
    .where("rounds.status", "=", "open")
    .execute();
}

/** A reminder event, made once per round and key (a second timer run does nothing). */
export async function insertReminderEvent(
  q: Q,
  e: { municipality_code: string; round_id: string; kind: RoundEventKind; once_key: string; note: string },
): Promise<void> {
  await q
    .insertInto("round_events")
    .values({
      ...e,
      id: randomUUID(),
      item_key: null,
      actor_id: null,
      actor_name: "gyokaku（自動）",
      actor_role: null,
      fanned_out_at: null,
    })
    .onConflict((oc) => oc.columns(["municipality_code", "round_id", "once_key"]).doNothing())
    .execute();
}

export async function optOuts(q: Q, code: string, userIds?: readonly string[]) {
  let query = scoped(q, code).selectFrom("notification_opt_outs").select(["user_id", "kind"]);
  if (userIds) {
    if (userIds.length === 0) return [];
    query = query.where("user_id", "in", userIds);
  }
  return query.execute();
}

export async function setOptOuts(
  q: Q,
  code: string,
  userId: string,
  kinds: readonly string[],
): Promise<void> {
  await scoped(q, code).deleteFrom("notification_opt_outs").where("user_id", "=", userId).execute();
  if (kinds.length > 0)
    await q
      .insertInto("notification_opt_outs")
      .values(kinds.map((kind) => ({ municipality_code: code, user_id: userId, kind })))
      .execute();
}

export async function mailSettingsRow(q: Q, code: string) {
  return scoped(q, code).selectFrom("mail_settings").selectAll().executeTakeFirst();
}

export async function saveMailSettings(q: Q, row: Omit<Database["mail_settings"], "updated_at"> & {}) {
  await q
    .insertInto("mail_settings")
    .values(row)
    .onConflict((oc) =>
      oc.column("municipality_code").doUpdateSet({
        host: row.host,
        port: row.port,
        starttls: row.starttls,
        username: row.username,
        password_sealed: row.password_sealed,
        from_address: row.from_address,
        app_url: row.app_url,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** Mails due now, of every municipality. */
export async function dueMails(q: Q, now: Date, limit: number) {
  return (
    acrossMunicipalities(q, "the mail timer serves every municipality")
      .selectFrom("notifications as n")
      .innerJoin("users as u", (j) =>
        j.onRef("u.municipality_code", "=", "n.municipality_code").onRef("u.id", "=", "n.user_id"),
      )
      .select([
        "n.municipality_code",
        "n.id",
        "n.title",
        "n.body",
        "n.link",
        "n.mail_to",
        "n.mail_attempts",
        "u.name as user_name",
      ])
      .where("n.mail_status", "=", "pending")
      // null: at once (a retry asked for on the admin page)
      .where((w) => w.or([w("n.mail_next_at", "is", null), w("n.mail_next_at", "<=", now)]))
      .orderBy("n.created_at")
      .limit(limit)
      .execute()
  );
}

export async function updateMail(
  q: Q,
  code: string,
  id: string,
  set: {
    mail_status: MailStatus;
    mail_attempts?: number;
    mail_error?: string | null;
    mail_next_at?: Date | null;
    mailed_at?: Date | null;
  },
): Promise<void> {
  await scoped(q, code).updateTable("notifications").set(set).where("id", "=", id).execute();
}

/** Mails that failed or are being retried after an error, newest first. */
export async function mailProblems(q: Q, code: string) {
  return scoped(q, code)
    .selectFrom("notifications")
    .select([
      "id",
      "title",
      "mail_to",
      "mail_status",
      "mail_attempts",
      "mail_error",
      "mail_next_at",
      "created_at",
    ])
    .where((w) =>
      w.or([
        w("mail_status", "=", "failed"),
        w.and([w("mail_status", "=", "pending"), w("mail_error", "is not", null)]),
      ]),
    )
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
}

export async function mailCounts(q: Q, code: string) {
  return scoped(q, code)
    .selectFrom("notifications")
    .select(["mail_status", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy("mail_status")
    .execute();
}

export async function retryFailed(q: Q, code: string, id?: string): Promise<void> {
  let query = scoped(q, code)
    .updateTable("notifications")
    .set({ mail_status: "pending", mail_attempts: 0, mail_next_at: null })
    .where("mail_status", "=", "failed");
  if (id) query = query.where("id", "=", id);
  await query.execute();
}

export async function notificationsOf(q: Q, code: string, userId: string, limit: number) {
  return scoped(q, code)
    .selectFrom("notifications")
    .select(["id", "kind", "title", "body", "link", "created_at", "read_at", "mail_status"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function findNotification(q: Q, code: string, userId: string, id: string) {
  return scoped(q, code)
    .selectFrom("notifications")
    .select(["id", "link", "read_at"])
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function markRead(q: Q, code: string, userId: string, at: Date, id?: string): Promise<void> {
  let query = scoped(q, code)
    .updateTable("notifications")
    .set({ read_at: at })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (id) query = query.where("id", "=", id);
  await query.execute();
}

export async function roundsWithReminders(q: Q, code: string) {
  return scoped(q, code)
    .selectFrom("rounds")
    .innerJoin("plans", (j) =>
      j
        .onRef("plans.municipality_code", "=", "rounds.municipality_code")
        .onRef("plans.id", "=", "rounds.plan_id"),
    )
    .leftJoin("round_reminders as rr", (j) =>
      j.onRef("rr.municipality_code", "=", "rounds.municipality_code").onRef("rr.round_id", "=", "rounds.id"),
    )
    .select([
      "rounds.id",
      "rounds.plan_id",
      "rounds.fiscal_year",
      "rounds.deadline",
      "rounds.status",
      "plans.title",
      "rr.days_before",
    ])
    .orderBy("rounds.fiscal_year", "desc")
    .execute();
}

export async function setReminderDays(q: Q, code: string, roundId: string, days: number): Promise<void> {
  await q
    .insertInto("round_reminders")
    .values({ municipality_code: code, round_id: roundId, days_before: days })
    .onConflict((oc) => oc.columns(["municipality_code", "round_id"]).doUpdateSet({ days_before: days }))
    .execute();
}
