/** Merging an edited workbook onto the stored plan: updates, new rows, shuffled columns, empty cells, 削除. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type ExcelJS from "exceljs";
import { addRow, col, edit, rowWhere, sample, set } from "../../testing/workbook.ts";
import { parsePlanDocument, walkItems } from "../plan-document/document.ts";
import type { PlanDocument } from "../plan-document/schema.ts";
import { readPlanWorkbook, writePlanWorkbook } from "./index.ts";

const base = sample();

async function merged(change: (wb: ExcelJS.Workbook) => void, onto: PlanDocument = base) {
  const bytes = await edit(await writePlanWorkbook(onto), change);
  const { document, findings } = await readPlanWorkbook(bytes, "edited.xlsx", onto);
  return { doc: parsePlanDocument(document), findings, bytes };
}

const item = (doc: PlanDocument, key: string) =>
  [...walkItems(doc.items)].find((w) => w.item.key === key)!.item;
const indicator = (doc: PlanDocument, key: string) =>
  [...walkItems(doc.items)].flatMap((w) => w.item.indicators).find((i) => i.key === key)!;

describe("a changed cell", () => {
  test("updates that field and nothing else", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("項目")!;
      set(ws, rowWhere(ws, { 項目キー: "1-1-1" }), "項目名", "双方向の情報共有の推進");
    });
    const expected = structuredClone(base);
    item(expected, "1-1-1").title = "双方向の情報共有の推進";
    assert.deepStrictEqual(doc, expected);
  });

  test("a new 記載 is read with the value reader; the text as written is kept; 出典 is the cell", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2021 }), "記載", "２６，６８４人");
    });
    const ws = (await import("./columns.ts")).ACTUALS_SHEET;
    const letter = String.fromCharCode(64 + ws.columns.findIndex((c) => c.id === "text") + 1);
    assert.deepStrictEqual(indicator(doc, "1-1-1-i1").actuals[2], {
      fiscalYear: 2021,
      text: "２６，６８４人",
      kind: "number",
      number: 26684,
      unit: "人",
      source: { file: "edited.xlsx", sheet: "実績値", row: 4, column: letter },
    });
  });

  test("a stage word in 記載 becomes a stage", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i2", 年度: 2021 }), "記載", "検討・実施");
    });
    const a = indicator(doc, "1-1-1-i2").actuals[0]!;
    assert.equal(a.kind, "stage");
    assert.equal(a.stage, "検討・実施");
    assert.equal(a.text, "検討・実施");
  });

  test("a changed 数値 rewrites the text from the number and unit", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "2-1-1-i1", 系列: "男性" }), "数値", 16.25);
    });
    const a = indicator(doc, "2-1-1-i1").actuals[0]!;
    assert.deepStrictEqual([a.text, a.number, a.unit, a.kind], ["16.25%", 16.25, "%", "number"]);
  });

  test("an unreadable value is kept as written, flagged, and reported by sheet, row and column", async () => {
    const { doc, findings } = await merged((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2019 }), "記載", "約5千");
    });
    const a = indicator(doc, "1-1-1-i1").actuals[0]!;
    assert.equal(a.text, "約5千");
    assert.equal(a.kind, "text");
    assert.equal(a.number, undefined);
    assert.ok(a.unreadable);
    const f = findings.find((x) => x.code === "value.unreadable")!;
    assert.deepStrictEqual([f.sheet, f.row, f.subject, f.severity], ["実績値", 2, "記載", "warning"]);
  });

  test("importing the same edited workbook twice gives the same plan (記載 or 数値 edited alone)", async () => {
    const { doc, bytes } = await merged((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2019 }), "記載", "5,300"); // 数値 left at 5253
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2020 }), "数値", 7000); // 記載 left at 6,825
    });
    const actuals = indicator(doc, "1-1-1-i1").actuals;
    assert.deepStrictEqual(
      actuals.slice(0, 2).map((a) => [a.text, a.number]),
      [
        ["5,300", 5300],
        ["7,000", 7000],
      ],
    );
    const again = await readPlanWorkbook(bytes, "edited.xlsx", doc);
    assert.deepStrictEqual(parsePlanDocument(again.document), doc);
  });

  test("a changed target is read with the target reader", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("初期値・目標")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 区分: "目標" }), "記載", "(R1～)13%以上");
    });
    const t = indicator(doc, "1-1-1-i1").targets[0]!;
    assert.equal(t.kind, "floor");
    assert.equal(t.number, 13);
    assert.equal(t.fromFiscalYear, 2019);
  });
});

describe("a new row", () => {
  test("adds a record, and importing the same workbook again adds nothing more", async () => {
    const { doc, bytes } = await merged((wb) => {
      addRow(wb.getWorksheet("項目")!, { 親項目キー: "2-1", 項目名: "テレワーク", 所管部署キー: "職員課" });
      addRow(wb.getWorksheet("指標")!, { 項目キー: "2-1-1", 指標名: "取得日数", 単位: "日" });
      addRow(wb.getWorksheet("実績値")!, { 指標キー: "1-1-1-i1", 年度: "令和4年度", 数値: 7000 });
      addRow(wb.getWorksheet("取組状況")!, { 項目キー: "2-1-1", 年度: 2023, 取組状況: "研修を実施" });
      addRow(wb.getWorksheet("部署")!, { 名称: "企画課", 親部署キー: "総務部" });
    });
    const telework = item(doc, "2-1-3");
    assert.equal(telework.title, "テレワーク", "a readable key continuing the siblings' numbering");
    assert.deepStrictEqual(telework.departments, ["職員課"]);
    assert.equal(indicator(doc, "2-1-1-i4").name, "取得日数");
    assert.deepStrictEqual(indicator(doc, "1-1-1-i1").actuals.at(-1), {
      fiscalYear: 2022,
      text: "7,000",
      kind: "number",
      number: 7000,
      source: { file: "edited.xlsx", sheet: "実績値", row: 8, column: "F" },
    });
    assert.equal(item(doc, "2-1-1").progress[0]?.narrative, "研修を実施");
    assert.equal(doc.departments.at(-1)?.key, "総務部/企画課");

    const again = await readPlanWorkbook(bytes, "edited.xlsx", doc);
    assert.deepStrictEqual(parsePlanDocument(again.document), doc);
  });

  test("with a key of its own can be the parent of other new rows", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("項目")!;
      addRow(ws, { 項目キー: "3-1-1", 親項目キー: "3-1", 項目名: "子" });
      addRow(ws, { 項目キー: "3", 項目名: "新しい基本目標" });
      addRow(ws, { 項目キー: "3-1", 親項目キー: "3", 項目名: "新しい方針" });
    });
    assert.deepStrictEqual(
      [...walkItems(doc.items)].filter((w) => w.item.key.startsWith("3")).map((w) => [w.item.key, w.depth]),
      [
        ["3", 0],
        ["3-1", 1],
        ["3-1-1", 2],
      ],
    );
  });

  test("an actual of a year already stored updates it instead of duplicating it", async () => {
    const { doc, findings } = await merged((wb) => {
      addRow(wb.getWorksheet("実績値")!, { 指標キー: "1-1-1-i1", 年度: 2020, 記載: "6,900" });
    });
    const actuals = indicator(doc, "1-1-1-i1").actuals.filter((a) => a.fiscalYear === 2020);
    assert.equal(actuals.length, 1);
    assert.equal(actuals[0]!.number, 6900);
    assert.ok(findings.some((f) => f.code === "value.duplicate-row"));
  });
});

describe("columns and cells", () => {
  test("shuffled columns are found by their headers", async () => {
    const { doc } = await merged((wb) => {
      for (const ws of wb.worksheets) reverseColumns(ws);
    });
    assert.deepStrictEqual(doc, base);
  });

  test("a column missing from the sheet keeps the stored values; an empty cell clears the field", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("項目")!;
      ws.spliceColumns(col(ws, "所管部署キー"), 1);
      set(ws, rowWhere(ws, { 項目キー: "1-1-1" }), "取組内容", null);
    });
    assert.deepStrictEqual(item(doc, "2-1-1").departments, ["職員課", "総務部/総務課"]);
    assert.equal(item(doc, "1-1-1").description, undefined);
  });

  test("empty rows are skipped and rows missing from the sheet are kept", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      ws.spliceRows(rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2020 }), 1);
      ws.spliceRows(3, 0, []);
    });
    assert.deepStrictEqual(doc, base);
  });

  test("without the hidden columns, exported rows still come back exactly and edits are still read", async () => {
    const bytes = await edit(await writePlanWorkbook(base), (wb) => {
      for (const name of ["実績値", "初期値・目標"]) {
        const ws = wb.getWorksheet(name)!;
        ws.spliceColumns(col(ws, "記載（書き出し時）"), 2);
      }
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2020 }), "記載", "6,900");
    });
    const fresh = parsePlanDocument((await readPlanWorkbook(bytes, "plain.xlsx", null)).document);
    const expected = structuredClone(base);
    Object.assign(indicator(expected, "1-1-1-i1").actuals[1]!, { text: "6,900", number: 6900 });
    assert.deepStrictEqual(fresh, expected);
  });

  test("the 和暦 and other 参考 columns are not read", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, 2, "年度（和暦・参考）", "でたらめ");
      set(ws, 2, "指標名（参考）", "別の名前");
    });
    assert.deepStrictEqual(doc, base);
  });
});

describe("削除 and moves", () => {
  test("a row marked 削除 removes its record", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2021 }), "削除", "削除");
      const ind = wb.getWorksheet("指標")!;
      set(ind, rowWhere(ind, { 指標キー: "2-1-1-i3" }), "削除", "削除");
    });
    assert.deepStrictEqual(
      indicator(doc, "1-1-1-i1").actuals.map((a) => a.fiscalYear),
      [2019, 2020],
    );
    assert.deepStrictEqual(
      item(doc, "2-1-1").indicators.map((i) => i.key),
      ["2-1-1-i1", "2-1-1-i2"],
    );
  });

  test("an item with children, or one that is cross-listed, is not removed", async () => {
    await assert.rejects(
      merged((wb) => {
        const ws = wb.getWorksheet("項目")!;
        set(ws, rowWhere(ws, { 項目キー: "1-1" }), "削除", "削除");
        set(ws, rowWhere(ws, { 項目キー: "2-1-1" }), "削除", "削除");
      }),
      (e: Error) => /子項目（1-1-1）があるため/.test(e.message) && /再掲しているため/.test(e.message),
    );
  });

  test("a changed 親項目キー moves the item with everything it holds", async () => {
    const { doc } = await merged((wb) => {
      const ws = wb.getWorksheet("項目")!;
      set(ws, rowWhere(ws, { 項目キー: "2-1-2" }), "親項目キー", "1-1");
    });
    assert.deepStrictEqual(
      item(doc, "1-1").children.map((c) => c.key),
      ["1-1-1", "2-1-2"],
    );
    assert.deepStrictEqual(
      item(doc, "2-1").children.map((c) => c.key),
      ["2-1-1"],
    );
  });
});

/** Writes every row of a sheet back with its cells in reverse column order. */
function reverseColumns(ws: ExcelJS.Worksheet) {
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.from({ length: width }, (_, i) => row.getCell(i + 1).value);
    values.reverse().forEach((v, i) => {
      row.getCell(i + 1).value = v;
    });
  });
}
