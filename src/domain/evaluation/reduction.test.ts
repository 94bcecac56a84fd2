import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, num, series } from "../../testing/values.ts";
import { readTarget } from "../values/index.ts";

describe("reductions: 20人削減, ▲10件, 20%削減", () => {
  test("the reader reads each as a decrease from the baseline, with what is reduced when named", () => {
    for (const [text, amount, unit, subject] of [
      ["20人削減", 20, "人", undefined],
      ["職員数を20人削減", 20, "人", "職員数"],
      ["▲10件", 10, "件", undefined],
      ["△10件", 10, "件", undefined],
      ["(R9)▲10件", 10, "件", undefined],
      ["20%削減", 20, "%", undefined],
    ] as const) {
      const r = readTarget(text);
      assert.equal(r.kind, "relative", text);
      assert.equal(r.direction, "decrease", text);
      assert.deepEqual(r.change, { amount, unit }, text);
      assert.equal(r.subject, subject, text);
    }
    assert.equal(readTarget("-10件").kind, "value_by_year", "a plain minus stays a value");
  });

  test("progress rate = achieved reduction ÷ targeted reduction, one decimal; the reduction is shown", () => {
    const staff = {
      target: readTarget("職員数を20人削減"),
      baseline: { ...num(1104, "人"), fiscalYear: 2022 },
    };
    const r = evaluateIn({ ...staff, actuals: series(2024, [1089], "人") }, 2024);
    assert.equal(r.status, "not_achieved");
    assert.equal(r.progressRate, 15 / 20);
    assert.equal(
      r.rule,
      "目標 初期値 1,104人より20人減の 1,084人に対し 1,089人：未達成（削減 15人（目標 20人）。進捗率 75%）",
    );
    const done = evaluateIn({ ...staff, actuals: series(2025, [1081], "人") }, 2025);
    assert.equal(done.status, "achieved");
    assert.match(done.rule, /削減 23人（目標 20人）。進捗率 115%/);
  });

  test("20%削減 by a year: the path and the rate, and the reduction in %", () => {
    const paper = {
      target: readTarget("(R9)20%削減"),
      baseline: { ...num(300, "万枚"), fiscalYear: 2022 },
      actuals: series(2025, [261], "万枚"),
    };
    const r = evaluateIn(paper, 2025);
    assert.equal(r.progressRate, 39 / 60);
    assert.match(r.rule, /：順調（削減 13%（目標 20%）。/);
    assert.match(r.rule, /進捗率 65%）$/);
  });

  test("▲10件 with a rate of one decimal", () => {
    const r = evaluateIn(
      {
        target: readTarget("▲12件"),
        baseline: { ...num(50, "件"), fiscalYear: 2022 },
        actuals: series(2024, [43], "件"),
      },
      2024,
    );
    assert.equal(
      r.rule,
      "目標 初期値 50件より12件減の 38件に対し 43件：未達成（削減 7件（目標 12件）。進捗率 58.3%）",
    );
  });
});
