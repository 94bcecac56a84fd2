import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import { isAppError } from "../core/errors.ts";
import type { StaffingDocument } from "../core/staffing-document/index.ts";
import { parseStaffingDocument } from "../core/staffing-document/index.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { emptyStaffingDocument, readStaffingWorkbook, writeStaffingWorkbook } from "./staffing.template.ts";

const withoutSources = (d: StaffingDocument) =>
  JSON.parse(JSON.stringify(d, (k, v) => (k === "source" ? undefined : v))) as StaffingDocument;

async function roundTrip(doc: StaffingDocument): Promise<StaffingDocument> {
  const back = await readStaffingWorkbook("t.xlsx", await writeStaffingWorkbook(doc));
  return parseStaffingDocument(back.document, "t.xlsx", back.locate);
}

/** The sample as a workbook, changed by `edit`, read back. */
async function edited(edit: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await writeStaffingWorkbook(parseStaffingDocument(sampleStaffingDocument()))) as unknown as ArrayBuffer,
  );
  edit(wb);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const r = await readStaffingWorkbook("edited.xlsx", bytes);
  return parseStaffingDocument(r.document, "edited.xlsx", r.locate);
}

async function refused(edit: (wb: ExcelJS.Workbook) => void, ...patterns: RegExp[]) {
  await assert.rejects(edited(edit), (e: unknown) => {
    assert.ok(isAppError(e, "invalid_document"), String(e));
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}

describe("the spreadsheet template", () => {
  test("what gyokaku writes, it reads back the same", async () => {
    const doc = parseStaffingDocument(sampleStaffingDocument());
    assert.deepEqual(withoutSources(await roundTrip(doc)), withoutSources(doc));
  });

  test("values read back name their cell", async () => {
    const doc = await roundTrip(parseStaffingDocument(sampleStaffingDocument()));
    assert.deepEqual(doc.headcounts[0]!.source, { file: "t.xlsx", sheet: "職員数", row: 2, column: "E" });
  });

  test("the blank template has every sheet and reads back as no data", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeStaffingWorkbook(emptyStaffingDocument())) as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      [
        "説明",
        "団体",
        "組織",
        "職員数",
        "定数",
        "資料の合計",
        "人口",
        "類似団体の条件",
        "診断表",
        "類似団体",
        "類型の判定",
        "ラスパイレス指数",
        "年齢構成",
        "採用計画",
        "定員適正化計画",
        "退職・採用",
      ],
    );
    await assert.rejects(
      readStaffingWorkbook("blank.xlsx", Buffer.from(await wb.xlsx.writeBuffer())),
      /団体コード・団体名/,
    );
  });

  test("a headcount typed as text with separators or full-width digits is read", async () => {
    const doc = await edited((wb) => {
      wb.getWorksheet("職員数")!.getCell("E5").value = "２９";
    });
    assert.equal(doc.headcounts.find((h) => h.unit === "建設部" && h.fiscalYear === 2024)!.count, 29);
  });
});

describe("bad input in the template: refused naming sheet, row and column; nothing read", () => {
  test("a negative headcount", async () => {
    await refused((wb) => {
      wb.getWorksheet("職員数")!.getCell("F2").value = -3;
    }, /シート「職員数」 行 2 列 F（2025年度）: 負の数「-3」は使えません/);
  });

  test("a non-numeric headcount", async () => {
    await refused((wb) => {
      wb.getWorksheet("職員数")!.getCell("E2").value = "五十";
    }, /シート「職員数」 行 2 列 E（2024年度）: 「五十」が数値として読めません/);
  });

  test("a unit without a 部門", async () => {
    await refused((wb) => {
      wb.getWorksheet("組織")!.getCell("E6").value = null;
    }, /edited\.xlsx シート「組織」 行 6 列 E（部門）: 「建設部」に部門がありません/);
  });

  test("a population of zero", async () => {
    await refused((wb) => {
      wb.getWorksheet("人口")!.getCell("B2").value = 0;
    }, /シート「人口」 行 2 列 B（人口）: 人口が 0 です/);
  });

  test("several problems are all reported", async () => {
    await refused(
      (wb) => {
        wb.getWorksheet("職員数")!.getCell("E2").value = "x";
        wb.getWorksheet("定数")!.getCell("D2").value = -1;
      },
      /行 2 列 E（2024年度）/,
      /シート「定数」 行 2 列 D（定数）: 負の数/,
    );
  });

  test("not a workbook, or not the template", async () => {
    await assert.rejects(
      readStaffingWorkbook("x.xlsx", Buffer.from("PK\u0003\u0004 broken")),
      /xlsx として読めません/,
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "hello";
    await assert.rejects(
      readStaffingWorkbook("other.xlsx", Buffer.from(await wb.xlsx.writeBuffer())),
      /定数管理テンプレートではありません/,
    );
  });
});
