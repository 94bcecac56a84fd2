/**
 * The office's decisions on an answer: approving a submitted part of an item or returning it to its
 * department with a reason (issue 12.3: each department's part separately; an item with one department has
 * one part). The item is complete (approved) when every part is approved.
 */
import { record } from "../audit/audit.service.ts";
import { authorize, invalid } from "../core/errors.ts";
import { type Actor, canApproveRoundItem, canReturnRoundItem, canReview } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { itemStateOf } from "../domain/rounds/parts.ts";
import { type ItemState, STATE_LABELS } from "../domain/rounds/states.ts";
import { insertMessage } from "./conversation.repository.ts";
import { recordRoundEvent } from "./outbox.repository.ts";
import { askedPart, type OpenFindings, openFindings, partLabel } from "./round-answers.service.ts";
import * as parts from "./round-parts.repository.ts";
import { conflictError, entriesOfPart, loadItem, lockedError, partRef } from "./rounds.context.ts";
import * as repo from "./rounds.repository.ts";
import { reviewSchema } from "./rounds.schema.ts";

/** Approves a submitted part or returns it to its department with a comment. */
export async function reviewItem(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  raw: unknown,
): Promise<ItemState> {
  const { ctx, status, part, rules } = await loadItem(db, user, roundId, itemKey, askedPart(raw));
  if (ctx.round.status === "locked") throw lockedError();
  const ref = partRef(ctx, part);
  authorize(canApproveRoundItem(user, ref) || canReturnRoundItem(user, ref), reviewRefusal(user, part.state));
  const input = parseInput(reviewSchema, raw);
  const approve = input.decision === "approve";
  authorize(
    approve ? canApproveRoundItem(user, ref) : canReturnRoundItem(user, ref),
    reviewRefusal(user, part.state),
  );
  const next: ItemState = approve ? "approved" : "returned";
  const fy = ctx.round.fiscal_year;
  const findings = openFindings(entriesOfPart(status, part, fy, rules));
  if (approve) approvable(findings, input.comment);
  const subject = `${partLabel(ctx, status, part)} ${warekiFiscalYear(fy)}`;
  const code = user.municipalityCode;
  const itemState = itemStateOf(
    status.parts.map((p) => (p.departmentKey === part.departmentKey ? next : p.state)),
  );
  await db.transaction().execute(async (trx) => {
    if ((await repo.roundStatusForShare(trx, code, roundId)) !== "open") throw lockedError();
    const now = new Date();
    const comment = input.comment.trim();
    const ok = await parts.updatePart(trx, code, roundId, itemKey, part.departmentKey, input.version, {
      state: next,
      reviewed_at: now,
      updated_by: user.name,
      updated_at: now,
      return_comment: approve ? null : comment,
    });
    if (!ok) throw await conflictError(trx, code, roundId, itemKey, part.departmentKey);
    await parts.setItemState(trx, code, roundId, itemKey, {
      state: itemState,
      updated_by: user.name,
      updated_at: now,
      reviewed_at: now,
      return_comment: approve ? null : comment,
    });
    const shared = status.parts.length > 1;
    await record(trx, user, [
      {
        action: approve ? "round_item.approve" : "round_item.return",
        planId: ctx.round.plan_id,
        itemKey,
        fiscalYear: fy,
        subject,
        before: { state: STATE_LABELS[part.state] },
        after: {
          state: STATE_LABELS[next],
          ...(shared ? { itemState: STATE_LABELS[itemState] } : {}),
          ...(approve && findings.warnings.length > 0 ? { warnings: findings.warnings } : {}),
        },
        note: reviewNote(approve, findings, input.comment),
      },
    ]);
    if (comment)
      await insertMessage(trx, user, {
        roundId,
        itemKey,
        kind: approve ? "comment" : "return",
        body: shared ? `【${ctx.deptName(part.departmentKey)}の回答】${comment}` : comment,
      });
    await recordRoundEvent(trx, user, {
      roundId,
      itemKey,
      kind: next,
      note: comment || undefined,
      departmentKey: part.departmentKey,
    });
  });
  return next;
}

/**
 * Whether an answer can be approved: never with an impossible value (it must be returned), and over open
 * warnings only with a reason, which the history keeps.
 */
export function approvable(findings: OpenFindings, reason: string): void {
  if (findings.errors.length > 0)
    throw invalid({
      _form: `受け付けられない値があるため承認できません。差し戻してください: ${findings.errors.join(" / ")}`,
    });
  if (findings.warnings.length > 0 && reason.trim() === "")
    throw invalid({
      reason: `注意が ${findings.warnings.length} 件あります。注意を確認したうえで承認する理由を書いてください（履歴に残ります）。`,
    });
}

function reviewNote(approve: boolean, findings: OpenFindings, comment: string): string | undefined {
  const c = comment.trim();
  if (approve && findings.warnings.length > 0)
    return `注意 ${findings.warnings.length} 件を確認のうえ承認: ${c}`;
  return c || undefined;
}

function reviewRefusal(user: Actor, state: ItemState): string {
  if (!canReview(user)) return "承認と差戻しは行革担当と管理者が行います。";
  return `この項目は${STATE_LABELS[state]}のため、いまは承認・差戻しできません。`;
}
