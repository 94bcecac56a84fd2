/**
 * The reporting round (照会): the reform office opens it for a plan and fiscal year with a deadline; each
 * department answers for exactly its items (actuals per indicator and series, the narrative, next year's
 * plan, the status), saves drafts and submits; the office returns items with a comment or approves them,
 * and locks the round, which makes the year read-only. Every change is recorded in the audit trail, and
 * every write is checked against the item-year's version so that nothing is silently overwritten.
 */
import { historyOfItem } from "../audit/audit.service.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import {
  type Actor,
  canApproveRoundItem,
  canEditRoundItem,
  canLockRound,
  canOpenRound,
  canReturnRoundItem,
  canUnlockRound,
  hasInbox,
  isResponsibleFor,
} from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { type ItemState, OPEN_STATES } from "../domain/rounds/states.ts";
import {
  COMMON_STATUS_WORDS,
  countStates,
  entriesOf,
  type ItemDetail,
  type ItemStatus,
  itemRef,
  loadContext,
  loadContexts,
  loadItem,
  type RoundView,
  roundRef,
  walk,
  withStatus,
} from "./rounds.context.ts";
import * as repo from "./rounds.repository.ts";

export { OPEN_STATES, STATE_LABELS, STATES } from "../domain/rounds/states.ts";

import { openFindings } from "./round-answers.service.ts";

export {
  checkEntry,
  type OpenFindings,
  openFindings,
  reviewItem,
  type SaveResult,
  saveItem,
  understandEntries,
} from "./round-answers.service.ts";
export { changeDeadline, lockRound, openRound, unlockRound } from "./round-steps.service.ts";
export type {
  ItemDetail,
  ItemStatus,
  LoadedItem,
  RoundView,
  ScopeItem,
  SeriesEntry,
} from "./rounds.context.ts";
export { loadItem, scopeItems, todayInJapan } from "./rounds.context.ts";

export type DepartmentProgress = {
  key: string;
  name: string;
  counts: Record<ItemState, number>;
  total: number;
  /** items not yet submitted after the deadline */
  overdue: number;
};

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

/** One item of a round: its indicators with earlier years, this year's answer, what the user may do, the history. */
export async function getItem(db: DB, user: Actor, roundId: string, itemKey: string): Promise<ItemDetail> {
  const loaded = await loadItem(db, user, roundId, itemKey);
  const { ctx, status, rules } = loaded;
  const fy = ctx.round.fiscal_year;
  const p = status.item.progress.find((x) => x.fiscalYear === fy);
  const ref = itemRef(ctx, status);
  const entries = entriesOf(status.item, fy, rules);
  const written = walk(ctx.doc.items).flatMap(({ item }) => item.progress.map((x) => x.status ?? ""));
  return {
    round: ctx.view,
    status,
    deptName: ctx.deptName,
    entries,
    findings: openFindings(entries),
    progress: { narrative: p?.narrative ?? "", nextYearPlan: p?.nextYearPlan ?? "", status: p?.status ?? "" },
    can: {
      edit: canEditRoundItem(user, ref),
      approve: canApproveRoundItem(user, ref),
      return: canReturnRoundItem(user, ref),
    },
    history: await historyOfItem(db, user, ctx.round.plan_id, itemKey),
    statusWords: [...new Set([...COMMON_STATUS_WORDS, ...written.filter((w) => w !== "")])],
    loaded,
  };
}

/** The round of a plan's fiscal year, and the plans that can have rounds, for other capabilities. */
export { findRoundByPlanYear, plansOf } from "./rounds.repository.ts";
