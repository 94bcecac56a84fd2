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

/**
 * An evidence file (根拠資料) marked public when its version was published, copied into that version
 * (src/db/migrations/2026-12-07T0215-publish-evidence.ts); never updated.
 */
export interface PublicationFilesTable {
  municipality_code: string;
  plan_id: string;
  fiscal_year: number;
  version: number;
  /** the evidence file's id (evidence_files.id) when it was published */
  file_id: string;
  item_key: string;
  file_name: string;
  content_type: string;
  size: number;
  data: Uint8Array;
}

export interface PublishTables {
  publications: PublicationsTable;
  publication_files: PublicationFilesTable;
}
