/** Kysely's view of the 財政効果額 table (src/db/migrations/2026-12-07T0200-fiscal-effects.ts). */
import type { ColumnType } from "kysely";

type Num = ColumnType<number, number | null | undefined, number | null>;
type Source = { file: string; line?: number; sheet?: string; row?: number; column?: string };

export interface FiscalEffectsTable {
  municipality_code: string;
  plan_id: string;
  item_id: string;
  fiscal_year: number;
  kind: "expenditure_reduction" | "revenue_increase";
  planned: Num | null;
  actual: Num | null;
  unit: "円" | "千円" | "百万円";
  note: string | null;
  position: number;
  source: ColumnType<Source | null, string | null, string | null>;
}

export interface FiscalEffectTables {
  fiscal_effects: FiscalEffectsTable;
}
