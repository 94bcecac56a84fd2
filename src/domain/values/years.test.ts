import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bothFiscalYear, shortWareki, warekiFiscalYear } from "../fiscal-year.ts";
import { findFiscalYear, looksLikeYear, parseFiscalYear, readFiscalYear, splitYearLabel } from "./years.ts";

function fy(text: string): number | string {
  const r = readFiscalYear(text);
  return "unreadable" in r ? `unreadable: ${r.unreadable}` : r.fiscalYear;
}

describe("readFiscalYear", () => {
  test("the forms of one year agree", () => {
    for (const s of [
      "令和4年度",
      "R4",
      "R4年度",
      "R 4",
      "r4",
      "Ｒ４",
      "令和４年度",
      "2022年度",
      "２０２２年度",
      "2022年",
      "2022",
      "(2022年度)",
      "（2022年度）",
      "2022 年",
      "令4",
      "R4年",
    ]) {
      assert.equal(fy(s), 2022, s);
    }
    assert.equal(fy("(2017年度)"), 2017);
    assert.equal(fy("初期値(2017年度)".slice(3)), 2017);
  });

  test("元年 and the era change", () => {
    assert.equal(fy("令和元年度"), 2019);
    assert.deepEqual(readFiscalYear("平成31年度"), { fiscalYear: 2019 });
    assert.deepEqual(readFiscalYear("平成30年度"), { fiscalYear: 2018 });
    assert.equal(fy("平成元年度"), 1989);
    assert.equal(fy("昭和50年度"), 1975);
    assert.equal(fy("S50"), 1975);
    assert.equal(fy("H17"), 2005);
    assert.equal(fy("平17"), 2005);
  });

  test("era years that never existed are read with a note", () => {
    const r = readFiscalYear("平成32年度");
    assert.ok("fiscalYear" in r);
    assert.equal(r.fiscalYear, 2020);
    assert.match(r.note ?? "", /平成32年度は実在しない年度.*令和2年度/);
    const s = readFiscalYear("昭和64年度");
    assert.ok("fiscalYear" in s);
    assert.equal(s.fiscalYear, 1989);
    assert.match(s.note ?? "", /平成元年度/);
  });

  test("以降 and ～ give a from-year with the note 以降", () => {
    assert.deepEqual(readFiscalYear("R10以降"), { fiscalYear: 2028, note: "以降" });
    assert.deepEqual(readFiscalYear("令和10年度以降"), { fiscalYear: 2028, note: "以降" });
    assert.deepEqual(readFiscalYear("R1～"), { fiscalYear: 2019, note: "以降" });
    assert.deepEqual(readFiscalYear("(R1～)"), { fiscalYear: 2019, note: "以降" });
    assert.deepEqual(parseFiscalYear("R3~"), { fiscalYear: 2021, from: true, notes: [] });
  });

  test("both calendars must agree", () => {
    assert.deepEqual(readFiscalYear("令和6年度（2024年度）"), { fiscalYear: 2024 });
    assert.deepEqual(readFiscalYear("R5年度 (2023)"), { fiscalYear: 2023 });
    assert.deepEqual(readFiscalYear("平成31 (2019)"), { fiscalYear: 2019 });
    // 千歳 003 prints 平28 (2015) in its headcount table: 平成28 is 2016, so it is not guessed.
    assert.match(fy("平28 (2015)").toString(), /unreadable: .*2016年.*2015年.*一致しません/);
  });

  test("dates give the fiscal year that contains them", () => {
    assert.equal(fy("R6.4.1"), 2024);
    assert.equal(fy("R6.1.1"), 2023);
    assert.equal(fy("令和7年(2025年)9月"), 2025);
    assert.equal(fy("令和4年6月20日"), 2022);
    assert.equal(fy("2024年3月31日"), 2023);
    assert.equal(fy("2024/4/1"), 2024);
    assert.match(fy("R6.13.1").toString(), /月日が正しくありません/);
    assert.match(fy("2024.5").toString(), /unreadable/);
  });

  test("round trip with the display functions of fiscal-year.ts", () => {
    for (let y = 1980; y <= 2040; y++) {
      assert.equal(fy(warekiFiscalYear(y)), y, warekiFiscalYear(y));
      assert.equal(fy(bothFiscalYear(y)), y, bothFiscalYear(y));
      assert.equal(fy(shortWareki(y)), y, shortWareki(y));
    }
  });

  test("bad input is unreadable, never guessed", () => {
    for (const [s, reason] of [
      ["平成0年度", "平成0年はありません"],
      ["令和0年度", "令和0年はありません"],
      ["令和99年度", "範囲外"],
      ["平成52年度", "20年を超える"],
      ["1850年度", "範囲外"],
      ["大正5年度", "大正"],
      ["", "書かれていません"],
      ["abc", "読めません"],
      ["123", "読めません"],
      ["令和元年度に完了", "余分"],
      ["R5年度まで", "余分"],
    ] as const) {
      assert.match(fy(s).toString(), new RegExp(`unreadable: .*${reason}`), s);
    }
  });
});

test("findFiscalYear finds a 年度 inside a sentence", () => {
  assert.equal(findFiscalYear("令和元年度に完了"), 2019);
  assert.equal(findFiscalYear("R3年度から実施"), 2021);
  assert.equal(findFiscalYear("2021年度に開始"), 2021);
  assert.equal(findFiscalYear("令和3年（2021年）12月に策定"), undefined);
  assert.equal(findFiscalYear("完了"), undefined);
});

test("splitYearLabel", () => {
  assert.equal(splitYearLabel("2027年 10件")?.year.fiscalYear, 2027);
  assert.equal(splitYearLabel("2027年 10件")?.rest, "10件");
  assert.equal(splitYearLabel("(R5)6,000")?.rest, "6,000");
  assert.equal(splitYearLabel("2022 年 50,861 時間")?.rest, "50,861 時間");
  assert.equal(splitYearLabel("2022 件"), undefined);
  assert.equal(splitYearLabel("(男性) 6.9%"), undefined);
});

test("looksLikeYear", () => {
  assert.equal(looksLikeYear("R5"), true);
  assert.equal(looksLikeYear("令和5年度"), true);
  assert.equal(looksLikeYear("2022"), false);
  assert.equal(looksLikeYear("52.8"), false);
});
