/**
 * What an item page shows below the item — its conversation and its evidence files — read in one query
 * (item-extras.repository.ts) after the item itself (which checks that the user may see it).
 */
import type { Actor } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { type Conversation, conversationOf } from "./conversation.service.ts";
import { type EvidenceList, evidenceOf } from "./evidence.service.ts";
import { commentsAndFiles } from "./item-extras.repository.ts";
import { type LoadedItem, loadItem } from "./rounds.service.ts";

export async function itemExtrasOf(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  /** the item as the page already read it */
  loaded?: LoadedItem,
): Promise<{ conversation: Conversation; evidence: EvidenceList }> {
  const item = loaded ?? (await loadItem(db, user, roundId, itemKey));
  const rows = await commentsAndFiles(db, user.municipalityCode, roundId, itemKey);
  return {
    conversation: conversationOf(user, item, rows.comments),
    evidence: await evidenceOf(db, user, roundId, itemKey, item, rows.files),
  };
}
