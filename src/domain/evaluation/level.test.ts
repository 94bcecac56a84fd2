import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, evaluateYears, num, R1_TO_R4, series } from "../../testing/values.ts";

describe("floor: (R1～)13%以上", () => {
  // 江別市 育児休業取得率 男性: 初期値 6.9%, 15.4 / 36.7 / 38.8 / 52.8.
  const men = {
    target: { text: "(R1～)13%以上", kind: "floor" as const, number: 13, unit: "%", fromFiscalYear: 2019 },
    baseline: { ...num(6.9, "%"), text: "男性6.9%", fiscalYear: 2017 },
    actuals: series(2019, [15.4, 36.7, 38.8, 52.8], "%"),
  };

  test("every year from R1 is judged on its own: all four years 達成", () => {
    const results = evaluateYears(men, R1_TO_R4);
    assert.deepEqual(
      results.map((r) => r.status),
      ["achieved", "achieved", "achieved", "achieved"],
    );
    assert.equal(results[0]!.rule, "目標 13%以上（令和元年度から毎年度）に対し 15.4%：達成（進捗率 139.3%）");
    assert.ok(Math.abs(results[3]!.progressRate! - (52.8 - 6.9) / (13 - 6.9)) < 1e-9);
  });

  test("a year below the floor is 未達成 even after good years, and exactly the floor is enough", () => {
    const dip = { ...men, actuals: series(2019, [15.4, 12.9, 13], "%") };
    assert.deepEqual(
      evaluateYears(dip, [2019, 2020, 2021]).map((r) => r.status),
      ["achieved", "not_achieved", "achieved"],
    );
  });

  test("before R1 the floor does not apply yet: 判定不可 with the reason", () => {
    const r = evaluateIn({ ...men, actuals: series(2018, [8.0], "%") }, 2018);
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "平成30年度は目標の年度（令和元年度から毎年度）に入りません");
  });

  test("女性 (R1～)100% against a baseline of 100%: 達成 without a progress rate (the denominator is 0)", () => {
    const women = {
      target: { text: "(R1～)100%", kind: "floor" as const, number: 100, unit: "%", fromFiscalYear: 2019 },
      baseline: { ...num(100, "%"), fiscalYear: 2017 },
      actuals: series(2019, [100, 100, 100, 100], "%"),
    };
    const results = evaluateYears(women, R1_TO_R4);
    assert.ok(results.every((r) => r.status === "achieved" && r.progressRate === undefined));
  });

  test("年次休暇 (R1～)12日以上 with 11.7 / 12.3 / 12.6 / 13.3日: the first year misses", () => {
    const leave = {
      target: {
        text: "(R1～)12日以上",
        kind: "floor" as const,
        number: 12,
        unit: "日",
        fromFiscalYear: 2019,
      },
      baseline: { ...num(10.8, "日"), fiscalYear: 2017 },
      actuals: series(2019, [11.7, 12.3, 12.6, 13.3], "日"),
    };
    assert.deepEqual(
      evaluateYears(leave, R1_TO_R4).map((r) => r.status),
      ["not_achieved", "achieved", "achieved", "achieved"],
    );
  });
});

describe("ceiling", () => {
  const overtime = {
    target: {
      text: "(R2～)150時間以下",
      kind: "ceiling" as const,
      number: 150,
      unit: "時間",
      fromFiscalYear: 2020,
    },
    baseline: { ...num(161.2, "時間"), fiscalYear: 2017 },
    actuals: series(2020, [143.0, 150, 157.1], "時間"),
  };

  test("at or below the ceiling is 達成, above it 未達成", () => {
    const results = evaluateYears(overtime, [2020, 2021, 2022]);
    assert.deepEqual(
      results.map((r) => r.status),
      ["achieved", "achieved", "not_achieved"],
    );
    assert.match(results[2]!.rule, /^目標 150時間以下（令和2年度から毎年度）に対し 157.1時間：未達成/);
  });

  test("(R1～R3): after the last year there is no target; 未満 excludes the bound", () => {
    const until = {
      ...overtime,
      target: { ...overtime.target, text: "(R2～R3)150時間未満", toFiscalYear: 2021, exclusive: true },
    };
    const results = evaluateYears(until, [2020, 2021, 2022]);
    assert.deepEqual(
      results.map((r) => r.status),
      ["achieved", "not_achieved", "not_judgeable"],
    );
    assert.match(
      results[1]!.rule,
      /^目標 150時間未満（令和2年度から令和3年度まで毎年度）に対し 150時間：未達成/,
    );
    assert.equal(results[2]!.reason, "令和4年度は目標の年度（令和2年度から令和3年度まで毎年度）に入りません");
  });

  test("without a starting year the ceiling holds every year", () => {
    const always = {
      ...overtime,
      target: { ...overtime.target, fromFiscalYear: undefined, text: "150時間以下" },
    };
    assert.match(evaluateIn(always, 2020).rule, /（毎年度）に対し/);
  });
});
