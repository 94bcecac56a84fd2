/** Workbooks that cannot be read: every problem names sheet, row and column, and nothing is merged. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import { addRow, col, edit, rowWhere, sample, save, set } from "../../testing/workbook.ts";
import { type AppError, isAppError } from "../errors.ts";
import { LOAD_OPTIONS } from "../workbook/load.ts";
import { readPlanWorkbook, readWorkbookPlanRef, writePlanWorkbook } from "./index.ts";

const base = sample();

/** Asserts that reading refuses the bytes with a refusal (invalid_document) whose message matches every pattern. */
async function refuses(bytes: Uint8Array, ...patterns: RegExp[]): Promise<AppError> {
  let caught: unknown;
  try {
    await readPlanWorkbook(bytes, "bad.xlsx", base);
  } catch (e) {
    caught = e;
  }
  assert.ok(
    isAppError(caught, "invalid_document"),
    `expected a refusal (invalid_document), got ${String(caught)}`,
  );
  for (const p of patterns) assert.match(caught.message, p);
  assert.match(caught.message, /^bad\.xlsx: /);
  assert.ok(caught.findings.length > 0 && caught.findings.every((f) => f.file === "bad.xlsx"));
  return caught;
}

async function edited(change: (wb: ExcelJS.Workbook) => void) {
  return edit(await writePlanWorkbook(base), change);
}

describe("cells that cannot be read", () => {
  test("a bad year names sheet, row and column", async () => {
    const bytes = await edited((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2020 }), "年度", "去年");
    });
    const e = await refuses(bytes, /シート「実績値」 3行 D列（年度）: 年度として読めません: "去年"/);
    const f = e.findings.find((x) => x.severity === "error")!;
    assert.deepStrictEqual(
      [f.sheet, f.row, f.column, f.subject, f.found],
      ["実績値", 3, "D", "年度", "去年"],
    );
  });

  test("a year written in 和暦 is read, one that cannot exist is not", async () => {
    const ok = await edited((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2020 }), "年度", "R2年");
    });
    const { findings } = await readPlanWorkbook(ok, "ok.xlsx", base);
    assert.deepStrictEqual(findings, []);
    const bad = await edited((wb) => {
      const ws = wb.getWorksheet("取組状況")!;
      set(ws, 2, "年度", "令和0年度");
    });
    await refuses(bad, /シート「取組状況」 2行 C列（年度）: 年度として読めません: "令和0年度"/);
  });

  test("a bad number, a word outside a vocabulary and a missing required cell are all reported together", async () => {
    const bytes = await edited((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2019 }), "数値", "たくさん");
      set(ws, rowWhere(ws, { 指標キー: "1-1-1-i1", 年度: 2020 }), "種類", "すうち");
      addRow(wb.getWorksheet("取組計画・実績")!, { 項目キー: "2-1-1", 年度: 2026, 内容: "区分がない" });
    });
    const e = await refuses(
      bytes,
      /シート「実績値」 2行 F列（数値）: 数値として読めません: "たくさん"/,
      /シート「実績値」 3行 I列（種類）: 「すうち」は選べません（数値・段階・文章・空欄 のいずれか）/,
      /シート「取組計画・実績」 5行 E列（区分）: 区分（計画・実績）がありません/,
    );
    assert.match(e.message, /誤り 3 件/);
  });

  test("a key referring to nothing is refused", async () => {
    const bytes = await edited((wb) => {
      addRow(wb.getWorksheet("実績値")!, { 指標キー: "9-9-9-i1", 年度: 2022, 記載: "1" });
      addRow(wb.getWorksheet("項目")!, { 親項目キー: "9-9", 項目名: "迷子" });
      const items = wb.getWorksheet("項目")!;
      set(items, rowWhere(items, { 項目キー: "1-1-1" }), "所管部署キー", "総務課");
    });
    await refuses(
      bytes,
      /シート「実績値」 \d+行 A列（指標キー）: 指標キー「9-9-9-i1」の指標がありません/,
      /シート「項目」 \d+行 B列（親項目キー）: 親項目キー「9-9」の項目がありません/,
      /部署キー「総務課」の部署がありません（名称が「総務課」の部署のキーは「総務部\/総務課」です）/,
    );
  });

  test("a series the indicator does not have is refused", async () => {
    const bytes = await edited((wb) => {
      addRow(wb.getWorksheet("実績値")!, { 指標キー: "2-1-1-i1", 系列: "全体", 年度: 2020, 記載: "50%" });
    });
    await refuses(bytes, /系列「全体」は指標「育児休業取得率」にありません（指標の系列: 男性、女性）/);
  });
});

describe("workbooks that are not plan workbooks", () => {
  test("a wrong header is refused naming the sheet and the header", async () => {
    const bytes = await edited((wb) => {
      wb.getWorksheet("実績値")!.getRow(1).getCell(4).value = "年";
    });
    await refuses(bytes, /シート「実績値」 1行: 見出し「年度」の列がありません/);
  });

  test("a missing sheet is refused", async () => {
    const bytes = await edited((wb) => {
      wb.removeWorksheet(wb.getWorksheet("取組状況")!.id);
    });
    await refuses(bytes, /シート「取組状況」がありません/);
  });

  test("a workbook of something else is not ours", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "売上";
    await refuses(await save(wb), /gyokaku の計画ワークブックではありません（シート「計画」がありません/);
  });

  test("a workbook of another plan is not merged onto this one", async () => {
    const bytes = await edited((wb) => {
      set(wb.getWorksheet("計画")!, 2, "計画キー", "other");
    });
    await refuses(
      bytes,
      /このブックは 012173 の計画「other」のものです（取り込み先は 012173 の計画「sample」）/,
    );
  });

  test("a text file, an old .xls, binary garbage and a broken zip are refused", async () => {
    await refuses(new TextEncoder().encode("指標キー,年度\n1,2022\n"), /xlsx ファイルではありません/);
    await refuses(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /古い Excel 形式/);
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    await refuses(garbage, /xlsx ファイルではありません/);
    const real = await writePlanWorkbook(base);
    await refuses(real.subarray(0, real.length / 2), /xlsx ファイルとして読めません/);
    const zipGarbage = Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.from(garbage)]);
    await refuses(zipGarbage, /xlsx ファイルとして読めません/);
    await assert.rejects(readWorkbookPlanRef(garbage, "bad.xlsx"), (e: unknown) =>
      isAppError(e, "invalid_document"),
    );
  });

  test("a drop-down list stretched over a whole column does not slow reading down", async () => {
    const bytes = await edited((wb) => {
      const ws = wb.getWorksheet("実績値")!;
      (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add(
        "I2:I1048576",
        { type: "list", allowBlank: true, formulae: ['"数値,段階"'] },
      );
    });
    // Checked by what the reader does, not by a stopwatch: exceljs is told to skip the drop-down lists
    // (which it would expand cell by cell), and the workbook still reads.
    assert.ok(LOAD_OPTIONS.ignoreNodes.includes("dataValidations"));
    const { document } = await readPlanWorkbook(bytes, "wide.xlsx", base);
    assert.equal(document.plan.key, "sample");
  });

  test("an unknown column is reported and ignored", async () => {
    const bytes = await edited((wb) => {
      const ws = wb.getWorksheet("指標")!;
      const c = ws.columnCount + 1;
      ws.getRow(1).getCell(c).value = "メモ";
      ws.getRow(2).getCell(c).value = "確認済み";
    });
    const { findings } = await readPlanWorkbook(bytes, "memo.xlsx", base);
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.sheet, f.row, f.severity]),
      [["sheet.unknown-column", "指標", 1, "warning"]],
    );
  });

  test("the plan row's code keeps its leading zero even when Excel dropped it", async () => {
    const bytes = await edited((wb) => {
      const ws = wb.getWorksheet("計画")!;
      ws.getRow(2).getCell(col(ws, "団体コード")).value = 12173;
    });
    const { document } = await readPlanWorkbook(bytes, "code.xlsx", base);
    assert.equal(document.municipality.code, "012173");
  });
});
