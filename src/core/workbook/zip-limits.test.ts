import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deflatedRepeat, writeZip } from "../../testing/zip.ts";
import { AppError } from "../errors.ts";
import { loadWorkbook } from "./load.ts";
import { checkXlsxLimits, XLSX_LIMITS } from "./zip-limits.ts";

const tooLarge = (pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof AppError && e.code === "too_large", String(e));
  assert.match(e.message, pattern);
  return true;
};

const sheet = (rows: number, text = "x") =>
  Buffer.from(
    `<worksheet><sheetData>${Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${text}</t></is></c></row>`).join("")}</sheetData></worksheet>`,
  );

describe("xlsx limits before exceljs", () => {
  test("a small workbook passes", () => {
    checkXlsxLimits(writeZip([{ name: "xl/worksheets/sheet1.xml", data: sheet(10) }]), "ok.xlsx");
  });

  test("a zip bomb (a sheet of 200 MB of spaces in a small zip) is refused, memory bounded", async () => {
    const deflated = await deflatedRepeat(200);
    const bomb = writeZip([{ name: "xl/worksheets/sheet1.xml", deflated, size: 200 * 1024 * 1024 }]);
    assert.ok(bomb.length < 2 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    await assert.rejects(
      loadWorkbook(bomb, "bomb.xlsx"),
      tooLarge(/bomb\.xlsx: 展開すると 200 MB.*上限 64 MB/),
    );
    assert.ok(process.memoryUsage().rss - rss < 256 * 1024 * 1024);
  });

  test("a bomb whose directory lies about the size is caught while inflating", async () => {
    const deflated = await deflatedRepeat(100);
    const liar = writeZip([{ name: "xl/worksheets/sheet1.xml", deflated, declaredSize: 1000 }]);
    const rss = process.memoryUsage().rss;
    assert.throws(
      () => checkXlsxLimits(liar, "liar.xlsx"),
      tooLarge(
        /liar\.xlsx: 項目 xl\/worksheets\/sheet1\.xml が目次に書かれた大きさ（1000 バイト）を超えて展開されます（展開後の上限 64 MB/,
      ),
    );
    assert.ok(process.memoryUsage().rss - rss < 256 * 1024 * 1024);
  });

  test("too many rows, cells, sheets or a string over Excel's cell limit: the limit is named", () => {
    const limits = { ...XLSX_LIMITS, rows: 100, cells: 150, sheets: 2 };
    assert.throws(
      () =>
        checkXlsxLimits(writeZip([{ name: "xl/worksheets/sheet1.xml", data: sheet(101) }]), "r.xlsx", limits),
      tooLarge(/r\.xlsx: シート xl\/worksheets\/sheet1\.xml の行が 100 行を超えています（101 行）/),
    );
    assert.throws(
      () =>
        checkXlsxLimits(
          writeZip([
            { name: "xl/worksheets/sheet1.xml", data: sheet(80) },
            { name: "xl/worksheets/sheet2.xml", data: sheet(80) },
          ]),
          "c.xlsx",
          limits,
        ),
      tooLarge(/セルが 150 を超えています/),
    );
    const three = [1, 2, 3].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: sheet(1) }));
    assert.throws(
      () => checkXlsxLimits(writeZip(three), "s.xlsx", limits),
      tooLarge(/シートが 2 を超えています（3）/),
    );
    assert.throws(
      () =>
        checkXlsxLimits(
          writeZip([
            {
              name: "xl/sharedStrings.xml",
              data: Buffer.from(`<sst><si><t>${"あ".repeat(40_000)}</t></si></sst>`),
            },
          ]),
          "t.xlsx",
        ),
      tooLarge(/32767 文字を超えています（40000 文字）/),
    );
  });

  test("the 2,000,000-row kind of file is refused by the default row limit", () => {
    const rows = XLSX_LIMITS.rows + 1;
    assert.throws(
      () =>
        checkXlsxLimits(writeZip([{ name: "xl/worksheets/sheet1.xml", data: sheet(rows, "") }]), "rows.xlsx"),
      tooLarge(/行が 50000 行を超えています/),
    );
  });

  test("a zip broken otherwise is left to exceljs (corrupt, as before)", async () => {
    const broken = writeZip([{ name: "xl/worksheets/sheet1.xml", data: sheet(3) }]).subarray(0, 40);
    checkXlsxLimits(broken, "b.xlsx");
    const r = await loadWorkbook(broken, "b.xlsx");
    assert.ok("failure" in r && r.failure.code === "file.corrupt");
  });
});
