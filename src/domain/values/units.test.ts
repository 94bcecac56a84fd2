import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { changeWord, classifySuffix, isUnit, unitScale } from "./units.ts";

describe("classifySuffix", () => {
  test("units", () => {
    assert.deepEqual(classifySuffix(""), { kind: "unit" });
    for (const u of ["件", "人", "%", "千円", "時間", "回/年", "事業体", "施設", "ポイント", "か所", "㎡"]) {
      assert.deepEqual(classifySuffix(u), { kind: "unit", unit: u }, u);
    }
  });

  test("bounds, changes, approximations, ranges", () => {
    assert.deepEqual(classifySuffix("%以上"), { kind: "bound", bound: "以上", unit: "%" });
    assert.deepEqual(classifySuffix("人未満"), { kind: "bound", bound: "未満", unit: "人" });
    assert.deepEqual(classifySuffix("件超え"), { kind: "bound", bound: "超", unit: "件" });
    assert.deepEqual(classifySuffix("分短縮"), {
      kind: "change",
      change: { word: "短縮", direction: "decrease" },
      unit: "分",
    });
    assert.deepEqual(classifySuffix("%の増加"), {
      kind: "change",
      change: { word: "増加", direction: "increase" },
      unit: "%",
    });
    assert.deepEqual(classifySuffix("件程度"), { kind: "approx", word: "程度" });
    assert.deepEqual(classifySuffix("くらい"), { kind: "approx", word: "くらい" });
    assert.deepEqual(classifySuffix("～20件"), { kind: "range" });
    assert.deepEqual(classifySuffix("人・1,970日"), { kind: "more_numbers" });
  });

  test("sentences and junk", () => {
    assert.deepEqual(classifySuffix("件の提案があった"), { kind: "sentence" });
    assert.deepEqual(classifySuffix("の成果指標のうち、42"), { kind: "sentence" });
    assert.deepEqual(classifySuffix("件(見込み)"), { kind: "junk", rest: "件(見込み)" });
    assert.deepEqual(classifySuffix("人※"), { kind: "junk", rest: "人※" });
    assert.deepEqual(classifySuffix("%達成"), { kind: "junk", rest: "%達成" });
  });
});

test("isUnit refuses long or odd suffixes", () => {
  assert.equal(isUnit("件"), true);
  assert.equal(isUnit("人/日"), true);
  assert.equal(isUnit("とても長い説明の文"), false);
  assert.equal(isUnit("件 件"), false);
});

test("unitScale", () => {
  assert.deepEqual(unitScale("千円"), { base: "円", factor: 1000 });
  assert.deepEqual(unitScale("百万円"), { base: "円", factor: 1_000_000 });
  assert.deepEqual(unitScale("件"), { base: "件", factor: 1 });
});

test("changeWord", () => {
  assert.equal(changeWord("縮減")?.direction, "decrease");
  assert.equal(changeWord("向上")?.direction, "increase");
  assert.equal(changeWord("維持"), undefined);
});
