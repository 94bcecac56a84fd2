import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, evaluateYears, num, R1_TO_R4, series } from "../../testing/values.ts";

// 江別市 SNS等広報媒体のフォロワー数: 初期値 1,483 (2017年度), 目標 (R5)6,000.
const sns = {
  target: { text: "(R5)6,000", kind: "value_by_year" as const, number: 6000, fiscalYear: 2023 },
  baseline: { ...num(1483), fiscalYear: 2017 },
  actuals: series(2019, [5253, 6825, 10602, 26684, null]),
  unit: "人",
};

describe("value by year: (R5)6,000", () => {
  test("before the target year every Ebetsu actual is on or above the path: 順調", () => {
    assert.deepEqual(
      evaluateYears(sns, R1_TO_R4).map((r) => r.status),
      ["on_track", "on_track", "on_track", "on_track"],
    );
  });

  test("FY2022: 26,684 against the path value 5,247.2 is 順調, with the target already reached noted", () => {
    const r = evaluateIn(sns, 2022);
    assert.equal(r.status, "on_track");
    assert.equal(r.comparedWith, 6000);
    assert.ok(Math.abs(r.expected! - (1483 + (4517 * 5) / 6)) < 1e-9);
    assert.ok(Math.abs(r.progressRate! - 25201 / 4517) < 1e-9);
    assert.equal(
      r.rule,
      "目標 6,000人（令和5年度）に向けた令和4年度の目安 5,247.2人に対し 26,684人：順調" +
        "（目安は初期値 1,483人（平成29年度）から目標までの直線。目標値に到達済み。目標を大きく上回る）",
    );
    assert.equal(r.explanation, r.rule);
  });

  test("in the target year, reaching the target is 達成", () => {
    const r = evaluateIn({ ...sns, actuals: series(2023, [26684]) }, 2023);
    assert.equal(r.status, "achieved");
    assert.equal(r.expected, undefined);
    assert.equal(r.rule, "目標 6,000人（令和5年度）に対し 26,684人：達成（目標を大きく上回る）");
  });

  test("in or after the target year, falling short is 未達成", () => {
    const actuals = series(2023, [5999, 7000, 5000]);
    assert.deepEqual(
      [2023, 2024, 2025].map((y) => evaluateIn({ ...sns, actuals }, y).status),
      ["not_achieved", "achieved", "not_achieved"],
    );
  });

  test("the R5 cell is blank in 001: データなし, never zero", () => {
    const r = evaluateIn(sns, 2023);
    assert.equal(r.status, "no_data");
    assert.equal(r.actual, undefined);
    assert.equal(r.progressRate, undefined);
    assert.match(r.rule, /令和5年度の実績値なし：データなし/);
  });
});

describe("value by year below the path", () => {
  // 江別市 出前講座開催回数: 97回 (2017年度) → (R5)110回; 97 / 69 / 74 / 105.
  const lectures = {
    target: { text: "(R5)110回", kind: "value_by_year" as const, number: 110, unit: "回", fiscalYear: 2023 },
    baseline: { ...num(97, "回"), fiscalYear: 2017 },
    actuals: series(2019, [97, 69, 74, 105], "回"),
  };

  test("97 / 69 / 74 / 105 against a path rising from 97 to 110 are all 遅れ", () => {
    const results = evaluateYears(lectures, R1_TO_R4);
    assert.deepEqual(
      results.map((r) => r.status),
      ["behind", "behind", "behind", "behind"],
    );
    assert.deepEqual(
      results.map((r) => Math.round(r.expected! * 10) / 10),
      [101.3, 103.5, 105.7, 107.8],
    );
  });

  test("a negative progress rate is kept: 69回 is further from the target than the baseline", () => {
    assert.ok(Math.abs(evaluateIn(lectures, 2020).progressRate! - (69 - 97) / 13) < 1e-9);
  });

  test("exactly on the path counts as 順調", () => {
    const onPath = {
      ...lectures,
      baseline: { ...num(98, "回"), fiscalYear: 2017 },
      actuals: series(2020, [104], "回"),
    };
    assert.equal(evaluateIn(onPath, 2020).status, "on_track");
  });
});

describe("value by year where lower is better", () => {
  // A target below the baseline: 待ち時間 60分 (2022) → 40分 (2027).
  const waiting = {
    target: { text: "(2027)40分", kind: "value_by_year" as const, number: 40, unit: "分", fiscalYear: 2027 },
    baseline: { ...num(60, "分"), fiscalYear: 2022 },
    actuals: series(2024, [50, 55, 40, 41], "分"),
  };

  test("at or below the path is 順調, above it 遅れ", () => {
    assert.equal(evaluateIn(waiting, 2024).status, "on_track");
    assert.equal(evaluateIn(waiting, 2024).expected, 52);
    assert.equal(evaluateIn(waiting, 2025).status, "behind");
    assert.match(evaluateIn(waiting, 2025).rule, /値が小さいほど良い指標/);
  });

  test("in the target year, at or below the target is 達成", () => {
    assert.equal(evaluateIn({ ...waiting, actuals: series(2027, [40], "分") }, 2027).status, "achieved");
    assert.equal(evaluateIn({ ...waiting, actuals: series(2027, [41], "分") }, 2027).status, "not_achieved");
    assert.equal(evaluateIn({ ...waiting, actuals: series(2027, [41], "分") }, 2027).progressRate, 0.95);
  });
});

describe("value by year without a usable baseline", () => {
  // 江別市 職員の訓練参加率: 初期値 —, 目標 (R5)100%.
  const drill = {
    target: { text: "(R5)100%", kind: "value_by_year" as const, number: 100, unit: "%", fiscalYear: 2023 },
    baseline: { text: "—", kind: "empty" as const },
    actuals: series(2019, [20.2, 30.5, 36.9, 52.7, 100], "%"),
  };

  test("before the target year there is no path: 判定不可 with the reason", () => {
    const r = evaluateIn(drill, 2022);
    assert.equal(r.status, "not_judgeable");
    assert.match(r.reason!, /初期値がありません/);
    assert.equal(r.progressRate, undefined);
  });

  test("in the target year the target alone decides", () => {
    const r = evaluateIn(drill, 2023);
    assert.equal(r.status, "achieved");
    assert.equal(r.progressRate, undefined);
  });

  test("a baseline without its year still gives a progress rate, and a reached target is 順調", () => {
    const r = evaluateIn({ ...drill, baseline: num(10, "%"), actuals: series(2022, [100], "%") }, 2022);
    assert.equal(r.status, "on_track");
    assert.equal(r.progressRate, 1);
    assert.match(r.rule, /初期値の年度がないため目安を引けません/);
  });
});

test("a value without a target year (the column header was not applied) is 判定不可, not guessed", () => {
  const r = evaluateIn({ ...sns, target: { text: "6,000", kind: "value_by_year", number: 6000 } }, 2022);
  assert.equal(r.status, "not_judgeable");
  assert.equal(r.reason, "目標年度がありません");
});
