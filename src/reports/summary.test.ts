// The generated summary (一覧) of 江別市 FY2022 against the published one (seed 001): every figure in the row
// of its own indicator, the shifted rows of 001 where they belong.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { readers } from "../importers/registry.ts";
import { asPrinted, EBETSU_001, findRow, SHEETS_WIN } from "../testing/ebetsu-001.fixture.ts";
import { readSeed, seedsSkip } from "../testing/seeds.ts";
import { evaluatePlan } from "./evaluation.ts";
import { buildSummary, type SummaryModel } from "./summary.model.ts";
import { SummaryView } from "./views/summary.view.tsx";

const skip = seedsSkip("000_") || seedsSkip("001_");

function ebetsu() {
  const read = readers.find((r) => r.id === "ebetsu")!.read([readSeed("000_")!, readSeed("001_")!]);
  return { doc: parsePlanDocument(read.document), findings: read.findings };
}

/** The value cells of 001's table: numbers (with unit or series), targets, dashes and stage words. */
function valueCellsOf001(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith("基本目標\t"));
  const end = lines.findIndex((l) => l.startsWith("23の取組項目"));
  const isValue = (c: string) =>
    /^(男性|女性)?[\d,.]+(%|件|回|人|日|時間|千円)?$/.test(c) ||
    /^\((R\d|初期値)/.test(c) ||
    c === "—" ||
    /^(検討|実施|検討・実施|実施・完了)$/.test(c);
  return lines
    .slice(start + 1, end)
    .flatMap((l) => l.split("\t").map((c) => c.trim()))
    .filter(isValue);
}

function generatedCells(model: SummaryModel): string[] {
  return model.rows.flatMap((r) => {
    const p = asPrinted(r);
    return [p.baseline, p.target, ...p.actuals];
  });
}

const count = (list: string[]) =>
  list.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());

describe("江別市 一覧 令和4年度, generated", { skip }, () => {
  test("one row per indicator series, 29 indicators and 30 rows, under 基本目標 / 取組方針 / 取組項目", () => {
    const model = buildSummary(evaluatePlan(ebetsu().doc, 2022));
    assert.equal(model.rows.length, 30);
    assert.equal(new Set(model.rows.map((r) => r.indicatorKey)).size, 29);
    assert.deepEqual(model.levels, ["基本目標", "取組方針", "取組項目"]);
    assert.deepEqual(model.years, [2019, 2020, 2021, 2022, 2023]);
    assert.equal(model.baselineYear, 2017);
    assert.equal(model.title, "江別市行政改革推進計画の取組状況一覧（令和4年度）");
  });

  for (const expected of EBETSU_001) {
    test(`${expected.name}${expected.series ? `（${expected.series}）` : ""}: ${expected.baseline} → ${expected.target}`, () => {
      const model = buildSummary(evaluatePlan(ebetsu().doc, 2022));
      const row = findRow(model, expected);
      assert.ok(row, `no row for ${expected.name}`);
      assert.equal(row.itemKey, expected.item, "in the row of its own 取組項目");
      const printed = asPrinted(row);
      assert.equal(printed.baseline, expected.baseline);
      assert.equal(printed.target, expected.target);
      const actuals = [...expected.actuals];
      if (expected.name === SHEETS_WIN[0]) actuals[SHEETS_WIN[1]] = SHEETS_WIN[2];
      assert.deepEqual(printed.actuals, [...actuals, "—"], "R1–R4 as printed, R5 not yet reported");
      assert.ok(row.result && row.result.explanation.length > 0, "the result carries its rule");
    });
  }

  test("the shifted rows of 001 land on their own indicators", () => {
    const model = buildSummary(evaluatePlan(ebetsu().doc, 2022));
    const leave = model.rows.find((r) => r.indicator.startsWith("年次休暇平均取得日数"))!;
    const overtime = model.rows.find((r) => r.indicator.startsWith("職員1人当たりの年間時間外勤務時間数"))!;
    assert.equal(leave.baseline.text, "10.8日");
    assert.equal(leave.actuals[3]!.text, "13.3日");
    assert.equal(overtime.baseline.text, "161.2時間");
    assert.deepEqual(
      overtime.actuals.map((a) => a.text),
      ["149.6時間", "143.0時間", "143.2時間", "157.1時間", "—"],
    );
    assert.ok(!overtime.actuals.some((a) => a.text.endsWith("日")), "no 日 figure on the 時間 row");
  });

  test("every value cell of 001 is in the generated table; the one difference is the sheets' value, reported on import", () => {
    const { doc, findings } = ebetsu();
    const published = count(valueCellsOf001(readSeed("001_")!.text));
    const generated = count(generatedCells(buildSummary(evaluatePlan(doc, 2022))));
    const missing = [...published].filter(([v, n]) => (generated.get(v) ?? 0) < n).map(([v]) => v);
    assert.deepEqual(missing, ["検討・実施"], "only the 繁忙期 R3 cell, where the sheet says 実施");
    assert.equal((published.get("検討・実施") ?? 0) - (generated.get("検討・実施") ?? 0), 1);
    assert.ok(
      findings.some((f) => f.code === "summary.mismatch" && f.message.includes("繁忙期を考慮した人事異動")),
    );
  });

  test("results: symbol, label and rule; the counts match the evaluation of 001", () => {
    const model = buildSummary(evaluatePlan(ebetsu().doc, 2022));
    const sns = model.rows.find((r) => r.indicator.startsWith("SNS"))!;
    assert.equal(sns.result?.symbol, "○");
    assert.equal(sns.result?.label, "順調");
    assert.match(
      sns.result!.explanation,
      /^目標 6,000（令和5年度）に向けた令和4年度の目安 5,247.2に対し 26,684：順調/,
    );
    const staff = model.rows.find((r) => r.indicator.startsWith("職員数"))!;
    assert.equal(staff.result?.symbol, "※", "a stage target against a number is not judgeable");
    const cloud = model.rows.find((r) => r.indicator.startsWith("庁内システムのクラウド化"))!;
    assert.equal(cloud.result?.label, "データなし", "a missing actual is no data, never zero");
  });

  test("the result column keeps 「－データなし」 on one line: wider, by as much as the rule column is narrower", () => {
    const model = buildSummary(evaluatePlan(ebetsu().doc, 2022));
    const html = String(SummaryView({ model, view: { mode: "web" } }));
    const widths = [...html.matchAll(/<col class="(c-[a-z]+)" style="width:([\d.]+)%"/g)].map(
      (m) => [m[1], Number(m[2])] as const,
    );
    const sum = widths.reduce((n, [, w]) => n + w, 0);
    assert.ok(Math.abs(sum - 100) < 0.1, `the columns make the table's width, no more (${sum}%)`);
    const result = widths.find(([c]) => c === "c-result")![1];
    const rule = widths.find(([c]) => c === "c-rule")![1];
    // 「－データなし」: the symbol and five characters, with the cell's padding (report.css), on a 1360px table
    // of 0.85rem text (the screen: narrower than A4 landscape at 8pt for this).
    assert.ok((result / 100) * 1360 >= (1.3 + 5 + 0.6) * 13.6, `result column ${result}%`);
    assert.ok(rule > 14, `the rule column keeps most of its room (${rule}%)`);
  });

  test("tree cells are merged down the rows that share them, as 001 merges them", () => {
    const model = buildSummary(evaluatePlan(ebetsu().doc, 2022));
    const first = model.rows[0]!;
    assert.equal(first.levels[0]?.text, "1 市民参加と協働による行政運営");
    assert.equal(first.levels[0]?.rowSpan, 5);
    assert.equal(first.levels[2]?.rowSpan, 3, "① 双方向性… holds three indicators");
    assert.deepEqual(model.rows[1]!.levels[0], {
      key: "1",
      text: "1 市民参加と協働による行政運営",
      rowSpan: 0,
    });
    const spans = model.rows.reduce((n, r) => n + (r.levels[0]?.rowSpan ?? 0), 0);
    assert.equal(spans, model.rows.length);
  });
});
