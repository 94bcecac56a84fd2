import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatDecimal } from "./format.ts";
import { checkMovements, planYears, rateOf } from "./plan.ts";

describe("定員適正化計画: target against actual", () => {
  const rows = planYears({
    baseFiscalYear: 2024,
    baseHeadcount: 250,
    targets: [
      { fiscalYear: 2025, headcount: 248 },
      { fiscalYear: 2026, headcount: 245 },
    ],
    actuals: new Map([
      [2024, 250],
      [2025, 247],
    ]),
  });

  test("the base year, then each target year", () => {
    assert.deepEqual(
      rows.map((r) => r.fiscalYear),
      [2024, 2025, 2026],
    );
  });

  test("difference, change from the base year and its rate, change from the previous year", () => {
    const r = rows[1]!;
    assert.deepEqual(
      [
        r.target,
        r.actual,
        r.difference,
        r.actualChange,
        r.actualRate,
        r.targetChange,
        r.targetRate,
        r.previousChange,
      ],
      [248, 247, -1, -3, -1.2, -2, -0.8, -3],
    );
    assert.equal(formatDecimal(r.actualRate, 1), "▲1.2");
  });

  test("a year without an actual has no difference and says why; nothing is 0", () => {
    const r = rows[2]!;
    assert.equal(r.actual, undefined);
    assert.equal(r.difference, undefined);
    assert.equal(r.previousChange, undefined);
    assert.deepEqual(r.missing, ["2026年度の職員数がありません"]);
  });

  test("rates are rounded half up to one decimal", () => {
    assert.equal(rateOf(-1, 8), -12.5);
    assert.equal(rateOf(1, 3), 33.3);
    assert.equal(rateOf(2, 3), 66.7);
  });
});

describe("headcount(N) = headcount(N−1) − leavers(N−1) + hires(N)", () => {
  const headcounts = new Map([
    [2023, 252],
    [2024, 250],
    [2025, 247],
  ]);
  test("years that follow the rule give nothing; one that does not is named with its figures", () => {
    assert.deepEqual(
      checkMovements(headcounts, [
        { fiscalYear: 2023, leavers: 12 },
        { fiscalYear: 2024, leavers: 14, hires: 10 },
        { fiscalYear: 2025, hires: 10 },
      ]),
      [{ fiscalYear: 2025, expected: 246, actual: 247, previous: 250, leavers: 14, hires: 10 }],
    );
  });
  test("a year with a figure missing is not checked", () => {
    assert.deepEqual(checkMovements(headcounts, [{ fiscalYear: 2024, hires: 10 }]), []);
  });
});
