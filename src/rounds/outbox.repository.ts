/**
 * The round's outbox: every event that users are notified of (opened, returned, approved, a comment) is
 * written here in the transaction of the change itself, so that it is never lost and a mail server that is
 * down never blocks a save. The notifications capability reads and delivers it.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Actor } from "../core/policy.ts";
import type { Database } from "../db/schema.ts";
import type { RoundEventKind } from "../db/tables/notifications.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type RoundEventInput = {
  roundId: string;
  itemKey?: string | undefined;
  kind: RoundEventKind;
  note?: string | undefined;
  /** the part's department (a return or an approval of one department's part) */
  departmentKey?: string | undefined;
};

/** Call inside the transaction of the change. */
export async function recordRoundEvent(q: Q, actor: Actor, e: RoundEventInput): Promise<void> {
  await q
    .insertInto("round_events")
    .values({
      municipality_code: actor.municipalityCode,
      id: randomUUID(),
      round_id: e.roundId,
      item_key: e.itemKey ?? null,
      kind: e.kind,
      once_key: null,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      note: e.note ?? null,
      department_key: e.departmentKey ?? null,
      fanned_out_at: null,
    })
    .execute();
}
