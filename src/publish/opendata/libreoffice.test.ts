/**
 * The CSV opens with its Japanese intact in a real spreadsheet: LibreOffice Calc, run headless, converts
 * our CSV (UTF-8 with BOM, and Shift_JIS) to xlsx, and the cells are read back. Needs soffice
 * (Debian: apt-get install libreoffice-calc); skipped with that reason where it is absent.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { testPublication } from "../../testing/publication.ts";
import { needs } from "../../testing/system.ts";
import { tableCsv } from "./opendata.service.ts";

/** A cell's value; Calc writes text in two fonts (Latin and CJK) as rich text runs. */
function plain(v: unknown): unknown {
  if (v && typeof v === "object" && "richText" in v) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  }
  return v;
}

const soffice = process.env.SOFFICE ?? "soffice";
const skip = needs("libreoffice");

// LibreOffice's CSV filter options: separator 44 (,), text delimiter 34 ("), character set, first line 1.
// Character sets are rtl_TextEncoding numbers: 76 = UTF-8, 60 = MS_932 (Windows Shift_JIS).
const FILTER = { utf8: "CSV:44,34,76,1", sjis: "CSV:44,34,60,1" } as const;

describe("LibreOffice Calc reads the open-data CSV", { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), "gyokaku-calc-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const p = testPublication({ fiscalYear: 2021 });

  async function convert(encoding: "utf8" | "sjis") {
    const csv = join(dir, `values-${encoding}.csv`);
    writeFileSync(csv, tableCsv(p, "values", encoding));
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--norestore",
        `--infilter=${FILTER[encoding]}`,
        "--convert-to",
        "xlsx",
        "--outdir",
        dir,
        csv,
      ],
      // Only a guard against a hung soffice, far beyond a conversion on a busy machine: no test waits on a clock.
      { encoding: "utf8", timeout: 900_000 },
    );
    assert.equal(run.status, 0, `soffice failed: ${run.stderr}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, `values-${encoding}.xlsx`));
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(plain(v)));
    const rows = [] as Record<string, unknown>[];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, i) => [h, plain(cells[i])])));
    });
    return { header, rows };
  }

  for (const encoding of ["utf8", "sjis"] as const) {
    test(`${encoding === "utf8" ? "UTF-8 with BOM" : "Shift_JIS"}: header, Japanese cells, numbers as numbers`, async () => {
      const { header, rows } = await convert(encoding);
      assert.equal(header[0], "全国地方公共団体コード", "the BOM does not end up in the first header");
      assert.equal(header[header.indexOf("年度") + 1], "年度（和暦）");
      const row = rows.find((r) => r.指標名 === "フォロワー数" && r.年度 === 2019)!;
      assert.ok(row, "the row of 令和元年度 is there");
      assert.equal(row.地方公共団体名, "江別市");
      assert.equal(row.項目番号, "①");
      assert.equal(row["年度（和暦）"], "令和元年度");
      assert.equal(row.値, 5253);
      assert.equal(row.単位, "人");
      // A spreadsheet reads number-like text as numbers (5,253 → 5253, 012173 → 12173) unless the column is
      // imported as text; the CSV itself holds them as written (csv.test.ts, tables.test.ts).
      assert.equal(Number(row.記載どおりの値), 5253);
      assert.equal(String(row.全国地方公共団体コード).padStart(6, "0"), "012173");
      assert.equal(row.評価, "順調");
      const target = rows.find(
        (r) => r.指標名 === "育児休業取得率" && r.区分 === "目標" && r.系列 === "男性",
      )!;
      assert.equal(target.記載どおりの値, "(R1～)13%以上");
    });
  }
});
