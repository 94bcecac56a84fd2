import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { buildSnapshot, documentForYear, snapshotSchema } from "./snapshot.ts";

const doc = parsePlanDocument(samplePlanDocument());
const item = (d: typeof doc, key: string) => {
  const find = (items: typeof doc.items): (typeof doc.items)[number] | undefined =>
    items.map((i) => (i.key === key ? i : find(i.children))).find(Boolean);
  return find(d.items)!;
};

describe("publication snapshot", () => {
  test("a year's publication leaves out actuals, reports and results of later years, but keeps plans", () => {
    const d = documentForYear(doc, 2020);
    assert.deepEqual(
      item(d, "1-1-1").indicators[0]!.actuals.map((a) => a.fiscalYear),
      [2019, 2020],
    );
    assert.deepEqual(item(d, "1-1-1").progress, []);
    assert.deepEqual(
      item(d, "2-1-1").activities.map((a) => [a.fiscalYear, a.kind]),
      [
        [2025, "plan"],
        [2028, "plan"],
      ],
    );
  });

  test("items withheld by a reporting round lose the data of the year itself, not of earlier years", () => {
    const d = documentForYear(doc, 2020, new Set(["1-1-1"]));
    assert.deepEqual(
      item(d, "1-1-1").indicators[0]!.actuals.map((a) => a.fiscalYear),
      [2019],
    );
  });

  test("every series is judged in each year from the plan's first year to the published one", () => {
    const s = buildSnapshot(doc, 2021);
    snapshotSchema.parse(JSON.parse(JSON.stringify(s)));
    assert.equal(s.series.length, 6);
    const followers = s.series.find((r) => r.indicatorKey === "1-1-1-i1")!;
    assert.deepEqual(
      followers.years.map((y) => [y.fiscalYear, y.status]),
      [
        [2019, "on_track"],
        [2020, "on_track"],
        [2021, "not_judgeable"],
      ],
    );
    assert.equal(followers.years[0]!.targetNumber! > 1483, true, "the chart's target line is the path");
    const male = s.series.find((r) => r.series === "男性")!;
    assert.equal(male.years[0]!.status, "achieved");
    assert.equal(
      s.series.find((r) => r.itemKey === "2-1-2"),
      undefined,
      "a 再掲 item without its own indicators",
    );
  });

  test("着手状況 is recorded for items with stage words", () => {
    const s = buildSnapshot(doc, 2022);
    assert.deepEqual(
      s.items.map((i) => [i.itemKey, i.implementation]),
      [["1-1-1", "in_progress"]],
    );
  });
});
