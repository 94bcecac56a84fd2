/** Kysely's view of the staffing tables (src/db/migrations/2026-11-22T0400-staffing.ts). */
import type { ColumnType, Generated } from "kysely";

type Json<T> = ColumnType<T, string, string>;
type Num = ColumnType<number, number | null | undefined, number | null>;
type Source = { file: string; line?: number; sheet?: string; row?: number; column?: string };
type SourceColumn = Json<Source | null> | null;

export type PeerGroupJson = {
  scheme: string;
  group: string;
  members?: number;
  baseDate: string;
  title?: string;
};

export interface StaffingDocumentsTable {
  municipality_code: string;
  title: string | null;
  sector_scheme: string;
  sources: Json<string[]>;
  /** The 類型 the municipality is set to (migration 2026-12-07T0030-staffing2-peer-tables). */
  peer_group: Json<{ scheme: string; group: string; source?: Source } | null> | null;
  year_labels: Json<{ fiscalYear: number; label: string; note?: string; source?: Source }[] | null> | null;
  updated_at: Generated<Date>;
}

export interface StaffingUnitsTable {
  municipality_code: string;
  id: string;
  key: string;
  name: string;
  parent_id: string | null;
  kind: string | null;
  sector: string | null;
  staff_class: "general" | "special" | null;
  note: string | null;
  position: number;
  source: SourceColumn;
}

interface UnitFigure {
  municipality_code: string;
  unit_id: string;
  fiscal_year: number;
  source: SourceColumn;
}

export interface StaffingHeadcountsTable extends UnitFigure {
  count: number;
  as_of: string | null;
}

export interface StaffingBreakdownsTable extends UnitFigure {
  category: string;
  count: number;
  label: string | null;
}

export interface StaffingQuotasTable extends UnitFigure {
  quota: number;
}

export interface StaffingQuotaCeilingsTable extends UnitFigure {
  value: number;
  label: string | null;
}

export interface StaffingPrintedTotalsTable extends UnitFigure {
  measure: "headcount" | "quota";
  value: number;
  label: string | null;
}

export interface StaffingPopulationsTable {
  municipality_code: string;
  fiscal_year: number;
  population: number;
  as_of: string | null;
  basis: string | null;
  source: SourceColumn;
}

export interface StaffingDiagnosesTable {
  municipality_code: string;
  fiscal_year: number;
  population: number;
  population_as_of: string | null;
  peer_group: Json<PeerGroupJson>;
  averages: Json<{ total: string; simplePer10k?: number; correctedPer10k?: number }[]>;
  printed_totals: Json<{ total: string; previous?: number; current?: number; source?: Source }[]>;
  source: SourceColumn;
}

export interface StaffingDiagnosisRowsTable {
  municipality_code: string;
  fiscal_year: number;
  sector: string;
  position: number;
  previous: number | null;
  current: number | null;
  simple_per10k: Num | null;
  simple_estimate: number | null;
  corrected_per10k: Num | null;
  corrected_estimate: number | null;
  source: SourceColumn;
}

export interface StaffingPeerComparisonsTable {
  municipality_code: string;
  fiscal_year: number;
  population_as_of: string | null;
  peer_group: Json<PeerGroupJson>;
  group_totals: Json<{
    population: number;
    ordinaryAccount: number;
    generalAdministration?: number;
    source?: Source;
  } | null> | null;
}

export interface StaffingPeerMembersTable {
  municipality_code: string;
  fiscal_year: number;
  position: number;
  prefecture: string | null;
  name: string;
  is_self: boolean;
  population: number;
  ordinary_account: number;
  general_administration: number | null;
  source: SourceColumn;
}

export interface StaffingClassificationsTable {
  municipality_code: string;
  fiscal_year: number;
  scheme: string;
  population: number;
  population_as_of: string | null;
  census_year: number | null;
  employed: Json<{ primary: number; secondary: number; tertiary: number } | null> | null;
  shares: Json<{ secondaryTertiaryPercent: number; tertiaryPercent: number } | null> | null;
  printed_group: string | null;
  source: SourceColumn;
}

export interface StaffingLaspeyresTable {
  municipality_code: string;
  fiscal_year: number;
  own: number;
  peer_average: Num | null;
  national_average: Num | null;
  national_label: string | null;
  source: SourceColumn;
}

export interface StaffingCohortsTable {
  municipality_code: string;
  birth_fiscal_year: number;
  count: number | null;
  /** As printed (昭和38年生まれ); migration 2026-12-07T0030-staffing2-peer-tables. */
  label: string | null;
  printed_until: number | null;
  source: SourceColumn;
}

export interface StaffingHiringPlansTable {
  municipality_code: string;
  fiscal_year: number;
  hires: number;
  other_leavers: number | null;
  source: SourceColumn;
}

export interface StaffingPlansTable {
  municipality_code: string;
  /** The staffing document's staffingPlan, as stored. */
  plan: Json<unknown>;
}

export interface StaffingMovementsTable {
  municipality_code: string;
  fiscal_year: number;
  leavers: number | null;
  hires: number | null;
  source: SourceColumn;
}

/** A national 類似団体別職員数 table, under the shared reference scope (SHARED_REFERENCE_CODE). */
export interface StaffingPeerTablesTable {
  municipality_code: string;
  scheme: string;
  group_code: string;
  fiscal_year: number;
  base_date: string;
  members: number | null;
  title: string | null;
  sector_scheme: string;
  rows: Json<{ sector: string; simplePer10k?: number; correctedPer10k?: number; source?: Source }[]>;
  averages: Json<{ total: string; simplePer10k?: number; correctedPer10k?: number; source?: Source }[]>;
  source: SourceColumn;
  imported_at: Generated<Date>;
}

export interface StaffingTables {
  staffing_documents: StaffingDocumentsTable;
  staffing_units: StaffingUnitsTable;
  staffing_headcounts: StaffingHeadcountsTable;
  staffing_breakdowns: StaffingBreakdownsTable;
  staffing_quotas: StaffingQuotasTable;
  staffing_quota_ceilings: StaffingQuotaCeilingsTable;
  staffing_printed_totals: StaffingPrintedTotalsTable;
  staffing_populations: StaffingPopulationsTable;
  staffing_diagnoses: StaffingDiagnosesTable;
  staffing_diagnosis_rows: StaffingDiagnosisRowsTable;
  staffing_peer_comparisons: StaffingPeerComparisonsTable;
  staffing_peer_members: StaffingPeerMembersTable;
  staffing_classifications: StaffingClassificationsTable;
  staffing_laspeyres: StaffingLaspeyresTable;
  staffing_cohorts: StaffingCohortsTable;
  staffing_hiring_plans: StaffingHiringPlansTable;
  staffing_plans: StaffingPlansTable;
  staffing_movements: StaffingMovementsTable;
  staffing_peer_tables: StaffingPeerTablesTable;
}
