import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, series } from "../../testing/values.ts";
import { applyJudgement } from "./judgement.ts";

// 江別市 職員数 806人 against (R1～)検討: the rule cannot compare a headcount with a stage.
const staff = evaluateIn(
  {
    target: { text: "(R1～)検討", kind: "stage", stage: "検討", fromFiscalYear: 2019 },
    actuals: series(2022, [806], "人"),
  },
  2022,
);
const judgement = {
  status: "achieved" as const,
  reason: "定員適正化計画に基づき職員数を検討した",
  by: "行政管理課 山田",
  at: "2023-05-10",
};

describe("applyJudgement", () => {
  test("the reviewer's status becomes the effective one; the computed one is kept", () => {
    const judged = applyJudgement(staff, judgement);
    assert.equal(judged.status, "achieved");
    assert.equal(judged.computedStatus, "not_judgeable");
    assert.equal(judged.rule, staff.rule);
    assert.deepEqual(judged.judgement, judgement);
  });

  test("the explanation shows both the judgement and the computed rule", () => {
    const judged = applyJudgement(staff, judgement);
    assert.equal(
      judged.explanation,
      "評価者の判定：達成（定員適正化計画に基づき職員数を検討した。行政管理課 山田、2023-05-10）" +
        "／計算による判定：目標 検討（令和元年度から）に対し 806人：判定不可（目標は段階ですが、実績値「806人」は数値です）",
    );
  });

  test("the original result is not changed", () => {
    applyJudgement(staff, judgement);
    assert.equal(staff.status, "not_judgeable");
    assert.equal(staff.judgement, undefined);
    assert.equal(staff.explanation, staff.rule);
  });

  test("judging again replaces the earlier judgement, never the computed part", () => {
    const again = applyJudgement(applyJudgement(staff, judgement), {
      ...judgement,
      status: "not_achieved",
      reason: "検討の結果が示されていない",
      by: "推進委員会",
    });
    assert.equal(again.status, "not_achieved");
    assert.equal(again.computedStatus, "not_judgeable");
    assert.equal(again.explanation.match(/評価者の判定/g)?.length, 1);
    assert.match(
      again.explanation,
      /^評価者の判定：未達成（検討の結果が示されていない。推進委員会、2023-05-10）／計算による判定：/,
    );
  });

  test("a reviewer may confirm the computed status", () => {
    const onTrack = evaluateIn(
      {
        target: { text: "(R3～)実施", kind: "stage", stage: "実施", fromFiscalYear: 2021 },
        actuals: series(2020, ["検討"]),
      },
      2020,
    );
    const confirmed = applyJudgement(onTrack, { ...judgement, status: "on_track", reason: "計算どおり" });
    assert.equal(confirmed.status, confirmed.computedStatus);
  });

  test("a judgement without a reason or a reviewer is refused", () => {
    assert.throws(() => applyJudgement(staff, { ...judgement, reason: "  " }), /理由が必要です/);
    assert.throws(() => applyJudgement(staff, { ...judgement, by: "" }), /判定者が必要です/);
  });
});
