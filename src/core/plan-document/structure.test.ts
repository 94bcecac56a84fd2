/** The plan document refuses structures that would hurt the server: cycles, deep nesting, control characters, huge texts. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { samplePlanDocument } from "../../testing/factories.ts";
import { isAppError } from "../errors.ts";
import { parsePlanDocument, parsePlanDocumentText } from "./document.ts";
import { MAX_ITEM_DEPTH, type PlanDocumentInput } from "./schema.ts";

/** The refusal's findings as "path: message" lines. */
function refusal(input: unknown): string[] {
  try {
    parsePlanDocument(input, "hostile.json");
  } catch (e) {
    assert.ok(isAppError(e, "invalid_document"), String(e));
    return e.findings.map((f) => `${f.subject}: ${f.message}`);
  }
  assert.fail("the document was accepted");
}

test("a department that is its own parent is refused at its parent", () => {
  const doc = samplePlanDocument();
  doc.departments![0]!.parent = doc.departments![0]!.key;
  const found = refusal(doc);
  assert.ok(
    found.some((f) => /^\$\.departments\[0\]\.parent: .*自分自身/.test(f)),
    found.join("\n"),
  );
});

test("two departments that are each other's parent are refused, naming the loop", () => {
  const doc = samplePlanDocument();
  doc.departments![0]!.parent = "総務部/総務課"; // 総務部/総務課 already has 総務部 as its parent
  const found = refusal(doc);
  assert.ok(
    found.some((f) => /循環.*総務部 → 総務部\/総務課 → 総務部/.test(f)),
    found.join("\n"),
  );
});

test("a chain of 1,000 nested items is refused in plain words, not with a stack overflow", () => {
  const doc = samplePlanDocument({ levels: ["a"] });
  let items: PlanDocumentInput["items"] = [];
  for (let i = 0; i < 1_000; i++) items = [{ key: `k${i}`, title: "x", children: items }];
  doc.items = items;
  const found = refusal(doc);
  assert.equal(found.length, 1);
  assert.match(found[0]!, new RegExp(`入れ子が深すぎます（${MAX_ITEM_DEPTH} 段まで）`));
});

test("100,000 nested items in JSON text are refused in plain words", () => {
  const depth = 100_000;
  const open = '{"key":"k","title":"x","children":['.repeat(depth);
  const text = `{"format":"gyokaku.plan-document/1","items":[${open}${"]}".repeat(depth)}]}`;
  assert.throws(
    () => parsePlanDocumentText(text, "deep.json"),
    (e: unknown) => isAppError(e, "invalid_document") && /深すぎます|JSON として読めません/.test(e.message),
  );
});

test("NUL and other control characters are refused in any text field, naming it", () => {
  for (const [where, path] of [
    [(d: PlanDocumentInput) => (d.plan.title = "計画\u0000"), "$.plan.title"],
    [(d: PlanDocumentInput) => (d.items![0]!.title = "a\u0007b"), "$.items[0].title"],
    [(d: PlanDocumentInput) => (d.departments![2]!.name = "\u001b[31m職員課"), "$.departments[2].name"],
    [(d: PlanDocumentInput) => (d.items![0]!.texts = { 課題: "x\u0000" }), "$.items[0].texts.課題"],
  ] as const) {
    const doc = samplePlanDocument();
    where(doc);
    const found = refusal(doc);
    assert.ok(
      found.some((f) => f.startsWith(`${path}: 制御文字`)),
      `${path}: ${found.join("\n")}`,
    );
  }
});

test("tabs and line breaks are text, not control characters", () => {
  const doc = samplePlanDocument();
  doc.items![0]!.description = "一行目\r\n二行目\tタブ";
  assert.doesNotThrow(() => parsePlanDocument(doc));
});

test("every text field has a length limit: a 19 MB title is refused at its path", () => {
  const doc = samplePlanDocument();
  doc.plan.title = "長".repeat(19_000_000);
  const found = refusal(doc);
  assert.ok(
    found.some((f) => /^\$\.plan\.title: 1,000文字以内/.test(f)),
    found.join("\n"),
  );
  const doc2 = samplePlanDocument();
  doc2.items![0]!.number = "1".repeat(201);
  assert.ok(refusal(doc2).some((f) => f.startsWith("$.items[0].number:")));
});

test("a planned value's series is a text field: control characters and length refused; a wrong one is quoted short", () => {
  const indicator = () => {
    const doc = samplePlanDocument();
    const ind = doc.items![0]!.children![0]!.children![0]!.indicators![0]!;
    return { doc, ind };
  };
  const planned = (series: string) => [
    { fiscalYear: 2020, text: "1", kind: "number" as const, number: 1, series },
  ];
  const path = "$.items[0].children[0].children[0].indicators[0].plannedValues[0]";
  const a = indicator();
  a.ind.plannedValues = planned(`x\u0000${"y".repeat(10)}`);
  assert.ok(
    refusal(a.doc).some((f) => f.startsWith(`${path}.series: 制御文字（U+0000）`)),
    refusal(a.doc).join("\n"),
  );
  const b = indicator();
  b.ind.plannedValues = planned("s".repeat(5_000));
  assert.ok(refusal(b.doc).some((f) => f.startsWith(`${path}.series: 200文字以内`)));
  const c = indicator();
  c.ind.plannedValues = planned("系".repeat(150));
  const found = refusal(c.doc);
  assert.deepEqual(found, [`${path}: 系列 "${"系".repeat(40)}…" は series にありません`]);
});
