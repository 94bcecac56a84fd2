/** Kysely's view of the plan structure versions (see src/db/migrations/2026-11-22T0500-rounds.ts). */
export interface PlanVersionsTable {
  municipality_code: string;
  plan_id: string;
  version: number;
}

export interface EditingTables {
  plan_versions: PlanVersionsTable;
}
