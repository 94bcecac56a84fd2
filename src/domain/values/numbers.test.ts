import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readNumeral, scanNumber } from "./numbers.ts";

describe("readNumeral", () => {
  test("plain and grouped digits", () => {
    assert.deepEqual(readNumeral("1483"), { ok: true, number: 1483, decimals: 0 });
    assert.deepEqual(readNumeral("1,483"), { ok: true, number: 1483, decimals: 0 });
    assert.deepEqual(readNumeral("2,273,760"), { ok: true, number: 2273760, decimals: 0 });
    assert.deepEqual(readNumeral("52.8"), { ok: true, number: 52.8, decimals: 1 });
    assert.deepEqual(readNumeral("143.0"), { ok: true, number: 143, decimals: 1 });
    assert.deepEqual(readNumeral("33,138.90"), { ok: true, number: 33138.9, decimals: 2 });
    assert.deepEqual(readNumeral("0"), { ok: true, number: 0, decimals: 0 });
  });

  test("kanji magnitudes are expanded exactly", () => {
    assert.deepEqual(readNumeral("2億2千万"), { ok: true, number: 220_000_000, decimals: 0 });
    assert.deepEqual(readNumeral("1億7千万"), { ok: true, number: 170_000_000, decimals: 0 });
    assert.deepEqual(readNumeral("3,000万"), { ok: true, number: 30_000_000, decimals: 0 });
    assert.deepEqual(readNumeral("1.1万"), { ok: true, number: 11_000, decimals: 0 });
    assert.deepEqual(readNumeral("1.25千"), { ok: true, number: 1250, decimals: 0 });
    assert.deepEqual(readNumeral("0.15万"), { ok: true, number: 1500, decimals: 0 });
    assert.deepEqual(readNumeral("1.23456万"), { ok: true, number: 12345.6, decimals: 1 });
    assert.deepEqual(readNumeral("2兆3億"), { ok: true, number: 2_000_300_000_000, decimals: 0 });
    assert.deepEqual(readNumeral("5千"), { ok: true, number: 5000, decimals: 0 });
    assert.deepEqual(readNumeral("1千2百3十4"), { ok: true, number: 1234, decimals: 0 });
  });

  test("malformed digits are unreadable, with the reason", () => {
    for (const [body, reason] of [
      ["1,48,3", "桁区切り"],
      ["1,4835", "桁区切り"],
      ["1,000,", "桁区切り"],
      ["12..5", "小数点が続いて"],
      ["1.2.3", "小数点が複数"],
      ["12.", "小数点の後に数字がありません"],
      ["1.234,5", "小数部にカンマ"],
      ["2千3千", "並び"],
      ["2万3億", "並び"],
      ["2億万", "並び"],
      ["99999999999999999", "桁数"],
    ] as const) {
      const r = readNumeral(body);
      assert.equal(r.ok, false, body);
      assert.match(r.ok ? "" : r.unreadable, new RegExp(reason), body);
    }
  });
});

describe("scanNumber", () => {
  test("sign, label and suffix are reported separately", () => {
    const s = scanNumber("男性6.9%");
    assert.ok(s && !("approx" in s));
    assert.equal(s.label, "男性");
    assert.equal(s.suffix, "%");
    assert.deepEqual(s.numeral, { ok: true, number: 6.9, decimals: 1 });
  });

  test("▲ and △ make the number negative", () => {
    const s = scanNumber("▲ 33.3");
    assert.ok(s && !("approx" in s) && s.numeral.ok);
    assert.equal(s.numeral.number, -33.3);
    assert.equal(s.negative, true);
  });

  test("a currency scale stays with 円", () => {
    const s = scanNumber("81,571千円");
    assert.ok(s && !("approx" in s));
    assert.equal(s.body, "81,571");
    assert.equal(s.suffix, "千円");
  });

  test("approximations and non-numbers", () => {
    assert.deepEqual(scanNumber("約100"), { approx: "約" });
    assert.deepEqual(scanNumber("おおむね 5件"), { approx: "おおむね" });
    assert.equal(scanNumber("実施"), undefined);
    assert.equal(scanNumber("令和4年度"), undefined);
    assert.equal(scanNumber("第3期"), undefined);
  });
});
