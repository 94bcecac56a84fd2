/** SQL for the audit trail: appending events and reading them back by item or by time. */
import type { Kysely, Transaction } from "kysely";
import { compiledOnce } from "../db/prepared.ts";
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
  place: string | null;
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
  "place",
] as const;

/** One event by id (a restore from the history), in the user's municipality. */
export async function findEvent(q: Q, code: string, id: string) {
  return scoped(q, code).selectFrom("audit_events").select(columns).where("id", "=", id).executeTakeFirst();
}

/** Events that restored another event (their place names it), for showing what was already put back. */
export async function restoredEventIds(q: Q, code: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await scoped(q, code)
    .selectFrom("audit_events")
    .select("place")
    .where("action", "=", "history.restore")
    .execute();
  const wanted = new Set(ids);
  return new Set(
    rows
      .map((r) => (r.place as { restores?: string } | null)?.restores)
      .filter((x): x is string => typeof x === "string" && wanted.has(x)),
  );
}

const itemEventsQuery = (q: Q, code: string, planId: string, itemKey: string, limit: number) =>
  scoped(q, code)
    .selectFrom("audit_events")
    .select(columns)
    .where("plan_id", "=", planId)
    .where("item_key", "=", itemKey)
    .orderBy("at", "desc")
    .orderBy("id")
    .limit(limit);

/** An item's history (on every round item page and the history page: compiled once and prepared). */
export async function eventsOfItem(q: Q, code: string, planId: string, itemKey: string, limit = 200) {
  type Row = Awaited<ReturnType<ReturnType<typeof itemEventsQuery>["execute"]>>[number];
  const query = compiledOnce(
    "eventsOfItem",
    (c, plan: string, item: string, n: number) => itemEventsQuery(q, c, plan, item, n),
    code,
    planId,
    itemKey,
    limit,
  );
  return (await q.executeQuery(query)).rows as Row[];
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

/** The plan's structure version (plan_versions; 0 before the first edit): the restore form carries it. */
export async function planVersion(q: Q, code: string, planId: string): Promise<number> {
  const r = await scoped(q, code)
    .selectFrom("plan_versions")
    .select("version")
    .where("plan_id", "=", planId)
    .executeTakeFirst();
  return r?.version ?? 0;
}

export async function findPlanTitle(q: Q, code: string, planId: string) {
  return scoped(q, code).selectFrom("plans").select("title").where("id", "=", planId).executeTakeFirst();
}
