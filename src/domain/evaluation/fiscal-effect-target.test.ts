// The target for the plan's total 財政効果額, judged like any numeric target: 累計 / 計画期間 against the running
// sum of the yearly totals (in the target's unit, whatever unit each item used), a year with an unreported
// actual leaving the sum missing, never 0.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readTarget } from "../values/index.ts";
import type { FiscalEffectEntry } from "./fiscal-effect.ts";
import { effectTotals, evaluateEffectTarget } from "./fiscal-effect-target.ts";

const period = { start: 2023, end: 2027 };
const entries: FiscalEffectEntry[] = [
  { itemKey: "a", fiscalYear: 2023, kind: "expenditure_reduction", planned: 90, actual: 70, unit: "百万円" },
  { itemKey: "b", fiscalYear: 2023, kind: "revenue_increase", actual: 30_000, unit: "千円" },
  {
    itemKey: "a",
    fiscalYear: 2024,
    kind: "expenditure_reduction",
    planned: 100,
    actual: 120_000,
    unit: "千円",
  },
  {
    itemKey: "a",
    fiscalYear: 2025,
    kind: "expenditure_reduction",
    planned: 100,
    actual: 99.5,
    unit: "百万円",
  },
  { itemKey: "b", fiscalYear: 2025, kind: "revenue_increase", actual: 500_000, unit: "円" },
  { itemKey: "a", fiscalYear: 2026, kind: "expenditure_reduction", planned: 100, unit: "百万円" },
];

test("yearly totals are added in whole yen and shown in the target's unit", () => {
  const { actuals, unreported } = effectTotals(entries, 2023, 2026, "百万円");
  assert.deepEqual(
    actuals.map((a) => [a.fiscalYear, a.number, a.text]),
    [
      [2023, 100, "100百万円"],
      [2024, 120, "120百万円"],
      [2025, 100, "100百万円"],
    ],
  );
  assert.deepEqual(unreported, [{ fiscalYear: 2026, count: 1 }]);
});

test("「5年間で累計500百万円」: the running sum against the straight line, like an indicator's period total", () => {
  const e = evaluateEffectTarget({
    target: readTarget("5年間で累計500百万円"),
    entries,
    period,
    fiscalYear: 2025,
  });
  assert.equal(e.status, "on_track");
  assert.match(
    e.explanation,
    /目安 300百万円に対し 累計 320百万円（令和5年度 100 \+ 令和6年度 120 \+ 令和7年度 100）/,
  );
  const later = evaluateEffectTarget({
    target: readTarget("5年間で累計300百万円"),
    entries,
    period,
    fiscalYear: 2025,
  });
  // a period total is due in the plan's last year: reached early it stays 順調, with the rate above 100 %
  assert.equal(later.status, "on_track", later.explanation);
  assert.match(later.explanation, /目標値に到達済み。進捗率 106.7%/);
});

test("a year with an unreported actual leaves the sum missing (データなし), naming the year and count", () => {
  const e = evaluateEffectTarget({
    target: readTarget("5年間で累計500百万円"),
    entries,
    period,
    fiscalYear: 2026,
  });
  assert.equal(e.status, "no_data");
  assert.match(e.explanation, /令和8年度の実績値がないため累計を出せません/);
  assert.match(e.explanation, /財政効果額の実績未報告: 令和8年度 1件/);
});

test("years before any item names an effect count as 0 (shown); a year without any amount after that is missing", () => {
  const late = entries.map((e) => ({ ...e, fiscalYear: e.fiscalYear + 1 }));
  const e = evaluateEffectTarget({
    target: readTarget("5年間で累計500百万円"),
    entries: late,
    period,
    fiscalYear: 2026,
  });
  assert.match(
    e.explanation,
    /累計 320百万円（令和5年度 0 \+ 令和6年度 100 \+ 令和7年度 120 \+ 令和8年度 100）/,
  );
  const gap = entries.filter((x) => x.fiscalYear !== 2024);
  const g = evaluateEffectTarget({
    target: readTarget("5年間で累計500百万円"),
    entries: gap,
    period,
    fiscalYear: 2025,
  });
  assert.equal(g.status, "no_data");
  assert.match(g.explanation, /令和6年度の実績値がないため累計を出せません/);
});

test("a single-year floor compares the year's own total; a year before the plan is not judged", () => {
  const e = evaluateEffectTarget({
    target: readTarget("毎年度100百万円以上"),
    entries,
    period,
    fiscalYear: 2025,
  });
  assert.equal(e.status, "achieved", e.explanation);
  const thousand = evaluateEffectTarget({
    target: readTarget("毎年度110,000千円以上"),
    entries,
    period,
    fiscalYear: 2024,
  });
  assert.equal(thousand.status, "achieved", thousand.explanation);
  assert.match(thousand.explanation, /120,000千円/);
  const before = evaluateEffectTarget({
    target: readTarget("5年間で累計500百万円"),
    entries,
    period,
    fiscalYear: 2022,
  });
  assert.equal(before.status, "not_judgeable");
});
