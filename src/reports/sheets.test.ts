// The sheets (個票) of 江別 000 and the item pages of 千歳 003 §5, and the roadmap, built from the seeds.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { readers } from "../importers/registry.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { readSeed, repoRoot, seedsSkip } from "../testing/seeds.ts";
import { evaluatePlan } from "./evaluation.ts";
import { buildRoadmap } from "./roadmap.model.ts";
import { buildSheets } from "./sheets.model.ts";

const ebetsu = () =>
  parsePlanDocument(
    readers.find((r) => r.id === "ebetsu")!.read([readSeed("000_")!, readSeed("001_")!]).document,
  );
const chitose = () =>
  parsePlanDocument(readers.find((r) => r.id === "chitose")!.read([readSeed("003_")!]).document);

describe("江別市 個票 令和4年度", { skip: seedsSkip("000_") || seedsSkip("001_") }, () => {
  test("one sheet per 取組項目, with its place in the tree, 取組内容, indicators, 取組状況 and next year's plan", () => {
    const model = buildSheets(evaluatePlan(ebetsu(), 2022));
    assert.equal(model.sheets.length, 23);
    const first = model.sheets[0]!;
    assert.deepEqual(
      first.headings.map((h) => `${h.level} ${h.text}`),
      ["基本目標 1 市民参加と協働による行政運営", "取組方針 (1) 情報共有の推進"],
    );
    assert.equal(first.level, "取組項目");
    assert.equal(first.title, "① 双方向性を意識した情報共有の推進");
    assert.match(first.description!, /^SNS等新たな広報媒体の活用/);
    assert.equal(first.indicators.length, 3);
    assert.match(first.progress!.narrative!, /^令和4年度に市LINE公式アカウントの本格運用を開始/);
    assert.match(first.progress!.nextYearPlan!, /^LINE上の「友だち」登録促進広告/);
  });

  test("an indicator: 所管課, 初期値 with its year, targets under their years, actuals, result and a chart", () => {
    const model = buildSheets(evaluatePlan(ebetsu(), 2022));
    const sns = model.sheets[0]!.indicators[0]!;
    assert.deepEqual(sns.departments, ["広報広聴課"]);
    assert.equal(sns.baselineYear, 2017);
    const [s] = sns.series;
    assert.equal(s!.baseline.text, "1,483");
    assert.deepEqual(s!.targets, [null, null, null, null, "(R5)6,000"]);
    assert.deepEqual(
      s!.actuals.map((a) => a.text),
      ["5,253", "6,825", "10,602", "26,684", "—"],
    );
    assert.equal(s!.result.label, "順調");
    assert.deepEqual(sns.chart!.categories, ["H29", "R1", "R2", "R3", "R4", "R5"]);
    assert.deepEqual(sns.chart!.actuals[0]!.values, [1483, 5253, 6825, 10602, 26684, null]);
    assert.equal(sns.chart!.targets![0]!.name, "目標・目安");
    assert.equal(sns.chart!.targets![0]!.values.at(-1), 6000);
    const open = model.sheets[0]!.indicators[1]!;
    assert.deepEqual(open.series[0]!.targets, ["(R1～)検討", null, "(R3～)実施", null, null]);
    assert.equal(open.chart, undefined, "a stage indicator has no chart; its stages are in the table");
  });

  test("育児休業取得率: one row per series and one chart with both", () => {
    const model = buildSheets(evaluatePlan(ebetsu(), 2022));
    const leave = model.sheets.flatMap((s) => s.indicators).find((i) => i.name.startsWith("育児休業取得率"))!;
    assert.deepEqual(
      leave.series.map((s) => s.series),
      ["男性", "女性"],
    );
    assert.deepEqual(
      leave.chart!.actuals.map((l) => l.name),
      ["実績値（男性）", "実績値（女性）"],
    );
    assert.deepEqual(
      leave.chart!.targets!.map((l) => l.name),
      ["目標（以上）（男性）", "目標（以上）（女性）"],
    );
  });
});

describe("千歳市 重点推進項目 (item pages)", { skip: seedsSkip("003_") }, () => {
  test("the coming years' plans and plan against result so far, with status tags", () => {
    const model = buildSheets(evaluatePlan(chitose(), 2024));
    assert.equal(model.sheets.length, 10);
    const ds = model.sheets.find((s) => s.title.includes("電子決裁の推進"))!;
    assert.ok(ds.departments.includes("行政管理課"));
    assert.deepEqual(
      ds.page!.plans.map((p) => [p.label, p.entries[0]?.status]),
      [
        ["令和7年度", "実施"],
        ["令和8年度", "一部実施"],
        ["令和9年度", "一部実施"],
        ["令和10年度以降", "一部実施"],
      ],
    );
    assert.deepEqual(
      ds.page!.history.map((h) => [h.fiscalYear, h.plan[0]?.status, h.result[0]?.status]),
      [
        [2024, "調査検討", "調査検討"],
        [2023, "調査検討", "調査検討"],
        [2022, "調査検討", "調査検討"],
      ],
    );
    assert.match(ds.page!.history[0]!.result[0]!.text, /システムベンダや他自治体から情報収集/);
    assert.equal(ds.implementation.label, "取組中", "調査検討 is work under way");
    assert.ok(ds.texts.some(([h]) => h === "取組効果"));
  });

  test("roadmap: every item across R4–R10以降, the plan of each year with its status", () => {
    const model = buildRoadmap(evaluatePlan(chitose(), 2024));
    assert.equal(model.rows.length, 10);
    assert.deepEqual(model.years, [2022, 2023, 2024, 2025, 2026, 2027, 2028]);
    assert.equal(model.yearLabels.at(-1), "令和10年度以降");
    const ds = model.rows.find((r) => r.title.includes("電子決裁"))!;
    const r7 = ds.cells[3]!;
    assert.deepEqual(
      r7.map((e) => [e.kind, e.status]),
      [["plan", "実施"]],
    );
    assert.ok(
      ds.cells[2]!.some((e) => e.kind === "result" && e.status === "調査検討"),
      "results up to the year",
    );
  });
});

test("roadmap from a plan without activities: stage targets and next year's plans", () => {
  const model = buildRoadmap(evaluatePlan(parsePlanDocument(samplePlanDocument()), 2022));
  const open = model.rows.find((r) => r.key === "1-1-1")!;
  const cell = (fy: number) => open.cells[model.years.indexOf(fy)]!;
  assert.ok(cell(2019).some((e) => e.kind === "target" && e.status === "検討"));
  assert.ok(cell(2021).some((e) => e.kind === "target" && e.status === "実施"));
  assert.ok(cell(2023).some((e) => e.kind === "next_year_plan" && e.text === "拡充する"));
  assert.deepEqual(
    model.years,
    Array.from({ length: model.years.length }, (_, i) => model.years[0]! + i),
    "every year, gaps included",
  );
});

test("the roadmap shows every year of the plan's period, with nothing planned or not", () => {
  const doc = parsePlanDocument(samplePlanDocument());
  const empty = { ...doc, items: doc.items.map((i) => ({ ...i, children: [] })) };
  assert.deepEqual(buildRoadmap(evaluatePlan(empty, 2023)).years, [2019, 2020, 2021, 2022, 2023]);

  test("the plan's yearly and cumulative values under each year's actual (docs/examples/plan-rows.json)", () => {
    const input = JSON.parse(readFileSync(join(repoRoot, "docs/examples/plan-rows.json"), "utf8"));
    const model = buildSheets(evaluatePlan(parsePlanDocument(input), 2025));
    const [s] = model.sheets[0]!.indicators[0]!.series;
    assert.deepEqual(
      s!.actuals.map((a) => [a.text, a.planned]),
      [
        ["90百万円", "計画 100百万円 累計計画 100百万円"],
        ["115百万円", "計画 110百万円 累計計画 210百万円"],
        ["98百万円", "計画 100百万円 累計計画 3,100百万円"],
        ["—", "計画 95百万円 累計計画 405百万円"],
        ["—", "計画 95百万円 累計計画 500百万円"],
      ],
    );
    const chart = model.sheets[0]!.indicators[0]!.chart!;
    assert.deepEqual(chart.categories, ["R5", "R6", "R7", "R8", "R9"]);
    assert.deepEqual(chart.actuals, [{ name: "実績値（累計）", values: [90, 205, 303, null, null] }]);
    assert.ok(chart.targets, "the chart has a target line");
    assert.deepEqual(chart.targets[0]!.values, [100, 200, 300, 400, 500]);
    assert.equal(chart.targets[0]!.name, "目標（累計）・目安");
  });
});
