import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, evaluateYears, num, R1_TO_R4, series } from "../../testing/values.ts";

describe("direction: (初期値より)増加", () => {
  // 江別市 職員提案数: 初期値 13件, 7 / 11 / 14 / 10件.
  const proposals = {
    target: { text: "(初期値より)増加", kind: "direction" as const, direction: "increase" as const },
    baseline: { ...num(13, "件"), fiscalYear: 2017 },
    actuals: series(2019, [7, 11, 14, 10, 13], "件"),
  };

  test("only the year above the baseline is 達成", () => {
    const results = evaluateYears(proposals, R1_TO_R4);
    assert.deepEqual(
      results.map((r) => r.status),
      ["not_achieved", "not_achieved", "achieved", "not_achieved"],
    );
    assert.equal(results[2]!.rule, "目標 初期値 13件より増加に対し 14件：達成");
    assert.ok(results.every((r) => r.comparedWith === 13 && r.progressRate === undefined));
  });

  test("equal to the baseline is 未達成: 増加 asks for a change", () => {
    const r = evaluateIn(proposals, 2023);
    assert.equal(r.status, "not_achieved");
    assert.match(r.rule, /初期値と同じ値は増加にあたりません/);
  });

  test("without a baseline there is nothing to compare with: 判定不可", () => {
    const r = evaluateIn({ ...proposals, baseline: { text: "—", kind: "empty" } }, 2021);
    assert.equal(r.status, "not_judgeable");
    assert.match(r.reason!, /初期値がありません/);
  });
});

describe("direction: (初期値より)縮減", () => {
  // 江別市 職員1人当たりの年間時間外勤務時間数: 初期値 161.2時間, 149.6 / 143.0 / 143.2 / 157.1時間.
  const overtime = {
    target: { text: "(初期値より)縮減", kind: "direction" as const, direction: "decrease" as const },
    baseline: { ...num(161.2, "時間"), fiscalYear: 2017 },
    actuals: series(2019, [149.6, 143.0, 143.2, 157.1], "時間"),
  };

  test("every year below 161.2時間 is 達成", () => {
    const results = evaluateYears(overtime, R1_TO_R4);
    assert.deepEqual(
      results.map((r) => r.status),
      ["achieved", "achieved", "achieved", "achieved"],
    );
    assert.equal(results[3]!.rule, "目標 初期値 161.2時間より縮減に対し 157.1時間：達成");
  });

  test("above the baseline is 未達成", () => {
    assert.equal(
      evaluateIn({ ...overtime, actuals: series(2023, [161.3], "時間") }, 2023).status,
      "not_achieved",
    );
  });

  test("001's shifted row (年次休暇 figures in 日 under 時間外勤務時間数 in 時間) is 判定不可, not compared", () => {
    const shifted = { ...overtime, actuals: series(2019, [11.7], "日") };
    const r = evaluateIn(shifted, 2019);
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "実績値の単位（日）が初期値の単位（時間）と違います");
  });
});

test("市税の収納率 (初期値より)向上 97.7%: 98.1 / 97.8 / 98.3 / 98.3 all 達成", () => {
  const taxes = {
    target: { text: "(初期値より)向上", kind: "direction" as const, direction: "increase" as const },
    baseline: { ...num(97.7, "%"), fiscalYear: 2017 },
    actuals: series(2019, [98.1, 97.8, 98.3, 98.3], "%"),
  };
  const results = evaluateYears(taxes, R1_TO_R4);
  assert.ok(results.every((r) => r.status === "achieved"));
  assert.equal(results[1]!.rule, "目標 初期値 97.7%より向上に対し 97.8%：達成");
});

test("a direction with a target year (札幌 2027年 減少): before it 順調 or 遅れ, then 達成 or 未達成", () => {
  const quits = {
    target: { text: "減少", kind: "direction" as const, direction: "decrease" as const, fiscalYear: 2027 },
    baseline: { ...num(3.1, "%"), fiscalYear: 2022 },
    actuals: series(2024, [2.9, 3.2, 3.0, 3.1], "%"),
  };
  assert.deepEqual(
    evaluateYears(quits, [2024, 2025, 2026, 2027]).map((r) => r.status),
    ["on_track", "behind", "on_track", "not_achieved"],
  );
  assert.match(evaluateIn(quits, 2024).rule, /^目標 初期値 3.1%より減少（令和9年度まで）に対し 2.9%：順調$/);
});

test("受験者増 (2023年度比): any increase on the 2023 value is 達成; before 2024 nothing is judged", () => {
  const applicants = {
    target: {
      text: "受験者増 (2023年度比)",
      kind: "direction" as const,
      direction: "increase" as const,
      relativeToFiscalYear: 2023,
      subject: "受験者",
    },
    actuals: series(2023, [1200, 1200, 1250], "人"),
  };
  const results = evaluateYears(applicants, [2023, 2024, 2025]);
  assert.deepEqual(
    results.map((r) => r.status),
    ["not_judgeable", "not_achieved", "achieved"],
  );
  assert.equal(results[2]!.rule, "目標 令和5年度の値 1,200人より増加に対し 1,250人：達成");
});

test("前年度比 増加: each year against the one before", () => {
  const yearly = {
    target: {
      text: "(前年度比)増加",
      kind: "direction" as const,
      direction: "increase" as const,
      against: "previous_year" as const,
    },
    actuals: series(2019, [7, 11, 14, 10], "件"),
  };
  const results = evaluateYears(yearly, R1_TO_R4);
  assert.deepEqual(
    results.map((r) => r.status),
    ["not_judgeable", "achieved", "achieved", "not_achieved"],
  );
  assert.equal(results[0]!.reason, "前年度（平成30年度）の値がないため比べられません");
  assert.equal(results[3]!.rule, "目標 前年度（令和3年度）の値 14件より増加に対し 10件：未達成");
});
