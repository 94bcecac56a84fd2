import assert from "node:assert/strict";
import { test } from "node:test";
import { samplePlanDocument } from "../../testing/factories.ts";
import { sabcScales } from "../../testing/scales.ts";
import { isAppError } from "../errors.ts";
import { parsePlanDocument } from "./document.ts";

const SABC_SCALES = sabcScales();

function withScales(scales: unknown) {
  const doc = samplePlanDocument();
  // biome-ignore lint/suspicious/noExplicitAny: the input is what a user might write
  (doc.plan as any).scales = scales;
  return doc;
}

function refusedAt(scales: unknown, path: string, message: RegExp): void {
  assert.throws(
    () => parsePlanDocument(withScales(scales), "plan.json"),
    (e: unknown) => {
      assert.ok(isAppError(e, "invalid_document"), String(e));
      assert.ok(e.message.includes(path), `${path} not in ${e.message}`);
      assert.match(e.message, message);
      return true;
    },
  );
}

test("a plan's own scales are accepted and kept as given", () => {
  const doc = parsePlanDocument(withScales(SABC_SCALES));
  assert.deepEqual(doc.plan.scales, SABC_SCALES);
  assert.equal(parsePlanDocument(samplePlanDocument()).plan.scales, undefined);
});

test("thresholds not in descending order are refused with the JSON path", () => {
  const s = structuredClone(SABC_SCALES);
  s.outcome.grades[2]!.rule = { atLeast: 90 };
  refusedAt(s, "$.plan.scales.outcome.grades[2].rule.atLeast", /順に小さく/);
});

test("a grade with no rule, or two rules, is refused", () => {
  const s = structuredClone(SABC_SCALES) as { outcome: { grades: { label: string; rule?: unknown }[] } };
  delete s.outcome.grades[1]!.rule;
  refusedAt(s, "$.plan.scales.outcome.grades[1].rule", /「A」に基準がありません/);
  const t = structuredClone(SABC_SCALES) as { outcome: { grades: { label: string; rule?: unknown }[] } };
  t.outcome.grades[0]!.rule = { atLeast: 100, reviewer: true };
  refusedAt(t, "$.plan.scales.outcome.grades[0].rule", /一つだけ/);
});

test("duplicate labels, a misplaced 'below', or a vocabulary with nothing done are refused", () => {
  const s = structuredClone(SABC_SCALES);
  s.outcome.grades[3]!.label = "A";
  refusedAt(s, "$.plan.scales.outcome.grades[3].label", /「A」が重複/);
  const t = structuredClone(SABC_SCALES) as { outcome: { grades: { label: string; rule?: unknown }[] } };
  t.outcome.grades = [
    { label: "C", rule: { otherwise: true } },
    { label: "S", rule: { atLeast: 100 } },
  ];
  refusedAt(t, "$.plan.scales.outcome.grades[0].rule.otherwise", /前に基準値/);
  const u = structuredClone(SABC_SCALES);
  u.implementation.states[2]!.done = false;
  refusedAt(u, "$.plan.scales.implementation.states", /done: true/);
  const v = structuredClone(SABC_SCALES);
  v.implementation.states[1]!.label = "検討中";
  refusedAt(v, "$.plan.scales.implementation.states[1].label", /重複/);
});
