import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_STAGE_LADDER, readTarget, readValue } from "../values/index.ts";
import { evaluate } from "./evaluate.ts";
import {
  achievementRate,
  gradeEvaluation,
  gradeForRate,
  type OutcomeScale,
  ruleText,
  tallyGrades,
} from "./grade.ts";
import { applyJudgement } from "./judgement.ts";

const SABC: OutcomeScale = {
  grades: [
    { label: "S", symbol: "◎", rule: { atLeast: 100 } },
    { label: "A", symbol: "○", rule: { atLeast: 80 } },
    { label: "B", symbol: "△", rule: { atLeast: 50 } },
    { label: "C", symbol: "×", rule: { otherwise: true } },
    { label: "D", rule: { reviewer: true } },
  ],
};

test("a rate gets the best grade whose threshold it reaches, the boundaries included", () => {
  assert.equal(gradeForRate(SABC, 1.2).grade, "S");
  assert.equal(gradeForRate(SABC, 1).grade, "S");
  assert.equal(gradeForRate(SABC, 0.9999).grade, "A");
  assert.equal(gradeForRate(SABC, 0.8).grade, "A");
  assert.equal(gradeForRate(SABC, 0.7999999999999).grade, "A");
  assert.equal(gradeForRate(SABC, 0.5).grade, "B");
  assert.equal(gradeForRate(SABC, 0.49).grade, "C");
  assert.equal(gradeForRate(SABC, -0.3).grade, "C");
});

test("the explanation names the grade and its rule", () => {
  assert.equal(gradeForRate(SABC, 0.85).explanation, "達成率 85.0%：A（80%以上）");
  assert.equal(gradeForRate(SABC, 0.2).explanation, "達成率 20.0%：C（50%未満）");
  assert.equal(ruleText(SABC.grades, SABC.grades[4]!), "評価者が判定");
});

test("no rate, or no grade below the thresholds: no grade, and the reason said", () => {
  assert.equal(gradeForRate(SABC, undefined).grade, undefined);
  const noFloor: OutcomeScale = {
    grades: [
      { label: "達成", rule: { atLeast: 100 } },
      { label: "要判断", rule: { reviewer: true } },
    ],
  };
  const r = gradeForRate(noFloor, 0.5);
  assert.equal(r.grade, undefined);
  assert.match(r.explanation, /どの評価にも当たりません/);
});

test("tallies list the plan's grades in the plan's order, then the ungraded", () => {
  assert.deepEqual(tallyGrades(SABC, ["A", "C", "A", undefined, "X"]), [
    { label: "S", count: 0 },
    { label: "A", count: 2 },
    { label: "B", count: 0 },
    { label: "C", count: 1 },
    { label: "D", count: 0 },
    { label: "評価なし", count: 2 },
  ]);
});

test("an evaluated indicator is graded on its achievement rate", () => {
  const e = evaluate({
    fiscalYear: 2023,
    target: readTarget("(R5)1,000件"),
    actuals: [{ ...readValue("850件"), fiscalYear: 2023 }],
    ladder: DEFAULT_STAGE_LADDER,
  });
  assert.equal(achievementRate(e), 0.85);
  const g = gradeEvaluation(SABC, e);
  assert.equal(g.grade, "A");
  assert.match(g.explanation, /／計画の評価基準：達成率 85\.0%：A（80%以上）$/);
  const none = evaluate({
    fiscalYear: 2023,
    target: readTarget("(R5)1,000件"),
    actuals: [],
    ladder: DEFAULT_STAGE_LADDER,
  });
  assert.equal(gradeEvaluation(SABC, none).grade, undefined);
});

test("a reviewer's grade is taken as it is; one the scale no longer has is said, not counted", () => {
  const e = evaluate({
    fiscalYear: 2025,
    target: readTarget("毎年度60%以上", { ladder: DEFAULT_STAGE_LADDER }),
    actuals: [{ ...readValue("24%", { ladder: DEFAULT_STAGE_LADDER }), fiscalYear: 2025 }],
    ladder: DEFAULT_STAGE_LADDER,
  });
  const judged = applyJudgement(e, {
    status: "achieved",
    grade: "D",
    reason: "休館のため",
    by: "行革 花子",
    at: "2026-05-10",
  });
  assert.equal(judged.status, "not_achieved", "gyokaku's status stays as computed");
  assert.equal(judged.judgement?.status, "not_achieved");
  assert.equal(gradeEvaluation(SABC, judged).grade, "D");
  assert.match(
    gradeEvaluation(SABC, judged).explanation,
    /評価者の判定：D（休館のため。行革 花子、2026-05-10）.*評価者が D と判定$/,
  );
  const gone = gradeEvaluation({ grades: SABC.grades.slice(0, 4) }, judged);
  assert.equal(gone.grade, undefined);
  assert.match(gone.explanation, /評価者の判定「D」は現在の評価基準にないため、評価なし$/);
  assert.equal(gradeEvaluation(SABC, e).grade, "C", "without the judgement the rule speaks");
});
