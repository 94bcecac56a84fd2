/** The 集計方法 column of the 初期値・目標 sheet: how a numeric target is counted (単年度 / 累計 / 計画期間の合計). */
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
