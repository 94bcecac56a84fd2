/**
 * The reporting round (照会): the reform office opens it for a plan and fiscal year with a deadline; each
 * department answers for exactly its items (actuals per indicator and series, the narrative, next year's
 * plan, the status), saves drafts and submits; the office returns items with a comment or approves them,
 * and locks the round, which makes the year read-only. Every change is recorded in the audit trail, and
 * every write is checked against the item-year's version so that nothing is silently overwritten.
 */
import { historyOfItem } from "../audit/audit.service.ts";
import { authorize, notFound } from "../core/errors.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import {
  type Actor,
  canApproveRoundItem,
  canEditRoundItem,
  canLockRound,
  canOpenRound,
  canReturnRoundItem,
  canUnlockRound,
  canView,
  hasInbox,
} from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import type { RuleOverride } from "../domain/rounds/plausibility.ts";
import { type ItemState, OPEN_STATES } from "../domain/rounds/states.ts";
import {
  asDepartment,
  contextOfRow,
  countStates,
  entriesOfPart,
  type ItemDetail,
  type ItemStatus,
  indicatorOwners,
  loadContext,
  loadContexts,
  loadItem,
  myParts,
  partRef,
  type RoundView,
  roundRef,
  roundView,
  statusesOf,
  statusWordsOf,
  todayInJapan,
} from "./rounds.context.ts";
import * as repo from "./rounds.repository.ts";

export { OPEN_STATES, STATE_LABELS, STATES } from "../domain/rounds/states.ts";

import { openFindings } from "./round-answers.service.ts";

export {
  checkEntry,
  type OpenFindings,
  openFindings,
  type SaveResult,
  saveItem,
  understandEntries,
} from "./round-answers.service.ts";
export { reviewItem } from "./round-decisions.service.ts";
export { changeDeadline, lockRound, openRound, unlockRound } from "./round-steps.service.ts";
export type {
  ItemDetail,
  ItemStatus,
  LoadedItem,
  PartStatus,
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
    // the department's own parts, whatever the other departments of a shared item have done
    const mine = items.flatMap((i) => i.parts.filter((p) => p.departmentKey === key));
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

/**
 * The rounds of the user's municipality, newest year first, with their completion; a department sees its own
 * count. Of the rows given (as the caller read them, the days left as of `today`), else of the rows read now.
 */
export async function listRounds(
  db: DB,
  user: Actor,
  read?: { rows: readonly repo.RoundRow[]; today: string },
): Promise<RoundListEntry[]> {
  const rows = read?.rows ?? (await repo.listRounds(db, user.municipalityCode));
  return (await loadContexts(db, user, rows, undefined, read?.today)).map(({ ctx, items }) => {
    const mine = hasInbox(user) ? asDepartment(user, items) : null;
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

/** The rounds' rows as the list is kept by (src/rounds/round-page.ts), and today's date in Japan. */
export async function roundRows(db: DB, user: Actor): Promise<{ rows: repo.RoundRow[]; today: string }> {
  return { rows: await repo.listRounds(db, user.municipalityCode), today: todayInJapan() };
}

/**
 * A round's row with its plan's plausibility rules, in one query, as its page is kept by (round-page.ts); the
 * view and what the reader may do as of today. The reader's access is checked.
 */
export async function roundPageState(db: DB, user: Actor, roundId: string) {
  const found = /^[0-9a-f-]{36}$/i.test(roundId)
    ? await repo.findRoundWithRules(db, user.municipalityCode, roundId)
    : undefined;
  if (!found) throw notFound("指定された照会は見つかりません。");
  authorize(canView(user, { municipalityCode: found.municipality_code }));
  const { rules, ...row } = found;
  const today = todayInJapan();
  return {
    row,
    today,
    /** as read, for the key */
    rulesRead: rules,
    rules: new Map(rules.map((r) => [r.indicator_key, r.rule as RuleOverride])),
    view: roundView(row, today),
    can: { lock: canLockRound(user, roundRef(row)), unlock: canUnlockRound(user, roundRef(row)) },
  };
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
  return overviewOf(db, user, await loadContext(db, user, roundId), options);
}

/** The round (getRound) of a row the caller has read, its days left as of `today`. */
export async function getRoundOfRow(
  db: DB,
  user: Actor,
  row: repo.RoundRow,
  today: string,
): Promise<RoundOverview> {
  return overviewOf(db, user, await contextOfRow(db, user, row, today));
}

async function overviewOf(
  db: DB,
  user: Actor,
  ctx: Awaited<ReturnType<typeof loadContext>>,
  options: { all?: boolean } = {},
): Promise<RoundOverview> {
  const all = await statusesOf(db, user.municipalityCode, ctx);
  const inbox = hasInbox(user) && !options.all;
  // a department's inbox: its items, each in the state of its own part
  const items = inbox ? asDepartment(user, all) : all;
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

/**
 * One item of a round, as one department's part (the one asked for, else the user's own, else the first):
 * the part's indicators with earlier years, its answer, what the user may do with it, every part's state,
 * the item's history.
 */
export async function getItem(
  db: DB,
  user: Actor,
  roundId: string,
  itemKey: string,
  partKey?: string,
): Promise<ItemDetail> {
  const loaded = await loadItem(db, user, roundId, itemKey, partKey);
  const { ctx, status, part, rules } = loaded;
  const fy = ctx.round.fiscal_year;
  const p = status.item.progress.find((x) => x.fiscalYear === fy);
  const ref = partRef(ctx, part);
  const entries = entriesOfPart(status, part, fy, rules);
  const item = {
    narrative: p?.narrative ?? "",
    nextYearPlan: p?.nextYearPlan ?? "",
    status: p?.status ?? "",
  };
  const owners = indicatorOwners(status);
  const mine = new Set(myParts(user, status).map((x) => x.departmentKey));
  return {
    round: ctx.view,
    status,
    part,
    parts: status.parts.map((x) => ({
      part: x,
      name: ctx.deptName(x.departmentKey),
      indicators: status.item.indicators
        .filter((i) => owners.get(i.key) === x.departmentKey)
        .map((i) => i.name),
      mine: mine.has(x.departmentKey),
    })),
    deptName: ctx.deptName,
    entries,
    findings: openFindings(entries),
    progress: status.parts.length > 1 ? partTexts(status, part, item) : item,
    can: {
      edit: canEditRoundItem(user, ref),
      approve: canApproveRoundItem(user, ref),
      return: canReturnRoundItem(user, ref),
    },
    history: await historyOfItem(db, user, ctx.round.plan_id, itemKey),
    statusWords: statusWordsOf(ctx.doc),
    loaded,
  };
}

/**
 * A part's texts: its own once written; before any part of the item wrote, the item's texts (imported, or
 * written before the item had parts) are the first part's.
 */
function partTexts(
  status: ItemStatus,
  part: ItemDetail["part"],
  item: ItemDetail["progress"],
): ItemDetail["progress"] {
  const untouched = status.parts.every(
    (p) => p.texts.narrative === null && p.texts.nextYearPlan === null && p.texts.status === null,
  );
  if (untouched) return status.parts[0]?.departmentKey === part.departmentKey ? item : emptyTexts;
  return {
    narrative: part.texts.narrative ?? "",
    nextYearPlan: part.texts.nextYearPlan ?? "",
    status: part.texts.status ?? "",
  };
}

const emptyTexts = { narrative: "", nextYearPlan: "", status: "" };

/** The round of a plan's fiscal year, and the plans that can have rounds, for other capabilities. */
export { findRoundByPlanYear, plansOf } from "./rounds.repository.ts";
