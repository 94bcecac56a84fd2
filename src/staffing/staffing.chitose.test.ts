/** 千歳市's 図表4 as the staffing pages show it: totals computed from the units read from the seed (003_). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import { parseStaffingDocument } from "../core/staffing-document/index.ts";
import { readChitoseStaffing } from "../importers/import.service.ts";
import { readSeed, seedsSkip } from "../testing/seeds.ts";
import { renderReport } from "./staffing.export.tsx";
import { HeadcountBody } from "./staffing.headcount.page.tsx";
import { PopulationBody } from "./staffing.population.page.tsx";
import { headcountView, populationView, retirementView } from "./staffing.reports.ts";
import { RetirementBody } from "./staffing.retirement.page.tsx";

const skip = seedsSkip("003_");

describe("千歳市 staffing tables from the seed (003_)", { skip }, () => {
  const seed = readSeed("003_");
  const doc = seed
    ? parseStaffingDocument(readChitoseStaffing("003.txt", seed.text).document, "003.txt")
    : null;

  test("1 April 2025: 市長部局 533 and 一般職 1,104 are computed from the units, with 定数 1,061", () => {
    const v = headcountView(doc!);
    const y = v.years.indexOf(2025);
    assert.equal(v.rows.find((r) => r.key === "市長部局")!.values[y], 533);
    assert.equal(v.total.values[y], 1104);
    assert.equal(v.total.quota, 1061);
    assert.equal(v.rows.find((r) => r.key === "市長部局")!.quota, 483);
    assert.deepEqual(v.years, [2005, 2010, 2013, 2015, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    assert.equal(v.ceiling?.value, 1092);
    assert.equal(v.counted?.value, 1066);
  });

  test("per 10,000 for every total against 97,999 (2024-01-01); the II-3 一般行政 total 40,048 shown", () => {
    const v = populationView(doc!);
    assert.deepEqual(
      v.diagnosis!.per10k.map((t) => [t.total, t.staff, t.per10k, t.peerSimple]),
      [
        ["一般行政計", 528, 53.88, 52.13],
        ["普通会計計", 717, 73.16, 65.53],
        ["公営企業等会計計", 383, 39.08, undefined],
        ["合計", 1100, 112.25, undefined],
      ],
    );
    const html = String(PopulationBody({ view: v }));
    assert.match(
      html,
      /<td class="num">7,683,019<\/td><td class="num">50,344<\/td><td class="num">65\.53<\/td><td class="num">40,048<\/td><td class="num">52\.13<\/td>/,
    );
    assert.match(html, /人口 97,999人（令和6年1月1日現在）/);
    // The 一般職 series has no population for 2025: 「—」 with the reason, not a blank or 0.
    assert.match(html, /<td class="missing" title="2025年度の人口がありません">—/);
  });

  test("図表6 as printed: labels as written, rows past the legal retirement year kept and marked", () => {
    assert.deepEqual(
      doc!.retirement.cohorts.map((c) => [c.label, c.printedUntil]),
      [
        ["昭和38年生まれ", 2024],
        ["昭和39年生まれ", 2026],
        ["昭和40年生まれ", 2030],
        ["昭和41年生まれ", 2032],
        ["昭和42年生まれ", 2034],
        ["昭和43年生まれ", 2035],
        ["昭和44年生まれ", 2035],
      ],
    );
    const v = retirementView(doc!, 2025);
    assert.equal(v.table.length, 7);
    const s40 = v.table[2]!;
    assert.deepEqual(
      s40.cells.slice(-3).map((c) => [c.fiscalYear, c.age, c.retires, c.beyondRule ?? false]),
      [
        [2028, 63, true, false],
        [2029, 64, false, true],
        [2030, 65, false, true],
      ],
    );
    const html = String(RetirementBody({ view: v }));
    assert.match(html, /昭和38年生まれ<span/);
    assert.doesNotMatch(html, /昭和38年度生まれ/);
    assert.match(html, /title="資料の記載どおり。定年の規則では 2028年度末に退職">65<span class="flag">⚠/);
    assert.match(html, /昭和40年生まれ<\/span> 資料はこの行の年齢を 2030/);
  });

  test("the column 平28 (2015) keeps its label in every report, with the finding beside it", async () => {
    assert.deepEqual(
      doc!.yearLabels.map((y) => [y.fiscalYear, y.label]),
      [[2015, "平28 (2015)"]],
    );
    const v = headcountView(doc!);
    const html = String(HeadcountBody({ view: v }));
    assert.match(
      html,
      /<th scope="col" class="num" title="[^"]*平28 \(2015\)[^"]*">平28 \(2015\)<span class="flag">⚠/,
    );
    assert.doesNotMatch(html, /2015<span class="fy">H27/);
    assert.match(
      html,
      /列「平28 \(2015\)」<\/span> 資料の表記のまま（2015年度として集計）。列「平28 \(2015\)」の和暦は 2016年度/,
    );
    assert.match(
      String(PopulationBody({ view: populationView(doc!) })),
      /平28 \(2015\)<span class="flag">⚠ 資料の表記のまま/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReport(doc!, "headcount", "xlsx")).bytes as unknown as ArrayBuffer);
    const header = (wb.getWorksheet("部局別職員数")!.getRow(1).values as unknown[]).slice(1);
    assert.ok(header.includes("平28 (2015)"));
    assert.ok(!header.includes("2015年度"));
    assert.match(String(wb.getWorksheet("列の表記")!.getRow(2).getCell(3).value), /和暦は 2016年度/);
  });
});
