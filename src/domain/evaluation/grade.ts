/**
 * Grading on the plan's own outcome scale (issue 10.5): an achievement rate (達成率, a ratio: 1 = 100 %) is
 * mapped to the best grade whose threshold it reaches; below every threshold it gets the 「それ未満」 grade.
 * Grades "set by the reviewer" are never computed. Pure; the plan document holds the scale (plan.scales).
 */
import { formatNumber } from "./format.ts";
import type { Evaluation } from "./types.ts";

export type GradeRule = {
  atLeast?: number | undefined;
  otherwise?: true | undefined;
  reviewer?: true | undefined;
};
export type ScaleGrade = { label: string; symbol?: string | undefined; rule?: GradeRule | undefined };
export type OutcomeScale = { grades: readonly ScaleGrade[] };

export type GradeResult = {
  /** The grade's label, or undefined when no rule gives one (no rate, or only reviewer grades). */
  grade?: string | undefined;
  /** 「達成率 85.0%：A（80%以上）」 */
  explanation: string;
};

/** The rule as the plan states it. @example ruleText({ atLeast: 80 }) === "80%以上" */
export function ruleText(grades: readonly ScaleGrade[], g: ScaleGrade): string {
  if (g.rule?.reviewer) return "評価者が判定";
  if (g.rule?.atLeast !== undefined) return `${formatNumber(g.rule.atLeast)}%以上`;
  const lowest = grades
    .map((x) => x.rule?.atLeast)
    .filter((x): x is number => x !== undefined)
    .at(-1);
  return lowest === undefined ? "それ以外" : `${formatNumber(lowest)}%未満`;
}

/** Symbol and label, as pages print them. @example gradeText({ label: "A", symbol: "○" }) === "○ A" */
export function gradeText(g: ScaleGrade): string {
  return g.symbol ? `${g.symbol} ${g.label}` : g.label;
}

/**
 * The grade of an achievement rate on the plan's scale.
 * @example gradeForRate(SABC, 0.85) // → { grade: "A", explanation: "達成率 85.0%：A（80%以上）" }
 */
export function gradeForRate(scale: OutcomeScale, rate: number | undefined): GradeResult {
  if (rate === undefined || !Number.isFinite(rate)) {
    return { explanation: "達成率が計算できないため、計画の評価基準では判定していません" };
  }
  const percent = rate * 100;
  const shown = `達成率 ${formatNumber(Math.round(percent * 10) / 10, 1)}%`;
  // A tolerance keeps a rate computed as 0.7999999… on the 80 % threshold.
  const hit =
    scale.grades.find((g) => g.rule?.atLeast !== undefined && percent >= g.rule.atLeast - 1e-9) ??
    scale.grades.find((g) => g.rule?.otherwise);
  if (!hit) return { explanation: `${shown}：計画の評価基準のどの評価にも当たりません` };
  return { grade: hit.label, explanation: `${shown}：${hit.label}（${ruleText(scale.grades, hit)}）` };
}

/**
 * Counts per grade in the scale's order, then the ones without a grade.
 * @example tallyGrades(SABC, ["A", "A", undefined]) // → [{ label: "S", count: 0 }, { label: "A", count: 2 }, …, { label: "評価なし", count: 1 }]
 */
export function tallyGrades(
  scale: OutcomeScale,
  grades: readonly (string | undefined)[],
): { label: string; count: number }[] {
  const counts = new Map<string, number>(scale.grades.map((g) => [g.label, 0]));
  let none = 0;
  for (const g of grades) {
    if (g !== undefined && counts.has(g)) counts.set(g, counts.get(g)! + 1);
    else none++;
  }
  return [...[...counts].map(([label, count]) => ({ label, count })), { label: "評価なし", count: none }];
}

/**
 * 達成率 of one result, as a ratio: the progress rate where the rule gives one (a baseline, a reduction),
 * else actual ÷ target (target ÷ actual for a ceiling or a decrease); undefined without numbers to divide.
 * @example achievementRate({ progressRate: 0.8, … }) === 0.8
 */
export function achievementRate(e: Evaluation): number | undefined {
  if (e.progressRate !== undefined) return e.progressRate;
  const actual = e.actual?.kind === "number" ? e.actual.number : undefined;
  const goal = e.comparedWith;
  if (actual === undefined || goal === undefined) return undefined;
  const lower = e.target.kind === "ceiling" || e.target.direction === "decrease";
  if (lower) return actual > 0 ? goal / actual : undefined;
  return goal > 0 ? actual / goal : undefined;
}

/**
 * A result graded on the plan's scale: the grade and its rule added to the explanation. A reviewer's grade
 * (a judgement with `grade`) is taken as it is; a judgement of gyokaku's status keeps its status and the
 * grade is computed; results without a rate get no grade and say why.
 */
export function gradeEvaluation(scale: OutcomeScale, e: Evaluation): GradeResult {
  const judged = e.judgement?.grade;
  if (judged !== undefined) {
    const g = scale.grades.find((x) => x.label === judged);
    // A grade the scale no longer has (the scale changed after the judgement) is said, not counted.
    return g
      ? { grade: g.label, explanation: `${e.explanation}／計画の評価基準：評価者が ${g.label} と判定` }
      : {
          explanation: `${e.explanation}／計画の評価基準：評価者の判定「${judged}」は現在の評価基準にないため、評価なし`,
        };
  }
  if (e.status === "no_data" || e.status === "not_judgeable") {
    return { explanation: `${e.explanation}／計画の評価基準：評価なし` };
  }
  const rate = achievementRate(e);
  // A target met without numbers to divide (a stage reached, 増加 shown) counts as 100 %.
  if (rate === undefined && e.computedStatus === "achieved") {
    const r = gradeForRate(scale, 1);
    return {
      ...r,
      explanation: `${e.explanation}／計画の評価基準：目標に達したため達成率 100% とみなします。${r.explanation}`,
    };
  }
  const r = gradeForRate(scale, rate);
  return { ...r, explanation: `${e.explanation}／計画の評価基準：${r.explanation}` };
}
