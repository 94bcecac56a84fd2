import { SUMMABLE_TARGET_KINDS } from "../values/index.ts";
import { cumulative } from "./cumulative.ts";
import { direction } from "./direction.ts";
import { yearPhrase } from "./format.ts";
import { STATUS_LABELS } from "./labels.ts";
import { level } from "./level.ts";
import type { NumericCase, RuleOutcome } from "./outcome.ts";
import { notJudgeable } from "./outcome.ts";
import { relative } from "./relative.ts";
import { stage } from "./stage.ts";
import type { ActualValue, Evaluation, EvaluationInput } from "./types.ts";
import { valueByYear } from "./value-by-year.ts";

/**
 * Judges one indicator series in one fiscal year against its target. Never throws on odd data: a missing
 * actual is データなし (never zero), an unreadable value or a target in words is 判定不可 with the reason.
 * @example evaluate({
 *   fiscalYear: 2023,
 *   target: { text: "(R5)6,000", kind: "value_by_year", number: 6000, fiscalYear: 2023 },
 *   baseline: { text: "1,483", kind: "number", number: 1483, fiscalYear: 2017 },
 *   actuals: [{ text: "26,684", kind: "number", number: 26684, fiscalYear: 2023 }],
 *   ladder: DEFAULT_STAGE_LADDER,
 *   unit: "人",
 * }).rule === "目標 6,000人（令和5年度）に対し 26,684人：達成（目標を大きく上回る）"
 */
export function evaluate(input: EvaluationInput): Evaluation {
  const actual = actualOf(input);
  const outcome = judge(input, actual);
  const label = STATUS_LABELS[outcome.status];
  const notes = outcome.notes?.length ? `（${outcome.notes.join("。")}）` : "";
  const rule = `${outcome.premise}：${label}${notes}`;
  return {
    fiscalYear: input.fiscalYear,
    status: outcome.status,
    computedStatus: outcome.status,
    rule,
    explanation: rule,
    reason: outcome.reason,
    targetKind: input.target.kind,
    target: input.target,
    actual: actual === "conflict" ? undefined : actual,
    comparedWith: outcome.comparedWith,
    expected: outcome.expected,
    progressRate: outcome.progressRate,
  };
}

function judge(input: EvaluationInput, actual: ActualValue | "conflict" | undefined): RuleOutcome {
  const { target, fiscalYear } = input;
  const goal = `目標「${target.text}」`;
  if (target.empty) return notJudgeable("目標なし", "目標が書かれていません");
  if (target.unreadable) return notJudgeable(goal, `目標を読み取れません（${target.unreadable}）`);
  if (target.kind === "text")
    return notJudgeable(goal, "目標が数値や段階ではない文章のため、機械的には判定できません");
  if (isSummed(input)) return cumulative(input, input.target.unit ?? input.unit);
  if (actual === "conflict")
    return notJudgeable(goal, `${yearPhrase(fiscalYear)}の実績値が食い違って複数あります`);
  if (!actual) {
    return {
      status: "no_data",
      premise: `${goal}に対し ${yearPhrase(fiscalYear)}の実績値なし`,
      reason: "実績値がありません",
    };
  }
  const against = `${goal}に対し「${actual.text}」`;
  if (actual.unreadable) return notJudgeable(against, `実績値を読み取れません（${actual.unreadable}）`);
  if (target.kind === "stage") return stage(input, actual);
  if (actual.kind !== "number" || actual.number === undefined) {
    return notJudgeable(against, `目標は数値ですが、実績値「${actual.text}」は数値ではありません`);
  }
  const unitProblem = unitConflict(input, actual);
  if (unitProblem) return notJudgeable(against, unitProblem);
  const c: NumericCase = {
    input,
    actual: { value: actual.number, decimals: actual.decimals },
    unit: unitOf(input, actual),
  };
  const outcome = numeric(c, target.kind);
  if (target.basis !== "single_year") return outcome;
  return { ...outcome, notes: ["単年度の値で比較", ...(outcome.notes ?? [])] };
}

function numeric(c: NumericCase, kind: "value_by_year" | "floor" | "ceiling" | "direction" | "relative") {
  switch (kind) {
    case "value_by_year":
      return valueByYear(c);
    case "floor":
    case "ceiling":
      return level(c, kind);
    case "direction":
      return direction(c);
    case "relative":
      return relative(c);
  }
}

/** A 累計 or 計画期間 target on a number: judged on the running sum, not on the year's own value. */
function isSummed(input: EvaluationInput): boolean {
  const { basis, kind } = input.target;
  return (basis === "cumulative" || basis === "period_total") && SUMMABLE_TARGET_KINDS.includes(kind);
}

/** The evaluated year's actual; none when blank (—), "conflict" when the series holds two different ones. */
function actualOf(input: EvaluationInput): ActualValue | "conflict" | undefined {
  const found = input.actuals.filter((a) => a.fiscalYear === input.fiscalYear && a.kind !== "empty");
  const distinct = new Set(found.map((a) => a.text.trim()));
  if (distinct.size > 1) return "conflict";
  return found[0];
}

function unitOf(input: EvaluationInput, actual: ActualValue): string | undefined {
  const fromTarget = input.target.kind === "relative" ? undefined : input.target.unit;
  return actual.unit ?? fromTarget ?? input.baseline?.unit ?? input.unit;
}

// A different unit usually means a shifted row (江別 001 puts 日 under a row of 時間); never compare across units.
function unitConflict(input: EvaluationInput, actual: ActualValue): string | undefined {
  const others = [
    input.target.kind === "relative" ? undefined : { what: "目標", unit: input.target.unit },
    { what: "初期値", unit: input.baseline?.unit },
  ];
  for (const o of others) {
    if (o?.unit && actual.unit && o.unit !== actual.unit) {
      return `実績値の単位（${actual.unit}）が${o.what}の単位（${o.unit}）と違います`;
    }
  }
  return undefined;
}
