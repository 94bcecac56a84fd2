/**
 * The audit trail (履歴): every change is recorded by the service that makes it, in the same transaction,
 * with who, when, what, and the value before and after. Shown on the item and on the dashboard.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { authorize, notFound } from "../core/errors.ts";
import { isRestorablePlace } from "../core/plan-diff/restore.ts";
import type { Actor } from "../core/policy.ts";
import { canEditPlan, canView } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import * as repo from "./audit.repository.ts";

export const ACTION_LABELS = {
  "round.open": "照会を開始",
  "round.lock": "照会を締切（ロック）",
  "round.unlock": "ロックを解除",
  "round.deadline": "回答期限を変更",
  "round_item.save": "下書きを保存",
  "round_item.submit": "提出",
  "round_item.approve": "承認",
  "round_item.return": "差戻し",
  "indicator_rule.set": "確認ルールを変更",
  "actual.set": "実績値",
  "progress.set": "取組状況",
  "item.add": "項目を追加",
  "item.update": "項目を変更",
  "item.move": "項目を移動",
  "item.renumber": "番号を振り直し",
  "indicator.add": "指標を追加",
  "target.add": "目標を追加",
  "fiscal_effect.set": "財政効果額を登録",
  "fiscal_effect.remove": "財政効果額を削除",
  "planned_values.set": "年度別計画値を変更",
  "judgement.set": "評価者の判定",
  "judgement.withdraw": "評価者の判定を取消",
  "publication.publish": "公表",
  "plan.import": "計画を取り込み",
  "plan.scales": "評価基準を変更",
  "plan.effect_target": "財政効果額の目標を変更",
  "import.add": "取込で追加",
  "import.change": "取込で変更",
  "import.remove": "取込で削除",
  "backup.create": "バックアップを作成",
  "backup.restore": "バックアップから復元",
  "user.add": "利用者を追加",
  "user.update": "利用者の役割・部署を変更",
  "user.disable": "利用者を無効化",
  "user.enable": "利用者を有効化",
  "user.password_reset": "パスワードを再設定",
  "staffing.import": "定数管理データを取り込み",
  "municipality.update": "団体の設定を変更",
  "comment.add": "コメント",
  "evidence.add": "根拠資料を追加",
  "evidence.remove": "根拠資料を削除",
  "evidence.public": "根拠資料の公開設定",
  "mail.settings": "メールの設定",
  "mail.test": "テストメールを送信",
  "round.reminders": "督促の日数",
  "staffing.hiring": "採用計画を保存",
  "history.restore": "履歴から戻す",
} as const;
export type AuditAction = keyof typeof ACTION_LABELS;

export type AuditEntry = {
  action: AuditAction;
  subject: string;
  planId?: string | undefined;
  itemKey?: string | undefined;
  fiscalYear?: number | undefined;
  before?: unknown;
  after?: unknown;
  note?: string | undefined;
  /** where a removed value belonged (import.remove), or which event a restore put back (history.restore) */
  place?: AuditPlace | undefined;
};

/** Where a removed value belonged: enough, with the value kept in `before`, to put it back. */
export type AuditPlace =
  | {
      kind: "plan";
      target: string;
      indicatorKey?: string | undefined;
      series?: string | undefined;
      field?: string | undefined;
      fiscalYear?: number | undefined;
      /** a removed item: its parent's key (null at the top), position among its siblings, the sibling before it */
      parentKey?: string | null | undefined;
      position?: number | undefined;
      previousKey?: string | null | undefined;
    }
  | { kind: "staffing"; field: string }
  | { kind: "restore"; restores: string };

export type AuditEvent = {
  id: string;
  at: Date;
  actorName: string;
  action: AuditAction;
  actionLabel: string;
  planId: string | null;
  itemKey: string | null;
  fiscalYear: number | null;
  subject: string;
  before: unknown;
  after: unknown;
  note: string | null;
  place: AuditPlace | null;
};

/** Who made a change: a signed-in user, or a command (id null, name "CLI"). */
export type AuditActor = Pick<Actor, "municipalityCode" | "name"> & { id: string | null };

/** Appends events; call inside the transaction of the change, so that a change is never without its record. */
export async function record(
  q: Kysely<Database> | Transaction<Database>,
  actor: AuditActor,
  entries: readonly AuditEntry[],
): Promise<void> {
  const now = Date.now();
  await repo.insertEvents(
    q,
    entries.map((e, i) => ({
      municipality_code: actor.municipalityCode,
      id: randomUUID(),
      // one millisecond apart, so that events of one change keep their order
      at: new Date(now + i),
      actor_id: actor.id,
      actor_name: actor.name,
      action: e.action,
      plan_id: e.planId ?? null,
      item_key: e.itemKey ?? null,
      fiscal_year: e.fiscalYear ?? null,
      subject: e.subject,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      note: e.note ?? null,
      place: e.place === undefined ? null : JSON.stringify(e.place),
    })),
  );
}

function present(r: Awaited<ReturnType<typeof repo.recentEvents>>[number]): AuditEvent {
  return {
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    action: r.action as AuditAction,
    actionLabel: ACTION_LABELS[r.action as AuditAction] ?? r.action,
    planId: r.plan_id,
    itemKey: r.item_key,
    fiscalYear: r.fiscal_year,
    subject: r.subject,
    before: r.before,
    after: r.after,
    note: r.note,
    place: (r.place as AuditPlace | null) ?? null,
  };
}

/** The history of one item, newest first. */
export async function historyOfItem(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
): Promise<AuditEvent[]> {
  authorize(canView(user, user));
  return (await repo.eventsOfItem(db, user.municipalityCode, planId, itemKey)).map(present);
}

/** The latest changes in the user's municipality (optionally of one plan), newest first. */
export async function recentChanges(db: DB, user: Actor, limit = 20, planId?: string): Promise<AuditEvent[]> {
  return (await repo.recentEvents(db, user.municipalityCode, limit, planId)).map(present);
}

/** The latest changes of some kinds (e.g. the mail page's own history), newest first. */
export async function recentChangesOf(
  db: DB,
  user: Actor,
  actions: readonly AuditAction[],
  limit = 10,
): Promise<AuditEvent[]> {
  return (await repo.recentEventsOf(db, user.municipalityCode, actions, limit)).map(present);
}

/** What the history page offers for putting removed values back (only to those who may edit the plan). */
export type RestoreOffer = {
  version: number;
  /** removals that can be put back and were not yet */
  restorable: ReadonlySet<string>;
  /** removals already put back */
  restored: ReadonlySet<string>;
};

/** Whether an event is a removal the history can put back. */
export function isRestorable(e: Pick<AuditEvent, "action" | "place">): boolean {
  const p = e.place;
  if (e.action !== "import.remove" || !p) return false;
  return p.kind === "staffing" || (p.kind === "plan" && isRestorablePlace(p));
}

async function restoreOffer(db: DB, user: Actor, planId: string, events: AuditEvent[]) {
  if (!canEditPlan(user, user)) return null;
  const removals = events.filter(isRestorable).map((e) => e.id);
  const restored = await repo.restoredEventIds(db, user.municipalityCode, removals);
  return {
    version: await repo.planVersion(db, user.municipalityCode, planId),
    restorable: new Set(removals.filter((id) => !restored.has(id))),
    restored,
  };
}

/** The history page of an item: its title and events; 404 outside the user's municipality. */
export async function itemHistoryPage(db: DB, user: Actor, planId: string, itemKey: string) {
  const item = /^[0-9a-f-]{36}$/i.test(planId)
    ? await repo.findItemTitle(db, user.municipalityCode, planId, itemKey)
    : undefined;
  if (!item) throw notFound("指定された項目は見つかりません。");
  const events = await historyOfItem(db, user, planId, itemKey);
  return {
    title: `${item.number ?? ""} ${item.title}`.trim(),
    planTitle: item.plan_title,
    events,
    restore: await restoreOffer(db, user, planId, events),
  };
}

/** The history page of a plan (removed items included): its latest events; 404 outside the municipality. */
export async function planHistoryPage(db: DB, user: Actor, planId: string) {
  const plan = /^[0-9a-f-]{36}$/i.test(planId)
    ? await repo.findPlanTitle(db, user.municipalityCode, planId)
    : undefined;
  if (!plan) throw notFound("指定された計画は見つかりません。");
  authorize(canView(user, user));
  const events = (await repo.recentEvents(db, user.municipalityCode, 500, planId)).map(present);
  return { title: plan.title, events, restore: await restoreOffer(db, user, planId, events) };
}

/** One removal recorded in the user's municipality (to put it back); 404 when there is none. */
export async function findRemoval(db: DB, user: Actor, eventId: string): Promise<AuditEvent> {
  const row = /^[0-9a-f-]{36}$/i.test(eventId)
    ? await repo.findEvent(db, user.municipalityCode, eventId)
    : undefined;
  if (row?.action !== "import.remove") throw notFound("指定された履歴は見つかりません。");
  return present(row);
}

/** Whether a removal was put back already. */
export async function wasRestored(db: DB, user: Actor, eventId: string): Promise<boolean> {
  return (await repo.restoredEventIds(db, user.municipalityCode, [eventId])).has(eventId);
}
