/**
 * SQL for the dashboard: in one query, what the page is made from or keyed by — the municipality's plans with
 * their data versions, its open rounds with their plan's data version and their own state version
 * (round_state_versions), and its latest changes (without their before/after values, which the page does not
 * show).
 */
import type { Kysely, Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { compiledOnce } from "../db/prepared.ts";
import type { Database } from "../db/schema.ts";
import { sameMunicipality, scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type DashboardPlanRow = { id: string; key: string; title: string; data_version: string | null };

export type DashboardRoundRow = {
  id: string;
  plan_id: string;
  fiscal_year: number;
  deadline: string;
  status: string;
  version: number;
  plan_title: string;
  plan_data_version: string | null;
  state_version: string | null;
};

export type DashboardEventRow = {
  id: string;
  /** JSON: an ISO timestamp */
  at: string;
  actor_name: string;
  action: string;
  plan_id: string | null;
  item_key: string | null;
  subject: string;
};

export type DashboardState = {
  plans: DashboardPlanRow[];
  openRounds: DashboardRoundRow[];
  recent: DashboardEventRow[];
};

function stateQuery(q: Q, code: string, recentLimit: number) {
  const plans = scoped(q, code)
    .selectFrom("plans")
    .leftJoin("plan_data_versions", (j) =>
      sameMunicipality(j, "plan_data_versions", "plans").onRef("plan_data_versions.plan_id", "=", "plans.id"),
    )
    .select(["plans.id", "plans.key", "plans.title", "plan_data_versions.version as data_version"])
    .orderBy("plans.key");
  const rounds = scoped(q, code)
    .selectFrom("rounds")
    .innerJoin("plans", (j) =>
      j
        .onRef("plans.municipality_code", "=", "rounds.municipality_code")
        .onRef("plans.id", "=", "rounds.plan_id"),
    )
    .leftJoin("plan_data_versions", (j) =>
      sameMunicipality(j, "plan_data_versions", "plans").onRef("plan_data_versions.plan_id", "=", "plans.id"),
    )
    .leftJoin("round_state_versions", (j) =>
      sameMunicipality(j, "round_state_versions", "rounds").onRef(
        "round_state_versions.round_id",
        "=",
        "rounds.id",
      ),
    )
    .select([
      "rounds.id",
      "rounds.plan_id",
      "rounds.fiscal_year",
      "rounds.deadline",
      "rounds.status",
      "rounds.version",
      "plans.title as plan_title",
      "plan_data_versions.version as plan_data_version",
      "round_state_versions.version as state_version",
    ])
    .where("rounds.status", "=", "open")
    .orderBy("rounds.fiscal_year", "desc")
    .orderBy("plans.key")
    .orderBy("rounds.id");
  const recent = scoped(q, code)
    .selectFrom("audit_events")
    .select(["id", "at", "actor_name", "action", "plan_id", "item_key", "subject"])
    .orderBy("at", "desc")
    .orderBy("id")
    .limit(recentLimit);
  return q.selectNoFrom([
    jsonArrayFrom(plans).as("plans"),
    jsonArrayFrom(rounds).as("open_rounds"),
    jsonArrayFrom(recent).as("recent"),
  ]);
}

type StateRow = { plans: unknown; open_rounds: unknown; recent: unknown };

export async function dashboardState(q: Q, code: string, recentLimit: number): Promise<DashboardState> {
  // Built and compiled once per process and prepared (src/db/prepared.ts): building and compiling it with the
  // query builder took about 0.25 ms a request, half as long as PostgreSQL takes to plan and run it, and planning
  // it took longer than running it.
  const query = compiledOnce("dashboardState", (c, n: number) => stateQuery(q, c, n), code, recentLimit);
  const [row] = (await q.executeQuery(query)).rows as StateRow[];
  if (!row) throw new Error("dashboardState: no row");
  return {
    plans: row.plans as DashboardPlanRow[],
    openRounds: row.open_rounds as DashboardRoundRow[],
    recent: row.recent as DashboardEventRow[],
  };
}
