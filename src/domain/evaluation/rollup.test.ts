import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, num, series } from "../../testing/values.ts";
import {
  compareGroupTallies,
  compareTallies,
  rollUp,
  rollUpBy,
  rollUpImplementation,
  tally,
} from "./rollup.ts";
import { EVALUATION_STATUSES, type Evaluation } from "./types.ts";

// Six 江別市 indicators with their 所管課 and 基本目標, evaluated for FY2021 and FY2022.
const indicators = [
  {
    groups: { 所管課: "広報広聴課", 基本目標: "1" },
    target: { text: "(R5)6,000", kind: "value_by_year" as const, number: 6000, fiscalYear: 2023 },
    baseline: { ...num(1483), fiscalYear: 2017 },
    actuals: series(2019, [5253, 6825, 10602, 26684]),
  },
  {
    groups: { 所管課: ["情報推進課", "広報広聴課"], 基本目標: "1" },
    target: { text: "(R3～)実施", kind: "stage" as const, stage: "実施", fromFiscalYear: 2021 },
    actuals: series(2019, ["検討", "検討", "実施", "実施"]),
  },
  {
    groups: { 所管課: "職員課", 基本目標: "2" },
    target: { text: "(初期値より)増加", kind: "direction" as const, direction: "increase" as const },
    baseline: { ...num(13, "件"), fiscalYear: 2017 },
    actuals: series(2019, [7, 11, 14, 10], "件"),
  },
  {
    groups: { 所管課: "職員課", 基本目標: "2" },
    target: { text: "(R1～)13%以上", kind: "floor" as const, number: 13, unit: "%", fromFiscalYear: 2019 },
    actuals: series(2019, [15.4, 36.7, 38.8, 52.8], "%"),
  },
  {
    groups: { 所管課: "職員課", 基本目標: "2" },
    target: { text: "(R1～)検討", kind: "stage" as const, stage: "検討", fromFiscalYear: 2019 },
    actuals: series(2019, [806, 806, 806, 806], "人"),
  },
  {
    groups: { 基本目標: "3" },
    target: {
      text: "(R5)90,000千円",
      kind: "value_by_year" as const,
      number: 90000,
      unit: "千円",
      fiscalYear: 2023,
    },
    baseline: { ...num(81571, "千円"), fiscalYear: 2017 },
    actuals: series(2019, [130515, 394921, 282448]),
  },
];

const inYear = (fy: number): (Evaluation & { groups: (typeof indicators)[number]["groups"] })[] =>
  indicators.map(({ groups, ...c }) => ({ ...evaluateIn(c, fy), groups }));

describe("rollUp", () => {
  test("counts each status, listing every status even when nobody has it", () => {
    const t = rollUp(inYear(2022));
    assert.deepEqual(t.counts, {
      achieved: 2,
      on_track: 1,
      behind: 0,
      not_achieved: 1,
      not_started: 0,
      no_data: 1,
      not_judgeable: 1,
    });
    assert.equal(t.total, 6);
  });

  test("an empty list is all zeros", () => {
    assert.equal(rollUp([]).total, 0);
    assert.ok(Object.values(rollUp([]).counts).every((n) => n === 0));
  });

  test("a status outside the list is refused rather than dropped", () => {
    assert.throws(() => tally([{ status: "done" }], ["open"]), /集計できない状態です: done/);
  });
});

describe("compareTallies: 増減 against the previous year", () => {
  test("FY2022 against FY2021", () => {
    const rows = compareTallies(rollUp(inYear(2022)), rollUp(inYear(2021)));
    assert.deepEqual(
      rows.filter((r) => r.change !== 0),
      [
        { status: "achieved", current: 2, previous: 3, change: -1 },
        { status: "on_track", current: 1, previous: 2, change: -1 },
        { status: "not_achieved", current: 1, previous: 0, change: 1 },
        { status: "no_data", current: 1, previous: 0, change: 1 },
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.status),
      [...EVALUATION_STATUSES],
    );
  });
});

describe("rollUpBy: any grouping the caller chooses", () => {
  test("by 所管課: a shared indicator counts for each department; one without a department goes to （未分類）", () => {
    const byDept = rollUpBy(inYear(2022), "所管課", EVALUATION_STATUSES);
    assert.deepEqual(
      byDept.map((g) => [g.group, g.tally.total]),
      [
        ["広報広聴課", 2],
        ["情報推進課", 1],
        ["職員課", 3],
        ["（未分類）", 1],
      ],
    );
    assert.equal(byDept[0]!.tally.counts.on_track, 1);
    assert.equal(byDept[0]!.tally.counts.achieved, 1);
  });

  test("by 基本目標", () => {
    const byGoal = rollUpBy(inYear(2022), "基本目標", EVALUATION_STATUSES);
    assert.deepEqual(
      byGoal.map((g) => [g.group, g.tally.counts.achieved, g.tally.total]),
      [
        ["1", 1, 2],
        ["2", 1, 3],
        ["3", 0, 1],
      ],
    );
  });

  test("compareGroupTallies compares a group missing in one year with zero", () => {
    const current = rollUpBy(inYear(2022), "所管課", EVALUATION_STATUSES);
    const previous = rollUpBy(inYear(2021).slice(2), "所管課", EVALUATION_STATUSES);
    const rows = compareGroupTallies(current, previous, EVALUATION_STATUSES);
    const pr = rows.find((r) => r.group === "広報広聴課")!;
    assert.equal(pr.rows.find((r) => r.status === "achieved")!.change, 1);
    assert.equal(pr.rows.find((r) => r.status === "achieved")!.previous, 0);
    const staff = rows.find((r) => r.group === "職員課")!;
    assert.deepEqual(
      staff.rows.filter((r) => r.change !== 0).map((r) => [r.status, r.change]),
      [
        ["achieved", -1],
        ["not_achieved", 1],
      ],
    );
  });
});

test("rollUpImplementation counts 着手状況", () => {
  const t = rollUpImplementation([
    { status: "in_progress" },
    { status: "completed" },
    { status: "in_progress" },
  ]);
  assert.deepEqual(t.counts, { not_started: 0, in_progress: 2, completed: 1, no_data: 0 });
});
