/** 架空町's 定員適正化計画 (src/testing/staffing-town.ts): every figure on the web page, in the xlsx and the template. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { isAppError } from "../core/errors.ts";
import { closeBrowser } from "../core/pdf/pdf.ts";
import { parseStaffingDocument, staffingFindings } from "../core/staffing-document/index.ts";
import { madeUpTownDocument } from "../testing/staffing-town.ts";
import { renderReport } from "./staffing.export.tsx";
import { PlanPage } from "./staffing.plan.page.tsx";
import { diagnosisView, planView } from "./staffing.reports.ts";
import { readStaffingWorkbook, writeStaffingWorkbook } from "./staffing.template.ts";

const doc = parseStaffingDocument(madeUpTownDocument(), "town.json");

after(() => closeBrowser());

describe("架空町: target against actual", () => {
  const view = planView(doc)!;
  const whole = view.lines[0]!;
  const at = (fy: number) => whole.years.find((y) => y.fiscalYear === fy)!;

  test("the base year and six target years", () => {
    assert.deepEqual(
      whole.years.map((y) => [y.fiscalYear, y.target, y.actual]),
      [
        [2020, 200, 200],
        [2021, 198, 198],
        [2022, 196, 196],
        [2023, 194, undefined],
        [2024, 192, 191],
        [2025, 190, 189],
        [2026, 188, undefined],
      ],
    );
  });

  test("difference, change and rate from the base year, change from the previous year", () => {
    const y = at(2025);
    assert.deepEqual(
      [y.difference, y.targetChange, y.targetRate, y.actualChange, y.actualRate, y.previousChange],
      [-1, -10, -5, -11, -5.5, -2],
    );
    assert.deepEqual(
      [at(2024).difference, at(2024).actualRate, at(2024).previousChange],
      [-1, -4.5, undefined],
    );
    assert.deepEqual(at(2024).missing, ["2023年度の職員数がないため前年度との差は出せません"]);
    assert.deepEqual(at(2023).missing, ["2023年度の職員数がありません"]);
  });

  test("a 部門 line counts the units of that 部門", () => {
    const line = view.lines[1]!;
    assert.equal(line.scope, "総務・企画");
    assert.deepEqual(
      line.years.map((y) => y.difference),
      [0, 0, 0, undefined, 0, -1, undefined],
    );
  });

  test("the page shows ▲ rates and 「—」 with the reason, never 0 for the missing year", () => {
    const html = String(<PlanPage view={view} />);
    assert.match(
      html,
      /令和7年度（2025）<\/th><td class="num">190<\/td><td class="num">189<\/td><td class="num neg">▲1<\/td><td class="num neg">▲10<\/td><td class="num neg">▲5\.0<\/td><td class="num neg">▲11<\/td><td class="num neg">▲5\.5<\/td><td class="num neg">▲2<\/td>/,
    );
    assert.match(
      html,
      /令和5年度（2023）<\/th><td class="num">194<\/td><td class="missing" title="2023年度の職員数がありません">—/,
    );
    assert.doesNotMatch(html, /令和5年度（2023）<\/th><td class="num">194<\/td><td class="num">0</);
  });

  test("the workbook holds the same figures, empty where a figure is missing", async () => {
    const out = await renderReport(doc, "plan", "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = (fy: number) => {
      for (let r = 2; r <= ws.rowCount; r++)
        if (ws.getRow(r).getCell(2).value === fy) return (ws.getRow(r).values as unknown[]).slice(1);
      return [];
    };
    assert.deepEqual(row(2025).slice(3, 11), [190, 189, -1, -10, -5, -11, -5.5, -2]);
    assert.deepEqual([row(2023)[3], row(2023)[4] ?? "empty"], [194, "empty"]);
  });

  test("the PDF is printed from the same page", {
    skip: process.env.GYOKAKU_SKIP_PDF ? "no PDF" : false,
  }, async () => {
    const out = await renderReport(doc, "plan", "pdf");
    assert.equal(out.bytes.subarray(0, 5).toString(), "%PDF-");
  });
});

describe("架空町: movements and the diagnosis", () => {
  test("2025 disagrees with 191 − 6 + 5: a finding with both figures", () => {
    const f = staffingFindings(doc).filter((x) => x.code === "staffing.movement-mismatch");
    assert.deepEqual(
      f.map((x) => x.message),
      ["2025年度の職員数 189 が、前年度の職員数 191 − 前年度の退職者 6 + 採用者 5 = 190 と一致しません"],
    );
  });

  test("B−A is missing where the earlier year is, and so is its subtotal's", () => {
    const v = diagnosisView(doc, 2025)!;
    const line = (n: string) => v.lines.find((l) => l.name === n)!;
    assert.equal(line("総務・企画").change, -1);
    assert.equal(line("消防").change, undefined);
    assert.equal(line("消防").changeMissing, "前年の職員数がありません");
    assert.equal(line("普通会計計").change, undefined);
    // 120.4 × 12,500 / 10,000 = 150.5 → 151; 189 − 151 = 38; 38 / 189 = 20.1 %
    assert.deepEqual(
      [
        line("普通会計計").current,
        line("普通会計計").simple?.estimate,
        line("普通会計計").simple?.excess,
        line("普通会計計").simple?.rate,
      ],
      [189, 151, 38, 20.1],
    );
  });

  test("a diagnosis asked for a year without one is refused, not answered with another year", async () => {
    assert.equal(diagnosisView(doc, 2024), null);
    await assert.rejects(renderReport(doc, "diagnosis", "html", 2024), (e: unknown) => {
      assert.ok(isAppError(e, "not_found"));
      assert.match(e.message, /2024年度の定員管理診断表のデータがありません（あるのは 2025年度）/);
      return true;
    });
  });
});

describe("the plan through the template", () => {
  async function edited(edit: (wb: ExcelJS.Workbook) => void) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeStaffingWorkbook(doc)) as unknown as ArrayBuffer);
    edit(wb);
    const r = await readStaffingWorkbook("town.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    return parseStaffingDocument(r.document, "town.xlsx", r.locate);
  }
  const strip = (d: unknown) => JSON.parse(JSON.stringify(d, (k, v) => (k === "source" ? undefined : v)));

  test("what is written reads back the same", async () => {
    assert.deepEqual(strip(await edited(() => {})), strip(doc));
  });

  const refused = async (edit: (wb: ExcelJS.Workbook) => void, pattern: RegExp) =>
    assert.rejects(edited(edit), (e: unknown) => {
      assert.ok(isAppError(e, "invalid_document"), String(e));
      assert.match(e.message, pattern);
      return true;
    });

  test("a target outside the plan period is refused naming row and column", async () => {
    await refused((wb) => {
      wb.getWorksheet("定員適正化計画")!.getCell("B8").value = 2030;
    }, /シート「定員適正化計画」 行 8 列 B（年度）: 目標の年度 2030 は計画期間（2021～2026年度）の外です/);
  });

  test("a base year after the targets is refused", async () => {
    await refused((wb) => {
      const ws = wb.getWorksheet("定員適正化計画")!;
      ws.getCell("B2").value = 2022;
      ws.getCell("B9").value = 2022;
    }, /シート「定員適正化計画」 行 3 列 B（年度）: 基準年度 2022 が目標の年度 2021 より後です/);
  });

  test("leavers more than the headcount are refused", async () => {
    await refused((wb) => {
      wb.getWorksheet("退職・採用")!.getCell("B2").value = 500;
    }, /シート「退職・採用」 行 2 列 B（退職者数）: 2020年度の退職者数 500 が同年度4月1日の職員数 200 より多くなっています/);
  });
});
