import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, evaluateYears, num, R1_TO_R4, series } from "../../testing/values.ts";

const fromR3 = (stage: string) => ({
  text: `(R3～)${stage}`,
  kind: "stage" as const,
  stage,
  fromFiscalYear: 2021,
});

describe("stage: (R3～)実施", () => {
  // 江別市 オープンデータの共有: 初期値 —, 検討 / 検討 / 実施 / 実施.
  const openData = {
    target: fromR3("実施"),
    baseline: { text: "—", kind: "empty" as const },
    actuals: series(2019, ["検討", "検討", "実施", "実施"]),
  };

  test("検討 before R3 is 順調; 実施 from R3 is 達成", () => {
    const results = evaluateYears(openData, R1_TO_R4);
    assert.deepEqual(
      results.map((r) => r.status),
      ["on_track", "on_track", "achieved", "achieved"],
    );
    assert.equal(
      results[0]!.rule,
      "目標 実施（令和3年度から）に対し 検討：順調（令和3年度より前のため、目標の段階に届いていなくても順調とします）",
    );
    assert.equal(results[2]!.rule, "目標 実施（令和3年度から）に対し 実施：達成");
    assert.ok(results.every((r) => r.progressRate === undefined && r.expected === undefined));
  });

  test("still 検討 in R3 is 未達成", () => {
    const late = { ...openData, actuals: series(2021, ["検討"]) };
    assert.equal(evaluateIn(late, 2021).status, "not_achieved");
  });

  test("a stage reached before the target's year is already 達成: a stage once reached stays reached", () => {
    const early = { ...openData, actuals: series(2020, ["実施"]) };
    assert.equal(evaluateIn(early, 2020).status, "achieved");
  });

  test("未着手 before the target's year is 未着手, not 順調", () => {
    const r = evaluateIn({ ...openData, actuals: series(2020, ["未着手"]) }, 2020);
    assert.equal(r.status, "not_started");
    assert.match(r.rule, /：未着手（令和3年度より前のため/);
  });

  test("繁忙期を考慮した人事異動: 検討・実施 is below 実施, so 未達成 from R3", () => {
    const transfers = {
      target: fromR3("実施"),
      actuals: series(2019, ["検討", "検討・実施", "検討・実施", "検討・実施"]),
    };
    assert.deepEqual(
      evaluateYears(transfers, R1_TO_R4).map((r) => r.status),
      ["on_track", "on_track", "not_achieved", "not_achieved"],
    );
  });

  test("a stage above the target (継続実施, 完了) is 達成", () => {
    const beyond = { target: fromR3("実施"), actuals: series(2021, ["継続実施", "完了"]) };
    assert.deepEqual(
      evaluateYears(beyond, [2021, 2022]).map((r) => r.status),
      ["achieved", "achieved"],
    );
  });
});

describe("stage: (R1～)検討・実施", () => {
  const fromR1 = {
    text: "(R1～)検討・実施",
    kind: "stage" as const,
    stage: "検討・実施",
    fromFiscalYear: 2019,
  };

  test("タブレットPC等の導入: 検討 every year is 未達成", () => {
    const tablets = { target: fromR1, actuals: series(2019, ["検討", "検討", "検討", "検討"]) };
    assert.ok(evaluateYears(tablets, R1_TO_R4).every((r) => r.status === "not_achieved"));
  });

  test("庁内システムのクラウド化: 実施・完了 in R1 is 達成, the blank cells after it are データなし", () => {
    const cloud = { target: fromR1, actuals: series(2019, ["実施・完了", null, null, null]) };
    assert.deepEqual(
      evaluateYears(cloud, R1_TO_R4).map((r) => r.status),
      ["achieved", "no_data", "no_data", "no_data"],
    );
  });

  test("(R1～R3)検討・実施: after R3 there is no target", () => {
    const until = {
      target: { ...fromR1, text: "(R1～R3)検討・実施", toFiscalYear: 2021 },
      actuals: series(2021, ["検討", "検討"]),
    };
    assert.deepEqual(
      evaluateYears(until, [2021, 2022]).map((r) => r.status),
      ["not_achieved", "not_judgeable"],
    );
  });

  test("a stage target without a year is held every year", () => {
    const always = {
      target: { text: "実施", kind: "stage" as const, stage: "実施" },
      actuals: series(2019, ["検討"]),
    };
    assert.equal(evaluateIn(always, 2019).status, "not_achieved");
  });

  test("a stage target with a year to reach it by (札幌 2027年 充実): 実施 before it is 順調", () => {
    const by2027 = {
      target: { text: "充実", kind: "stage" as const, stage: "充実", fiscalYear: 2027 },
      actuals: series(2024, ["実施"]),
    };
    const r = evaluateIn(by2027, 2024);
    assert.equal(r.status, "on_track");
    assert.match(r.rule, /^目標 充実（令和9年度まで）に対し 実施：順調/);
  });
});

describe("stage targets with values that cannot be compared", () => {
  test("職員数 806人 against (R1～)検討 is 判定不可: a number is not a stage", () => {
    const staff = {
      target: { text: "(R1～)検討", kind: "stage" as const, stage: "検討", fromFiscalYear: 2019 },
      baseline: num(806, "人"),
      actuals: series(2019, [806], "人"),
    };
    const r = evaluateIn(staff, 2019);
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "目標は段階ですが、実績値「806人」は数値です");
  });

  test("a word not on the ladder is 判定不可, never guessed", () => {
    const r = evaluateIn({ target: fromR3("実施"), actuals: series(2021, ["見直し"]) }, 2021);
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "「見直し」は段階表にない語です");
  });

  test("a sentence as the actual (令和元年度に完了) is 判定不可", () => {
    const r = evaluateIn(
      { target: fromR3("実施"), actuals: [{ text: "令和元年度に完了", kind: "text", fiscalYear: 2021 }] },
      2021,
    );
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "実績値「令和元年度に完了」は段階を表す語ではありません");
  });
});
