/**
 * 財政効果額 in the plan document: the money an item saves (歳出削減) or earns (歳入確保), planned and actual,
 * per fiscal year, in the unit the plan wrote. Kept apart from schema.ts, which adds it to each item.
 */
import { z } from "zod";
import {
  FISCAL_EFFECT_KINDS,
  FISCAL_EFFECT_UNITS,
  isFiscalEffectUnit,
} from "../../domain/evaluation/fiscal-effect.ts";
import { SUMMABLE_TARGET_KINDS, type TargetKind } from "../../domain/values/index.ts";

const NOT_NEGATIVE = "財政効果額は0以上の金額です（効果がなかった年度は0、まだ分からない実績は書きません）";

type DocumentProblem = { path: string; message: string };

/** One item's effect of one kind in one fiscal year (the `source` is added by schema.ts). */
export const fiscalEffectFields = z
  .object({
    fiscalYear: z.number().int().min(1900).max(2200).describe("西暦の年度 (April–March)"),
    kind: z
      .enum(FISCAL_EFFECT_KINDS)
      .describe("expenditure_reduction (歳出削減) or revenue_increase (歳入確保)"),
    planned: z
      .number()
      .min(0, NOT_NEGATIVE)
      .optional()
      .describe("計画額 (効果見込額), in the unit below; 0 or more"),
    actual: z
      .number()
      .min(0, NOT_NEGATIVE)
      .optional()
      .describe("実績額, in the unit below; absent when not yet known (never 0 for unknown)"),
    unit: z.enum(FISCAL_EFFECT_UNITS).describe("the unit as the plan wrote it: 円, 千円 or 百万円"),
    note: z.string().optional().describe("備考: how the amount was reckoned, what it includes"),
  })
  .strict();

type EffectLike = { fiscalYear: number; kind: string; planned?: number; actual?: number };

/** The checks a schema cannot express: an amount given, one entry per year and kind. */
export function fiscalEffectProblems(effects: EffectLike[] | undefined, path: string): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const seen = new Set<string>();
  effects?.forEach((e, i) => {
    const p = `${path}.fiscalEffects[${i}]`;
    if (e.planned === undefined && e.actual === undefined) {
      problems.push({ path: p, message: "planned（計画額）か actual（実績額）のどちらかが必要です" });
    }
    const k = `${e.fiscalYear}/${e.kind}`;
    if (seen.has(k)) {
      problems.push({ path: p, message: `${e.fiscalYear}年度の財政効果額（${e.kind}）が重複しています` });
    }
    seen.add(k);
  });
  return problems;
}

/**
 * The target for the plan's total 財政効果額 (`plan.fiscalEffectTarget`): a numeric target (value_by_year,
 * floor, ceiling) in 円・千円・百万円, e.g. 「5年間で累計500百万円」 (計画期間の合計) or 「毎年度100百万円以上」.
 */
export function effectTargetProblems(
  target: { kind: TargetKind; unit?: string | undefined; unreadable?: string | undefined } | undefined,
): DocumentProblem[] {
  if (!target) return [];
  const path = "$.plan.fiscalEffectTarget";
  if (target.unreadable !== undefined || !SUMMABLE_TARGET_KINDS.includes(target.kind))
    return [
      {
        path: `${path}.kind`,
        message: `財政効果額の目標は金額の目標です（例: 5年間で累計500百万円、毎年度100百万円以上）。kind "${target.kind}" は使えません`,
      },
    ];
  if (target.unit === undefined || !isFiscalEffectUnit(target.unit))
    return [
      {
        path: `${path}.unit`,
        message: `財政効果額の目標の単位は 円・千円・百万円 のどれかです${target.unit ? `（"${target.unit}" は使えません）` : "（単位がありません）"}`,
      },
    ];
  return [];
}
