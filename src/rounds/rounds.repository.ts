/** SQL for reporting rounds (照会): rounds and the state of each item (the values they write: round-values.repository.ts). */
import type { Kysely, Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { compiledOnce } from "../db/prepared.ts";
import type { Database } from "../db/schema.ts";
import { sameMunicipality, scoped } from "../db/tenant.ts";
import type { ItemState, RoundStatus } from "../domain/rounds/states.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type RoundRow = {
  municipality_code: string;
  id: string;
  plan_id: string;
  fiscal_year: number;
  deadline: string;
  status: RoundStatus;
  version: number;
  opened_by: string;
  opened_at: Date;
  locked_by: string | null;
  locked_at: Date | null;
  plan_title: string;
  plan_key: string;
  /** the plan's data version (src/db/data-version.ts), read with the round: the key of its cached document */
  plan_data_version: string | null;
  /** the round's state version (round_state_versions: its items' and parts' states), read with the round */
  state_version: string | null;
};

function roundsQuery(q: Q, code: string) {
  return scoped(q, code)
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
      "rounds.municipality_code",
      "rounds.id",
      "rounds.plan_id",
      "rounds.fiscal_year",
      "rounds.deadline",
      "rounds.status",
      "rounds.version",
      "rounds.opened_by",
      "rounds.opened_at",
      "rounds.locked_by",
      "rounds.locked_at",
      "plans.title as plan_title",
      "plans.key as plan_key",
      "plan_data_versions.version as plan_data_version",
      "round_state_versions.version as state_version",
    ]);
}

export async function findRound(q: Q, code: string, id: string): Promise<RoundRow | undefined> {
  const query = compiledOnce(
    "findRound",
    (c, i: string) => roundsQuery(q, c).where("rounds.id", "=", i),
    code,
    id,
  );
  return (await q.executeQuery(query)).rows[0] as RoundRow | undefined;
}

type RoundWithRules = RoundRow & { rules: { indicator_key: string; rule: unknown }[] };

function roundWithRulesQuery(q: Q, code: string, id: string) {
  return roundsQuery(q, code)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("indicator_rules")
          .select(["indicator_rules.indicator_key", "indicator_rules.rule"])
          .whereRef("indicator_rules.municipality_code", "=", "rounds.municipality_code")
          .whereRef("indicator_rules.plan_id", "=", "rounds.plan_id")
          .orderBy("indicator_rules.indicator_key"),
      ).as("rules"),
    )
    .where("rounds.id", "=", id);
}

/**
 * The round with the plausibility rules of its plan (indicator_rules: under no version), in one query: what the
 * round's page is kept by (src/rounds/round-page.ts).
 */
export async function findRoundWithRules(
  q: Q,
  code: string,
  id: string,
): Promise<RoundWithRules | undefined> {
  // built and compiled once per process and prepared on PostgreSQL (src/db/prepared.ts), like the dashboard's
  const query = compiledOnce("roundWithRules", (c, i) => roundWithRulesQuery(q, c, i), code, id);
  return (await q.executeQuery(query)).rows[0] as RoundWithRules | undefined;
}

/** The round of a plan's fiscal year (the reports' caveats, on every report page: compiled once and prepared). */
export async function findRoundByPlanYear(
  q: Q,
  code: string,
  planId: string,
  fy: number,
): Promise<RoundRow | undefined> {
  const query = compiledOnce(
    "roundByPlanYear",
    (c, plan: string, year: number) =>
      roundsQuery(q, c).where("rounds.plan_id", "=", plan).where("rounds.fiscal_year", "=", year),
    code,
    planId,
    fy,
  );
  return (await q.executeQuery(query)).rows[0] as RoundRow | undefined;
}

const listQuery = (q: Q, code: string) =>
  roundsQuery(q, code).orderBy("rounds.fiscal_year", "desc").orderBy("plans.key");

export async function listRounds(q: Q, code: string): Promise<RoundRow[]> {
  return (await q.executeQuery(compiledOnce("listRounds", (c) => listQuery(q, c), code))).rows as RoundRow[];
}

const plansQuery = (q: Q, code: string) =>
  scoped(q, code)
    .selectFrom("plans")
    .select(["id", "key", "title", "period_start", "period_end"])
    .orderBy("key");

/** The municipality's plans (the form that opens a round, on the list of rounds: prepared like the list). */
export async function plansOf(q: Q, code: string) {
  type Row = Awaited<ReturnType<ReturnType<typeof plansQuery>["execute"]>>[number];
  return (await q.executeQuery(compiledOnce("plansOf", (c) => plansQuery(q, c), code))).rows as Row[];
}

export async function findPlan(q: Q, code: string, id: string) {
  return scoped(q, code)
    .selectFrom("plans")
    .leftJoin("plan_data_versions", (j) =>
      sameMunicipality(j, "plan_data_versions", "plans").onRef("plan_data_versions.plan_id", "=", "plans.id"),
    )
    .select([
      "plans.municipality_code",
      "plans.id",
      "plans.key",
      "plans.title",
      "plans.period_start",
      "plans.period_end",
      "plan_data_versions.version as data_version",
    ])
    .where("plans.id", "=", id)
    .executeTakeFirst();
}

export async function insertRound(
  q: Q,
  row: {
    municipality_code: string;
    id: string;
    plan_id: string;
    fiscal_year: number;
    deadline: string;
    status: RoundStatus;
    opened_by: string;
  },
): Promise<void> {
  await q.insertInto("rounds").values(row).execute();
}

/** Compare-and-set on the round's version: 0 rows when someone changed it first. */
export async function updateRound(
  q: Q,
  code: string,
  id: string,
  expectedVersion: number,
  patch: { status: RoundStatus; locked_by: string | null; locked_at: Date | null } | { deadline: string },
): Promise<boolean> {
  const r = await scoped(q, code)
    .updateTable("rounds")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type RoundItemRow = {
  item_key: string;
  state: ItemState;
  version: number;
  return_comment: string | null;
  updated_by: string | null;
  updated_at: Date | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
};

export async function roundItems(q: Q, code: string, roundId: string): Promise<RoundItemRow[]> {
  return scoped(q, code)
    .selectFrom("round_items")
    .select([
      "item_key",
      "state",
      "version",
      "return_comment",
      "updated_by",
      "updated_at",
      "submitted_at",
      "reviewed_at",
    ])
    .where("round_id", "=", roundId)
    .execute();
}

/** Round items for these keys, unless they exist (items added to the plan after the round opened get one on first use). */
export async function ensureRoundItems(
  q: Q,
  code: string,
  roundId: string,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  await q
    .insertInto("round_items")
    .values(
      keys.map((item_key) => ({
        municipality_code: code,
        round_id: roundId,
        item_key,
        state: "not_started" as const,
      })),
    )
    .onConflict((oc) => oc.columns(["municipality_code", "round_id", "item_key"]).doNothing())
    .execute();
}

/**
 * Compare-and-set on the item-year's version: bumps it and applies the patch only when the version is the
 * one the form was made from; returns false when someone saved in between.
 */
export async function updateRoundItem(
  q: Q,
  code: string,
  roundId: string,
  itemKey: string,
  expectedVersion: number,
  patch: Partial<
    Pick<
      RoundItemRow,
      "state" | "return_comment" | "updated_by" | "updated_at" | "submitted_at" | "reviewed_at"
    >
  >,
): Promise<boolean> {
  const r = await scoped(q, code)
    .updateTable("round_items")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("round_id", "=", roundId)
    .where("item_key", "=", itemKey)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The round's status, read with a share lock held until the transaction ends: a save and a lock of the same
 * round then happen one after the other, never interleaved.
 */
export async function roundStatusForShare(q: Q, code: string, id: string): Promise<RoundStatus | undefined> {
  const r = await scoped(q, code)
    .selectFrom("rounds")
    .select("status")
    .where("id", "=", id)
    .forShare()
    .executeTakeFirst();
  return r?.status;
}
