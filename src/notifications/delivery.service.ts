/**
 * Delivering the round's events: the timer (every minute in the server, with an injectable clock) makes the
 * reminders that are due, fans every new event out to the users it concerns (a notification each, in the
 * app), and sends the mails that are due through the municipality's SMTP server. A failed mail is logged,
 * retried (1, 5, 30, 120 minutes later) and then shown as failed on the admin page; the round never waits
 * for it. Without mail settings the notifications in the app work as before.
 */
import { listUsers } from "../auth/auth.service.ts";
import type { Actor } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import type { RoundEventKind } from "../db/tables/notifications.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { japanDate, reminderDue } from "../domain/rounds/reminders.ts";
import { OPEN_STATES } from "../domain/rounds/states.ts";
import { getRound, type ItemStatus } from "../rounds/rounds.service.ts";
import { composeMail, type MailSettings, type SendMail, sendWithNodemailer } from "./mail.ts";
import * as repo from "./notifications.repository.ts";
import { mailSettingsFor } from "./settings.service.ts";

export const DEFAULT_DAYS_BEFORE = 3;
const RETRY_MINUTES = [1, 5, 30, 120];
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

export type DeliveryOptions = {
  now: Date;
  send?: SendMail;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
};

/** Makes today's reminder of every open round, once (its key). */
export async function scheduleReminders(db: DB, now: Date): Promise<number> {
  const today = japanDate(now);
  let made = 0;
  for (const r of await repo.openRounds(db)) {
    const due = reminderDue(r.deadline, r.days_before ?? DEFAULT_DAYS_BEFORE, today, japanDate(r.opened_at));
    if (!due) continue;
    await repo.insertReminderEvent(db, {
      municipality_code: r.municipality_code,
      round_id: r.id,
      kind: due.kind,
      once_key: due.key,
      note: String(due.daysLeft),
    });
    made++;
  }
  return made;
}

/** Reads a round as the system does (every item, every department), for the texts and the recipients. */
function systemActor(code: string): Actor {
  return {
    id: "00000000-0000-0000-0000-000000000000",
    municipalityCode: code,
    email: "",
    name: "gyokaku",
    role: "viewer",
    departmentIds: [],
  };
}

type Recipient = { id: string; email: string; name: string; items: ItemStatus[] };

type Text = { title: string; body: string; link: string };

function texts(
  e: Awaited<ReturnType<typeof repo.pendingEvents>>[number],
  round: { id: string; planTitle: string; fiscalYear: number; deadline: string },
  item: ItemStatus | undefined,
  mine: ItemStatus[],
): Text {
  const roundName = `${round.planTitle} ${warekiFiscalYear(round.fiscalYear)}`;
  const [y, m, d] = round.deadline.split("-").map(Number);
  const deadline = `${y}年${m}月${d}日`;
  const open = mine.filter((i) => OPEN_STATES.includes(i.state)).length;
  const label = item ? `${item.item.number ?? ""} ${item.item.title}`.trim() : "";
  const itemLink = item ? `/rounds/${round.id}/items/${encodeURIComponent(item.item.key)}` : "";
  const roundLink = `/rounds/${round.id}`;
  const days = Number(e.note ?? "0");
  switch (e.kind) {
    case "opened":
      return {
        title: `照会が始まりました: ${roundName}`,
        body: `${roundName}の照会が始まりました。\nあなたの部署が回答する項目は ${mine.length} 件、回答期限は ${deadline} です。`,
        link: roundLink,
      };
    case "due_soon":
      return {
        title: `回答期限まであと${days}日: ${roundName}`,
        body: `${roundName}の回答期限（${deadline}）まであと${days}日です。\nまだ提出していない項目が ${open} 件あります。`,
        link: roundLink,
      };
    case "due_today":
      return {
        title: `本日が回答期限です: ${roundName}`,
        body: `${roundName}の回答期限は本日（${deadline}）です。\nまだ提出していない項目が ${open} 件あります。`,
        link: roundLink,
      };
    case "overdue":
      return {
        title: `回答期限を過ぎています: ${roundName}`,
        body: `${roundName}の回答期限（${deadline}）を${-days}日過ぎています。\nまだ提出していない項目が ${open} 件あります。`,
        link: roundLink,
      };
    case "returned":
      return {
        title: `差し戻されました: ${label}`,
        body: `${e.actor_name}さんが「${label}」（${roundName}）を差し戻しました。\n\n理由:\n${e.note ?? ""}`,
        link: itemLink,
      };
    case "approved":
      return {
        title: `承認されました: ${label}`,
        body: `${e.actor_name}さんが「${label}」（${roundName}）を承認しました。${e.note ? `\n\nコメント:\n${e.note}` : ""}`,
        link: itemLink,
      };
    case "comment":
      return {
        title: `コメントが届きました: ${label}`,
        body: `${e.actor_name}さんが「${label}」（${roundName}）にコメントしました。\n\n${e.note ?? ""}`,
        link: `${itemLink}#conversation-title`,
      };
  }
}

/** Who an event concerns: departments with items (all of them, or those still open), the item's departments, or the office. */
function recipientsOf(
  kind: RoundEventKind,
  e: { actor_id: string | null; actor_role: string | null },
  users: Awaited<ReturnType<typeof listUsers>>,
  items: ItemStatus[],
  item: ItemStatus | undefined,
): Recipient[] {
  const active = users.filter((u) => !u.disabled && u.id !== e.actor_id);
  const mineOf = (keys: string[]) => items.filter((i) => i.departmentKeys.some((k) => keys.includes(k)));
  const departments = active
    .filter((u) => u.role === "department")
    .map((u) => ({ id: u.id, email: u.email, name: u.name, items: mineOf(u.departments.map((d) => d.key)) }));
  const office = active
    .filter((u) => u.role === "office" || u.role === "admin")
    .map((u) => ({ id: u.id, email: u.email, name: u.name, items: [] }));
  const ofItem = departments.filter((u) => item && u.items.some((i) => i.item.key === item.item.key));
  switch (kind) {
    case "opened":
      return departments.filter((u) => u.items.length > 0);
    case "due_soon":
    case "due_today":
    case "overdue":
      return departments.filter((u) => u.items.some((i) => OPEN_STATES.includes(i.state)));
    case "returned":
    case "approved":
      return ofItem;
    case "comment":
      return e.actor_role === "department" ? office : ofItem;
  }
}

type PendingEvent = Awaited<ReturnType<typeof repo.pendingEvents>>[number];

/**
 * The events of one turn in groups: the approvals that one reviewer made in one round (a bulk approval, or
 * several in a row) are one group, so that a department gets one notification and one mail listing its
 * approved items instead of one per item; every other event is a group of its own.
 */
export function groupEvents(events: readonly PendingEvent[]): PendingEvent[][] {
  const groups: PendingEvent[][] = [];
  const approvals = new Map<string, PendingEvent[]>();
  for (const e of events) {
    if (e.kind !== "approved") {
      groups.push([e]);
      continue;
    }
    const key = `${e.municipality_code} ${e.round_id} ${e.actor_id ?? e.actor_name}`;
    const group = approvals.get(key);
    if (group) group.push(e);
    else {
      const g = [e];
      approvals.set(key, g);
      groups.push(g);
    }
  }
  return groups;
}

/**
 * Turns new events into notifications (and queued mails), one transaction per group of events. A group that
 * cannot be read (its plan gone) is logged and set aside, so that it does not hold up the others.
 */
export async function fanOut(
  db: DB,
  now: Date,
  env: NodeJS.ProcessEnv = process.env,
  log: (m: string) => void = (m) => console.error(m),
): Promise<number> {
  const events = await repo.pendingEvents(db, 200);
  for (const group of groupEvents(events)) {
    try {
      await fanOutGroup(db, group, now, env);
    } catch (err) {
      for (const e of group) {
        log(
          `通知を作れませんでした（${e.municipality_code}、${e.kind}、${e.id}）: ${err instanceof Error ? err.message : err}`,
        );
        await repo.markFannedOut(db, e.municipality_code, e.id, now);
      }
    }
  }
  return events.length;
}

/** One notification for several approvals of a user's items: the items listed, the link to the round's approved ones. */
function approvalsText(
  round: { id: string; planTitle: string; fiscalYear: number },
  mine: PendingEvent[],
  items: ItemStatus[],
): Text {
  const roundName = `${round.planTitle} ${warekiFiscalYear(round.fiscalYear)}`;
  const lines = mine.map((e) => {
    const i = items.find((x) => x.item.key === e.item_key);
    const label = i ? `${i.item.number ?? ""} ${i.item.title}`.trim() : (e.item_key ?? "");
    return `・${label}${e.note ? `（コメント: ${e.note}）` : ""}`;
  });
  return {
    title: `${mine.length} 件の項目が承認されました: ${roundName}`,
    body: `${mine[0]!.actor_name}さんが${roundName}の次の ${mine.length} 件を承認しました。\n\n${lines.join("\n")}`,
    link: `/rounds/${round.id}?state=approved`,
  };
}

async function fanOutGroup(db: DB, group: PendingEvent[], now: Date, env: NodeJS.ProcessEnv): Promise<void> {
  const first = group[0]!;
  const code = first.municipality_code;
  const o = await getRound(db, systemActor(code), first.round_id, { all: true });
  const users = await listUsers(db, code);
  // each recipient with the events of the group that concern them, in order
  const byUser = new Map<string, { r: Recipient; events: PendingEvent[] }>();
  for (const e of group) {
    const item = e.item_key ? o.items.find((i) => i.item.key === e.item_key) : undefined;
    for (const r of recipientsOf(e.kind, e, users, o.items, item)) {
      const entry = byUser.get(r.id) ?? { r, events: [] };
      entry.events.push(e);
      byUser.set(r.id, entry);
    }
  }
  const off = new Set(
    (await repo.optOuts(db, code, [...byUser.keys()])).map((x) => `${x.user_id} ${x.kind}`),
  );
  const settings = await mailSettingsFor(db, code, env);
  await db.transaction().execute(async (trx) => {
    await repo.insertNotifications(
      trx,
      [...byUser.values()].map(({ r, events }) => {
        const e = events[0]!;
        const item = e.item_key ? o.items.find((i) => i.item.key === e.item_key) : undefined;
        const t =
          events.length > 1 ? approvalsText(o.round, events, o.items) : texts(e, o.round, item, r.items);
        const status = off.has(`${r.id} ${e.kind}`) ? "off" : settings ? "pending" : "no_settings";
        return {
          municipality_code: code,
          user_id: r.id,
          event_id: e.id,
          kind: e.kind,
          ...t,
          created_at: now,
          mail_status: status,
          mail_to: r.email,
          mail_next_at: status === "pending" ? now : null,
        };
      }),
    );
    for (const e of group) await repo.markFannedOut(trx, code, e.id, now);
  });
}

/** Sends the mails that are due; a failure is logged and retried later, never thrown. */
export async function deliverMails(
  db: DB,
  options: DeliveryOptions,
): Promise<{ sent: number; failed: number }> {
  const { now, send = sendWithNodemailer, env = process.env, log = (m) => console.error(m) } = options;
  const due = await repo.dueMails(db, now, 100);
  const settingsByCode = new Map<string, MailSettings | null>();
  let sent = 0;
  let failed = 0;
  for (const n of due) {
    const code = n.municipality_code;
    if (!settingsByCode.has(code)) settingsByCode.set(code, await mailSettingsFor(db, code, env));
    const settings = settingsByCode.get(code)!;
    if (!settings || !n.mail_to) {
      await repo.updateMail(db, code, n.id, { mail_status: "no_settings", mail_next_at: null });
      continue;
    }
    try {
      await send(
        settings,
        composeMail(settings, {
          to: n.mail_to,
          userName: n.user_name,
          title: n.title,
          body: n.body,
          link: n.link,
        }),
      );
      await repo.updateMail(db, code, n.id, {
        mail_status: "sent",
        mail_attempts: n.mail_attempts + 1,
        mail_error: null,
        mail_next_at: null,
        mailed_at: now,
      });
      sent++;
    } catch (err) {
      failed++;
      const attempts = n.mail_attempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      const giveUp = attempts >= MAX_ATTEMPTS;
      log(
        `メール送信に失敗しました（${code}、${n.mail_to}、${attempts}回目${giveUp ? "、再送を止めました" : ""}）: ${message}`,
      );
      await repo.updateMail(db, code, n.id, {
        mail_status: giveUp ? "failed" : "pending",
        mail_attempts: attempts,
        mail_error: message.slice(0, 1000),
        mail_next_at: giveUp ? null : new Date(now.getTime() + RETRY_MINUTES[attempts - 1]! * 60_000),
      });
    }
  }
  return { sent, failed };
}

/** One turn of the timer: reminders, fan-out, mail. Errors are logged; the next turn tries again. */
export async function runNotifications(db: DB, options: DeliveryOptions) {
  const reminders = await scheduleReminders(db, options.now);
  const events = await fanOut(db, options.now, options.env, options.log);
  const mails = await deliverMails(db, options);
  return { reminders, events, ...mails };
}

export type NotificationTimer = { stop(): void; runNow(): Promise<void> };

/** The server's timer: a turn every `intervalMs` (and at once), never two at a time; `clock` for tests. */
export function startNotificationTimer(
  db: DB,
  options: { clock?: () => Date; intervalMs?: number; send?: SendMail; log?: (m: string) => void } = {},
): NotificationTimer {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((m: string) => console.error(m));
  let running: Promise<void> | null = null;
  const turn = () => {
    running ??= runNotifications(db, { now: clock(), log, ...(options.send ? { send: options.send } : {}) })
      .then(() => undefined)
      .catch((e) =>
        log(`通知の処理に失敗しました（次の回にもう一度行います）: ${e instanceof Error ? e.message : e}`),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(turn, options.intervalMs ?? 60_000);
  timer.unref();
  void turn();
  return {
    stop: () => clearInterval(timer),
    runNow: () => turn(),
  };
}
