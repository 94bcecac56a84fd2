import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { detectStyle, formatNumberIn, renumber } from "./numbering.ts";

describe("item numbering", () => {
  test("each style, as plans write it", () => {
    assert.deepEqual(renumber("circled", 3), ["①", "②", "③"]);
    assert.equal(formatNumberIn("circled", 21), "㉑");
    assert.equal(formatNumberIn("circled", 50), "㊿");
    assert.deepEqual(renumber("paren", 2), ["(1)", "(2)"]);
    assert.deepEqual(renumber("roman", 4), ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"]);
    assert.equal(formatNumberIn("fullwidth", 12), "１２");
  });

  test("the style of a written number", () => {
    assert.equal(detectStyle("⑤"), "circled");
    assert.equal(detectStyle("(3)"), "paren");
    assert.equal(detectStyle("（３）"), "paren");
    assert.equal(detectStyle("12"), "arabic");
    assert.equal(detectStyle("Ⅱ"), "roman");
    assert.equal(detectStyle("ア"), undefined);
    assert.equal(detectStyle(null), undefined);
  });
});
