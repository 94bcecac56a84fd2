import assert from "node:assert/strict";
import { test } from "node:test";
import { readPlanDocument } from "../core/plan-document/document.ts";
import { PLAN_DOCUMENT_FORMAT, type PlanDocumentInput } from "../core/plan-document/schema.ts";
import { implementationStatus } from "../domain/evaluation/implementation.ts";
import { withVocabulary } from "../domain/evaluation/vocabulary.ts";
import { DEFAULT_STAGE_LADDER } from "../domain/values/index.ts";
import { sabcScales } from "../testing/scales.ts";
import { evaluatePlan } from "./evaluation.ts";
import { itemImplementation } from "./report.model.ts";

const stage = (fiscalYear: number, word: string) => ({
  fiscalYear,
  text: word,
  kind: "stage" as const,
  stage: word,
});

function doc(words: [number, string][], withVocabulary = true): PlanDocumentInput {
  return {
    format: PLAN_DOCUMENT_FORMAT,
    municipality: { code: "012173", name: "江別市" },
    plan: {
      key: "v",
      title: "語彙テスト",
      periodStart: 2021,
      periodEnd: 2023,
      levels: ["取組"],
      ...(withVocabulary ? { scales: { implementation: sabcScales().implementation } } : {}),
    },
    items: [
      {
        key: "1",
        title: "窓口のオンライン化",
        indicators: [
          {
            key: "i1",
            name: "オンライン申請の導入",
            targets: [{ text: "(R5)達成", kind: "stage", stage: "達成", fiscalYear: 2023 }],
            actuals: words.map(([y, w]) => stage(y, w)),
          },
        ],
      },
    ],
  };
}

test("stage targets and actuals in the plan's words are judged; its done word counts as 完了", () => {
  const { document, findings } = readPlanDocument(
    doc([
      [2022, "部分実施"],
      [2023, "達成"],
    ]),
    "v.json",
  );
  assert.deepEqual(findings, []);
  const plan = evaluatePlan(document, 2023);
  assert.equal(plan.rows[0]!.evaluation.status, "achieved");
  assert.equal(plan.rows[0]!.previous.status, "on_track", "部分実施 before the target year");
  const item = document.items[0]!;
  assert.equal(itemImplementation(item, 2023, plan.ladder).status, "completed");
  assert.equal(itemImplementation(item, 2022, plan.ladder).status, "in_progress");
});

test("a done word already on gyokaku's ladder below 完了 (継続) counts as done in that plan", () => {
  const states = [
    { label: "未着手" },
    { label: "実施中" },
    { label: "完了", done: true },
    { label: "継続", done: true },
  ];
  const ladder = withVocabulary(DEFAULT_STAGE_LADDER, states);
  const r = implementationStatus({
    fiscalYear: 2023,
    records: [{ fiscalYear: 2023, word: "継続" }],
    ladder,
    done: ladder.done,
  });
  assert.equal(r.status, "completed");
  const mid = implementationStatus({
    fiscalYear: 2023,
    records: [{ fiscalYear: 2023, word: "実施中" }],
    ladder,
    done: ladder.done,
  });
  assert.equal(mid.status, "in_progress");
  const plain = implementationStatus({
    fiscalYear: 2023,
    records: [{ fiscalYear: 2023, word: "継続" }],
    ladder: DEFAULT_STAGE_LADDER,
  });
  assert.equal(plain.status, "in_progress", "without the vocabulary gyokaku's ladder decides");
});

test("a stage word in no vocabulary becomes a finding with its JSON path", () => {
  const { findings } = readPlanDocument(doc([[2023, "着手済み"]]), "v.json");
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.code, "stage.unknown-word");
  assert.equal(findings[0]!.subject, "$.items[0].indicators[0].actuals[0].stage");
  assert.equal(findings[0]!.found, "着手済み");
  const without = readPlanDocument(doc([[2023, "部分実施"]], false), "v.json").findings;
  assert.deepEqual(
    without.map((f) => f.subject),
    ["$.items[0].indicators[0].targets[0].stage", "$.items[0].indicators[0].actuals[0].stage"],
    "without the plan's vocabulary, 達成 and 部分実施 are unknown words",
  );
});
