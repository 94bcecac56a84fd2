import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { PLAN_DOCUMENT_FORMAT, type PlanDocumentInput } from "../core/plan-document/schema.ts";
import { sabcScales } from "../testing/scales.ts";
import { buildReport } from "./build-report.ts";
import { evaluatePlan } from "./evaluation.ts";
import { reportXlsx } from "./reports.xlsx.ts";
import { buildSummary } from "./summary.model.ts";
import { buildTally } from "./tally.model.ts";

/** Four indicators, a floor of 100件 from 2019; actuals 2022 / 2023 give these achievement rates. */
const RATES: [string, number, number | undefined][] = [
  ["a", 40, 120], // C → S
  ["b", 85, 90], // A → A
  ["c", 60, 49], // B → C
  ["d", 100, undefined], // S → 評価なし
];

function doc(withScales: boolean): PlanDocumentInput {
  return {
    format: PLAN_DOCUMENT_FORMAT,
    municipality: { code: "012173", name: "江別市" },
    plan: {
      key: "g",
      title: "評価基準テスト",
      periodStart: 2019,
      periodEnd: 2023,
      levels: ["取組"],
      ...(withScales ? { scales: sabcScales() } : {}),
    },
    items: RATES.map(([key, y2022, y2023]) => ({
      key,
      title: `取組${key}`,
      indicators: [
        {
          key: `i-${key}`,
          name: `指標${key}`,
          unit: "件",
          targets: [
            {
              text: "(R1～)100件以上",
              kind: "floor" as const,
              number: 100,
              unit: "件",
              fromFiscalYear: 2019,
            },
          ],
          actuals: [
            { fiscalYear: 2022, text: `${y2022}件`, kind: "number" as const, number: y2022, unit: "件" },
            ...(y2023 === undefined
              ? []
              : [
                  {
                    fiscalYear: 2023,
                    text: `${y2023}件`,
                    kind: "number" as const,
                    number: y2023,
                    unit: "件",
                  },
                ]),
          ],
        },
      ],
    })),
  };
}

test("the tally counts the plan's grades in the plan's order, with 増減 against the year before", () => {
  const model = buildTally(evaluatePlan(parsePlanDocument(doc(true)), 2023));
  const a = model.achievement;
  assert.deepEqual(a.statuses, ["S", "A", "B", "C", "評価なし"]);
  assert.equal(a.headings?.S, "◎ S");
  assert.deepEqual(
    a.overall.changes.map((c) => [c.status, c.current, c.previous, c.change]),
    [
      ["S", 1, 1, 0],
      ["A", 1, 1, 0],
      ["B", 0, 1, -1],
      ["C", 1, 1, 0],
      ["評価なし", 1, 0, 1],
    ],
  );
  assert.equal(a.overall.total, 4);
});

test("without a scale the tally keeps gyokaku's statuses", () => {
  const model = buildTally(evaluatePlan(parsePlanDocument(doc(false)), 2023));
  assert.equal(model.achievement.headings, undefined);
  assert.equal(model.achievement.statuses[0], "achieved");
});

test("the summary shows each indicator's grade and names its rule", () => {
  const rows = buildSummary(evaluatePlan(parsePlanDocument(doc(true)), 2023)).rows;
  const results = rows.map((r) => [r.result?.symbol, r.result?.label]);
  assert.deepEqual(results, [
    ["◎", "S"],
    ["○", "A"],
    ["×", "C"],
    ["－", "評価なし"],
  ]);
  assert.match(rows[1]!.result!.explanation, /計画の評価基準：達成率 90\.0%：A（80%以上）$/);
  assert.match(rows[2]!.result!.explanation, /達成率 49\.0%：C（50%未満）$/);
});

test("the tally workbook heads its 達成度 columns with the plan's grades", async () => {
  const model = buildReport("tally", evaluatePlan(parsePlanDocument(doc(true)), 2023));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await reportXlsx(model)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("達成度")!;
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  for (const h of ["◎ S", "○ A", "△ B", "× C", "－ 評価なし"])
    assert.ok(texts.includes(h), `${h} in ${texts.slice(0, 30)}`);
  assert.ok(!texts.includes("◎ 達成"));
});
