/**
 * The reporting round (照会): the reform office opens it for a plan and fiscal year with a deadline; each
 * department answers for exactly its items (actuals per indicator and series, the narrative, next year's
 * plan, the status), saves drafts and submits; the office returns items with a comment or approves them,
 * and locks the round, which makes the year read-only. Every change is recorded in the audit trail, and
 * every write is checked against the item-year's version so that nothing is silently overwritten.
 */
import { randomUUID } from "node:crypto";
import { type AuditEntry, type AuditEvent, historyOfItem, record } from "../audit/audit.service.ts";
import { AppError, authorize, conflict, forbidden, invalid, notFound } from "../core/errors.ts";
import type { Indicator, Item, PlanDocument, Value } from "../core/plan-document/schema.ts";
import {
  type Actor,
  canApproveRoundItem,
  canEditRoundItem,
  canLockRound,
  canOpenRound,
  canReturnRoundItem,
  canReview,
  canUnlockRound,
  canView,
  hasInbox,
  isResponsibleFor,
} from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { type ItemState, OPEN_STATES, STATE_LABELS } from "../domain/rounds/states.ts";
import { loadDepartments, loadPlanDocument } from "../plans/plans.service.ts";
import { insertMessage } from "./conversation.repository.ts";
import { recordRoundEvent } from "./outbox.repository.ts";
import * as repo from "./rounds.repository.ts";
import {
  deadlineSchema,
  lockSchema,
  openRoundSchema,
  reviewSchema,
  type SaveItemInput,
  saveItemSchema,
  unlockSchema,
} from "./rounds.schema.ts";
import { type Understood, understand } from "./understood.ts";

export { OPEN_STATES, STATE_LABELS, STATES } from "../domain/rounds/states.ts";

export type ScopeItem = {
  item: Item;
  /** ancestors, top first */
  path: Item[];
  departmentKeys: string[];
  departmentIds: string[];
};

export type ItemStatus = ScopeItem & {
  state: ItemState;
  version: number;
  returnComment: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
};

export type DepartmentProgress = {
  key: string;
  name: string;
  counts: Record<ItemState, number>;
  total: number;
  /** items not yet submitted after the deadline */
  overdue: number;
};

export type RoundView = {
  id: string;
  planId: string;
  planTitle: string;
  municipalityCode: string;
  fiscalYear: number;
  deadline: string;
  status: "open" | "locked";
  version: number;
  lockedBy: string | null;
  lockedAt: Date | null;
  /** days until the deadline in Japan time; negative when past */
  daysLeft: number;
};

type Context = {
  round: repo.RoundRow;
  view: RoundView;
  doc: PlanDocument;
  items: ScopeItem[];
  deptName: (key: string) => string;
};

/** Today's date in Japan (YYYY-MM-DD), whatever the server's time zone. */
export function todayInJapan(now = new Date()): string {
  return new Date(now.getTime() + 9 * 60 * 60_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function walk(items: Item[], parents: Item[] = []): { item: Item; path: Item[] }[] {
  return items.flatMap((item) => [{ item, path: parents }, ...walk(item.children, [...parents, item])]);
}

/**
 * The items a round asks about: every item with a responsible department (its own or one of its
 * indicators'), except cross-listings (再掲), which are answered where they are listed first.
 */
export function scopeItems(doc: PlanDocument, deptIds: Map<string, string>): ScopeItem[] {
  return walk(doc.items)
    .filter(({ item }) => item.crossListingOf === undefined)
    .map(({ item, path }) => {
      const keys = [...new Set([...item.departments, ...item.indicators.flatMap((i) => i.departments)])];
      return {
        item,
        path,
        departmentKeys: keys,
        departmentIds: keys.map((k) => deptIds.get(k)!).filter(Boolean),
      };
    })
    .filter((s) => s.departmentKeys.length > 0);
}

function deptNamer(doc: PlanDocument) {
  const depts = new Map(doc.departments.map((d) => [d.key, d]));
  return (key: string) => {
    const d = depts.get(key);
    if (!d) return key;
    const parent = d.parent ? depts.get(d.parent) : undefined;
    return parent ? `${parent.name} ${d.name}` : d.name;
  };
}

function roundView(r: repo.RoundRow, today = todayInJapan()): RoundView {
  return {
    id: r.id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    municipalityCode: r.municipality_code,
    fiscalYear: r.fiscal_year,
    deadline: r.deadline,
    status: r.status,
    version: r.version,
    lockedBy: r.locked_by,
    lockedAt: r.locked_at,
    daysLeft: daysBetween(today, r.deadline),
  };
}

async function loadContext(db: DB, user: Actor, roundId: string): Promise<Context> {
  const round = /^[0-9a-f-]{36}$/i.test(roundId)
    ? await repo.findRound(db, user.municipalityCode, roundId)
    : undefined;
  if (!round) throw notFound("指定された照会は見つかりません。");
  authorize(canView(user, { municipalityCode: round.municipality_code }));
  const [doc, depts] = await Promise.all([
    loadPlanDocument(db, round.municipality_code, round.plan_id),
    loadDepartments(db, round.municipality_code),
  ]);
  if (!doc) throw notFound("照会の計画が見つかりません。");
  return contextOf(round, doc, new Map(depts.map((d) => [d.key, d.id])));
}

function contextOf(round: repo.RoundRow, doc: PlanDocument, deptIds: Map<string, string>): Context {
  return { round, view: roundView(round), doc, items: scopeItems(doc, deptIds), deptName: deptNamer(doc) };
}

/**
 * Several rounds of the user's municipality with their items' states, in a number of queries that does not
 * grow with the rounds: each plan read once, the departments once, every round's items in one query.
 */
async function loadContexts(
  db: DB,
  user: Actor,
  rounds: readonly repo.RoundRow[],
  /** plans the caller has just read, by id: not read again */
  known: ReadonlyMap<string, PlanDocument> = new Map(),
): Promise<{ ctx: Context; items: ItemStatus[] }[]> {
  const code = user.municipalityCode;
  const planIds = [...new Set(rounds.map((r) => r.plan_id))];
  const [docs, depts, states] = await Promise.all([
    Promise.all(planIds.map((id) => known.get(id) ?? loadPlanDocument(db, code, id))),
    loadDepartments(db, code),
    repo.roundItemsOfRounds(
      db,
      code,
      rounds.map((r) => r.id),
    ),
  ]);
  const deptIds = new Map(depts.map((d) => [d.key, d.id]));
  const docOf = new Map(planIds.map((id, i) => [id, docs[i]]));
  return rounds.map((round) => {
    authorize(canView(user, { municipalityCode: round.municipality_code }));
    const doc = docOf.get(round.plan_id);
    if (!doc) throw notFound("照会の計画が見つかりません。");
    const ctx = contextOf(round, doc, deptIds);
    return { ctx, items: withStatus(ctx.items, states.get(round.id) ?? []) };
  });
}

function roundRef(r: repo.RoundRow) {
  return { municipalityCode: r.municipality_code, status: r.status };
}

function withStatus(items: ScopeItem[], rows: repo.RoundItemRow[]): ItemStatus[] {
  const byKey = new Map(rows.map((r) => [r.item_key, r]));
  return items.map((s) => {
    const r = byKey.get(s.item.key);
    return {
      ...s,
      state: r?.state ?? "not_started",
      version: r?.version ?? 0,
      returnComment: r?.return_comment ?? null,
      updatedBy: r?.updated_by ?? null,
      updatedAt: r?.updated_at ?? null,
    };
  });
}

function emptyCounts(): Record<ItemState, number> {
  return { not_started: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };
}

function countStates(items: readonly { state: ItemState }[]): Record<ItemState, number> {
  const counts = emptyCounts();
  for (const i of items) counts[i.state]++;
  return counts;
}

/** Completion by department, in the municipality's order of departments. */
export function progressByDepartment(
  items: readonly ItemStatus[],
  deptName: (key: string) => string,
  order: readonly string[],
  pastDeadline: boolean,
): DepartmentProgress[] {
  const keys = [...new Set(items.flatMap((i) => i.departmentKeys))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  return keys.map((key) => {
    const mine = items.filter((i) => i.departmentKeys.includes(key));
    const counts = countStates(mine);
    return {
      key,
      name: deptName(key),
      counts,
      total: mine.length,
      overdue: pastDeadline ? OPEN_STATES.reduce((n, s) => n + counts[s], 0) : 0,
    };
  });
}

export type RoundListEntry = RoundView & {
  counts: Record<ItemState, number>;
  total: number;
  mine: number | null;
};

/** The rounds of the user's municipality, newest year first, with their completion; a department sees its own count. */
export async function listRounds(db: DB, user: Actor): Promise<RoundListEntry[]> {
  const rows = await repo.listRounds(db, user.municipalityCode);
  return (await loadContexts(db, user, rows)).map(({ ctx, items }) => {
    const mine = hasInbox(user) ? items.filter((i) => isResponsibleFor(user, i)) : null;
    return {
      ...ctx.view,
      counts: countStates(items),
      total: items.length,
      mine: mine ? mine.filter((i) => OPEN_STATES.includes(i.state)).length : null,
    };
  });
}

/** Completion by department of every open round of the user's municipality (all items, not an inbox). */
export async function openRoundsProgress(
  db: DB,
  user: Actor,
  known?: ReadonlyMap<string, PlanDocument>,
): Promise<{ round: RoundView; byDepartment: DepartmentProgress[] }[]> {
  const rows = (await repo.listRounds(db, user.municipalityCode)).filter((r) => r.status === "open");
  return (await loadContexts(db, user, rows, known)).map(({ ctx, items }) => ({
    round: ctx.view,
    byDepartment: progressByDepartment(
      items,
      ctx.deptName,
      ctx.doc.departments.map((d) => d.key),
      ctx.view.daysLeft < 0,
    ),
  }));
}

export type PlanChoice = { id: string; title: string; periodStart: number; periodEnd: number };

/** The plans a round can be opened for; empty for those who may not open rounds. */
export async function plansToOpen(db: DB, user: Actor): Promise<PlanChoice[]> {
  if (!canOpenRound(user, user)) return [];
  return (await repo.plansOf(db, user.municipalityCode)).map((p) => ({
    id: p.id,
    title: p.title,
    periodStart: p.period_start,
    periodEnd: p.period_end,
  }));
}

export async function openRound(db: DB, user: Actor, raw: unknown): Promise<string> {
  authorize(canOpenRound(user, user), "照会を開始できるのは行革担当と管理者です。");
  const input = parseInput(openRoundSchema, raw);
  const plan = await repo.findPlan(db, user.municipalityCode, input.planId);
  if (!plan) throw invalid({ planId: "計画が見つかりません。" });
  if (input.fiscalYear < plan.period_start || input.fiscalYear > plan.period_end)
    throw invalid({
      fiscalYear: `年度は計画期間（${warekiFiscalYear(plan.period_start)}～${warekiFiscalYear(plan.period_end)}）から選んでください。`,
    });
  if (await repo.findRoundByPlanYear(db, user.municipalityCode, plan.id, input.fiscalYear))
    throw invalid({ fiscalYear: `${warekiFiscalYear(input.fiscalYear)}の照会はすでにあります。` });
  const doc = await loadPlanDocument(db, user.municipalityCode, plan.id);
  const depts = await loadDepartments(db, user.municipalityCode);
  const items = scopeItems(doc!, new Map(depts.map((d) => [d.key, d.id])));
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await repo.insertRound(trx, {
      municipality_code: user.municipalityCode,
      id,
      plan_id: plan.id,
      fiscal_year: input.fiscalYear,
      deadline: input.deadline,
      status: "open",
      opened_by: user.name,
    });
    await repo.ensureRoundItems(
      trx,
      user.municipalityCode,
      id,
      items.map((i) => i.item.key),
    );
    await record(trx, user, [
      {
        action: "round.open",
        planId: plan.id,
        fiscalYear: input.fiscalYear,
        subject: `${plan.title} ${warekiFiscalYear(input.fiscalYear)}（対象 ${items.length} 項目）`,
        after: { deadline: input.deadline },
      },
    ]);
    await recordRoundEvent(trx, user, { roundId: id, kind: "opened" });
  });
  return id;
}

export type RoundOverview = {
  round: RoundView;
  items: ItemStatus[];
  byDepartment: DepartmentProgress[];
  counts: Record<ItemState, number>;
  /** a department editor: only its items (the inbox) */
  inbox: boolean;
  can: { lock: boolean; unlock: boolean };
  deptName: (key: string) => string;
};

/** The round for the office (every item, completion by department) or a department's inbox (exactly its items). */
export async function getRound(
  db: DB,
  user: Actor,
  roundId: string,
  options: { all?: boolean } = {},
): Promise<RoundOverview> {
  const ctx = await loadContext(db, user, roundId);
  const all = withStatus(ctx.items, await repo.roundItems(db, user.municipalityCode, roundId));
  const inbox = hasInbox(user) && !options.all;
  const items = inbox ? all.filter((i) => isResponsibleFor(user, i)) : all;
  return {
    round: ctx.view,
    items,
    byDepartment: progressByDepartment(
      items,
      ctx.deptName,
      ctx.doc.departments.map((d) => d.key),
      ctx.view.daysLeft < 0,
    ),
    counts: countStates(items),
    inbox,
    can: { lock: canLockRound(user, roundRef(ctx.round)), unlock: canUnlockRound(user, roundRef(ctx.round)) },
    deptName: ctx.deptName,
  };
}

export type SeriesEntry = {
  indicator: Indicator;
  /** undefined for an indicator without series */
  series: string | undefined;
  baseline: Value | undefined;
  targets: Indicator["targets"];
  /** earlier years' actuals, oldest first */
  previous: { fiscalYear: number; value: Value }[];
  /** this year's actual as saved */
  current: Value | undefined;
};

export type ItemDetail = {
  round: RoundView;
  status: ItemStatus;
  deptName: (key: string) => string;
  entries: SeriesEntry[];
  progress: { narrative: string; nextYearPlan: string; status: string };
  can: { edit: boolean; approve: boolean; return: boolean };
  history: AuditEvent[];
  /** the statuses written in this plan, offered as suggestions */
  statusWords: string[];
};

const COMMON_STATUS_WORDS = ["実施", "継続実施", "一部実施", "検討", "調査検討", "完了", "未着手"];

function itemRef(ctx: Context, status: ItemStatus) {
  return { round: roundRef(ctx.round), state: status.state, departmentIds: status.departmentIds };
}

export async function loadItem(db: DB, user: Actor, roundId: string, itemKey: string) {
  const ctx = await loadContext(db, user, roundId);
  const scope = ctx.items.find((i) => i.item.key === itemKey);
  if (!scope) throw notFound("この項目はこの照会の対象ではありません。");
  const [status] = withStatus([scope], await repo.roundItems(db, user.municipalityCode, roundId));
  return { ctx, status: status! };
}

/** Values of one series; values written without a series hold for every series (as the reports read them). */
function own<T extends { series?: string | undefined }>(list: readonly T[], series: string | undefined): T[] {
  const exact = list.filter((v) => v.series === series);
  return exact.length > 0 ? exact : list.filter((v) => v.series === undefined);
}

function entriesOf(item: Item, fy: number): SeriesEntry[] {
  return item.indicators.flatMap((indicator) =>
    (indicator.series.length > 0 ? indicator.series : [undefined]).map((series) => ({
      indicator,
      series,
      baseline: own(indicator.baselines, series)[0],
      targets: own(indicator.targets, series),
      previous: indicator.actuals
        .filter((a) => a.series === series && a.fiscalYear < fy)
        .sort((a, b) => a.fiscalYear - b.fiscalYear)
        .map((a) => ({ fiscalYear: a.fiscalYear, value: a })),
      current: indicator.actuals.find((a) => a.series === series && a.fiscalYear === fy),
    })),
  );
}

/** One item of a round: its indicators with earlier years, this year's answer, what the user may do, the history. */
export async function getItem(db: DB, user: Actor, roundId: string, itemKey: string): Promise<ItemDetail> {
  const { ctx, status } = await loadItem(db, user, roundId, itemKey);
  const fy = ctx.round.fiscal_year;
  const p = status.item.progress.find((x) => x.fiscalYear === fy);
  const ref = itemRef(ctx, status);
  const written = walk(ctx.doc.items).flatMap(({ item }) => item.progress.map((x) => x.status ?? ""));
  return {
    round: ctx.view,
    status,
    deptName: ctx.deptName,
    entries: entriesOf(status.item, fy),
    progress: { narrative: p?.narrative ?? "", nextYearPlan: p?.nextYearPlan ?? "", status: p?.status ?? "" },
    can: {
      edit: canEditRoundItem(user, ref),
      approve: canApproveRoundItem(user, ref),
      return: canReturnRoundItem(user, ref),
    },
    history: await historyOfItem(db, user, ctx.round.plan_id, itemKey),
    statusWords: [...new Set([...COMMON_STATUS_WORDS, ...written.filter((w) => w !== "")])],
  };
}

const lockedError = () =>
  new AppError(
    "locked",
    "この照会は締め切られています（ロック中）。入力内容は保存されていません。変更が必要なら行革担当に連絡してください。",
  );

export type SaveResult =
  | { kind: "checked"; understood: Understood[] }
  | { kind: "saved"; state: ItemState; changes: number };

/** How each entry of a form would be (or was) read, in the form's order. */
export function understandEntries(
  detail: ItemDetail,
  input: Pick<SaveItemInput, "actuals">,
): (Understood | undefined)[] {
  return input.actuals.map((a) => {
    if (a.text.trim() === "") return undefined;
    const e = detail.entries.find((x) => x.indicator.key === a.indicator && (x.series ?? "") === a.series);
    return understand(a.text, { unit: e?.indicator.unit, stages: e?.indicator.stages }, e?.series);
  });
}

/**
 * Saves a draft, submits, or only reads the entries back (action "check"). Refused with a conflict when the
 * item-year changed since the form was made (its version), so that the second of two editors does not
 * overwrite the first; the page then keeps their text.
 */
export async function saveItem(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  raw: unknown,
): Promise<SaveResult> {
  const { ctx, status } = await loadItem(db, user, roundId, itemKey);
  if (ctx.round.status === "locked") throw lockedError();
  authorize(
    canEditRoundItem(user, itemRef(ctx, status)),
    status.state === "submitted" || status.state === "approved"
      ? `この項目は${STATE_LABELS[status.state]}のため変更できません。`
      : "この項目を編集する権限がありません。",
  );
  const input = parseInput(saveItemSchema, raw);
  const fy = ctx.round.fiscal_year;
  const entries = entriesOf(status.item, fy);
  const matched = input.actuals.map((a) =>
    entries.find((e) => e.indicator.key === a.indicator && (e.series ?? "") === a.series),
  );
  if (matched.some((m) => m === undefined) || new Set(matched).size !== matched.length)
    throw invalid({
      _form: "指標が変更されたため、このフォームは使えません。ページを読み込み直してください。",
    });
  const understood = input.actuals.map((a, i) =>
    understand(
      a.text,
      { unit: matched[i]!.indicator.unit, stages: matched[i]!.indicator.stages },
      matched[i]!.series,
    ),
  );
  if (input.action === "check") return { kind: "checked", understood };
  if (input.action === "submit") {
    const missing: Record<string, string> = {};
    input.actuals.forEach((a, i) => {
      if (a.text.trim() === "") {
        const e = matched[i]!;
        missing[`actuals.${i}.text`] =
          `${e.indicator.name}${e.series ? `（${e.series}）` : ""}の実績値を入力してください（値がなければ「—」）。`;
      }
    });
    if (input.narrative.trim() === "") missing.narrative = "取組状況を入力してください。";
    if (Object.keys(missing).length > 0)
      throw invalid(
        missing,
        "提出するには、すべての欄を埋めてください（下書きなら空欄のまま保存できます）。",
      );
  }

  const code = user.municipalityCode;
  const planId = ctx.round.plan_id;
  const label = `${status.item.number ?? ""} ${status.item.title}`.trim();
  return db.transaction().execute(async (trx) => {
    if ((await repo.roundStatusForShare(trx, code, roundId)) !== "open") throw lockedError();
    await repo.ensureRoundItems(trx, code, roundId, [itemKey]);
    const nextState: ItemState =
      input.action === "submit"
        ? "submitted"
        : hasInbox(user) || status.state === "not_started"
          ? "draft"
          : status.state;
    const now = new Date();
    const ok = await repo.updateRoundItem(trx, code, roundId, itemKey, input.version, {
      state: nextState,
      updated_by: user.name,
      updated_at: now,
      ...(input.action === "submit" ? { submitted_at: now } : {}),
    });
    if (!ok) throw await conflictError(trx, code, roundId, itemKey);

    const audit: AuditEntry[] = [];
    const base = { planId, itemKey, fiscalYear: fy };
    const ids = await repo.indicatorIds(
      trx,
      code,
      planId,
      matched.map((m) => m!.indicator.key),
    );
    const saved = await repo.actualsOf(trx, code, [...ids.values()], fy);
    for (const [i, a] of input.actuals.entries()) {
      const e = matched[i]!;
      const id = ids.get(e.indicator.key);
      if (!id) throw invalid({ _form: "指標が見つかりません。ページを読み込み直してください。" });
      const series = e.series ?? "";
      const before = saved.find((s) => s.indicator_id === id && s.series === series);
      const text = a.text.trim();
      if ((before?.text ?? "") === text) continue;
      const r = understood[i]!.reading;
      if (text === "") await repo.deleteActual(trx, code, id, series, fy);
      else
        await repo.upsertActual(trx, code, fy, {
          indicator_id: id,
          series,
          text,
          kind: r.kind,
          number: r.kind === "number" ? (r.number ?? null) : null,
          unit: r.kind === "number" ? (r.unit ?? null) : null,
          stage: r.kind === "stage" ? (r.stage ?? null) : null,
          unreadable: r.unreadable ?? null,
        });
      audit.push({
        ...base,
        action: "actual.set",
        subject: `${label} / ${e.indicator.name}${e.series ? `（${e.series}）` : ""} ${warekiFiscalYear(fy)}`,
        before: before ? { text: before.text } : null,
        after:
          text === "" ? null : { text, kind: r.kind, ...(r.unreadable ? { unreadable: r.unreadable } : {}) },
      });
    }

    const itemId = await repo.findItemId(trx, code, planId, itemKey);
    if (!itemId) throw notFound("項目が見つかりません。");
    const old = await repo.progressOf(trx, code, itemId, fy);
    const now3 = {
      narrative: input.narrative.trim(),
      nextYearPlan: input.nextYearPlan.trim(),
      status: input.status.trim(),
    };
    const was = {
      narrative: old?.narrative ?? "",
      nextYearPlan: old?.next_year_plan ?? "",
      status: old?.status ?? "",
    };
    const changed = (Object.keys(now3) as (keyof typeof now3)[]).filter((k) => now3[k] !== was[k]);
    if (changed.length > 0) {
      await repo.upsertProgress(trx, code, itemId, fy, {
        narrative: now3.narrative || null,
        next_year_plan: now3.nextYearPlan || null,
        status: now3.status || null,
      });
      audit.push({
        ...base,
        action: "progress.set",
        subject: `${label} ${warekiFiscalYear(fy)}`,
        before: Object.fromEntries(changed.map((k) => [k, was[k]])),
        after: Object.fromEntries(changed.map((k) => [k, now3[k]])),
      });
    }
    if (nextState !== status.state) {
      audit.push({
        ...base,
        action: input.action === "submit" ? "round_item.submit" : "round_item.save",
        subject: `${label} ${warekiFiscalYear(fy)}`,
        before: { state: STATE_LABELS[status.state] },
        after: { state: STATE_LABELS[nextState] },
      });
    }
    await record(trx, user, audit);
    return { kind: "saved" as const, state: nextState, changes: audit.length };
  });
}

async function conflictError(
  q: DB | Parameters<typeof repo.roundItems>[0],
  code: string,
  roundId: string,
  key: string,
) {
  const row = (await repo.roundItems(q, code, roundId)).find((r) => r.item_key === key);
  const who = row?.updated_by ? `${row.updated_by}さん` : "ほかの人";
  const when = row?.updated_at
    ? new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" }).format(
        row.updated_at,
      )
    : "";
  return conflict(
    `${who}が${when ? ` ${when} に` : ""}この項目を先に保存しました。あなたの入力はまだ保存されていません（下に残してあります）。` +
      "各欄の下に表示した最新の内容を確かめてから、必要ならもう一度保存してください。",
  );
}

/** Approves a submitted item or returns it to its department with a comment. */
export async function reviewItem(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  raw: unknown,
): Promise<ItemState> {
  const { ctx, status } = await loadItem(db, user, roundId, itemKey);
  if (ctx.round.status === "locked") throw lockedError();
  const ref = itemRef(ctx, status);
  authorize(
    canApproveRoundItem(user, ref) || canReturnRoundItem(user, ref),
    reviewRefusal(user, status.state),
  );
  const input = parseInput(reviewSchema, raw);
  const approve = input.decision === "approve";
  authorize(
    approve ? canApproveRoundItem(user, ref) : canReturnRoundItem(user, ref),
    reviewRefusal(user, status.state),
  );
  const next: ItemState = approve ? "approved" : "returned";
  const fy = ctx.round.fiscal_year;
  const label = `${status.item.number ?? ""} ${status.item.title}`.trim();
  await db.transaction().execute(async (trx) => {
    if ((await repo.roundStatusForShare(trx, user.municipalityCode, roundId)) !== "open") throw lockedError();
    const now = new Date();
    const ok = await repo.updateRoundItem(trx, user.municipalityCode, roundId, itemKey, input.version, {
      state: next,
      reviewed_at: now,
      updated_by: user.name,
      updated_at: now,
      return_comment: approve ? null : input.comment.trim(),
    });
    if (!ok) throw await conflictError(trx, user.municipalityCode, roundId, itemKey);
    await record(trx, user, [
      {
        action: approve ? "round_item.approve" : "round_item.return",
        planId: ctx.round.plan_id,
        itemKey,
        fiscalYear: fy,
        subject: `${label} ${warekiFiscalYear(fy)}`,
        before: { state: STATE_LABELS[status.state] },
        after: { state: STATE_LABELS[next] },
        note: input.comment.trim() || undefined,
      },
    ]);
    const comment = input.comment.trim();
    if (comment)
      await insertMessage(trx, user, {
        roundId,
        itemKey,
        kind: approve ? "comment" : "return",
        body: comment,
      });
    await recordRoundEvent(trx, user, { roundId, itemKey, kind: next, note: comment || undefined });
  });
  return next;
}

function reviewRefusal(user: Actor, state: ItemState): string {
  if (!canReview(user)) return "承認と差戻しは行革担当と管理者が行います。";
  return `この項目は${STATE_LABELS[state]}のため、いまは承認・差戻しできません。`;
}

/** Locks the round: the year becomes read-only for everyone. */
export async function lockRound(db: DB, user: Actor, roundId: string, raw: unknown): Promise<void> {
  const ctx = await loadContext(db, user, roundId);
  const ref = roundRef(ctx.round);
  if (!canLockRound(user, ref)) {
    if (canUnlockRound(user, ref)) throw conflict("この照会はすでにロックされています。");
    throw forbidden("照会をロックできるのは行革担当と管理者です。");
  }
  const input = parseInput(lockSchema, raw);
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateRound(trx, user.municipalityCode, roundId, input.version, {
      status: "locked",
      locked_by: user.name,
      locked_at: new Date(),
    });
    if (!ok) throw conflict("ほかの人が先にこの照会を変更しました。ページを読み込み直してください。");
    const open = withStatus(ctx.items, await repo.roundItems(trx, user.municipalityCode, roundId)).filter(
      (i) => i.state !== "approved",
    ).length;
    await record(trx, user, [
      {
        action: "round.lock",
        planId: ctx.round.plan_id,
        fiscalYear: ctx.round.fiscal_year,
        subject: `${ctx.round.plan_title} ${warekiFiscalYear(ctx.round.fiscal_year)}`,
        before: { status: "受付中" },
        after: { status: "ロック" },
        note: open > 0 ? `未承認 ${open} 項目のままロック` : undefined,
      },
    ]);
  });
}

/** Moves the deadline of an open round (a mistake at opening, an extension); kept in the history. */
export async function changeDeadline(db: DB, user: Actor, roundId: string, raw: unknown): Promise<void> {
  const ctx = await loadContext(db, user, roundId);
  const ref = roundRef(ctx.round);
  if (!canLockRound(user, ref)) {
    if (canUnlockRound(user, ref))
      throw conflict("ロックされた照会の期限は変えられません。先にロックを解除してください。");
    throw forbidden("回答期限を変えられるのは行革担当と管理者です。");
  }
  const input = parseInput(deadlineSchema, raw);
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateRound(trx, user.municipalityCode, roundId, input.version, {
      deadline: input.deadline,
    });
    if (!ok) throw conflict("ほかの人が先にこの照会を変更しました。ページを読み込み直してください。");
    await record(trx, user, [
      {
        action: "round.deadline",
        planId: ctx.round.plan_id,
        fiscalYear: ctx.round.fiscal_year,
        subject: `${ctx.round.plan_title} ${warekiFiscalYear(ctx.round.fiscal_year)}`,
        before: { deadline: ctx.round.deadline },
        after: { deadline: input.deadline },
      },
    ]);
  });
}

/** Unlocks a locked round; the reason is required and kept in the history. */
export async function unlockRound(db: DB, user: Actor, roundId: string, raw: unknown): Promise<void> {
  const ctx = await loadContext(db, user, roundId);
  const ref = roundRef(ctx.round);
  if (!canUnlockRound(user, ref)) {
    if (canLockRound(user, ref)) throw conflict("この照会はロックされていません。");
    throw forbidden("ロックを解除できるのは行革担当と管理者です。");
  }
  const input = parseInput(unlockSchema, raw);
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateRound(trx, user.municipalityCode, roundId, input.version, {
      status: "open",
      locked_by: null,
      locked_at: null,
    });
    if (!ok) throw conflict("ほかの人が先にこの照会を変更しました。ページを読み込み直してください。");
    await record(trx, user, [
      {
        action: "round.unlock",
        planId: ctx.round.plan_id,
        fiscalYear: ctx.round.fiscal_year,
        subject: `${ctx.round.plan_title} ${warekiFiscalYear(ctx.round.fiscal_year)}`,
        before: { status: "ロック" },
        after: { status: "受付中" },
        note: input.reason.trim(),
      },
    ]);
  });
}

/** The round of a plan's fiscal year, and the plans that can have rounds, for other capabilities. */
export { findRoundByPlanYear, plansOf } from "./rounds.repository.ts";
