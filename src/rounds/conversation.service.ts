/**
 * The conversation of one item in one round (= one fiscal year) between its department and the reform
 * office: both write, every message carries its author's name and time, goes into the history, and is
 * announced to the other side (outbox). A return's reason is one message of it.
 */
import { z } from "zod";
import { record } from "../audit/audit.service.ts";
import { AppError, authorize } from "../core/errors.ts";
import { type Actor, canCommentOnRoundItem } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import * as repo from "./conversation.repository.ts";
import { recordRoundEvent } from "./outbox.repository.ts";
import { roundStatusForShare } from "./rounds.repository.ts";
import { type LoadedItem, loadItem } from "./rounds.service.ts";

export const MAX_COMMENT_CHARS = 4000;

export type Message = {
  id: string;
  kind: "comment" | "return";
  authorName: string;
  /** the reform office's side, or the department's */
  fromOffice: boolean;
  body: string;
  at: Date;
};

export type Conversation = { messages: Message[]; canWrite: boolean };

const commentSchema = z.object({
  body: z
    .string()
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      if (s === "") ctx.addIssue({ code: "custom", message: "コメントを入力してください。" });
      else if ([...s].length > MAX_COMMENT_CHARS)
        ctx.addIssue({
          code: "custom",
          message: `コメントは${MAX_COMMENT_CHARS.toLocaleString("ja-JP")}文字以内にしてください（いま ${[...s].length.toLocaleString("ja-JP")} 文字）。保存されていません。`,
        });
    }),
});

const fromOffice = (role: string) => role === "office" || role === "admin";

/** An item's conversation as its page shows it, from the item and its messages as the page read them. */
export function conversationOf(
  user: Actor,
  /** the item as the page read it */
  loaded: LoadedItem,
  /** its messages as the page read them (item-extras.service.ts) */
  rows: repo.CommentRow[],
): Conversation {
  const { ctx, status } = loaded;
  return {
    messages: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      authorName: r.author_name,
      fromOffice: fromOffice(r.author_role),
      body: r.body,
      at: r.created_at,
    })),
    canWrite: canCommentOnRoundItem(user, {
      round: { municipalityCode: ctx.round.municipality_code, status: ctx.round.status },
      state: status.state,
      departmentIds: status.departmentIds,
    }),
  };
}

export async function addComment(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  raw: unknown,
): Promise<void> {
  const { ctx, status } = await loadItem(db, user, roundId, itemKey);
  const ref = {
    round: { municipalityCode: ctx.round.municipality_code, status: ctx.round.status },
    state: status.state,
    departmentIds: status.departmentIds,
  };
  if (ctx.round.status === "locked")
    throw new AppError("locked", "この照会はロックされているため、コメントは書けません。");
  authorize(canCommentOnRoundItem(user, ref), "この項目にコメントを書けるのは、所管課と行革担当です。");
  const { body } = parseInput(commentSchema, raw);
  const fy = ctx.round.fiscal_year;
  const label = `${status.item.number ?? ""} ${status.item.title}`.trim();
  await db.transaction().execute(async (trx) => {
    if ((await roundStatusForShare(trx, user.municipalityCode, roundId)) !== "open")
      throw new AppError("locked", "この照会はロックされているため、コメントは書けません。");
    await repo.insertMessage(trx, user, { roundId, itemKey, kind: "comment", body });
    await record(trx, user, [
      {
        action: "comment.add",
        planId: ctx.round.plan_id,
        itemKey,
        fiscalYear: fy,
        subject: `${label} ${warekiFiscalYear(fy)}`,
        after: { text: body },
      },
    ]);
    await recordRoundEvent(trx, user, { roundId, itemKey, kind: "comment", note: body });
  });
}
