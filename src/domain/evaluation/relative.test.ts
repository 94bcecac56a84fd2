import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, evaluateYears, num, series } from "../../testing/values.ts";

describe("relative: 10%増 (2023年度比), 2027年", () => {
  // 札幌市 組織診断におけるエンゲージメントスコア: 初期値 —, 目標 2027年 10%増 (2023年度比).
  const target = {
    text: "10%増 (2023年度比)",
    kind: "relative" as const,
    direction: "increase" as const,
    change: { amount: 10, unit: "%" },
    relativeToFiscalYear: 2023,
    fiscalYear: 2027,
  };
  const engagement = {
    target,
    baseline: { text: "—", kind: "empty" as const },
    actuals: series(2023, [60, 62, 63, 64, 66], "点"),
  };

  test("the target value is computed from the 2023 value: 60点 × 1.1 = 66点", () => {
    const r = evaluateIn(engagement, 2027);
    assert.equal(r.status, "achieved");
    assert.ok(Math.abs(r.comparedWith! - 66) < 1e-9);
    assert.equal(
      r.rule,
      "目標 令和5年度の値 60点より10%増の 66点（令和9年度）に対し 66点：達成（進捗率 100%）",
    );
  });

  test("before 2027 the path runs from 60点 in 2023 to 66点 in 2027", () => {
    const results = evaluateYears(engagement, [2024, 2025, 2026]);
    assert.deepEqual(
      results.map((r) => r.expected),
      [61.5, 63, 64.5],
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ["on_track", "on_track", "behind"],
      "62 and 63 are on or above the path; 64 is below 64.5",
    );
  });

  test("in 2027 below 66点 is 未達成", () => {
    const short = { ...engagement, actuals: [...series(2023, [60], "点"), ...series(2027, [65.9], "点")] };
    assert.equal(evaluateIn(short, 2027).status, "not_achieved");
  });

  test("no value for 2023: 判定不可 with the reason", () => {
    const r = evaluateIn({ ...engagement, actuals: series(2024, [62], "点") }, 2024);
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "令和5年度の値がないため比べられません");
  });

  test("the base year itself is not judged", () => {
    const r = evaluateIn(engagement, 2023);
    assert.equal(r.status, "not_judgeable");
    assert.match(r.reason!, /令和5年度の値と比べるため、令和5年度は判定しません/);
  });

  test("the base year's value may be the baseline", () => {
    const r = evaluateIn(
      { ...engagement, baseline: { ...num(60, "点"), fiscalYear: 2023 }, actuals: series(2027, [67], "点") },
      2027,
    );
    assert.equal(r.status, "achieved");
  });
});

describe("relative change from the baseline", () => {
  // 札幌市 繁忙期の待ち時間: 2022年 → 2027年 20分短縮.
  const waiting = {
    target: {
      text: "20分短縮",
      kind: "relative" as const,
      direction: "decrease" as const,
      change: { amount: 20, unit: "分" },
      fiscalYear: 2027,
    },
    baseline: { ...num(90, "分"), fiscalYear: 2022 },
    actuals: series(2026, [75, 70], "分"),
  };

  test("90分 less 20分 is 70分; lower is better", () => {
    assert.equal(evaluateIn(waiting, 2027).status, "achieved");
    assert.equal(evaluateIn(waiting, 2027).comparedWith, 70);
    assert.equal(evaluateIn(waiting, 2026).status, "behind");
    assert.equal(evaluateIn(waiting, 2026).expected, 74);
  });

  test("札幌 prints the baseline as —: 判定不可", () => {
    const r = evaluateIn({ ...waiting, baseline: { text: "—", kind: "empty" } }, 2027);
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "初期値がありません");
  });

  test("without a target year each year is judged against the computed value", () => {
    const always = { ...waiting, target: { ...waiting.target, fiscalYear: undefined } };
    assert.deepEqual(
      evaluateYears(always, [2026, 2027]).map((r) => r.status),
      ["not_achieved", "achieved"],
    );
  });
});
