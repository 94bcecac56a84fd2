// The workbooks read back with exceljs: merged headers, numbers with their units, print setup.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { sheetName } from "../core/xlsx.ts";
import { readers } from "../importers/registry.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { readSeed, seedsSkip } from "../testing/seeds.ts";
import { buildReport } from "./build-report.ts";
import { evaluatePlan } from "./evaluation.ts";
import type { ReportKind } from "./report.model.ts";
import { reportXlsx } from "./reports.xlsx.ts";

async function workbook(kind: ReportKind, doc = parsePlanDocument(samplePlanDocument()), fy = 2021) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await reportXlsx(buildReport(kind, evaluatePlan(doc, fy)))) as unknown as ArrayBuffer);
  return wb;
}

const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;

describe("xlsx", () => {
  for (const kind of ["summary", "sheets", "tally", "roadmap"] as const) {
    test(`${kind}: every worksheet prints A4 landscape, one page wide, with a print area`, async () => {
      const wb = await workbook(kind);
      assert.ok(wb.worksheets.length > 0);
      for (const ws of wb.worksheets) {
        assert.equal(ws.pageSetup.paperSize, 9, `${ws.name}: A4`);
        assert.equal(ws.pageSetup.orientation, "landscape", ws.name);
        assert.equal(ws.pageSetup.fitToWidth, 1, ws.name);
        assert.match(ws.pageSetup.printArea ?? "", /^A1:[A-Z]+\d+$/, ws.name);
        assert.ok(ws.pageSetup.printTitlesRow, `${ws.name}: print titles`);
      }
    });
  }

  test("summary: grouped headers merged (実績値 over the years, 評価 over result and rule), print titles = the header rows", async () => {
    const ws = (await workbook("summary")).worksheets[0]!;
    assert.equal(ws.name, "取組状況一覧");
    assert.equal(ws.pageSetup.printTitlesRow, "3:4");
    const m = merges(ws);
    // 3 levels, 指標, 初期値, 目標 → years start at column G; 2019–2023 = G:K.
    assert.ok(m.includes("G3:K3"), `実績値 merged: ${m.join(" ")}`);
    assert.equal(ws.getCell("G3").value, "実績値");
    assert.equal(ws.getCell("G4").value, "R1\n2019年度");
    assert.ok(m.includes("L3:M3"), "評価 merged over 結果 and 判定の根拠");
    assert.ok(m.includes("A3:A4") && m.includes("D3:D4"), "single headers span both header rows");
  });

  test("summary: numbers are numbers, their unit in the number format", async () => {
    const ws = (await workbook("summary")).worksheets[0]!;
    let found = false;
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === 5253) {
          found = true;
          assert.equal(cell.numFmt, '#,##0"人"');
        }
      });
    });
    assert.ok(found, "5,253 stored as a number");
  });

  test("tally: status headers merged over 件数 and 増減, counts formatted with 件 and ▲", async () => {
    const wb = await workbook("tally");
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ["達成度", "着手状況"],
    );
    const ws = wb.worksheets[0]!;
    assert.ok(merges(ws).includes("B5:C5"), merges(ws).join(" "));
    assert.equal(ws.getCell("B5").value, "◎ 達成");
    assert.equal(ws.getCell("B6").value, "件数");
    assert.equal(ws.getCell("C6").value, "増減");
    assert.equal(ws.getCell("B7").numFmt, '#,##0"件"');
    assert.equal(ws.getCell("C7").numFmt, '"+"#,##0;"▲"#,##0;"±0"');
  });

  test("roadmap: 年度 merged over the year columns, print titles = the header rows", async () => {
    const ws = (await workbook("roadmap")).worksheets[0]!;
    assert.equal(ws.pageSetup.printTitlesRow, "3:4");
    assert.equal(ws.getCell("C3").value, "年度");
    assert.ok(merges(ws).some((m) => m.startsWith("C3:")));
  });

  test("worksheet names: at most 31 characters, no forbidden characters, unique", () => {
    const used = new Set<string>();
    const a = sheetName("1 [重要] 取組/項目:とても長い名前の取組項目でシート名の上限を超える", used);
    const b = sheetName("1 [重要] 取組/項目:とても長い名前の取組項目でシート名の上限を超える", used);
    assert.ok(a.length <= 31 && b.length <= 31);
    assert.doesNotMatch(a, /[[\]:*?/\\]/);
    assert.notEqual(a, b);
  });

  test("江別 sheets: one worksheet per 取組項目, 1,483 and 157.1時間 as numbers", {
    skip: seedsSkip("000_"),
  }, async () => {
    const doc = parsePlanDocument(
      readers.find((r) => r.id === "ebetsu")!.read([readSeed("000_")!, readSeed("001_")!]).document,
    );
    const wb = await workbook("sheets", doc, 2022);
    assert.equal(wb.worksheets.length, 23);
    const cells: ExcelJS.Cell[] = [];
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => void cells.push(c)));
    const overtime = cells.find((c) => c.value === 157.1)!;
    assert.equal(overtime.numFmt, '#,##0.0"時間"');
    assert.ok(cells.some((c) => c.value === 1483));
  });
});
