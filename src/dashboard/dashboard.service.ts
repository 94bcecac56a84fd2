/**
 * The dashboard: results of a plan's indicators for a fiscal year by level of the plan and by department,
 * the departments behind schedule in open reporting rounds, and the items changed most recently.
 *
 * One query (dashboard.repository.ts) reads the plans with their data versions, the open rounds with their
 * plan's data version and their own state version, and the latest changes. The parts made from more than that
 * are made only when what they depend on changed: the results from the plan's document and evaluation (kept by
 * the plan's data version), the departments behind schedule from the open rounds (kept by `behindKey`, made of
 * every open round's row, its plan's data version, its state version and today's date). The database changes
 * those versions in the same transaction as any change of the data (src/db/data-version.ts, migration
 * 2026-12-07T0820-round-state-versions), so a part found under the versions a request has just read was made
 * from the data as it is now (or newer).
 */
import { ACTION_LABELS, type AuditAction } from "../audit/audit.service.ts";
import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canEditPlan } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { rollUpBy, type Tally, tally } from "../domain/evaluation/index.ts";
import { getPlanDocument, type PlanRef } from "../plans/plans.service.ts";
import {
  defaultFiscalYear,
  evaluateStoredPlan,
  fiscalEffectLine,
  type OutcomeColumn,
  outcomeColumns,
} from "../reports/reports.service.ts";
import { OPEN_STATES, openRoundsProgress, todayInJapan } from "../rounds/rounds.service.ts";
import * as repo from "./dashboard.repository.ts";

export type TallyRow = { label: string; tally: Tally<string> };

/**
 * The columns the tallies count in: gyokaku's statuses, or the plan's own grades (plan.scales.outcome) in the
 * plan's order; `good` is what the share column adds up, `behind` what orders the departments.
 */
export type DashboardColumns = { own: boolean; columns: OutcomeColumn[]; good: string[]; behind: string[] };

function columnsOf(scale: Parameters<typeof outcomeColumns>[0]): DashboardColumns {
  const { own, columns, good, behind } = outcomeColumns(scale);
  return { own, columns, good, behind };
}

const DEFAULT_COLUMNS = columnsOf(undefined);

export type BehindRound = {
  roundId: string;
  title: string;
  deadline: string;
  daysLeft: number;
  departments: { name: string; open: number; total: number }[];
};

export type DashboardPlan = {
  id: string;
  title: string;
  levels: string[];
  periodStart: number;
  periodEnd: number;
};

/** The results of the plan in the year: the same for every reader until the plan's data changes. */
export type DashboardResults = {
  byLevel: TallyRow[];
  byDepartment: TallyRow[];
  total: Tally<string>;
  columns: DashboardColumns;
  /** 財政効果額 to the year, one line; null when the plan gives none */
  fiscalEffect: string | null;
};

/** A change as the dashboard lists it. */
export type RecentChange = {
  id: string;
  at: Date;
  actorName: string;
  actionLabel: string;
  planId: string | null;
  itemKey: string | null;
  subject: string;
};

export type Dashboard = {
  plans: { id: string; title: string }[];
  plan: DashboardPlan | null;
  /** the plan as read for this request: the key of its kept parts (null: no plan) */
  planRef: PlanRef | null;
  fiscalYear: number | null;
  level: number;
  /** made only when the kept results are not there */
  results: () => Promise<DashboardResults>;
  /** what the departments behind schedule are made from (null: not to be kept), and how to make them */
  behindKey: string | null;
  /**
   * everything the page is made from but the reader's choice (null: not to be kept): the plans with their data
   * versions, `behindKey`, the latest changes
   */
  stateKey: string | null;
  behind: () => Promise<BehindRound[]>;
  recent: RecentChange[];
  canEdit: boolean;
};

const RECENT = 15;

/**
 * The key the body is kept under by the municipality's state version read with the session, with today's date
 * in Japan (the days left to the open rounds' deadlines); null without a version.
 */
export function stateVersionKey(stateVersion: string | null | undefined): string | null {
  return stateVersion ? `${stateVersion}|${todayInJapan()}` : null;
}

/** What the reader asked, as the variant of the body kept by state version: the query as written, era, may edit. */
export function askedVariant(
  user: Actor,
  query: { plan?: string | undefined; fy?: string | undefined; level?: string | undefined },
  era: string,
): string {
  return JSON.stringify([
    query.plan ?? null,
    query.fy ?? null,
    query.level ?? null,
    era,
    canEditPlan(user, user),
  ]);
}

const label = (i: Item) => `${i.number ?? ""} ${i.title}`.trim();

/** The year a plan opens on, computed once per document (documents are kept and frozen per data version). */
const defaultYears = new WeakMap<PlanDocument, number>();
function defaultYearOf(doc: PlanDocument): number {
  let fy = defaultYears.get(doc);
  if (fy === undefined) {
    fy = defaultFiscalYear(doc);
    defaultYears.set(doc, fy);
  }
  return fy;
}

export async function getDashboard(
  db: DB,
  user: Actor,
  query: { plan?: string | undefined; fy?: string | undefined; level?: string | undefined },
): Promise<Dashboard> {
  const code = user.municipalityCode;
  const state = await repo.dashboardState(db, code, RECENT);
  const plans = state.plans.map((p) => ({ id: p.id, title: p.title }));
  const recent = state.recent.map(recentChange);
  const behindKey = behindKeyOf(state.openRounds);
  const behind = () => behindSchedule(db, user);
  const stateKey =
    behindKey === null || state.plans.some((p) => p.data_version === null)
      ? null
      : JSON.stringify([state.plans, behindKey, state.recent.map((r) => r.id)]);
  const chosen = state.plans.find((p) => p.id === query.plan) ?? state.plans[0];
  const planRef = chosen ? { id: chosen.id, municipalityCode: code, dataVersion: chosen.data_version } : null;
  const doc = planRef ? await getPlanDocument(db, planRef) : null;
  if (!planRef || !doc)
    return {
      plans,
      plan: null,
      planRef: null,
      fiscalYear: null,
      level: 0,
      results: async () => ({
        byLevel: [],
        byDepartment: [],
        total: tally([], []),
        columns: DEFAULT_COLUMNS,
        fiscalEffect: null,
      }),
      behindKey,
      stateKey,
      behind,
      recent,
      canEdit: false,
    };
  const fyQuery = Number(query.fy);
  const fy =
    Number.isInteger(fyQuery) && fyQuery >= doc.plan.periodStart - 1 && fyQuery <= doc.plan.periodEnd + 1
      ? fyQuery
      : defaultYearOf(doc);
  const levelQuery = Number(query.level);
  const level =
    Number.isInteger(levelQuery) && levelQuery >= 0 && levelQuery < doc.plan.levels.length ? levelQuery : 0;
  const loaded = { planId: planRef.id, municipalityCode: code, doc, dataVersion: planRef.dataVersion };
  return {
    plans,
    plan: {
      id: planRef.id,
      title: doc.plan.title,
      levels: doc.plan.levels,
      periodStart: doc.plan.periodStart,
      periodEnd: doc.plan.periodEnd,
    },
    planRef,
    fiscalYear: fy,
    level,
    results: () => resultsOf(db, loaded, fy, level),
    behindKey,
    stateKey,
    behind,
    recent,
    canEdit: canEditPlan(user, user),
  };
}

/** The tallies of the plan in the year: from its evaluation (itself kept per data version and year). */
async function resultsOf(
  db: DB,
  loaded: Parameters<typeof evaluateStoredPlan>[1] & { doc: PlanDocument },
  fy: number,
  level: number,
): Promise<DashboardResults> {
  const doc = loaded.doc;
  const evaluated = await evaluateStoredPlan(db, loaded, fy);
  // 再掲 rows are shown in reports but counted once: where they are listed first.
  const rows = evaluated.rows.filter((r) => !r.crossListed);
  const names = new Map(doc.departments.map((d) => [d.key, d.name]));
  const scale = outcomeColumns(doc.plan.scales?.outcome);
  const keys = scale.columns.map((c) => c.key);
  const columns = columnsOf(doc.plan.scales?.outcome);
  const grouped = rows.map((r) => ({
    status: scale.of(r.evaluation),
    groups: {
      level: r.path[level] ? label(r.path[level]!) : "（上位の項目なし）",
      department: r.departments.map((k) => names.get(k) ?? k),
    },
  }));
  return {
    byLevel: rollUpBy(grouped, "level", keys).map((g) => ({ label: g.group, tally: g.tally })),
    byDepartment: rollUpBy(grouped, "department", keys)
      .map((g) => ({ label: g.group, tally: g.tally }))
      .sort((a, b) => behindCount(b.tally, columns) - behindCount(a.tally, columns)),
    total: tally(grouped, keys),
    columns,
    fiscalEffect: fiscalEffectLine(evaluated),
  };
}

function recentChange(r: repo.DashboardEventRow): RecentChange {
  return {
    id: r.id,
    at: new Date(r.at),
    actorName: r.actor_name,
    actionLabel: ACTION_LABELS[r.action as AuditAction] ?? r.action,
    planId: r.plan_id,
    itemKey: r.item_key,
    subject: r.subject,
  };
}

/**
 * What the departments behind schedule are made from: today's date (the days left), and each open round's own
 * row (state, deadline, plan title, read with it), its plan's data version (the plan's items and departments)
 * and its state version (its items' and parts' states). Null when a version is missing: then nothing is kept.
 */
function behindKeyOf(rounds: readonly repo.DashboardRoundRow[]): string | null {
  if (rounds.some((r) => r.plan_data_version === null || r.state_version === null)) return null;
  return JSON.stringify([
    todayInJapan(),
    rounds.map((r) => [
      r.id,
      r.status,
      r.version,
      r.fiscal_year,
      r.deadline,
      r.plan_title,
      r.plan_data_version,
      r.state_version,
    ]),
  ]);
}

/** 遅れ + 未達成 (or the lower grades of the plan's scale): what a department has to catch up on. */
export function behindCount(
  t: Tally<string>,
  columns: Pick<DashboardColumns, "behind"> = DEFAULT_COLUMNS,
): number {
  return columns.behind.reduce((n, k) => n + (t.counts[k] ?? 0), 0);
}

/**
 * Departments that still owe answers in open rounds: those past the deadline first, then those with the
 * most items open.
 */
async function behindSchedule(db: DB, user: Actor): Promise<BehindRound[]> {
  const out: BehindRound[] = [];
  for (const { round: r, byDepartment } of await openRoundsProgress(db, user)) {
    const departments = byDepartment
      .map((d) => ({ name: d.name, open: OPEN_STATES.reduce((n, s) => n + d.counts[s], 0), total: d.total }))
      .filter((d) => d.open > 0)
      .sort((a, b) => b.open - a.open);
    if (departments.length > 0)
      out.push({
        roundId: r.id,
        title: r.planTitle,
        deadline: r.deadline,
        daysLeft: r.daysLeft,
        departments,
      });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}
