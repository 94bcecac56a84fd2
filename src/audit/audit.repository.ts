/** SQL for the audit trail: appending events and reading them back by item or by time. */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type AuditRow = {
  municipality_code: string;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  plan_id: string | null;
  item_key: string | null;
  fiscal_year: number | null;
  subject: string;
  before: string | null;
  after: string | null;
  note: string | null;
};

export async function insertEvents(q: Q, rows: AuditRow[]): Promise<void> {
  if (rows.length > 0) await q.insertInto("audit_events").values(rows).execute();
}

const columns = [
  "id",
  "at",
  "actor_id",
  "actor_name",
  "action",
  "plan_id",
  "item_key",
  "fiscal_year",
  "subject",
  "before",
  "after",
  "note",
] as const;

export async function eventsOfItem(q: Q, code: string, planId: string, itemKey: string, limit = 200) {
  return scoped(q, code)
    .selectFrom("audit_events")
    .select(columns)
    .where("plan_id", "=", planId)
    .where("item_key", "=", itemKey)
    .orderBy("at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function recentEvents(q: Q, code: string, limit: number, planId?: string) {
  let query = scoped(q, code)
    .selectFrom("audit_events")
    .select(columns)
    .orderBy("at", "desc")
    .orderBy("id")
    .limit(limit);
  if (planId) query = query.where("plan_id", "=", planId);
  return query.execute();
}

/** The latest events of some actions (e.g. the mail settings and test mails), newest first. */
export async function recentEventsOf(q: Q, code: string, actions: readonly string[], limit: number) {
  return scoped(q, code)
    .selectFrom("audit_events")
    .select(columns)
    .where("action", "in", actions)
    .orderBy("at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function findItemTitle(q: Q, code: string, planId: string, key: string) {
  return scoped(q, code)
    .selectFrom("plan_items")
    .innerJoin("plans", (j) =>
      j
        .onRef("plans.municipality_code", "=", "plan_items.municipality_code")
        .onRef("plans.id", "=", "plan_items.plan_id"),
    )
    .select(["plan_items.number", "plan_items.title", "plans.title as plan_title"])
    .where("plan_items.plan_id", "=", planId)
    .where("plan_items.key", "=", key)
    .executeTakeFirst();
}
