/** Kysely's view of plan_data_versions (see src/db/data-version.ts and migration 2026-12-07T0215-perf-data-versions). */

/**
 * A plan's data version: a random UUID the database's triggers change with every change to the plan document
 * or its judgements. Written only by those triggers; read by the pages' caches.
 */
export interface PlanDataVersionsTable {
  municipality_code: string;
  plan_id: string;
  version: string;
}

/**
 * A reporting round's state version: a random UUID the database's triggers change with every change to the
 * round's items and parts (migration 2026-12-07T0820-round-state-versions). Read by the dashboard's kept parts.
 */
export interface RoundStateVersionsTable {
  municipality_code: string;
  round_id: string;
  version: string;
}

/**
 * A municipality's state version: a random UUID the database's triggers change, as a transaction commits, with
 * every change to its plans, their data versions, its rounds, their state versions and its history (migration
 * 2026-12-07T1440-municipality-state-versions). Read with the session; the dashboard's kept body is found by it.
 */
export interface MunicipalityStateVersionsTable {
  municipality_code: string;
  version: string;
}

export interface DataVersionTables {
  plan_data_versions: PlanDataVersionsTable;
  round_state_versions: RoundStateVersionsTable;
  municipality_state_versions: MunicipalityStateVersionsTable;
}
