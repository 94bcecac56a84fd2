import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { understand } from "./understood.ts";

describe("an actual as typed, described back", () => {
  test("numbers in Japanese notation, with the unit of the indicator", () => {
    assert.equal(understand("81,571千円", { unit: "千円" }).description, "数値 81,571（千円）");
    assert.equal(understand("１２．５", { unit: "日" }).description, "数値 12.5（日）");
    assert.equal(understand("▲10", { unit: "件" }).reading.number, -10);
    assert.equal(understand("2億2千万", {}).reading.number, 220_000_000);
    assert.equal(understand("98.3%", { unit: "%" }).warnings.length, 0);
  });

  test("stages and words of the indicator's own vocabulary", () => {
    assert.equal(understand("検討・実施", {}).description, "段階「検討・実施」");
    assert.equal(understand("＜実施＞", {}).reading.stage, "実施");
    assert.equal(understand("見直し", { stages: ["検討", "見直し"] }).description, "段階「見直し」");
  });

  test("blank, a dash and a sentence", () => {
    assert.equal(understand("", {}).description, "未入力");
    assert.equal(understand("—", {}).description, "値なし（該当なし）");
    assert.equal(understand("令和元年度に完了", {}).reading.kind, "text");
  });

  test("what cannot be read is kept as written and flagged, never guessed", () => {
    const u = understand("約100", { unit: "件" });
    assert.equal(u.reading.kind, "text");
    assert.equal(u.reading.number, undefined);
    assert.match(u.warnings[0]!, /読み取れません/);
  });

  test("a unit other than the indicator's, or another series' label, is pointed out", () => {
    assert.match(understand("12%", { unit: "日" }).warnings[0]!, /単位「%」が指標の単位「日」と違います/);
    assert.match(understand("女性98%", { unit: "%" }, "男性").warnings[0]!, /「男性」の欄/);
  });

  test("a word where the indicator is measured in a unit is pointed out; a word without a unit is not", () => {
    assert.match(understand("たくさん", { unit: "%" }).warnings[0]!, /「%」で測ります。数値でないため/);
    assert.deepEqual(understand("令和元年度に完了", {}).warnings, []);
    assert.deepEqual(understand("—", { unit: "%" }).warnings, []);
  });
});
