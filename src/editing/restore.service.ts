/**
 * Putting a removed value back from the history (issue 17.3: every removed value is in the history and can be
 * restored from it). The removal's value and place come from its `import.remove` event; the plan is stored
 * with the value back through the plan store's import (one transaction: the plan's version checked and bumped,
 * exactly that one value added, the restore recorded in the history naming the removal it puts back).
 */
import { findRemoval, wasRestored } from "../audit/audit.service.ts";
import { authorize, conflict, notFound } from "../core/errors.ts";
import { isRemoval } from "../core/plan-diff/diff.ts";
import { restoreRemoved } from "../core/plan-diff/restore.ts";
import { type Actor, canEditPlan } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { importDocuments, loadPlanDocument } from "../plans/plans.service.ts";
import * as repo from "./editing.repository.ts";

const STALE =
  "ほかの人が先にこの計画を変更しました。まだ何も戻していません。履歴を読み込み直してから、もう一度押してください。";

/** Puts the value a removal took back into the plan; refused when its place holds a value now. */
export async function restoreRemovedValue(
  db: DB,
  user: Actor,
  form: { planId: string; eventId: string; version: number },
): Promise<{ itemKey: string | null }> {
  const event = await findRemoval(db, user, form.eventId);
  authorize(
    canEditPlan(user, { municipalityCode: user.municipalityCode }),
    "履歴から値を戻せるのは行革担当と管理者です。",
  );
  const place = event.place;
  if (event.planId !== form.planId || place?.kind !== "plan")
    throw notFound("指定された履歴は見つかりません。");
  if (await wasRestored(db, user, event.id)) throw conflict("この値はすでに履歴から戻されています。");
  const stored = await loadPlanDocument(db, user.municipalityCode, form.planId);
  if (!stored) throw notFound("指定された計画は見つかりません。");
  const back = restoreRemoved(stored, { ...place, itemKey: event.itemKey }, event.before);
  if (!back.ok) throw conflict(`この値は戻せません: ${back.reason}`);
  await importDocuments(db, [back.document], user, {
    allowRemovals: false,
    history: async (trx, planId, changes) => {
      if (!(await repo.bumpPlanVersion(trx, user.municipalityCode, planId, form.version)))
        throw conflict(STALE);
      // Exactly the value put back: anything else means the plan moved under us.
      if (changes.length !== 1 || changes[0]!.kind !== "added" || changes.some(isRemoval))
        throw conflict(STALE);
      return [
        {
          action: "history.restore",
          planId,
          itemKey: event.itemKey ?? undefined,
          fiscalYear: event.fiscalYear ?? undefined,
          subject: event.subject,
          after: event.before,
          note: `${event.at.toISOString().slice(0, 10)} の「${event.actionLabel}」を戻す`,
          place: { kind: "restore", restores: event.id },
        },
      ];
    },
  });
  return { itemKey: event.itemKey };
}
