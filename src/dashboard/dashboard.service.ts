/**
 * The dashboard: results of a plan's indicators for a fiscal year by level of the plan and by department,
 * the departments behind schedule in open reporting rounds, and the items changed most recently.
 */
import { type AuditEvent, recentChanges } from "../audit/audit.service.ts";
import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canEditPlan } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { rollUpBy, type Tally, tally } from "../domain/evaluation/index.ts";
import {
  defaultFiscalYear,
  evaluateStoredPlan,
  fiscalEffectLine,
  loadPlanFor,
  type OutcomeColumn,
  outcomeColumns,
} from "../reports/reports.service.ts";
import { OPEN_STATES, openRoundsProgress, plansOf } from "../rounds/rounds.service.ts";

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

export type Dashboard = {
  plans: { id: string; title: string }[];
  plan: { id: string; title: string; levels: string[]; periodStart: number; periodEnd: number } | null;
  fiscalYear: number | null;
  level: number;
  byLevel: TallyRow[];
  byDepartment: TallyRow[];
  total: Tally<string> | null;
  columns: DashboardColumns;
  /** 財政効果額 to the year, one line; null when the plan gives none */
  fiscalEffect: string | null;
  behind: BehindRound[];
  recent: AuditEvent[];
  canEdit: boolean;
};

const label = (i: Item) => `${i.number ?? ""} ${i.title}`.trim();

export async function getDashboard(
  db: DB,
  user: Actor,
  query: { plan?: string | undefined; fy?: string | undefined; level?: string | undefined },
): Promise<Dashboard> {
  const plans = (await plansOf(db, user.municipalityCode)).map((p) => ({ id: p.id, title: p.title }));
  const chosen = plans.find((p) => p.id === query.plan) ?? plans[0];
  const recent = await recentChanges(db, user, 15);
  const loaded = chosen ? await loadPlanFor(db, user, chosen.id) : null;
  const behind = await behindSchedule(db, user, loaded ? new Map([[loaded.planId, loaded.doc]]) : undefined);
  if (!chosen || !loaded)
    return {
      plans,
      plan: null,
      fiscalYear: null,
      level: 0,
      byLevel: [],
      byDepartment: [],
      total: null,
      columns: DEFAULT_COLUMNS,
      fiscalEffect: null,
      behind,
      recent,
      canEdit: false,
    };
  const doc = loaded.doc;
  const fyQuery = Number(query.fy);
  const fy =
    Number.isInteger(fyQuery) && fyQuery >= doc.plan.periodStart - 1 && fyQuery <= doc.plan.periodEnd + 1
      ? fyQuery
      : defaultFiscalYear(doc);
  const levelQuery = Number(query.level);
  const level =
    Number.isInteger(levelQuery) && levelQuery >= 0 && levelQuery < doc.plan.levels.length ? levelQuery : 0;
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
    plans,
    plan: {
      id: chosen.id,
      title: doc.plan.title,
      levels: doc.plan.levels,
      periodStart: doc.plan.periodStart,
      periodEnd: doc.plan.periodEnd,
    },
    fiscalYear: fy,
    level,
    byLevel: rollUpBy(grouped, "level", keys).map((g) => ({ label: g.group, tally: g.tally })),
    byDepartment: rollUpBy(grouped, "department", keys)
      .map((g) => ({ label: g.group, tally: g.tally }))
      .sort((a, b) => behindCount(b.tally, columns) - behindCount(a.tally, columns)),
    total: tally(grouped, keys),
    columns,
    fiscalEffect: fiscalEffectLine(evaluated),
    behind,
    recent,
    canEdit: canEditPlan(user, user),
  };
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
async function behindSchedule(
  db: DB,
  user: Actor,
  known?: ReadonlyMap<string, PlanDocument>,
): Promise<BehindRound[]> {
  const out: BehindRound[] = [];
  for (const { round: r, byDepartment } of await openRoundsProgress(db, user, known)) {
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
