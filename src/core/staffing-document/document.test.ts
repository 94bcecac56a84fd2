import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { sampleStaffingDocument } from "../../testing/staffing-documents.ts";
import { isAppError } from "../errors.ts";
import { parseStaffingDocument, staffingFindings } from "./index.ts";
import type { StaffingDocumentInput } from "./schema.ts";

function refused(doc: StaffingDocumentInput, ...patterns: RegExp[]) {
  assert.throws(
    () => parseStaffingDocument(doc, "in.json"),
    (e: unknown) => {
      assert.ok(isAppError(e, "invalid_document"), String(e));
      for (const p of patterns) assert.match(e.message, p);
      return true;
    },
  );
}

describe("parseStaffingDocument", () => {
  test("the sample is valid and keeps what it says", () => {
    const doc = parseStaffingDocument(sampleStaffingDocument());
    assert.equal(doc.units.length, 6);
    assert.equal(doc.sectorScheme, "teiin-kanri-chosa");
  });

  test("a negative headcount is refused with its JSON path", () => {
    const d = sampleStaffingDocument();
    d.headcounts![2]!.count = -1;
    refused(d, /人数: 負の数は使えません（\$\.headcounts\[\d\]\.count）/);
  });

  test("a non-numeric headcount is refused, and where it came from is named", () => {
    const d = sampleStaffingDocument();
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong type
    (d.headcounts![1] as any).count = "五十";
    d.headcounts![1]!.source = { file: "職員数.xlsx", sheet: "職員数", row: 4, column: "E" };
    refused(d, /職員数\.xlsx シート「職員数」 行 4 列 E: 人数: 数値が必要です/);
  });

  test("a general-staff unit without a 部門 is refused", () => {
    const d = sampleStaffingDocument();
    delete d.units![4]!.sector;
    refused(d, /「建設部」に部門がありません.*（\$\.units\[4\]\.sector）/);
  });

  test("an unknown 部門 is refused", () => {
    const d = sampleStaffingDocument();
    d.units![4]!.sector = "警察";
    refused(d, /「建設部」の部門「警察」は/);
  });

  test("a population of zero is refused", () => {
    const d = sampleStaffingDocument();
    d.populations![0]!.population = 0;
    refused(d, /人口: 0 より大きい数が必要です（\$\.populations\[0\]\.population）/);
    const e = sampleStaffingDocument();
    e.diagnoses![0]!.population = 0;
    refused(e, /\$\.diagnoses\[0\]\.population/);
  });

  test("a total stored as data (a group's figure beside its parts') is refused", () => {
    const d = sampleStaffingDocument();
    d.headcounts!.push({ unit: "市長部局", fiscalYear: 2025, count: 81 });
    refused(d, /「市長部局」の 2025年度の職員数は内訳（総務部、建設部）から計算します/);
  });

  test("references, duplicates and cycles", () => {
    const d = sampleStaffingDocument();
    d.headcounts!.push({ unit: "なし", fiscalYear: 2025, count: 1 });
    d.headcounts!.push({ unit: "消防", fiscalYear: 2025, count: 1 });
    d.units!.push({ key: "x", name: "X", parent: "y", sector: "議会" }, { key: "y", name: "Y", parent: "x" });
    refused(d, /組織「x」の上位組織をたどると自分に戻ります/);
    const e = sampleStaffingDocument();
    e.headcounts!.push({ unit: "なし", fiscalYear: 2025, count: 1 });
    e.headcounts!.push({ unit: "消防", fiscalYear: 2025, count: 1 });
    refused(e, /組織「なし」がありません/, /「消防」の 2025年度の職員数が二度あります/);
  });

  test("a municipality code with a wrong check digit is refused", () => {
    const d = sampleStaffingDocument();
    d.municipality!.code = "012174";
    refused(d, /検査数字が違います/);
  });

  test("lists come back in one order whatever order they were given in", () => {
    const d = sampleStaffingDocument();
    d.headcounts!.reverse();
    d.laspeyres!.reverse();
    const a = parseStaffingDocument(d);
    const b = parseStaffingDocument(sampleStaffingDocument());
    assert.deepEqual(a, b);
  });
});

describe("staffingFindings", () => {
  test("the sample's printed totals agree; its printed peer group Ⅰ－３ is the computed one", () => {
    assert.deepEqual(staffingFindings(parseStaffingDocument(sampleStaffingDocument())), []);
  });

  test("disagreements name the row and the year", () => {
    const d = sampleStaffingDocument();
    d.printedTotals![0]!.value = 82;
    d.printedTotals![2]!.value = 140;
    d.diagnoses![0]!.printedTotals![0]!.current = 141;
    d.classifications![0]!.printedGroup = "II-3";
    const found = staffingFindings(parseStaffingDocument(d), "sample");
    assert.deepEqual(
      found.map((f) => f.message),
      [
        "「市長部局」の 2025年度の職員数の合計 82 が内訳の合計 81 と一致しません",
        "「一般職」の 2025年度の定数の合計 140 が内訳の合計 145 と一致しません",
        "診断表（2024年度）の「普通会計計」当年（B） 141 が部門の合計 140 と一致しません",
        "類似団体区分は人口と産業構造から I-3 になりますが、資料は II-3 としています",
      ],
    );
    assert.ok(found.every((f) => f.severity === "warning"));
  });
});

test("a staffing document with NUL in a unit name or a 2 MB title is refused naming the field", () => {
  const nul = sampleStaffingDocument();
  nul.units[1]!.name = "一般\u0000職";
  assert.throws(
    () => parseStaffingDocument(nul),
    (e: unknown) =>
      isAppError(e, "invalid_document") && e.findings.some((f) => /制御文字（U\+0000）/.test(f.message)),
  );
  const long = sampleStaffingDocument();
  long.title = "長".repeat(2_000_000);
  assert.throws(
    () => parseStaffingDocument(long),
    (e: unknown) =>
      isAppError(e, "invalid_document") && e.findings.some((f) => /1,000文字以内/.test(f.message)),
  );
});
