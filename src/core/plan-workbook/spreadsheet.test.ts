/** Round trips: document → workbook → document, and export → import → export, for the sample and the seeds. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readers } from "../../importers/registry.ts";
import { readSeed, seedsSkip } from "../../testing/seeds.ts";
import { addRow, col, contents, edit, open, rowWhere, sample } from "../../testing/workbook.ts";
import { parsePlanDocument, readPlanDocument } from "../plan-document/document.ts";
import type { PlanDocument } from "../plan-document/schema.ts";
import { DATA_SHEETS, GUIDE_SHEET_NAME } from "./columns.ts";
import { readPlanWorkbook, readWorkbookPlanRef, writeBlankTemplate, writePlanWorkbook } from "./index.ts";

async function roundTrip(doc: PlanDocument) {
  const exported = await writePlanWorkbook(doc);
  const fresh = await readPlanWorkbook(exported, "plan.xlsx", null);
  assert.deepStrictEqual(parsePlanDocument(fresh.document), doc, "workbook → new plan");
  assert.ok(fresh.findings.every((f) => f.severity !== "error"));
  const merged = await readPlanWorkbook(exported, "plan.xlsx", doc);
  assert.deepStrictEqual(parsePlanDocument(merged.document), doc, "workbook merged onto itself");
  assert.deepStrictEqual(merged.findings, [], "an unchanged workbook has nothing to report");
  const again = await writePlanWorkbook(parsePlanDocument(merged.document));
  assert.deepStrictEqual(await contents(again), await contents(exported), "export → import → export");
}

describe("round trip", () => {
  test("the sample document survives document → workbook → document and export → import → export", async () => {
    await roundTrip(sample());
  });

  const seeds = [
    ["sapporo", "002_"],
    ["chitose", "003_"],
    ["ward-proposal", "004_"],
  ] as const;
  for (const [id, prefix] of seeds) {
    test(`the ${id} seed survives the round trip`, { skip: seedsSkip(prefix) }, async () => {
      const reader = readers.find((r) => r.id === id)!;
      const doc = parsePlanDocument(reader.read([readSeed(prefix)!]).document);
      await roundTrip(doc);
    });
  }
});

describe("the workbook", () => {
  test("has 説明 and one sheet per table, Japanese headers in row 1, frozen and filtered", async () => {
    const wb = await open(await writePlanWorkbook(sample()));
    assert.deepStrictEqual(
      wb.worksheets.map((w) => w.name),
      [GUIDE_SHEET_NAME, ...DATA_SHEETS.map((s) => s.name)],
    );
    for (const def of DATA_SHEETS) {
      const ws = wb.getWorksheet(def.name)!;
      assert.deepStrictEqual(
        def.columns.map((_, i) => ws.getRow(1).getCell(i + 1).value),
        def.columns.map((c) => c.header),
      );
      assert.equal(ws.views[0]?.state, "frozen");
      assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
      assert.ok(ws.autoFilter, `${def.name} has a filter`);
      const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
      assert.ok(!protection?.sheet, `${def.name} is not protected`);
    }
  });

  test("numbers are number cells with a number format; units and 和暦 have their own columns", async () => {
    const ws = (await open(await writePlanWorkbook(sample()))).getWorksheet("実績値")!;
    const r = rowWhere(ws, { 指標キー: "2-1-1-i1", 系列: "男性" });
    const cell = (h: string) => ws.getRow(r).getCell(col(ws, h));
    assert.equal(cell("数値").value, 15.4);
    assert.equal(cell("数値").numFmt, "#,##0.0");
    assert.equal(cell("単位").value, "%");
    assert.equal(cell("記載").value, "15.4%");
    assert.equal(cell("年度").value, 2019);
    assert.equal(cell("年度（和暦・参考）").value, "令和元年度");
    assert.equal(cell("種類").value, "数値");
    const plan = (await open(await writePlanWorkbook(sample()))).getWorksheet("計画")!;
    assert.equal(plan.getRow(2).getCell(col(plan, "団体コード")).value, "012173", "the code keeps its zero");
  });

  test("a column with a fixed vocabulary has a drop-down list", async () => {
    const wb = await open(await writePlanWorkbook(sample()));
    const ws = wb.getWorksheet("取組計画・実績")!;
    const letter = ws.getColumn(col(ws, "区分")).letter;
    const validations = (
      ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    assert.deepStrictEqual(validations[`${letter}2`]?.formulae, ['"計画,実績"']);
    assert.ok(validations[`${letter}100`], "rows a person adds get the list too");
  });

  test("readWorkbookPlanRef names the plan so that the caller can find the stored one", async () => {
    const ref = await readWorkbookPlanRef(await writePlanWorkbook(sample()));
    assert.deepStrictEqual(ref, { municipalityCode: "012173", planKey: "sample" });
  });
});

describe("the blank template", () => {
  test("has the same sheets and headers, instructions, and no data rows", async () => {
    const blank = await contents(await writeBlankTemplate());
    const full = await contents(await writePlanWorkbook(sample()));
    assert.deepStrictEqual(Object.keys(blank), Object.keys(full));
    for (const def of DATA_SHEETS) {
      assert.deepStrictEqual(blank[def.name], [full[def.name]![0]], `${def.name}: header only`);
    }
    assert.deepStrictEqual(blank[GUIDE_SHEET_NAME], full[GUIDE_SHEET_NAME]);
    assert.ok(blank[GUIDE_SHEET_NAME]!.length > 50);
  });

  test("filled in by hand, it makes a new plan", async () => {
    const filled = await edit(await writeBlankTemplate(), (wb) => {
      addRow(wb.getWorksheet("計画")!, {
        団体コード: "012246",
        団体名: "千歳市",
        計画キー: "chitose-test",
        計画名: "行政改革基本方針",
        開始年度: 2025,
        終了年度: "令和10年度",
        階層名: "重点推進項目",
      });
      addRow(wb.getWorksheet("部署")!, { 名称: "行政管理課", 種別: "課" });
      addRow(wb.getWorksheet("項目")!, {
        項目キー: "1",
        項目名: "情報システムの最適化",
        所管部署キー: "行政管理課",
      });
      addRow(wb.getWorksheet("指標")!, { 項目キー: "1", 指標名: "クラウド化率", 単位: "%" });
      addRow(wb.getWorksheet("実績値")!, { 指標キー: "1-i1", 年度: "R6", 記載: "52.8%" });
    });
    const { document } = await readPlanWorkbook(filled, "new.xlsx", null);
    const doc = parsePlanDocument(document);
    assert.equal(doc.plan.periodEnd, 2028);
    assert.deepStrictEqual(doc.departments, [
      { key: "行政管理課", name: "行政管理課", kind: "課", names: [] },
    ]);
    const ind = doc.items[0]!.indicators[0]!;
    assert.equal(ind.key, "1-i1");
    assert.deepStrictEqual(ind.actuals, [
      { fiscalYear: 2024, text: "52.8%", kind: "number", number: 52.8, unit: "%" },
    ]);
  });
  test("filled in by hand with 財政効果額, its target and the yearly and cumulative plan rows (issue 10)", async () => {
    const filled = await edit(await writeBlankTemplate(), (wb) => {
      addRow(wb.getWorksheet("計画")!, {
        団体コード: "012246",
        団体名: "千歳市",
        計画キー: "chitose-effects",
        計画名: "行政改革基本方針",
        開始年度: 2025,
        終了年度: 2027,
        階層名: "重点推進項目",
        財政効果額の目標: "3年間で累計900千円",
      });
      addRow(wb.getWorksheet("項目")!, { 項目キー: "1", 項目名: "使用料の見直し" });
      addRow(wb.getWorksheet("指標")!, { 項目キー: "1", 指標名: "使用料収入", 単位: "千円" });
      const values = wb.getWorksheet("実績値")!;
      for (const [fy, yearly, cumulative] of [
        [2025, "300千円", "300千円"],
        [2026, "300千円", "6,000千円"],
      ] as const) {
        addRow(values, { 指標キー: "1-i1", 年度: fy, 記載: yearly, 区分: "計画値" });
        addRow(values, { 指標キー: "1-i1", 年度: fy, 記載: cumulative, 区分: "計画値（累計）" });
      }
      const effects = wb.getWorksheet("財政効果額")!;
      addRow(effects, { 項目キー: "1", 年度: 2025, 区分: "計画", 金額: 300, 単位: "千円", 種別: "歳入確保" });
      addRow(effects, { 項目キー: "1", 年度: 2025, 区分: "実績", 金額: 320, 単位: "千円", 種別: "歳入確保" });
    });
    const { document } = await readPlanWorkbook(filled, "new.xlsx", null);
    const { document: doc, findings } = readPlanDocument(document, "new.xlsx");
    assert.deepStrictEqual(doc.plan.fiscalEffectTarget, {
      text: "3年間で累計900千円",
      kind: "value_by_year",
      number: 900,
      unit: "千円",
      basis: "period_total",
    });
    assert.deepStrictEqual(doc.items[0]!.fiscalEffects, [
      { fiscalYear: 2025, kind: "revenue_increase", planned: 300, actual: 320, unit: "千円" },
    ]);
    assert.equal(doc.items[0]!.indicators[0]!.plannedValues!.length, 4);
    const mismatch = findings.filter((f) => f.code === "plan.cumulative-mismatch");
    assert.equal(mismatch.length, 1);
    // a new plan takes 出典 as written (blank here), so the finding names the file and the JSON path
    assert.deepStrictEqual(
      [mismatch[0]!.file, mismatch[0]!.expected, mismatch[0]!.found],
      ["new.xlsx", "600千円", "6,000千円"],
    );
    assert.match(mismatch[0]!.subject!, /plannedValues\[3\]/);
  });
});
