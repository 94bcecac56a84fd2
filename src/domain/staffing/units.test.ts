import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  HEADCOUNTS,
  headcountFigures,
  PRINTED,
  quotaFigures,
  UNITS,
  YEARS,
} from "../../testing/staffing-chitose.ts";
import {
  checkPrintedTotals,
  computeTotals,
  figuresBySector,
  figuresOnGroups,
  UnitTree,
  unitsInCycles,
} from "./units.ts";

const tree = new UnitTree(UNITS);

describe("computed totals (千歳市 図表4)", () => {
  const totals = computeTotals(tree, headcountFigures());

  test("1 April 2025: 市長部局 533 = 企画部 67 + 総務部 94 + 市民環境部 81 + 保健福祉部 91 + こども福祉部 76 + 産業振興部 33 + 観光スポーツ部 22 + 建設部 62 + 会計室 7", () => {
    assert.equal(67 + 94 + 81 + 91 + 76 + 33 + 22 + 62 + 7, 533);
    assert.equal(totals.get("市長部局")!.get(2025), 533);
  });

  test("1 April 2025: 一般職 1,104 = 市長部局 533 + 病院 310 + 消防 136 + 公営企業 50 + 行政委員会等 75", () => {
    assert.equal(totals.get("病院")!.get(2025), 310);
    assert.equal(totals.get("行政委員会等")!.get(2025), 75);
    assert.equal(totals.get("一般職")!.get(2025), 1104);
  });

  test("every printed group figure of 2005–2025 equals the sum of its parts", () => {
    for (const [unit, values] of Object.entries(PRINTED)) {
      values.forEach((v, i) => {
        assert.equal(totals.get(unit)!.get(YEARS[i]!), v, `${unit} ${YEARS[i]}`);
      });
    }
  });

  test("a unit that did not exist has no figure, not zero (こども福祉部 before 2019); 公平委員会 has 0", () => {
    assert.equal(totals.get("こども福祉部")!.has(2015), false);
    assert.equal(totals.get("公平委員会")!.get(2015), 0);
  });

  test("特別職 is outside 一般職", () => {
    assert.equal(tree.staffClass("特別職"), "special");
    assert.equal(tree.staffClass("企画部"), "general");
    assert.equal(totals.get("特別職")!.get(2025), 5);
  });

  test("quota: a group's own figure where its parts have none (市長部局 483); 一般職 1,061", () => {
    const q = computeTotals(tree, quotaFigures());
    assert.equal(q.get("市長部局")!.get(2025), 483);
    assert.equal(q.get("病院")!.get(2025), 314);
    assert.equal(q.get("行政委員会等")!.get(2025), 83);
    assert.equal(q.get("一般職")!.get(2025), 1061);
  });
});

describe("checkPrintedTotals", () => {
  test("no finding when the printed totals agree", () => {
    const printed = Object.entries(PRINTED).flatMap(([unit, values]) =>
      values.map((value, i) => ({ unit, fiscalYear: YEARS[i]!, value })),
    );
    assert.deepEqual(checkPrintedTotals(tree, headcountFigures(), printed), []);
  });

  test("a printed total that disagrees names the row and the year", () => {
    const found = checkPrintedTotals(tree, headcountFigures(), [
      { unit: "市長部局", fiscalYear: 2024, value: 526 },
      { unit: "一般職", fiscalYear: 2025, value: 1104 },
      { unit: "行政委員会等", fiscalYear: 2030, value: 75 },
    ]);
    assert.deepEqual(found, [
      { unit: "市長部局", unitName: "市長部局", fiscalYear: 2024, printed: 526, computed: 525 },
      { unit: "行政委員会等", unitName: "行政委員会等", fiscalYear: 2030, printed: 75, computed: null },
    ]);
  });
});

describe("the unit tree", () => {
  test("a figure stored on a group whose parts also have figures is reported with the parts", () => {
    const figures = [...headcountFigures(), { unit: "病院", fiscalYear: 2025, value: 310 }];
    const found = figuresOnGroups(tree, figures);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]!.parts, ["病院事務局", "病院医療職"]);
    assert.deepEqual(figuresOnGroups(tree, quotaFigures()), []);
  });

  test("cycles are found", () => {
    assert.deepEqual(
      unitsInCycles([
        { key: "a", name: "A", parent: "b" },
        { key: "b", name: "B", parent: "a" },
        { key: "c", name: "C" },
      ]),
      ["a", "b"],
    );
  });

  test("a unit's 部門 is its own or its nearest ancestor's", () => {
    assert.equal(tree.sector("病院医療職"), "病院");
    assert.equal(tree.sector("企画部"), "総務・企画");
    assert.equal(tree.sector("行政委員会等"), undefined);
  });

  test("walk lists parents before children with depth", () => {
    const walked = [...tree.walk()].map((w) => `${w.depth}:${w.unit.key}`);
    assert.deepEqual(walked.slice(0, 4), ["0:特別職", "0:一般職", "1:市長部局", "2:企画部"]);
  });

  test("headcount by 部門 from the units' mapping leaves 特別職 out", () => {
    const bySector = figuresBySector(tree, headcountFigures(), 2025);
    assert.equal(bySector.get("総務・企画"), 67 + 94 + 7 + 4 + 4 + 0);
    assert.equal(bySector.get("病院"), 310);
    const sum = [...bySector.values()].reduce((a, b) => a + b, 0);
    assert.equal(sum, 1104);
    assert.equal(Object.keys(HEADCOUNTS).length, 20);
  });
});
