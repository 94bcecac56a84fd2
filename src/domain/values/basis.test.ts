import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readBasis, readTarget } from "./index.ts";

describe("target basis read from the words", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["5年間で累計500百万円", { kind: "value_by_year", number: 500, unit: "百万円", basis: "period_total" }],
    ["(R9)累計500百万円", { kind: "value_by_year", number: 500, fiscalYear: 2027, basis: "cumulative" }],
    ["（累計）(R9)35件", { kind: "value_by_year", number: 35, fiscalYear: 2027, basis: "cumulative" }],
    ["計画期間中に20件", { kind: "value_by_year", number: 20, unit: "件", basis: "period_total" }],
    ["5か年で1,200千円", { kind: "value_by_year", number: 1200, unit: "千円", basis: "period_total" }],
    ["毎年度10件以上", { kind: "floor", number: 10, unit: "件", basis: "single_year" }],
    ["累計 35件", { kind: "value_by_year", number: 35, basis: "cumulative" }],
  ];
  for (const [text, expected] of cases) {
    test(text, () => {
      const r = readTarget(text);
      assert.equal(r.text, text);
      for (const [k, v] of Object.entries(expected)) assert.equal(r[k as keyof typeof r], v, k);
    });
  }

  test("no basis word: no basis (one year's value, as before)", () => {
    assert.equal(readTarget("(R5)6,000").basis, undefined);
    assert.equal(readTarget("(R1～)13%以上").basis, undefined);
  });

  test("on a stage or a sentence the words stay part of the text and give no basis", () => {
    const r = readTarget("累計で実施");
    assert.equal(r.kind, "text");
    assert.equal(r.basis, undefined);
  });

  test("period words win over 累計; the rest is returned for the target reader", () => {
    assert.deepEqual(readBasis("5年間で累計500百万円"), { basis: "period_total", rest: "500百万円" });
    assert.deepEqual(readBasis("(R9)累計500百万円"), { basis: "cumulative", rest: "(R9)500百万円" });
    assert.deepEqual(readBasis("6,000"), { rest: "6,000" });
  });
});
