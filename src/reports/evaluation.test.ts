import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import type { Target } from "../core/plan-document/schema.ts";
import { compareStages, DEFAULT_STAGE_LADDER } from "../domain/values/index.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { evaluatePlan, ladderFor, targetInForce, toReadTarget, toReadValue } from "./evaluation.ts";

const stage = (word: string, from: number): Target => ({
  text: word,
  kind: "stage",
  stage: word,
  fromFiscalYear: from,
});
const byYear = (n: number, fy: number): Target => ({
  text: String(n),
  kind: "value_by_year",
  number: n,
  fiscalYear: fy,
});

describe("the target in force in a year, when a series has several", () => {
  const open = [stage("検討", 2019), stage("実施", 2021)];
  test("the from-year target with the latest start that has begun (江別 オープンデータ: 検討 from R1, 実施 from R3)", () => {
    assert.equal(targetInForce(open, 2019)?.stage, "検討");
    assert.equal(targetInForce(open, 2020)?.stage, "検討");
    assert.equal(targetInForce(open, 2021)?.stage, "実施");
    assert.equal(targetInForce(open, 2022)?.stage, "実施");
  });
  test("before every start, the earliest one (judged 順調 / 未着手 before its year)", () => {
    assert.equal(targetInForce([stage("実施", 2020)], 2019)?.stage, "実施");
  });
  test("a deadline still ahead wins: 訓練参加率 実施 from R1 and 100% by R5 is judged on 100%", () => {
    const training = [stage("実施", 2019), byYear(100, 2023)];
    assert.equal(targetInForce(training, 2022)?.number, 100);
    assert.equal(targetInForce(training, 2023)?.number, 100);
    assert.equal(
      targetInForce(training, 2024)?.stage,
      "実施",
      "after the deadline, the from-year target holds",
    );
  });
  test("of two deadlines, the nearest one ahead; after both, the latest", () => {
    const two = [byYear(50, 2021), byYear(100, 2023)];
    assert.equal(targetInForce(two, 2020)?.number, 50);
    assert.equal(targetInForce(two, 2022)?.number, 100);
    assert.equal(targetInForce(two, 2025)?.number, 100);
  });
  test("a target without a year applies in any year; none gives undefined", () => {
    const dir: Target = { text: "増加", kind: "direction", direction: "increase" };
    assert.equal(targetInForce([dir], 2030), dir);
    assert.equal(targetInForce([], 2022), undefined);
  });
});

test("the plan's own stage words extend the default ladder next to their neighbours", () => {
  const ladder = ladderFor(["検討", "見直し", "実施"]);
  assert.equal(compareStages(ladder, "見直し", "検討"), 1);
  assert.equal(compareStages(ladder, "見直し", "実施"), -1);
  assert.equal(ladderFor(["謎の語"]), DEFAULT_STAGE_LADDER, "nothing known to anchor it: not guessed");
});

test("stored values and targets read as the domain core reads them, with what only the text says", () => {
  const t = toReadTarget(
    { text: "(R1～)100%", kind: "floor", number: 100, unit: "%", fromFiscalYear: 2019 },
    DEFAULT_STAGE_LADDER,
  );
  assert.equal(t.boundImplied, true);
  assert.equal(t.fromFiscalYear, 2019);
  const v = toReadValue(
    { text: "143.0時間", kind: "number", number: 143, unit: "時間" },
    DEFAULT_STAGE_LADDER,
  );
  assert.equal(v.decimals, 1, "printed as the document printed it");
  const corrected = toReadValue({ text: "約100", kind: "number", number: 100 }, DEFAULT_STAGE_LADDER);
  assert.equal(corrected.number, 100, "the document's reading wins over reading the text again");
});

describe("a plan evaluated with reviewers' judgements", () => {
  const doc = parsePlanDocument(samplePlanDocument());
  test("a judgement overrides the status; the computed result and rule are kept and both shown", () => {
    const before = evaluatePlan(doc, 2021);
    const open = before.rows.find((r) => r.indicator.key === "1-1-1-i2")!;
    const computed = open.evaluation.status;
    const after = evaluatePlan(doc, 2021, [
      {
        indicatorKey: "1-1-1-i2",
        series: undefined,
        fiscalYear: 2021,
        status: "not_achieved",
        reason: "公開データが1件のみ",
        by: "行政管理課 山田",
        at: "2022-05-10",
      },
    ]);
    const judged = after.rows.find((r) => r.indicator.key === "1-1-1-i2")!;
    assert.equal(judged.evaluation.status, "not_achieved");
    assert.equal(judged.evaluation.computedStatus, computed);
    assert.match(
      judged.evaluation.explanation,
      /^評価者の判定：未達成（公開データが1件のみ。行政管理課 山田、2022-05-10）／計算による判定：/,
    );
    assert.equal(judged.previous.judgement, undefined, "a judgement holds for its own year only");
  });

  test("each series of an indicator is a row of its own, with its own baseline and target", () => {
    const plan = evaluatePlan(doc, 2021);
    const series = plan.rows.filter((r) => r.indicator.series.length > 0);
    assert.ok(series.length >= 2);
    for (const r of series) {
      assert.ok(r.series);
      for (const a of r.actuals.values()) assert.equal(a.series, r.series);
    }
  });
});
