// The 財政効果額 of the reports: the model (再掲 left out, actuals after the report year not shown) and the
// worksheet of the 集計 workbook, on the guide's example (docs/examples/fiscal-effect.json).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { repoRoot } from "../testing/seeds.ts";
import { buildReport } from "./build-report.ts";
import { evaluatePlan } from "./evaluation.ts";
import { fiscalEffectLine } from "./reports.service.ts";
import { reportXlsx } from "./reports.xlsx.ts";

const example = () =>
  JSON.parse(readFileSync(join(repoRoot, "docs/examples/fiscal-effect.json"), "utf8")) as Record<
    string,
    unknown
  >;

test("the 集計 workbook has a 財政効果額 sheet with amounts as numbers in 千円", async () => {
  const wb = new ExcelJS.Workbook();
  const report = buildReport("tally", evaluatePlan(parsePlanDocument(example()), 2025));
  await wb.xlsx.load((await reportXlsx(report)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("財政効果額");
  assert.ok(ws, "the sheet is there");
  const rows: unknown[][] = [];
  const rowNumbers: number[] = [];
  ws.eachRow((r, n) => {
    rows.push((r.values as unknown[]).slice(1));
    rowNumbers.push(n);
  });
  const total = rows.find((r) => r[0] === "合計");
  assert.deepEqual(total, ["合計", 229_500, 191_722, "—", 1]);
  assert.equal(ws.getCell(`B${rowNumbers[rows.indexOf(total!)]}`).numFmt, '#,##0.###"千円"');
  const fy2026 = rows.find((r) => r[0] === "令和8年度");
  assert.deepEqual(fy2026, ["令和8年度", 68_000, "—", 297_500, "—"]);
});

test("a plan without 財政効果額 has no section, no sheet and no total line", async () => {
  const plan = evaluatePlan(parsePlanDocument(samplePlanDocument()), 2021);
  const tally = buildReport("tally", plan);
  assert.equal(tally.kind === "tally" && tally.model.fiscalEffects, null);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await reportXlsx(tally)) as unknown as ArrayBuffer);
  assert.equal(wb.getWorksheet("財政効果額"), undefined);
});

test("re-listed (再掲) items are left out; actuals after the report year are not shown", () => {
  const doc = example() as { items: { children: Record<string, unknown>[] }[] };
  doc.items[1]!.children.push({
    key: "2-3",
    title: "ふるさと納税の推進（再掲）",
    crossListingOf: "2-1",
    fiscalEffects: [
      { fiscalYear: 2023, kind: "revenue_increase", planned: 20000, actual: 26340, unit: "千円" },
    ],
  });
  const tally = buildReport("tally", evaluatePlan(parsePlanDocument(doc), 2024));
  assert.ok(tally.kind === "tally" && tally.model.fiscalEffects);
  const m = tally.model.fiscalEffects;
  assert.equal(m.crossListedLeftOut, 1);
  assert.deepEqual([m.toDate.planned, m.toDate.actual, m.toDate.actualMissing], [127_000, 140_660, 0]);
  assert.equal(m.toDate.rate, 110.8);
  const fy2025 = m.byYear.find((y) => y.fiscalYear === 2025)!;
  assert.deepEqual(
    [fy2025.planned, fy2025.actual],
    [102_500, null],
    "FY2025 actuals not shown in a FY2024 report",
  );
});

test("the dashboard's line: the total to the report year, with the unreported actuals counted", () => {
  assert.equal(
    fiscalEffectLine(evaluatePlan(parsePlanDocument(example()), 2025)),
    "財政効果額（令和5年度〜令和7年度の累計）計画 229,500千円／実績 191,722千円（実績未報告 1件）",
  );
  assert.equal(fiscalEffectLine(evaluatePlan(parsePlanDocument(samplePlanDocument()), 2021)), null);
});
