/** SQL for the conversation of an item-year (item_comments). */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Actor } from "../core/policy.ts";
import type { Database } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type CommentRow = {
  id: string;
  kind: "comment" | "return";
  author_name: string;
  author_role: string;
  body: string;
  created_at: Date;
};

export async function insertComment(
  q: Q,
  row: {
    municipality_code: string;
    round_id: string;
    item_key: string;
    kind: "comment" | "return";
    author_id: string;
    author_name: string;
    author_role: string;
    body: string;
  },
): Promise<void> {
  await q
    .insertInto("item_comments")
    .values({ ...row, id: randomUUID() })
    .execute();
}

/** An item's messages, oldest first (read with its files: item-extras.repository.ts). */
export const commentsQuery = (q: Q, code: string, roundId: string, itemKey: string) =>
  scoped(q, code)
    .selectFrom("item_comments")
    .select(["id", "kind", "author_name", "author_role", "body", "created_at"])
    .where("round_id", "=", roundId)
    .where("item_key", "=", itemKey)
    .orderBy("created_at")
    .orderBy("id");

/** A message written by a user, in the transaction of its change (a comment, or the reason of a return). */
export async function insertMessage(
  q: Q,
  user: Actor,
  m: { roundId: string; itemKey: string; kind: "comment" | "return"; body: string },
): Promise<void> {
  await insertComment(q, {
    municipality_code: user.municipalityCode,
    round_id: m.roundId,
    item_key: m.itemKey,
    kind: m.kind,
    author_id: user.id,
    author_name: user.name,
    author_role: user.role,
    body: m.body,
  });
}
