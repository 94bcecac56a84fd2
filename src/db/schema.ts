/** Kysely's view of the tables (see src/db/migrations). jsonb columns are written as JSON text (see json()). */
import type { ColumnType, Generated } from "kysely";
import type { AuditTables } from "./tables/audit.ts";
import type { AuthTables } from "./tables/auth.ts";
import type { DataVersionTables } from "./tables/data-versions.ts";
import type { EditingTables } from "./tables/editing.ts";
import type { FiscalEffectTables } from "./tables/fiscal-effects.ts";
import type { NotificationTables } from "./tables/notifications.ts";
import type { PublishTables } from "./tables/publish.ts";
import type { RoundTables } from "./tables/rounds.ts";
import type { PlanScalesJson } from "./tables/scales.ts";
import type { StaffingTables } from "./tables/staffing.ts";

type Json<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Num = ColumnType<number, number | null | undefined, number | null>;

/** The text to bind to a jsonb column (node-postgres would otherwise send a JS array as a PostgreSQL array). */
export function json<T>(value: T): string {
  return JSON.stringify(value);
}

export type SourceJson = { file: string; line?: number; sheet?: string; row?: number; column?: string };
/** A 年度別計画値 as the plan document holds it (src/core/plan-document/schema.ts, plannedValueSchema). */
export type PlannedValue = {
  fiscalYear: number;
  text: string;
  kind: "number" | "stage" | "text" | "empty";
  number?: number | undefined;
  unit?: string | undefined;
  stage?: string | undefined;
  unreadable?: string | undefined;
  series?: string | undefined;
  cumulative?: boolean | undefined;
  source?: SourceJson | undefined;
};

/** A target as the plan document holds it (targetSchema): plans.fiscal_effect_target. */
export type TargetJson = {
  text: string;
  kind: "value_by_year" | "floor" | "ceiling" | "direction" | "relative" | "stage" | "text";
  number?: number | undefined;
  unit?: string | undefined;
  fiscalYear?: number | undefined;
  fromFiscalYear?: number | undefined;
  direction?: "increase" | "decrease" | undefined;
  relativeToFiscalYear?: number | undefined;
  change?: { amount: number; unit: string } | undefined;
  stage?: string | undefined;
  basis?: "single_year" | "cumulative" | "period_total" | undefined;
  unreadable?: string | undefined;
  source?: SourceJson | undefined;
};

export interface MunicipalitiesTable {
  municipality_code: string;
  name: string;
  created_at: Generated<Date>;
}

export interface DepartmentsTable {
  municipality_code: string;
  id: Generated<string>;
  key: string;
  parent_id: string | null;
  kind: string | null;
  position: number;
}

export interface DepartmentNamesTable {
  municipality_code: string;
  department_id: string;
  name: string;
  valid_from: number;
}

export interface PlansTable {
  municipality_code: string;
  id: Generated<string>;
  key: string;
  title: string;
  period_start: number;
  period_end: number;
  levels: Json<string[]>;
  stages: Json<string[] | null> | null;
  sources: Json<string[]>;
  /** plan.scales of the plan document (src/core/plan-document/scales.ts); NULL for gyokaku's own scales. */
  scales: Json<PlanScalesJson | null> | null;
  /** plan.fiscalEffectTarget of the plan document (a target, as indicator_targets' columns in camelCase); NULL for none. */
  fiscal_effect_target: Json<TargetJson | null> | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PlanItemsTable {
  municipality_code: string;
  id: Generated<string>;
  plan_id: string;
  parent_id: string | null;
  key: string;
  depth: number;
  position: number;
  number: string | null;
  title: string;
  description: string | null;
  texts: Json<Record<string, string>>;
  attributes: Json<Record<string, string>>;
  cross_listing_of: string | null;
}

export interface PlanItemDepartmentsTable {
  municipality_code: string;
  item_id: string;
  department_id: string;
  position: number;
}

export interface IndicatorsTable {
  municipality_code: string;
  id: Generated<string>;
  plan_id: string;
  item_id: string;
  key: string;
  position: number;
  number: string | null;
  name: string;
  unit: string | null;
  series: Json<string[]>;
  stages: Json<string[] | null> | null;
  /** 年度別計画値 of the plan document, whole (absent when the plan gives none). */
  planned_values: Json<PlannedValue[] | null> | null;
}

export interface IndicatorDepartmentsTable {
  municipality_code: string;
  indicator_id: string;
  department_id: string;
  position: number;
}

interface ValueColumns {
  municipality_code: string;
  indicator_id: string;
  /** '' for an indicator without series */
  series: string;
  position: number;
  text: string;
  kind: string;
  number: Num | null;
  unit: string | null;
  stage: string | null;
  unreadable: string | null;
  source: Json<SourceJson | null> | null;
}

export interface IndicatorBaselinesTable extends ValueColumns {
  fiscal_year: number | null;
}

export interface IndicatorTargetsTable extends ValueColumns {
  fiscal_year: number | null;
  from_fiscal_year: number | null;
  direction: "increase" | "decrease" | null;
  relative_to_fiscal_year: number | null;
  change_amount: Num | null;
  change_unit: string | null;
  /** single_year (also when null), cumulative (累計) or period_total (計画期間の合計). */
  basis: "single_year" | "cumulative" | "period_total" | null;
}

export interface ActualValuesTable extends ValueColumns {
  fiscal_year: number;
  updated_at: Generated<Date>;
}

export interface ItemProgressTable {
  municipality_code: string;
  item_id: string;
  fiscal_year: number;
  narrative: string | null;
  next_year_plan: string | null;
  status: string | null;
  source: Json<SourceJson | null> | null;
}

export interface ItemActivitiesTable {
  municipality_code: string;
  id: Generated<string>;
  item_id: string;
  fiscal_year: number;
  year_label: string | null;
  kind: "plan" | "result";
  status: string | null;
  text: string;
  position: number;
  source: Json<SourceJson | null> | null;
}

export interface IndicatorJudgementsTable {
  municipality_code: string;
  indicator_id: string;
  series: string;
  fiscal_year: number;
  status: string;
  /** One of the plan's own grades (plan.scales.outcome) the reviewer set; NULL for a judgement of `status`. */
  grade: string | null;
  reason: string;
  judged_by: string;
  judged_at: Generated<Date>;
}

export interface Database
  extends AuthTables,
    RoundTables,
    AuditTables,
    EditingTables,
    PublishTables,
    StaffingTables,
    NotificationTables,
    FiscalEffectTables,
    DataVersionTables {
  indicator_judgements: IndicatorJudgementsTable;
  municipalities: MunicipalitiesTable;
  departments: DepartmentsTable;
  department_names: DepartmentNamesTable;
  plans: PlansTable;
  plan_items: PlanItemsTable;
  plan_item_departments: PlanItemDepartmentsTable;
  indicators: IndicatorsTable;
  indicator_departments: IndicatorDepartmentsTable;
  indicator_baselines: IndicatorBaselinesTable;
  indicator_targets: IndicatorTargetsTable;
  actual_values: ActualValuesTable;
  item_progress: ItemProgressTable;
  item_activities: ItemActivitiesTable;
}
