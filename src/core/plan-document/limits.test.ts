/**
 * How much one plan document may hold (issue 17.2): a document over a limit is refused before it is
 * validated, naming the count and the limit; a document at the limits is read as before.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { samplePlanDocument } from "../../testing/factories.ts";
import { isAppError } from "../errors.ts";
import { parsePlanDocument, readPlanDocument } from "./document.ts";
import { countPlanDocument, PLAN_DOCUMENT_LIMITS } from "./limits.ts";
import type { PlanDocumentInput } from "./schema.ts";

function refusal(input: unknown): string[] {
  try {
    parsePlanDocument(input, "large.json");
  } catch (e) {
    assert.ok(isAppError(e, "invalid_document"), String(e));
    return e.findings.map((f) => `${f.subject}: ${f.message}`);
  }
  assert.fail("the document was accepted");
}

/** The sample with `n` flat items at its first level. */
function withItems(n: number): PlanDocumentInput {
  const doc = samplePlanDocument();
  doc.items = Array.from({ length: n }, (_, i) => ({ key: `i${i}`, title: `項目${i}` }));
  return doc;
}

test("the limits are far above a real municipal plan (40–600 items)", () => {
  assert.deepEqual(PLAN_DOCUMENT_LIMITS, {
    items: 5_000,
    indicators: 20_000,
    values: 500_000,
    yearEntries: 200_000,
    departments: 5_000,
  });
  const sample = countPlanDocument(samplePlanDocument());
  assert.ok(sample.items > 0 && sample.indicators > 0 && sample.values > 0, JSON.stringify(sample));
});

test("5,000 items are read; 5,001 are refused naming the count and the limit", () => {
  const ok = readPlanDocument(withItems(PLAN_DOCUMENT_LIMITS.items), "large.json");
  assert.equal(ok.document.items.length, PLAN_DOCUMENT_LIMITS.items);
  assert.deepEqual(refusal(withItems(PLAN_DOCUMENT_LIMITS.items + 1)), [
    "$.items: 項目が多すぎます（5,001 件。一つの計画文書は 5,000 件まで）",
  ]);
});

test("200,000 items are refused before validation: no finding from the schema, only the count", () => {
  const found = refusal(withItems(200_000));
  assert.deepEqual(found, ["$.items: 項目が多すぎます（200,000 件。一つの計画文書は 5,000 件まで）"]);
});

test("items nested in children are counted too", () => {
  const doc = samplePlanDocument();
  const children = Array.from({ length: 3_000 }, (_, i) => ({ key: `c${i}`, title: "子" }));
  doc.items = [
    { key: "a", title: "A", children },
    { key: "b", title: "B", children: children.map((c) => ({ ...c, key: `b${c.key}` })) },
  ];
  assert.match(refusal(doc).join("\n"), /項目が多すぎます（6,002 件/);
});

test("indicators, values, year entries and departments over their limits are refused, each named", () => {
  const value = { text: "1", kind: "number", number: 1, fiscalYear: 2020 };
  const doc = samplePlanDocument();
  doc.items = [
    {
      key: "a",
      title: "A",
      indicators: Array.from({ length: 20_001 }, (_, i) => ({ key: `x${i}`, name: "指標" })),
      progress: Array.from({ length: 200_001 }, () => ({ fiscalYear: 2020 })),
    },
    {
      key: "b",
      title: "B",
      indicators: [{ key: "y", name: "指標", actuals: Array.from({ length: 500_001 }, () => value) }],
    },
  ] as PlanDocumentInput["items"];
  doc.departments = Array.from({ length: 5_001 }, (_, i) => ({ key: `d${i}`, name: "課" }));
  const found = refusal(doc);
  assert.deepEqual(found, [
    "$.items[*].indicators: 指標が多すぎます（20,002 件。一つの計画文書は 20,000 件まで）",
    "$.items[*].indicators[*]: 値（基準値・目標・計画値・実績値）が多すぎます（500,001 件。一つの計画文書は 500,000 件まで）",
    "$.items[*]: 年度ごとの記載（取組状況・取組・財政効果額）が多すぎます（200,001 件。一つの計画文書は 200,000 件まで）",
    "$.departments: 部署が多すぎます（5,001 件。一つの計画文書は 5,000 件まで）",
  ]);
});
