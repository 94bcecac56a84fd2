import assert from "node:assert/strict";
import { test } from "node:test";
import { isNoValueMark, normalizeCell, sameAsMark, toHalfWidth } from "./normalize.ts";

test("toHalfWidth folds full-width ASCII only", () => {
  assert.equal(toHalfWidth("１２３，４５６．７％"), "123,456.7%");
  assert.equal(toHalfWidth("（Ｒ５）"), "(R5)");
  assert.equal(toHalfWidth("㎡①Ⅱ"), "㎡①Ⅱ");
});

test("normalizeCell folds spacing", () => {
  assert.equal(normalizeCell("\t2,273,760\u3000人\n"), "2,273,760 人");
});

test("no-value marks", () => {
  for (const s of ["—", "-", "－", "―", "ー", "--", "/", "／", "−"])
    assert.equal(isNoValueMark(toHalfWidth(s)), true, s);
  for (const s of ["▲", "△", "0", "なし"]) assert.equal(isNoValueMark(s), false, s);
});

test("same-as marks", () => {
  assert.equal(sameAsMark("同左"), "left");
  assert.equal(sameAsMark("同上"), "above");
  assert.equal(sameAsMark("同じ"), undefined);
});
