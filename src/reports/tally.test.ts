import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { PLAN_DOCUMENT_FORMAT, type PlanDocumentInput } from "../core/plan-document/schema.ts";
import { readers } from "../importers/registry.ts";
import { readSeed, seedsSkip } from "../testing/seeds.ts";
import { evaluatePlan } from "./evaluation.ts";
import { buildTally, type TallyLine } from "./tally.model.ts";

const stageTarget = { text: "(R1～)実施", kind: "stage" as const, stage: "実施", fromFiscalYear: 2019 };
const stageActual = (fiscalYear: number, word: string) => ({
  fiscalYear,
  text: word,
  kind: "stage" as const,
  stage: word,
});

/** Four indicators with known results: A 未達成 → 達成, B 達成 → 達成, C 達成 → データなし, D 判定不可 both years. */
function doc(): PlanDocumentInput {
  return {
    format: PLAN_DOCUMENT_FORMAT,
    municipality: { code: "012173", name: "江別市" },
    plan: {
      key: "t",
      title: "集計テスト",
      periodStart: 2019,
      periodEnd: 2023,
      levels: ["基本目標", "取組項目"],
    },
    departments: [
      { key: "X", name: "総務課" },
      { key: "Y", name: "職員課" },
    ],
    items: [
      {
        key: "1",
        number: "1",
        title: "目標1",
        children: [
          {
            key: "1-1",
            title: "項目1",
            departments: ["X"],
            indicators: [
              {
                key: "A",
                name: "A",
                departments: ["X"],
                targets: [stageTarget],
                actuals: [stageActual(2021, "検討"), stageActual(2022, "実施")],
              },
              {
                key: "B",
                name: "B",
                departments: ["X"],
                targets: [stageTarget],
                actuals: [stageActual(2021, "実施"), stageActual(2022, "実施")],
              },
            ],
          },
          {
            key: "1-5",
            title: "項目1（再掲）",
            crossListingOf: "1-1",
            indicators: [
              { key: "E", name: "E", targets: [stageTarget], actuals: [stageActual(2022, "実施")] },
            ],
          },
        ],
      },
      {
        key: "2",
        number: "2",
        title: "目標2",
        children: [
          {
            key: "2-1",
            title: "項目2",
            departments: ["Y"],
            indicators: [
              {
                key: "C",
                name: "C",
                departments: ["Y"],
                targets: [stageTarget],
                actuals: [stageActual(2021, "実施")],
              },
            ],
          },
          {
            key: "2-2",
            title: "項目3",
            departments: ["Y"],
            indicators: [
              {
                key: "D",
                name: "D",
                departments: ["Y"],
                targets: [{ text: "市民満足度の向上に努める", kind: "text" }],
                actuals: [stageActual(2022, "実施")],
              },
            ],
          },
          {
            key: "2-3",
            title: "項目4",
            departments: ["Y"],
            activities: [
              { fiscalYear: 2021, kind: "result", status: "実施", text: "着手" },
              { fiscalYear: 2022, kind: "result", status: "完了", text: "完了した" },
              { fiscalYear: 2023, kind: "plan", status: "継続実施", text: "運用" },
            ],
          },
        ],
      },
    ],
  };
}

const counts = <S extends string>(line: TallyLine<S>) =>
  Object.fromEntries(
    line.changes.filter((c) => c.current || c.previous).map((c) => [c.status, [c.current, c.change]]),
  );

describe("tallies: counts by status with 増減 against the previous year", () => {
  const model = buildTally(evaluatePlan(parsePlanDocument(doc()), 2022));

  test("達成度 of the whole plan: counts, never averages; 再掲 counted once", () => {
    assert.deepEqual(counts(model.achievement.overall), {
      achieved: [2, 0],
      not_achieved: [0, -1],
      no_data: [1, 1],
      not_judgeable: [1, 0],
    });
    assert.equal(model.achievement.overall.total, 4);
    assert.equal(model.achievement.overall.previousTotal, 4);
    assert.equal(model.crossListedLeftOut, 1);
  });

  test("達成度 for every level of the tree, and per department", () => {
    const [goals, items] = model.achievement.byLevel;
    assert.equal(goals!.level, "基本目標");
    assert.deepEqual(
      goals!.lines.map((l) => [l.label, counts(l)]),
      [
        ["1 目標1", { achieved: [2, 1], not_achieved: [0, -1] }],
        ["2 目標2", { achieved: [0, -1], no_data: [1, 1], not_judgeable: [1, 0] }],
      ],
    );
    assert.deepEqual(
      items!.lines.map((l) => l.label),
      ["項目1", "項目2", "項目3"],
    );
    assert.deepEqual(
      model.achievement.byDepartment.map((l) => [l.label, l.total]),
      [
        ["総務課", 2],
        ["職員課", 2],
      ],
    );
    const sum = goals!.lines.reduce((n, l) => n + l.total, 0);
    assert.equal(sum, model.achievement.overall.total, "the levels add up to the whole");
  });

  test("着手状況 (未着手 / 取組中 / 完了) of the items, with 増減", () => {
    // 項目1 取組中 both years; 項目2 取組中 → データなし; 項目3 データなし → 取組中; 項目4 取組中 → 完了.
    assert.deepEqual(counts(model.implementation.overall), {
      in_progress: [2, -1],
      completed: [1, 1],
      no_data: [1, 0],
    });
    assert.equal(model.implementation.overall.total, 4);
  });
});

describe("江別市 令和4年度", { skip: seedsSkip("000_") || seedsSkip("001_") }, () => {
  test("30 results in all, every level adding up to the whole", () => {
    const read = readers.find((r) => r.id === "ebetsu")!.read([readSeed("000_")!, readSeed("001_")!]);
    const model = buildTally(evaluatePlan(parsePlanDocument(read.document), 2022));
    assert.equal(model.achievement.overall.total, 30);
    assert.equal(model.achievement.overall.previousTotal, 30);
    for (const level of model.achievement.byLevel) {
      assert.equal(
        level.lines.reduce((n, l) => n + l.total, 0),
        30,
        level.level,
      );
    }
    const achieved = model.achievement.overall.changes.find((c) => c.status === "achieved")!;
    assert.equal(achieved.current, 16);
    assert.equal(model.implementation.overall.total, 23, "23 取組項目");
  });
});
