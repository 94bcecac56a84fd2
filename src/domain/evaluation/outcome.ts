import { quantity, yearPhrase } from "./format.ts";
import type { EvaluationInput, EvaluationStatus } from "./types.ts";

/** What a rule decides; `evaluate` turns it into the sentence 「{premise}：{label}（{notes}）」. */
export type RuleOutcome = {
  status: EvaluationStatus;
  /** 「目標 6,000人（令和5年度）に対し 26,684人」 */
  premise: string;
  notes?: string[] | undefined;
  reason?: string | undefined;
  comparedWith?: number | undefined;
  expected?: number | undefined;
  progressRate?: number | undefined;
};

/** A number as read, with the decimal places the document printed and, for a starting value, its year. */
export type Amount = { value: number; decimals?: number | undefined; fiscalYear?: number | undefined };

/** A numeric actual, ready for the numeric rules. */
export type NumericCase = {
  input: EvaluationInput;
  actual: Amount;
  /** The unit to print numbers with. */
  unit: string | undefined;
};

export type Better = "increase" | "decrease";

/** @example show(c, { value: 143, decimals: 1 }) === "143.0時間" */
export function show(c: NumericCase, a: Amount): string {
  return quantity(a.value, c.unit, a.decimals);
}

export function notJudgeable(premise: string, reason: string): RuleOutcome {
  return { status: "not_judgeable", premise, reason, notes: [reason] };
}

/**
 * Whether `actual` is at least as good as `goal`; `strict` for 超 / 未満 and for 増加 / 縮減, which ask for a
 * change. The tolerance keeps a point exactly on a computed path on it.
 */
export function reaches(actual: number, goal: number, better: Better, strict = false): boolean {
  if (strict) return better === "increase" ? actual > goal : actual < goal;
  const slack = 1e-9 * Math.max(1, Math.abs(goal));
  return better === "increase" ? actual >= goal - slack : actual <= goal + slack;
}

/**
 * (actual − baseline) / (target − baseline): how far the actual has come from the baseline towards the target.
 * Undefined without a baseline or where target and baseline are equal, because the ratio then means nothing.
 */
export function progressRate(actual: number, baseline: number | undefined, goal: number): number | undefined {
  if (baseline === undefined || goal === baseline) return undefined;
  return (actual - baseline) / (goal - baseline);
}

/** The baseline as a number, or why it cannot serve as one. */
export function numericBaseline(input: EvaluationInput): Amount | { problem: string } {
  const b = input.baseline;
  if (!b || b.kind === "empty") return { problem: "初期値がありません" };
  if (b.unreadable) return { problem: `初期値「${b.text}」を読み取れません（${b.unreadable}）` };
  if (b.kind !== "number" || b.number === undefined)
    return { problem: `初期値「${b.text}」は数値ではありません` };
  return { value: b.number, decimals: b.decimals, fiscalYear: b.fiscalYear };
}

/** What a direction or relative target is measured from, as the sentence names it. */
export type Reference = Amount & { label: string };

/**
 * The value a change is measured from: the named year's ((2023年度比)), the previous year's (前年度比), or
 * the baseline. A named year's value is the baseline when the baseline belongs to that year, else its actual.
 */
export function referenceValue(input: EvaluationInput): Reference | { label: string; problem: string } {
  const { target, fiscalYear } = input;
  const year =
    target.relativeToFiscalYear ?? (target.against === "previous_year" ? fiscalYear - 1 : undefined);
  if (year === undefined) {
    const b = numericBaseline(input);
    return { ...b, label: "初期値" };
  }
  const label =
    target.relativeToFiscalYear === undefined
      ? `前年度（${yearPhrase(year)}）の値`
      : `${yearPhrase(year)}の値`;
  if (fiscalYear <= year) {
    return {
      label,
      problem: `目標は${yearPhrase(year)}の値と比べるため、${yearPhrase(fiscalYear)}は判定しません`,
    };
  }
  if (input.baseline?.fiscalYear === year) return { ...numericBaseline(input), label };
  const found = input.actuals.find((a) => a.fiscalYear === year && a.kind !== "empty");
  if (!found) return { label, problem: `${label}がないため比べられません` };
  if (found.kind !== "number" || found.number === undefined || found.unreadable) {
    return { label, problem: `${label}「${found.text}」が数値として読めないため比べられません` };
  }
  return { value: found.number, decimals: found.decimals, fiscalYear: year, label };
}
