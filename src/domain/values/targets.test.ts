import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_STAGE_LADDER, extendLadder } from "./stages.ts";
import { readTarget } from "./targets.ts";

describe("readTarget: the notations of the seeds", () => {
  test("(R5)6,000: a value by a year", () => {
    assert.deepEqual(readTarget("(R5)6,000"), {
      text: "(R5)6,000",
      kind: "value_by_year",
      number: 6000,
      decimals: 0,
      fiscalYear: 2023,
    });
    const t = readTarget("(R5)110回");
    assert.equal(t.kind, "value_by_year");
    assert.equal(t.number, 110);
    assert.equal(t.unit, "回");
    assert.equal(t.fiscalYear, 2023);
    assert.equal(readTarget("(R5)90,000千円").unit, "千円");
    assert.equal(readTarget("(R5)100%").number, 100);
    assert.equal(readTarget("（Ｒ５）７１．０％").number, 71);
    assert.equal(readTarget("(令和5年度)71.0%").fiscalYear, 2023);
    assert.equal(readTarget("(R5年度まで)71.0%").fiscalYear, 2023);
  });

  test("a bare number: the year comes from the column", () => {
    const t = readTarget("6,000");
    assert.equal(t.kind, "value_by_year");
    assert.equal(t.number, 6000);
    assert.equal(t.fiscalYear, undefined);
    assert.equal(readTarget("2,728,512人").number, 2728512);
    assert.equal(readTarget("1億7千万枚").number, 170_000_000);
  });

  test("2027年 10件: a year label set off by a space", () => {
    const t = readTarget("2027年 10件");
    assert.equal(t.kind, "value_by_year");
    assert.equal(t.fiscalYear, 2027);
    assert.equal(t.unit, "件");
    assert.equal(readTarget("2027 年 130,000 時間").number, 130000);
    assert.equal(readTarget("2027年 運用").kind, "stage");
    assert.equal(readTarget("2027年 運用").fiscalYear, 2027);
  });

  test("(R1～)13%以上: a floor every year from R1", () => {
    assert.deepEqual(readTarget("(R1～)13%以上"), {
      text: "(R1～)13%以上",
      kind: "floor",
      number: 13,
      unit: "%",
      decimals: 0,
      fromFiscalYear: 2019,
    });
    const d = readTarget("(R1～)12日以上");
    assert.equal(d.kind, "floor");
    assert.equal(d.unit, "日");
    assert.equal(readTarget("13%以上").kind, "floor");
    assert.equal(readTarget("13%以上").fromFiscalYear, undefined);
  });

  test("(R1～)100%: a floor of 100 every year, marked as implied", () => {
    const t = readTarget("(R1～)100%");
    assert.equal(t.kind, "floor");
    assert.equal(t.number, 100);
    assert.equal(t.fromFiscalYear, 2019);
    assert.equal(t.boundImplied, true);
  });

  test("以下, 未満, 超 → ceiling / floor", () => {
    const c = readTarget("(R5)150時間以下");
    assert.equal(c.kind, "ceiling");
    assert.equal(c.number, 150);
    assert.equal(c.fiscalYear, 2023);
    assert.equal(c.exclusive, undefined);
    assert.equal(readTarget("5%未満").kind, "ceiling");
    assert.equal(readTarget("5%未満").exclusive, true);
    assert.equal(readTarget("5件超").kind, "floor");
    assert.equal(readTarget("5件超").exclusive, true);
  });

  test("(初期値より)増加 / 縮減 / 向上 / 減少: a direction against the baseline", () => {
    for (const [text, direction] of [
      ["(初期値より)増加", "increase"],
      ["(初期値より)縮減", "decrease"],
      ["(初期値より)向上", "increase"],
      ["（初期値より）減少", "decrease"],
      ["減少", "decrease"],
      ["増加", "increase"],
      ["縮減", "decrease"],
      ["向上", "increase"],
    ] as const) {
      const t = readTarget(text);
      assert.equal(t.kind, "direction", text);
      assert.equal(t.direction, direction, text);
      assert.equal(t.against, "baseline", text);
    }
  });

  test("受験者増: a direction with its subject", () => {
    assert.deepEqual(readTarget("受験者増"), {
      text: "受験者増",
      kind: "direction",
      direction: "increase",
      against: "baseline",
      subject: "受験者",
    });
    assert.equal(readTarget("(前年度より)増加").against, "previous_year");
  });

  test("10%増 (2023年度比): relative to a named year", () => {
    assert.deepEqual(readTarget("10%増 (2023年度比)"), {
      text: "10%増 (2023年度比)",
      kind: "relative",
      direction: "increase",
      change: { amount: 10, unit: "%" },
      relativeToFiscalYear: 2023,
    });
    assert.equal(readTarget("10%増（R5年度比）").relativeToFiscalYear, 2023);
    assert.equal(readTarget("2023年度比10%増").relativeToFiscalYear, 2023);
    assert.equal(readTarget("(2023年度比)10%増").relativeToFiscalYear, 2023);
    assert.equal(readTarget("(R9)10%削減(R5年度比)").fiscalYear, 2027);
  });

  test("20分短縮: a reduction against the baseline", () => {
    assert.deepEqual(readTarget("20分短縮"), {
      text: "20分短縮",
      kind: "relative",
      direction: "decrease",
      change: { amount: 20, unit: "分" },
      against: "baseline",
    });
    assert.deepEqual(readTarget("5ポイント向上").change, { amount: 5, unit: "ポイント" });
    assert.equal(readTarget("10%の削減").direction, "decrease");
  });

  test("stages, with or without a year", () => {
    const t = readTarget("(R3～)実施");
    assert.equal(t.kind, "stage");
    assert.equal(t.stage, "実施");
    assert.equal(t.fromFiscalYear, 2021);
    const u = readTarget("(R1～)検討・実施");
    assert.equal(u.stage, "検討・実施");
    assert.equal(u.fromFiscalYear, 2019);
    assert.deepEqual(readTarget("実施"), { text: "実施", kind: "stage", stage: "実施" });
    assert.deepEqual(readTarget("充実"), { text: "充実", kind: "stage", stage: "充実" });
    assert.equal(readTarget("隨時実施").stage, "随時実施");
    assert.equal(readTarget("(R1～)検討").stage, "検討");
  });

  test("the ladder given is used", () => {
    const mine = extendLadder(DEFAULT_STAGE_LADDER, { word: "見直し", sameAs: "実施" });
    assert.equal(readTarget("見直し").kind, "text");
    assert.equal(readTarget("見直し", { ladder: mine }).kind, "stage");
  });

  test("year ranges and notes", () => {
    const t = readTarget("(R1～R5)50%以下");
    assert.equal(t.kind, "ceiling");
    assert.equal(t.fromFiscalYear, 2019);
    assert.equal(t.toFiscalYear, 2023);
    const h = readTarget("(平成32年度)100%");
    assert.equal(h.fiscalYear, 2020);
    assert.match(h.fiscalYearNote ?? "", /実在しない/);
    assert.equal(readTarget("(R10以降)実施").fromFiscalYear, 2028);
  });

  test("anything else is text", () => {
    for (const s of ["タクシー券、ガソリン券の電子申請実施", "維持", "現状維持", "適切に対応する"]) {
      const t = readTarget(s);
      assert.equal(t.kind, "text", s);
      assert.equal(t.unreadable, undefined, s);
    }
    assert.deepEqual(readTarget("—"), { text: "—", kind: "text", empty: true });
    assert.deepEqual(readTarget(""), { text: "", kind: "text", empty: true });
  });
});

describe("readTarget: unreadable, never guessed", () => {
  const cases: [string, RegExp][] = [
    ["(R5)1,48,3", /カンマの位置/],
    ["(R5)12..5", /小数点/],
    ["約100人", /概数/],
    ["(R5)100件程度", /概数/],
    ["10～20件", /範囲/],
    ["(R5)", /値が書かれていません/],
    ["(R0)5", /令和0年はありません/],
    ["(R99)5", /範囲外/],
    ["(R5～R3)5", /前です/],
    ["10%増 (R0年度比)", /令和0年/],
    ["(R5)10件(見込み)", /単位として読めません/],
    ["▲10%増", /負の数/],
  ];
  for (const [text, reason] of cases) {
    test(text, () => {
      const t = readTarget(text);
      assert.equal(t.kind, "text");
      assert.equal(t.number, undefined);
      assert.match(t.unreadable ?? "", reason);
      assert.equal(t.text, text);
    });
  }
});
