/**
 * A user's notifications (the bell and its list page, read / unread), the kinds of mail each user turned
 * off, and the office's view of mail: settings, deliveries that failed, retrying, reminder days per round.
 */
import { type AuditEvent, recentChangesOf, record } from "../audit/audit.service.ts";
import { authorize, invalid, notFound } from "../core/errors.ts";
import { type Actor, canSeeMailDeliveries, canSetReminders } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import type { RoundEventKind } from "../db/tables/notifications.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { DEFAULT_DAYS_BEFORE } from "./delivery.service.ts";
import type { MailSettings } from "./mail.ts";
import * as repo from "./notifications.repository.ts";
import { mailSettingsFor } from "./settings.service.ts";

export const KIND_LABELS: Record<RoundEventKind, string> = {
  opened: "照会の開始",
  due_soon: "回答期限の前の督促",
  due_today: "回答期限の当日",
  overdue: "回答期限の超過（その後は毎週）",
  returned: "差戻し",
  approved: "承認",
  comment: "コメントの受信",
};
export const KINDS = Object.keys(KIND_LABELS) as RoundEventKind[];

export type NotificationEntry = Awaited<ReturnType<typeof repo.notificationsOf>>[number];

export async function myNotifications(db: DB, user: Actor): Promise<NotificationEntry[]> {
  return repo.notificationsOf(db, user.municipalityCode, user.id, 200);
}

/** Marks one as read and gives its link (the user's own only). */
export async function openNotification(db: DB, user: Actor, id: string, now = new Date()): Promise<string> {
  const n = /^[0-9a-f-]{36}$/i.test(id)
    ? await repo.findNotification(db, user.municipalityCode, user.id, id)
    : undefined;
  if (!n) throw notFound("この通知は見つかりません。");
  await repo.markRead(db, user.municipalityCode, user.id, now, id);
  return n.link;
}

export async function markAllRead(db: DB, user: Actor, now = new Date()): Promise<void> {
  await repo.markRead(db, user.municipalityCode, user.id, now);
}

/** The kinds whose mail the user receives (all but those turned off). */
export async function mailKindsOf(db: DB, user: Actor): Promise<Set<RoundEventKind>> {
  const off = new Set((await repo.optOuts(db, user.municipalityCode, [user.id])).map((o) => o.kind));
  return new Set(KINDS.filter((k) => !off.has(k)));
}

/** Saves which kinds of mail the user receives: the kinds not listed are turned off. */
export async function setMailKinds(db: DB, user: Actor, wanted: readonly string[]): Promise<void> {
  const off = KINDS.filter((k) => !wanted.includes(k));
  await db.transaction().execute(async (trx) => {
    await repo.setOptOuts(trx, user.municipalityCode, user.id, off);
  });
}

export type MailOverview = {
  /** the password itself never leaves the service: only whether one is set (and why it cannot be read) */
  settings: (Omit<MailSettings, "password"> & { hasPassword: boolean }) | null;
  counts: Record<string, number>;
  problems: Awaited<ReturnType<typeof repo.mailProblems>>;
  rounds: { id: string; title: string; deadline: string; status: string; daysBefore: number }[];
  /** changes of the settings and test mails, newest first */
  history: AuditEvent[];
};

export async function mailOverview(db: DB, user: Actor): Promise<MailOverview> {
  authorize(canSeeMailDeliveries(user, user), "メールの送信状況を見られるのは行革担当と管理者です。");
  const code = user.municipalityCode;
  const s = await mailSettingsFor(db, code);
  const { password, ...shown } = s ?? { password: null };
  return {
    settings: s
      ? { ...(shown as Omit<MailSettings, "password">), hasPassword: !!password || !!s.passwordProblem }
      : null,
    counts: Object.fromEntries((await repo.mailCounts(db, code)).map((r) => [r.mail_status, Number(r.n)])),
    problems: await repo.mailProblems(db, code),
    rounds: (await repo.roundsWithReminders(db, code)).map((r) => ({
      id: r.id,
      title: `${r.title} ${warekiFiscalYear(r.fiscal_year)}`,
      deadline: r.deadline,
      status: r.status,
      daysBefore: r.days_before ?? DEFAULT_DAYS_BEFORE,
    })),
    history: await recentChangesOf(db, user, ["mail.settings", "mail.test"], 10),
  };
}

export async function retryMails(db: DB, user: Actor, id?: string): Promise<void> {
  authorize(canSeeMailDeliveries(user, user), "メールを再送できるのは行革担当と管理者です。");
  await repo.retryFailed(db, user.municipalityCode, id && /^[0-9a-f-]{36}$/i.test(id) ? id : undefined);
}

/** N days before the deadline for a round's advance reminder (0 = none); kept in the history. */
export async function setReminderDays(db: DB, user: Actor, roundId: string, raw: string): Promise<void> {
  const rounds = await repo.roundsWithReminders(db, user.municipalityCode);
  const round = rounds.find((r) => r.id === roundId);
  if (!round) throw notFound("指定された照会は見つかりません。");
  authorize(
    canSetReminders(user, { municipalityCode: user.municipalityCode, status: round.status }),
    "督促の日数を変えられるのは行革担当と管理者です。",
  );
  const days = Number(raw.trim());
  if (raw.trim() === "" || !Number.isInteger(days) || days < 0 || days > 60)
    throw invalid({
      [`days.${roundId}`]: "督促の日数は 0〜60 の整数で入力してください（0 は事前の督促なし）。",
    });
  await db.transaction().execute(async (trx) => {
    await repo.setReminderDays(trx, user.municipalityCode, roundId, days);
    await record(trx, user, [
      {
        action: "round.reminders",
        planId: round.plan_id,
        fiscalYear: round.fiscal_year,
        subject: `${round.title} ${warekiFiscalYear(round.fiscal_year)}の督促（期限の何日前）`,
        before: { days: round.days_before ?? DEFAULT_DAYS_BEFORE },
        after: { days },
      },
    ]);
  });
}
