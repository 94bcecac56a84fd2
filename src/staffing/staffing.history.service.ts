/**
 * The staffing data's history page and putting removed records back from it (issue 17.3): a staffing import
 * keeps the records it removed in its `import.remove` event; 「この値を戻す」 stores them back, only over the data
 * the page was made from (its digest, the version of the form), recorded as history.restore.
 */
import { type AuditEvent, findRemoval, recentChangesOf, wasRestored } from "../audit/audit.service.ts";
import { authorize, conflict, notFound } from "../core/errors.ts";
import { type Actor, canImportStaffing, canView } from "../core/policy.ts";
import { withRestored } from "../core/staffing-document/removals.ts";
import type { DB } from "../db/database.ts";
import { staffingDigest } from "./staffing.removals.ts";
import { getStaffing, importStaffingDocuments } from "./staffing.service.ts";

const ACTIONS = ["staffing.import", "import.remove", "import.change", "history.restore"] as const;

export type StaffingHistory = {
  events: AuditEvent[];
  /** the form's version: the stored data's digest; null for those who may not put records back */
  digest: string | null;
  restored: ReadonlySet<string>;
};

const isStaffing = (e: AuditEvent) =>
  e.action === "staffing.import" ||
  e.place?.kind === "staffing" ||
  (e.planId === null && e.subject.startsWith("定数管理"));

export async function staffingHistory(db: DB, user: Actor, code: string): Promise<StaffingHistory> {
  if (!canView(user, { municipalityCode: code }) || code !== user.municipalityCode)
    throw notFound("指定された団体の定数管理のデータはありません。");
  const events = (await recentChangesOf(db, user, ACTIONS, 500)).filter(isStaffing);
  const restored = new Set<string>();
  for (const e of events) if (e.place?.kind === "restore") restored.add(e.place.restores);
  const may = canImportStaffing(user, user);
  return { events, digest: may ? staffingDigest(await getStaffing(db, code)) : null, restored };
}

/** Stores the records a staffing import removed back; refused when the data changed since the page. */
/** Who may put staffing records back (the reform office and admins): checked before the form is read. */
export function mayRestoreStaffing(user: Actor): void {
  authorize(canImportStaffing(user, user), "定数管理のデータを戻せるのは行革担当と管理者です。");
}

export async function restoreStaffingRemoval(
  db: DB,
  user: Actor,
  form: { eventId: string; digest: string },
): Promise<void> {
  mayRestoreStaffing(user);
  const event = await findRemoval(db, user, form.eventId);
  if (event.place?.kind !== "staffing") throw notFound("指定された履歴は見つかりません。");
  if (await wasRestored(db, user, event.id)) throw conflict("この記録はすでに履歴から戻されています。");
  const stored = await getStaffing(db, user.municipalityCode);
  if (!stored) throw notFound("定数管理のデータがありません。");
  const records = Array.isArray(event.before) ? event.before : [];
  await importStaffingDocuments(db, [{ document: withRestored(stored, event.place.field, records) }], {
    actor: user,
    allowRemovals: false,
    expected: new Map([[user.municipalityCode, form.digest]]),
    restore: {
      action: "history.restore",
      subject: event.subject,
      after: event.before,
      note: `${event.at.toISOString().slice(0, 10)} の「${event.actionLabel}」を戻す`,
      place: { kind: "restore", restores: event.id },
    },
  });
}
