/**
 * The data version of a plan: a value in `plan_data_versions` that changes with every change to the data a
 * plan's pages are built from (the plan document and the reviewers' judgements). The database changes it, not
 * the application: every table that feeds the plan document or its evaluation has statement-level triggers
 * (insert, update, delete, truncate) that give the plans it touched a new random version in the same
 * transaction. So no code path — a round save, an import, the editor, a judgement, a scale change, a restore,
 * SQL typed by hand — can change the data and leave the version as it was; caches keyed by the version
 * (src/plans/plan-cache.ts, src/reports/evaluation-cache.ts) can never serve what was computed from older data.
 *
 * Versions are random UUIDs, never a counter: a plan deleted and restored, or copied into another database
 * with the same id, can never come back with a version a process has already seen for other data.
 *
 * A new table whose rows end up in the plan document or its evaluation is covered by its migration calling
 * `coverPlanData(db, table, via)`; src/db/data-version.dbtest.ts fails for a table with a plan_id, item_id,
 * indicator_id, round_id or department_id column that is neither covered nor listed there as not feeding evaluation.
 */
import { type Kysely, sql } from "kysely";

/** How a covered table's rows lead to their plan. */
export type PlanDataVia =
  /** the plans table itself (its id) */
  | "self"
  /** a plan_id column */
  | "plan"
  /** an item_id column (plan_items) */
  | "item"
  /** an indicator_id column (indicators) */
  | "indicator"
  /** a round_id column (rounds) */
  | "round"
  /** every plan of the row's municipality (departments and their names, the municipality's name) */
  | "municipality";

const EVENTS = ["insert", "update", "delete"] as const;

/**
 * The trigger function every covered table calls (created by the migration 2026-12-07T0215-perf-data-versions).
 * It is `create or replace`: a change to it (a new way to the plan) goes with a new migration that runs it again,
 * so that databases migrated before get it too.
 */
export const BUMP_FUNCTION_SQL = sql`
create or replace function gyokaku_plan_data_changed() returns trigger language plpgsql as $body$
begin
  if tg_op = 'TRUNCATE' then
    if tg_argv[0] = 'self' then
      delete from plan_data_versions;
    else
      update plan_data_versions set version = gen_random_uuid();
    end if;
    return null;
  end if;
  if tg_argv[0] = 'self' and tg_op = 'DELETE' then
    delete from plan_data_versions v using changed c
     where v.municipality_code = c.municipality_code and v.plan_id = c.id;
    return null;
  end if;
  if tg_argv[0] = 'self' then
    insert into plan_data_versions (municipality_code, plan_id, version)
    select p.municipality_code, p.id, gen_random_uuid() from plans p
     where (p.municipality_code, p.id) in (select c.municipality_code, c.id from changed c)
    on conflict (municipality_code, plan_id) do update set version = excluded.version;
  elsif tg_argv[0] = 'plan' then
    insert into plan_data_versions (municipality_code, plan_id, version)
    select p.municipality_code, p.id, gen_random_uuid() from plans p
     where (p.municipality_code, p.id) in (select c.municipality_code, c.plan_id from changed c)
    on conflict (municipality_code, plan_id) do update set version = excluded.version;
  elsif tg_argv[0] = 'item' then
    insert into plan_data_versions (municipality_code, plan_id, version)
    select p.municipality_code, p.id, gen_random_uuid() from plans p
     where (p.municipality_code, p.id) in (
       select i.municipality_code, i.plan_id from changed c
         join plan_items i on i.municipality_code = c.municipality_code and i.id = c.item_id)
    on conflict (municipality_code, plan_id) do update set version = excluded.version;
  elsif tg_argv[0] = 'indicator' then
    insert into plan_data_versions (municipality_code, plan_id, version)
    select p.municipality_code, p.id, gen_random_uuid() from plans p
     where (p.municipality_code, p.id) in (
       select i.municipality_code, i.plan_id from changed c
         join indicators i on i.municipality_code = c.municipality_code and i.id = c.indicator_id)
    on conflict (municipality_code, plan_id) do update set version = excluded.version;
  elsif tg_argv[0] = 'round' then
    insert into plan_data_versions (municipality_code, plan_id, version)
    select p.municipality_code, p.id, gen_random_uuid() from plans p
     where (p.municipality_code, p.id) in (
       select r.municipality_code, r.plan_id from changed c
         join rounds r on r.municipality_code = c.municipality_code and r.id = c.round_id)
    on conflict (municipality_code, plan_id) do update set version = excluded.version;
  elsif tg_argv[0] = 'municipality' then
    insert into plan_data_versions (municipality_code, plan_id, version)
    select p.municipality_code, p.id, gen_random_uuid() from plans p
     where p.municipality_code in (select c.municipality_code from changed c)
    on conflict (municipality_code, plan_id) do update set version = excluded.version;
  else
    raise exception 'gyokaku_plan_data_changed: unknown way to the plan: %', tg_argv[0];
  end if;
  return null;
end
$body$`;

/** The trigger names of a covered table (one per event, and truncate). */
export const triggerNames = (table: string) => [...EVENTS, "truncate"].map((e) => `${table}_plan_data_${e}`);

/**
 * Makes every change to `table` give the plans it touches a new data version (see the top of this file). For
 * migrations; the function must exist (created by the migration that made plan_data_versions).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function coverPlanData(db: Kysely<any>, table: string, via: PlanDataVia): Promise<void> {
  for (const event of EVENTS) {
    // Transition tables need one trigger per event; deleted rows are the old ones, the others the new ones.
    const rows = event === "delete" ? sql`old table as changed` : sql`new table as changed`;
    await sql`create trigger ${sql.id(`${table}_plan_data_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
      referencing ${rows} for each statement execute function gyokaku_plan_data_changed(${sql.lit(via)})`.execute(
      db,
    );
  }
  await sql`create trigger ${sql.id(`${table}_plan_data_truncate`)} after truncate on ${sql.table(table)}
    for each statement execute function gyokaku_plan_data_changed(${sql.lit(via)})`.execute(db);
}

/** Undoes coverPlanData (for a migration's down()). */
// biome-ignore lint/suspicious/noExplicitAny: see coverPlanData
export async function uncoverPlanData(db: Kysely<any>, table: string): Promise<void> {
  for (const name of triggerNames(table))
    await sql`drop trigger if exists ${sql.id(name)} on ${sql.table(table)}`.execute(db);
}
