/**
 * SQL for plans: finding and listing plans and the locked years of a plan. Storing a whole plan document is
 * in plan-write.repository.ts, reading it back in plan-read.repository.ts (re-exported here). Every query
 * is scoped by municipality_code (the tenant key).
 */
import type { Kysely, Transaction } from "kysely";
import { compiledOnceAcross } from "../db/prepared.ts";
import type { Database } from "../db/schema.ts";
import { acrossMunicipalities, sameMunicipality, scoped, scopedOrAll } from "../db/tenant.ts";

export { type DepartmentRow, loadDepartments, loadPlanDocument } from "./plan-read.repository.ts";
export { replacePlan, upsertDepartments, upsertMunicipality } from "./plan-write.repository.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type PlanSummaryRow = {
  id: string;
  municipalityCode: string;
  municipalityName: string;
  key: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  levels: string[];
  itemCount: number;
  indicatorCount: number;
  updatedAt: Date;
};
/** The fiscal years of the plan whose reporting round is locked (read-only until unlocked). */
export async function lockedFiscalYears(q: Q, code: string, planId: string): Promise<number[]> {
  const rows = await scoped(q, code)
    .selectFrom("rounds")
    .select("fiscal_year")
    .where("plan_id", "=", planId)
    .where("status", "=", "locked")
    .orderBy("fiscal_year")
    // A round locked while the import runs waits for it (as round saves do), so it never locks in new data.
    .forShare()
    .execute();
  return rows.map((r) => r.fiscal_year);
}

/** The id of a municipality's plan by its key, or undefined. */
export async function findPlanId(q: Q, code: string, key: string): Promise<string | undefined> {
  const row = await scoped(q, code)
    .selectFrom("plans")
    .select("id")
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.id;
}

/** A plan's row by id, with its data version (src/db/data-version.ts; null only before the triggers made one). */
const planRowQuery = (q: Q, id: string) =>
  // A plan id (a UUID) names one plan in the whole instance; callers check the municipality against the user.
  acrossMunicipalities(q, "a plan by its id")
    .selectFrom("plans")
    .leftJoin("plan_data_versions", (j) =>
      sameMunicipality(j, "plan_data_versions", "plans").onRef("plan_data_versions.plan_id", "=", "plans.id"),
    )
    .selectAll("plans")
    .select("plan_data_versions.version as data_version")
    .where("plans.id", "=", id);

/** A plan's row with its data version (on every plan, report and item page: compiled once and prepared). */
export async function findPlanRow(q: Q, id: string) {
  type Row = Awaited<ReturnType<ReturnType<typeof planRowQuery>["execute"]>>[number];
  const query = compiledOnceAcross("findPlanRow", (i: string) => planRowQuery(q, i), id);
  return (await q.executeQuery(query)).rows[0] as Row | undefined;
}

/** A plan's data version (src/db/data-version.ts), or undefined when it has none (the plan is gone). */
export async function findDataVersion(q: Q, code: string, planId: string): Promise<string | undefined> {
  const row = await scoped(q, code)
    .selectFrom("plan_data_versions")
    .select("version")
    .where("plan_id", "=", planId)
    .executeTakeFirst();
  return row?.version;
}

export async function findPlansByKey(q: Q, key: string, code?: string) {
  return scopedOrAll(q, code, "a plan key given on the command line")
    .selectFrom("plans")
    .selectAll()
    .where("key", "=", key)
    .execute();
}

/** Every plan, or those of one municipality. */
export async function listPlans(q: Q, municipalityCode?: string): Promise<PlanSummaryRow[]> {
  const rows = await scopedOrAll(q, municipalityCode, "the CLI's list of every plan")
    .selectFrom("plans")
    .innerJoin("municipalities", "municipalities.municipality_code", "plans.municipality_code")
    .select((eb) => [
      "plans.id",
      "plans.municipality_code",
      "municipalities.name as municipality_name",
      "plans.key",
      "plans.title",
      "plans.period_start",
      "plans.period_end",
      "plans.levels",
      "plans.updated_at",
      eb
        .selectFrom("plan_items")
        .whereRef("plan_items.municipality_code", "=", "plans.municipality_code")
        .whereRef("plan_items.plan_id", "=", "plans.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("item_count"),
      eb
        .selectFrom("indicators")
        .whereRef("indicators.municipality_code", "=", "plans.municipality_code")
        .whereRef("indicators.plan_id", "=", "plans.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("indicator_count"),
    ])
    .orderBy("plans.municipality_code")
    .orderBy("plans.key")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    key: r.key,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    levels: r.levels,
    itemCount: Number(r.item_count ?? 0),
    indicatorCount: Number(r.indicator_count ?? 0),
    updatedAt: r.updated_at,
  }));
}
