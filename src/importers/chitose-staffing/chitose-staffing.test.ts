import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isAppError } from "../../core/errors.ts";
import { parseStaffingDocument, staffingFindings } from "../../core/staffing-document/index.ts";
import {
  diagnose,
  formatChange,
  formatCount,
  formatDecimal,
  NATIONAL_SECTOR_SCHEME,
} from "../../domain/staffing/index.ts";
import { readSeed, seedsSkip } from "../../testing/seeds.ts";
import { detectChitoseStaffing, readChitoseStaffing } from "./read.ts";

const skip = seedsSkip("003_");

describe("千歳市 staffing tables from the seed (003_)", { skip }, () => {
  const seed = readSeed("003_");
  const { document, findings } = seed
    ? readChitoseStaffing("003.txt", seed.text)
    : { document: null, findings: [] };
  const doc = document ? parseStaffingDocument(document, "003.txt") : null;

  test("detected, and read into a valid document", () => {
    assert.ok(detectChitoseStaffing(seed!.text));
    assert.equal(doc!.municipality.code, "012246");
    assert.equal(doc!.units.length, 24);
    assert.equal(
      doc!.headcounts.length,
      213,
      "20 units × 11 years, less the years before こども福祉部 and 観光スポーツ部",
    );
  });

  test("every printed total of 図表4 agrees with the sum of its parts: no finding", () => {
    assert.deepEqual(staffingFindings(doc!), []);
    assert.equal(doc!.printedTotals.filter((p) => p.measure === "headcount").length, 44);
  });

  test("findings: the column 平28 (2015), and 図表6 rows that run past the legal retirement year", () => {
    assert.deepEqual(
      findings.map((f) => [f.code, f.line]),
      [
        ["staffing.year-label-mismatch", 149],
        ["staffing.retirement-schedule-mismatch", 204],
        ["staffing.retirement-schedule-mismatch", 205],
        ["staffing.retirement-schedule-mismatch", 206],
        ["staffing.retirement-schedule-mismatch", 207],
        ["staffing.retirement-schedule-mismatch", 208],
      ],
    );
    assert.equal(
      findings.some((f) => f.code === "staffing.diagnosis-result-mismatch"),
      false,
      "図表10 reproduced",
    );
    assert.equal(
      findings.some((f) => f.code === "staffing.ratio-mismatch"),
      false,
      "図表8 ratios reproduced",
    );
  });

  test("図表10 from the seed's inputs gives the seed's printed figures", () => {
    const d = doc!.diagnoses[0]!;
    assert.equal(d.population, 97_999);
    assert.deepEqual(d.averages, [
      { total: "一般行政計", simplePer10k: 52.13 },
      { total: "普通会計計", simplePer10k: 65.53 },
    ]);
    assert.deepEqual(d.peerGroup, {
      scheme: "ruiji-shokuin-city",
      group: "II-3",
      members: 107,
      baseDate: "2024-04-01",
      title: "類似団体別職員数の状況（令和6年4月1日現在）",
    });
    const lines = diagnose({
      scheme: NATIONAL_SECTOR_SCHEME,
      population: d.population,
      rows: d.rows,
      averages: d.averages,
    });
    const o = lines.find((l) => l.name === "普通会計計")!;
    assert.deepEqual([o.current, o.simple?.estimate, o.simple?.excess, o.simple?.rate], [717, 642, 75, 10.5]);
    // Every printed row, parsed independently from the seed text.
    const text = seed!.text.split("\n");
    const start = text.findIndex((l) => l.replace(/\s/g, "").startsWith("大部門"));
    for (const l of lines) {
      const row = text
        .slice(start, start + 30)
        .map((x) => x.split("\t").map((c) => c.trim()))
        .find((c) => c[0]!.replace(/\s/g, "") === l.name.replace("公営企業等会計計", "公営企業等会計"));
      assert.ok(row, l.name);
      assert.deepEqual(
        [
          formatCount(l.previous),
          formatCount(l.current),
          formatChange(l.change),
          formatCount(l.simple?.estimate),
          formatChange(l.simple?.excess),
          formatDecimal(l.simple?.rate, 1),
          formatCount(l.corrected?.estimate),
          formatChange(l.corrected?.excess),
          formatDecimal(l.corrected?.rate, 1),
        ],
        row!.slice(1, 10).map((c) => c.replace(/\s/g, "")),
        l.name,
      );
    }
  });

  test("図表8, the population and the Laspeyres index", () => {
    const c = doc!.peerComparisons[0]!;
    assert.deepEqual(
      c.members.map((m) => [m.name, m.population, m.ordinaryAccount, m.self]),
      [
        ["室蘭市", 76519, 511, false],
        ["恵庭市", 70354, 473, false],
        ["石狩市", 57645, 418, false],
        ["千歳市", 97999, 717, true],
        ["北広島市", 56903, 455, false],
      ],
    );
    assert.deepEqual(c.group, {
      population: 7_683_019,
      ordinaryAccount: 50_344,
      generalAdministration: 40_048,
      source: { file: "003.txt", line: 248 },
    });
    assert.deepEqual(
      doc!.populations.map((p) => [p.fiscalYear, p.population, p.asOf]),
      [[2024, 97_999, "2024-01-01"]],
    );
    assert.deepEqual(
      doc!.laspeyres.map((l) => [l.fiscalYear, l.own, l.peerAverage, l.nationalAverage, l.nationalLabel]),
      [[2024, 97.2, 98.2, 98.6, "全国市平均"]],
    );
    assert.deepEqual(
      doc!.retirement.cohorts.map((x) => x.birthFiscalYear),
      [1963, 1964, 1965, 1966, 1967, 1968, 1969],
    );
  });
});

/** A small text in the layout of 図表4, for bad input. */
function table(rows: string[]): string {
  return [
    "千歳市 行政改革 基本方針",
    "",
    "<常勤職員>\t令6 (2024)\t令7 (2025)\t定数",
    "特 別 職\t5\t5\t",
    "市長部局※病院除く\t160\t161\t150",
    ...rows,
    "一般職(合計)\t160\t161\t150",
    "",
  ].join("\n");
}

describe("bad input in the text is refused naming line and column; nothing is read", () => {
  test("a negative and a non-numeric headcount", () => {
    assert.throws(
      () => readChitoseStaffing("bad.txt", table(["企画部\t▲3\t61\t", "総務部\t1OO\t100\t"])),
      (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"));
        assert.match(e.message, /bad\.txt 行 6 列「令6 \(2024\)」: 「企画部」の人数「▲3」が負の数です/);
        assert.match(
          e.message,
          /bad\.txt 行 7 列「令6 \(2024\)」: 「総務部」の人数「1OO」が数値として読めません/,
        );
        return true;
      },
    );
  });

  test("a unit the layout does not map to a 部門", () => {
    const { document } = readChitoseStaffing(
      "new.txt",
      table(["企画部\t60\t61\t", "未来創造部\t100\t100\t"]),
    );
    assert.throws(
      () => parseStaffingDocument(document, "new.txt"),
      (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"));
        assert.match(e.message, /new\.txt 行 7 列 部門: 「未来創造部」に部門がありません/);
        return true;
      },
    );
  });

  test("a printed total that disagrees is a finding naming the row and the year", () => {
    const { document } = readChitoseStaffing("sum.txt", table(["企画部\t60\t61\t", "総務部\t99\t100\t"]));
    const found = staffingFindings(parseStaffingDocument(document, "sum.txt"));
    assert.deepEqual(
      found.map((f) => [f.line, f.column, f.message]),
      [
        [
          5,
          "令6 (2024)",
          "「市長部局※病院除く」の 2024年度の職員数の合計 160 が内訳の合計 159 と一致しません",
        ],
        [8, "令6 (2024)", "「一般職(合計)」の 2024年度の職員数の合計 160 が内訳の合計 159 と一致しません"],
      ],
    );
  });
});
