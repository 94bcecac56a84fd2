/**
 * Columns added for issue 10: 集計方法 of the 初期値・目標 sheet (how a numeric target is counted: 単年度 / 累計 /
 * 計画期間の合計), and 区分 of the 実績値 sheet (実績値, or the plan's yearly or cumulative row).
 */
import { BASIS_LABELS, TARGET_BASES } from "../../domain/values/index.ts";
import type { Choice, ColumnDef } from "../workbook/types.ts";

export const BASES: readonly Choice[] = TARGET_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }));

export const basisColumn: ColumnDef = {
  id: "basis",
  header: "集計方法",
  type: "choice",
  width: 12,
  choices: BASES,
  help: "数値の目標の集計方法。単年度（空欄と同じ）・累計（計画の初年度からの合計）・計画期間の合計。空欄なら記載の「累計」「5年間で」「毎年度」から読みます。",
};

export const VALUE_ROLES: readonly Choice[] = [
  { value: "actual", label: "実績値" },
  { value: "plan", label: "計画値" },
  { value: "plan_cumulative", label: "計画値（累計）" },
];

export const valueRoleColumn: ColumnDef = {
  id: "role",
  header: "区分",
  type: "choice",
  width: 12,
  choices: VALUE_ROLES,
  help: "実績値（空欄と同じ）、計画値（年度別の計画）、計画値（累計）。累計の計画値は、計画の初年度からの計画値の合計と照合し、合わないセルを指摘事項にします（直しません）。",
};
