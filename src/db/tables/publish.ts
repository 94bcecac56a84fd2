/** Kysely's view of the publication table (see src/db/migrations/2026-11-22T0600-publications.ts). */
import type { ColumnType, Generated } from "kysely";

/**
 * One published version of a plan's fiscal year: a frozen snapshot (the plan document as it was and the
 * evaluation results of that year), never updated; publishing again adds the next version.
 */
export interface PublicationsTable {
  municipality_code: string;
  plan_id: string;
  fiscal_year: number;
  /** 1, 2, … per plan and fiscal year */
  version: number;
  /** the plan's title as published (the plan may be renamed later) */
  title: string;
  /** "all_data", or "approved_round" when a reporting round decided what could be published */
  basis: string;
  /** the snapshot, written as JSON text (see json() in src/db/schema.ts) */
  snapshot: ColumnType<unknown, string, never>;
  published_at: Generated<Date>;
  published_by: string | null;
}

export interface PublishTables {
  publications: PublicationsTable;
}
