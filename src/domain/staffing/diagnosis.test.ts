import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DIAGNOSIS_AVERAGES, DIAGNOSIS_ROWS, POPULATION_2024 } from "../../testing/staffing-chitose.ts";
import { checkDiagnosisTotals, type DiagnosisLine, diagnose } from "./diagnosis.ts";
import { formatChange, formatCount, formatDecimal } from "./format.ts";
import { NATIONAL_SECTOR_SCHEME } from "./sectors.ts";

/**
 * 千歳市 図表10 as printed: row, A, B, B−A, 単純値 estimate / excess / rate, 修正値 estimate / excess / rate
 * (blank cells as "").
 */
const PRINTED = `
議会|9|9||8|1|11.1|8|1|11.1
総務・企画|161|172|11|153|19|11.0|153|19|11.0
税務|28|30|2|40|▲10|▲33.3|41|▲11|▲36.7
民生|126|128|2|162|▲34|▲26.6|167|▲39|▲30.5
衛生|74|72|▲2|54|18|25.0|67|5|6.9
労働|2|2||1|1|50.0|2||0.0
農林水産|20|21|1|17|4|19.0|23|▲2|▲9.5
商工|26|25|▲1|14|11|44.0|15|10|40.0
土木|68|69|1|61|8|11.6|62|7|10.1
一般行政計|514|528|14|511|17|3.2|538|▲10|▲1.9
教育|57|56|▲1|84|▲28|▲50.0|60|▲4|▲7.1
消防|132|133|1|47|86|64.7|133||0.0
普通会計計|703|717|14|642|75|10.5|731|▲14|▲2.0
病院|299|303|4||||||
水道|21|22|1||||||
下水道|25|29|4||||||
交通|||||||||
その他|27|29|2||||||
公営企業等会計計|372|383|11||||||
合計|1,075|1,100|25||||||
`
  .trim()
  .split("\n")
  .map((l) => l.split("|"));

function printedRow(line: DiagnosisLine): string[] {
  return [
    line.name,
    formatCount(line.previous),
    formatCount(line.current),
    formatChange(line.change),
    formatCount(line.simple?.estimate),
    formatChange(line.simple?.excess),
    formatDecimal(line.simple?.rate, 1),
    formatCount(line.corrected?.estimate),
    formatChange(line.corrected?.excess),
    formatDecimal(line.corrected?.rate, 1),
  ];
}

describe("diagnose (定員管理診断表)", () => {
  const lines = diagnose({
    scheme: NATIONAL_SECTOR_SCHEME,
    population: POPULATION_2024,
    rows: DIAGNOSIS_ROWS,
    averages: DIAGNOSIS_AVERAGES,
  });

  test("reproduces every figure of 千歳市 図表10", () => {
    assert.deepEqual(lines.map(printedRow), PRINTED);
  });

  test("普通会計: 65.53 × 97,999 / 10,000 = 642 (from the group average), excess 75, 10.5 %", () => {
    const ordinary = lines.find((l) => l.name === "普通会計計")!;
    assert.equal(ordinary.simple!.basis, "average");
    assert.equal(ordinary.simple!.per10k, 65.53);
    assert.equal(ordinary.simple!.estimate, 642);
    assert.equal(ordinary.simple!.excess, 75);
    assert.equal(ordinary.simple!.rate, 10.5);
  });

  test("the rate is over the municipality's own staff: 議会 1 / 9 = 11.1 %", () => {
    const assembly = lines.find((l) => l.name === "議会")!;
    assert.equal(assembly.simple!.rate, 11.1);
  });

  test("a subtotal without a group average is the sum of its parts (修正値 一般行政計 538, 普通会計計 731)", () => {
    const general = lines.find((l) => l.name === "一般行政計")!;
    assert.equal(general.corrected!.basis, "sum");
    assert.equal(general.corrected!.estimate, 538);
    assert.equal(general.simple!.estimate, 511, "52.13 × 97,999 / 10,000 = 510.87");
    assert.equal(lines.find((l) => l.name === "普通会計計")!.corrected!.estimate, 731);
  });

  test("public enterprises are not compared with peers", () => {
    const pe = lines.find((l) => l.name === "公営企業等会計計")!;
    assert.equal(pe.simple, undefined);
    assert.equal(pe.current, 383);
  });

  test("estimates from per-10,000 averages round half away from zero, exactly", () => {
    // 0.5 × 10,000 / 10,000 = 0.5 → 1; 12.345 × 20,000 / 10,000 = 24.69 → 25
    const [l] = diagnose({
      scheme: NATIONAL_SECTOR_SCHEME,
      population: 10_000,
      rows: [{ sector: "議会", current: 3, simple: { per10k: 0.5 }, corrected: { per10k: 2.5 } }],
    });
    assert.equal(l!.simple!.estimate, 1);
    assert.equal(l!.corrected!.estimate, 3);
    assert.equal(l!.corrected!.excess, 0);
    const [m] = diagnose({
      scheme: NATIONAL_SECTOR_SCHEME,
      population: 20_000,
      rows: [{ sector: "議会", current: 20, simple: { per10k: 12.345 } }],
    });
    assert.equal(m!.simple!.estimate, 25);
    assert.equal(m!.simple!.rate, -25);
  });

  test("a 部門 the municipality does not staff has no rate (division by zero), but an excess", () => {
    const l = diagnose({
      scheme: NATIONAL_SECTOR_SCHEME,
      population: 50_000,
      rows: [{ sector: "労働", simple: { per10k: 0.4 } }],
    }).find((x) => x.name === "労働");
    assert.equal(l!.simple!.estimate, 2);
    assert.equal(l!.simple!.excess, -2);
    assert.equal(l!.simple!.rate, null);
  });

  test("an unknown 部門 or a population of zero is refused", () => {
    assert.throws(
      () => diagnose({ scheme: NATIONAL_SECTOR_SCHEME, population: 1000, rows: [{ sector: "警察" }] }),
      /警察/,
    );
    assert.throws(() => diagnose({ scheme: NATIONAL_SECTOR_SCHEME, population: 0, rows: [] }), /人口/);
  });

  test("printed subtotals are checked against the sum of their 部門", () => {
    assert.deepEqual(
      checkDiagnosisTotals(
        lines,
        [
          { total: "一般行政計", previous: 514, current: 528 },
          { total: "普通会計", current: 717 },
          { total: "合計", previous: 1075, current: 1101 },
        ],
        NATIONAL_SECTOR_SCHEME,
      ),
      [{ total: "合計", column: "current", printed: 1101, computed: 1100 }],
    );
  });
});
