import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, series } from "../../testing/values.ts";
import { readTarget } from "../values/index.ts";

// A made-up five-year plan FY2023–FY2027: 財政効果額 5年間で累計500百万円, actuals per year.
const period = { start: 2023, end: 2027 };
const effect = {
  target: readTarget("5年間で累計500百万円"),
  actuals: series(2023, [100, 120, 100, 90, 110], "百万円"),
  unit: "百万円",
  period,
};

describe("cumulative and period-total targets", () => {
  test("the running sum is compared with the path from 0 to the target, and the sum is shown", () => {
    const r = evaluateIn(effect, 2025);
    assert.equal(r.status, "on_track");
    assert.equal(r.expected, 300);
    assert.equal(r.comparedWith, 500);
    assert.equal(r.progressRate, 320 / 500);
    assert.equal(
      r.rule,
      "目標 計画期間の合計500百万円（令和5年度～令和9年度）に向けた令和7年度の目安 300百万円に対し " +
        "累計 320百万円（令和5年度 100 + 令和6年度 120 + 令和7年度 100）：順調" +
        "（計画期間の合計で比較。目安は令和5年度からの累計が令和9年度に目標に届く直線。進捗率 64%）",
    );
  });

  test("a single year's actual would be 未達成; the sum in the last year is 達成", () => {
    const r = evaluateIn(effect, 2027);
    assert.equal(r.status, "achieved");
    assert.equal(r.progressRate, 520 / 500);
    const single = evaluateIn({ ...effect, target: readTarget("(R9)500百万円") }, 2027);
    assert.equal(single.status, "not_achieved");
  });

  test("behind the path", () => {
    const r = evaluateIn({ ...effect, actuals: series(2023, [50, 50, 50], "百万円") }, 2025);
    assert.equal(r.status, "behind");
  });

  test("a missing year makes the sum missing, not 0", () => {
    const r = evaluateIn({ ...effect, actuals: series(2023, [100, null, 100], "百万円") }, 2025);
    assert.equal(r.status, "no_data");
    assert.equal(r.reason, "令和6年度の実績値がないため累計を出せません");
    const gap = evaluateIn({ ...effect, actuals: series(2024, [100, 100], "百万円") }, 2025);
    assert.equal(gap.status, "no_data");
    assert.match(gap.reason!, /令和5年度/);
  });

  test("累計 by a year: the target year is the one written, not the period end", () => {
    const r = evaluateIn({ ...effect, target: readTarget("(R7)累計300百万円") }, 2025);
    assert.equal(r.status, "achieved");
    assert.match(r.rule, /^目標 累計300百万円（令和5年度から令和7年度まで）に対し 累計 320百万円/);
  });

  test("a year before the plan, or no period known, cannot be judged", () => {
    assert.equal(evaluateIn(effect, 2022).status, "not_judgeable");
    const { period: _, ...noPeriod } = effect;
    const r = evaluateIn(noPeriod, 2025);
    assert.equal(r.status, "not_judgeable");
    assert.match(r.reason!, /計画期間が分からない/);
  });

  test("an actual in another unit or not a number stops the sum with the reason", () => {
    const other = series(2023, [100, 120, 100], "百万円");
    other[1] = { text: "120千円", kind: "number", number: 120, unit: "千円", fiscalYear: 2024 };
    assert.match(evaluateIn({ ...effect, actuals: other }, 2025).reason!, /単位（千円）/);
  });

  test("a cumulative floor and ceiling", () => {
    const floor = evaluateIn({ ...effect, target: readTarget("計画期間中に300百万円以上") }, 2027);
    assert.equal(floor.status, "achieved");
    const ceiling = { ...effect, target: readTarget("計画期間中に300百万円以下") };
    assert.equal(evaluateIn(ceiling, 2024).status, "on_track");
    assert.equal(evaluateIn(ceiling, 2026).status, "not_achieved");
  });

  test("毎年度: one year's value, and the sentence says so", () => {
    const r = evaluateIn({ ...effect, target: readTarget("毎年度100百万円以上") }, 2025);
    assert.equal(r.status, "achieved");
    assert.match(r.rule, /：達成（単年度の値で比較/);
  });
});
