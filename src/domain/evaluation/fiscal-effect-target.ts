/**
 * A target for the plan's total 財政効果額 (「5年間で累計500百万円」「毎年度100百万円以上」), judged like any other
 * numeric target: the plan's actual effect of each year (all items, both kinds, in the target's unit) is the
 * year's actual, so a 累計 or 計画期間 target compares the running sum with the target. A year in which an
 * item has a planned amount without an actual has no total (実績未報告, never counted as 0), and a year with
 * no amount at all after effects began has none either: the running sum is then missing (データなし). The
 * years before any item names an effect count as 0, shown in the sum (the effects begin later in the plan).
 */
import { DEFAULT_STAGE_LADDER, type ReadTarget } from "../values/index.ts";
import { evaluate } from "./evaluate.ts";
import {
  convertAmount,
  type FiscalEffectEntry,
  type FiscalEffectUnit,
  isFiscalEffectUnit,
} from "./fiscal-effect.ts";
import { formatNumber, yearPhrase } from "./format.ts";
import type { ActualValue, Evaluation } from "./types.ts";

/** The plan's actual total of each year from `from` to `to` in `unit`, and the years left without one. */
export function effectTotals(
  entries: readonly FiscalEffectEntry[],
  from: number,
  to: number,
  unit: FiscalEffectUnit,
): { actuals: ActualValue[]; unreported: { fiscalYear: number; count: number }[] } {
  const actuals: ActualValue[] = [];
  const unreported: { fiscalYear: number; count: number }[] = [];
  let started = false;
  for (let fy = from; fy <= to; fy++) {
    const year = entries.filter((e) => e.fiscalYear === fy);
    if (year.length === 0 && !started) {
      // before the first year any item names an effect, the plan's effects have not begun: 0, as written out
      actuals.push({ fiscalYear: fy, text: `0${unit}`, kind: "number", number: 0, unit, decimals: 0 });
      continue;
    }
    started = true;
    const missing = year.filter((e) => e.planned !== undefined && e.actual === undefined).length;
    const reported = year.filter((e) => e.actual !== undefined);
    if (missing > 0) {
      unreported.push({ fiscalYear: fy, count: missing });
      continue;
    }
    if (reported.length === 0) continue;
    // whole yen first, so that 1.5 百万円 + 300 千円 is exactly 1,800 千円
    const yen = reported.reduce((s, e) => s + convertAmount(e.actual!, e.unit, "円"), 0);
    const number = convertAmount(yen, "円", unit);
    const decimals = Math.min(3, (String(number).split(".")[1] ?? "").length);
    actuals.push({
      fiscalYear: fy,
      text: `${formatNumber(number, decimals)}${unit}`,
      kind: "number",
      number,
      unit,
      decimals,
    });
  }
  return { actuals, unreported };
}

/**
 * Evaluates the plan's total effect against its target in `fiscalYear`. The target's unit must be one of
 * 円・千円・百万円 (the plan document refuses others); the explanation adds the years whose total is missing.
 */
export function evaluateEffectTarget(input: {
  target: ReadTarget;
  entries: readonly FiscalEffectEntry[];
  period: { start: number; end: number };
  fiscalYear: number;
}): Evaluation {
  const { target, period, fiscalYear } = input;
  const unit: FiscalEffectUnit = target.unit && isFiscalEffectUnit(target.unit) ? target.unit : "千円";
  const { actuals, unreported } = effectTotals(input.entries, period.start, fiscalYear, unit);
  const result = evaluate({
    fiscalYear,
    target,
    actuals,
    ladder: DEFAULT_STAGE_LADDER,
    unit,
    period,
  });
  const shown = unreported.filter((u) => u.fiscalYear <= fiscalYear);
  if (result.status !== "no_data" || shown.length === 0) return result;
  const note = `財政効果額の実績未報告: ${shown.map((u) => `${yearPhrase(u.fiscalYear)} ${u.count}件`).join("、")}`;
  return { ...result, rule: `${result.rule}（${note}）`, explanation: `${result.explanation}（${note}）` };
}
