/** Kysely's view of the audit trail (see src/db/migrations/2026-11-22T0500-rounds.ts). */
import type { ColumnType, Generated } from "kysely";

type Json<T> = ColumnType<T, string | null, string | null>;

export interface AuditEventsTable {
  municipality_code: string;
  id: string;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  action: string;
  plan_id: string | null;
  item_key: string | null;
  fiscal_year: number | null;
  /** what changed, in words: 「指標 職員提案数（令和5年度）」 */
  subject: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  note: string | null;
  /** where a removed value belonged, to restore it from the history (see the migration 2026-12-07T0530) */
  place: Json<unknown> | null;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
}
