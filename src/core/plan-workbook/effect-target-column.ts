/**
 * The target for the plan's total 財政効果額 in the workbook: two columns of the 計画 sheet, the target as
 * written (「5年間で累計500百万円」) and, when the words do not say it, its 集計方法. Read with the target reader;
 * an unchanged cell keeps the stored target exactly; a target that is not an amount in 円・千円・百万円 is
 * refused naming the sheet, row and column.
 */
import { readTarget, type TargetBasis } from "../../domain/values/index.ts";
import { effectTargetProblems } from "../plan-document/fiscal-effect.ts";
import type { PlanDocument, Target } from "../plan-document/schema.ts";
import type { ColumnDef } from "../workbook/types.ts";
import { BASES } from "./basis-column.ts";
import type { TableRow } from "./table.ts";

export const effectTargetColumns: ColumnDef[] = [
  {
    id: "effect_target",
    header: "財政効果額の目標",
    type: "text",
    width: 24,
    help: "計画全体の財政効果額（全項目・歳出削減と歳入確保の合計）の目標。金額で、単位は円・千円・百万円（例: 5年間で累計500百万円、毎年度100百万円以上）。空欄なら目標なし。",
  },
  {
    id: "effect_target_basis",
    header: "財政効果額の目標の集計方法",
    type: "choice",
    width: 14,
    choices: BASES,
    help: "単年度・累計・計画期間の合計。空欄なら目標の文言（「累計」「5年間で」「毎年度」）から読みます。",
  },
];

/** The cells of a plan's target, as written out. */
export function effectTargetCells(doc: PlanDocument) {
  const t = doc.plan.fiscalEffectTarget;
  return { effect_target: t?.text, effect_target_basis: t?.basis };
}

/** Sets plan.fiscalEffectTarget from the row (columns missing from the sheet keep the stored target). */
export function mergeEffectTarget(row: TableRow, plan: PlanDocument["plan"]): void {
  if (!row.has("effect_target")) return;
  const text = row.text("effect_target")?.trim() ?? "";
  const chosen = row.has("effect_target_basis")
    ? (row.choice("effect_target_basis") as TargetBasis | undefined)
    : plan.fiscalEffectTarget?.basis;
  if (text === "") {
    delete plan.fiscalEffectTarget;
    return;
  }
  const stored = plan.fiscalEffectTarget;
  if (stored && stored.text === text && stored.basis === chosen) return;
  const r = readTarget(text);
  const basis = chosen ?? r.basis;
  const target: Target = { text, kind: r.kind };
  for (const k of ["number", "unit", "fiscalYear", "fromFiscalYear", "unreadable"] as const)
    if (r[k] !== undefined) Object.assign(target, { [k]: r[k] });
  if (basis !== undefined) target.basis = basis;
  const problem = effectTargetProblems(target)[0];
  if (problem) {
    row.error("effect_target", "plan.effect-target", problem.message, text);
    return;
  }
  plan.fiscalEffectTarget = target;
}
