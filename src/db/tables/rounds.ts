/** Kysely's view of the reporting-round tables (see src/db/migrations/2026-11-22T0500-rounds.ts). */
import type { ColumnType, Generated } from "kysely";

import type { RuleOverride } from "../../domain/rounds/plausibility.ts";
import type { ItemState, RoundStatus } from "../../domain/rounds/states.ts";

export interface RoundsTable {
  municipality_code: string;
  id: string;
  plan_id: string;
  fiscal_year: number;
  /** YYYY-MM-DD */
  deadline: string;
  status: RoundStatus;
  version: Generated<number>;
  opened_by: string;
  opened_at: Generated<Date>;
  locked_by: string | null;
  locked_at: Date | null;
}

export interface RoundItemsTable {
  municipality_code: string;
  round_id: string;
  item_key: string;
  state: ItemState;
  /** the item-year's version: bumped by every save, submission and review */
  version: Generated<number>;
  return_comment: string | null;
  updated_by: string | null;
  updated_at: Date | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
}

/**
 * One department's part of an item in a round (issue 12.3): its state, version and return comment, and for
 * an item with several departments its own texts (null = not written in this part).
 */
export interface RoundPartsTable {
  municipality_code: string;
  round_id: string;
  item_key: string;
  department_key: string;
  state: ItemState;
  version: Generated<number>;
  return_comment: string | null;
  narrative: string | null;
  next_year_plan: string | null;
  status: string | null;
  updated_by: string | null;
  updated_at: Date | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
}

/** The office's changes to an indicator's derived plausibility rule (src/domain/rounds/plausibility.ts). */
export interface IndicatorRulesTable {
  municipality_code: string;
  plan_id: string;
  indicator_key: string;
  rule: ColumnType<RuleOverride, string, string>;
  updated_by: string;
  updated_at: Generated<Date>;
}

export interface RoundTables {
  rounds: RoundsTable;
  round_items: RoundItemsTable;
  round_parts: RoundPartsTable;
  indicator_rules: IndicatorRulesTable;
}
