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
import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canEditPlan } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import {
  type DepartmentRow,
  importDocuments,
  loadDepartments,
  loadPlanDocument,
} from "../plans/plans.service.ts";
import * as repo from "./editing.repository.ts";

const STALE =
  "ほかの人が先にこの計画を変更しました。まだ何も戻していません。履歴を読み込み直してから、もう一度押してください。";

/**
 * The departments a restored item names (and their parents), from the municipality's, added to the document:
 * a plan document lists only the departments its items name, and the municipality keeps them all.
 */
function withDepartments(doc: PlanDocument, item: Item, all: readonly DepartmentRow[]): string[] {
  const byKey = new Map(all.map((d) => [d.key, d]));
  const keyOf = new Map(all.map((d) => [d.id, d.key]));
  const have = new Set(doc.departments.map((d) => d.key));
  const wanted = new Set([...item.departments, ...item.indicators.flatMap((i) => i.departments)]);
  for (const k of [...wanted])
    for (
      let d = byKey.get(k);
      d?.parentId && !wanted.has(keyOf.get(d.parentId)!);
      d = byKey.get(keyOf.get(d.parentId)!)
    )
      wanted.add(keyOf.get(d.parentId)!);
  const added = all.filter((d) => wanted.has(d.key) && !have.has(d.key));
  doc.departments.push(
    ...added.map((d) => ({
      key: d.key,
      name: d.name,
      ...(d.kind ? { kind: d.kind } : {}),
      ...(d.parentId ? { parent: keyOf.get(d.parentId)! } : {}),
      names: d.names,
    })),
  );
  return added.map((d) => d.key);
}

/** Who may put values back (the reform office and admins of the municipality): checked before the form is read. */
export function mayRestore(user: Actor): void {
  authorize(
    canEditPlan(user, { municipalityCode: user.municipalityCode }),
    "履歴から値を戻せるのは行革担当と管理者です。",
  );
}

/**
 * Puts the value a removal took back into the plan (a whole item with its indicators and values: under its
 * parent, where it stood); refused when its place holds a value now, an item's parent is gone or its key taken.
 */
export async function restoreRemovedValue(
  db: DB,
  user: Actor,
  form: { planId: string; eventId: string; version: number },
): Promise<{ itemKey: string | null; item: boolean }> {
  mayRestore(user);
  const event = await findRemoval(db, user, form.eventId);
  const place = event.place;
  if (event.planId !== form.planId || place?.kind !== "plan")
    throw notFound("指定された履歴は見つかりません。");
  if (await wasRestored(db, user, event.id)) throw conflict("この値はすでに履歴から戻されています。");
  const stored = await loadPlanDocument(db, user.municipalityCode, form.planId);
  if (!stored) throw notFound("指定された計画は見つかりません。");
  const back = restoreRemoved(stored, { ...place, itemKey: event.itemKey }, event.before);
  const item = place.target === "item";
  if (!back.ok) throw conflict(`${item ? "この項目" : "この値"}は戻せません: ${back.reason}`);
  const departments = item
    ? withDepartments(back.document, event.before as Item, await loadDepartments(db, user.municipalityCode))
    : [];
  await importDocuments(db, [back.document], user, {
    allowRemovals: false,
    history: async (trx, planId, changes) => {
      if (!(await repo.bumpPlanVersion(trx, user.municipalityCode, planId, form.version)))
        throw conflict(STALE);
      // Exactly the value put back (and the departments its item names): anything else means the plan moved.
      const named = changes.filter((c) => c.target === "department");
      if (named.some((c) => c.kind !== "added" || !departments.includes(c.field ?? "")))
        throw conflict(STALE);
      const rest = changes.filter((c) => c.target !== "department");
      if (rest.length !== 1 || rest[0]!.kind !== "added" || changes.some(isRemoval)) throw conflict(STALE);
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
  return { itemKey: event.itemKey, item };
}
