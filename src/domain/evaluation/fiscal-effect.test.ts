import assert from "node:assert/strict";
import { test } from "node:test";
import {
  convertAmount,
  effectsByYear,
  type FiscalEffectEntry,
  fiscalEffectKindOf,
  reportUnit,
  sumEffects,
  sumEffectsBy,
} from "./fiscal-effect.ts";

const e = (o: Partial<FiscalEffectEntry>): FiscalEffectEntry => ({
  itemKey: "a",
  fiscalYear: 2024,
  kind: "expenditure_reduction",
  unit: "千円",
  ...o,
});

test("amounts in different units add up exactly in the report's unit", () => {
  const s = sumEffects(
    [
      e({ planned: 1.5, actual: 1.2, unit: "百万円" }),
      e({ planned: 300, actual: 350 }),
      e({ planned: 12_345, actual: 500, unit: "円" }),
    ],
    "千円",
  );
  assert.equal(s.planned, 1_812.345);
  assert.equal(s.actual, 1_550.5);
  assert.equal(s.actualMissing, 0);
  assert.equal(s.rate, 85.6);
  assert.equal(convertAmount(2_500, "千円", "百万円"), 2.5);
});

test("a missing actual is missing, not 0: counted, and no rate", () => {
  const s = sumEffects([e({ planned: 100, actual: 90 }), e({ itemKey: "b", planned: 50 })], "千円");
  assert.equal(s.planned, 150);
  assert.equal(s.actual, 90);
  assert.equal(s.actualMissing, 1);
  assert.equal(s.rate, null);
  const none = sumEffects([e({ planned: 100 })], "千円");
  assert.equal(none.actual, null);
  assert.deepEqual(sumEffects([], "円"), { planned: null, actual: null, actualMissing: 0, rate: null });
});

test("by year with running sums that stop at a year without actuals", () => {
  const rows = [
    e({ fiscalYear: 2024, planned: 100, actual: 120 }),
    e({ fiscalYear: 2025, planned: 200, actual: 150 }),
    e({ fiscalYear: 2026, planned: 300 }),
    e({ fiscalYear: 2027, planned: 300, actual: 10 }),
  ];
  const ys = effectsByYear(rows, [2023, 2024, 2025, 2026, 2027], "千円");
  assert.deepEqual(
    ys.map((y) => [y.fiscalYear, y.planned, y.actual, y.cumulativePlanned, y.cumulativeActual]),
    [
      [2023, null, null, null, null],
      [2024, 100, 120, 100, 120],
      [2025, 200, 150, 300, 270],
      [2026, 300, null, 600, null],
      [2027, 300, 10, 900, null],
    ],
  );
});

test("by group: an entry counts once in each group it belongs to", () => {
  const rows = [e({ itemKey: "a", planned: 10 }), e({ itemKey: "b", planned: 5, actual: 5 })];
  const groups: Record<string, string[]> = { a: ["総務課", "財政課", "総務課"], b: ["財政課"] };
  const by = sumEffectsBy(rows, (r) => groups[r.itemKey] ?? [], "千円");
  assert.equal(by.get("総務課")?.planned, 10);
  assert.equal(by.get("財政課")?.planned, 15);
  assert.equal(by.get("財政課")?.actual, 5);
});

test("the report unit is the plan's own when it uses one, else 千円; kinds read from their labels", () => {
  assert.equal(reportUnit([{ unit: "百万円" }, { unit: "百万円" }]), "百万円");
  assert.equal(reportUnit([{ unit: "百万円" }, { unit: "円" }]), "千円");
  assert.equal(reportUnit([]), "千円");
  assert.equal(fiscalEffectKindOf(" 歳入確保 "), "revenue_increase");
  assert.equal(fiscalEffectKindOf("歳出削減"), "expenditure_reduction");
  assert.equal(fiscalEffectKindOf("削減"), undefined);
});
