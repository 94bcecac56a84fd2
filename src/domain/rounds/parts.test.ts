import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { composeStatus, composeText, itemStateOf, ownerOf, partKeysOf } from "./parts.ts";

describe("the parts of an item", () => {
  test("the parts are the item's departments, then its indicators' (each once)", () => {
    const item = { departments: ["A", "B"], indicators: [{ departments: ["B", "C"] }, { departments: [] }] };
    assert.deepEqual(partKeysOf(item), ["A", "B", "C"]);
    assert.equal(ownerOf(item, item.indicators[0]!, partKeysOf(item)), "B");
    assert.equal(ownerOf(item, item.indicators[1]!, partKeysOf(item)), "A");
    assert.equal(ownerOf({ departments: [] }, { departments: [] }, ["X"]), "X");
  });

  test("the item's state comes from its parts: complete only when every part is approved", () => {
    assert.equal(itemStateOf([]), "not_started");
    assert.equal(itemStateOf(["submitted"]), "submitted");
    assert.equal(itemStateOf(["approved", "approved"]), "approved");
    assert.equal(itemStateOf(["approved", "submitted"]), "submitted");
    assert.equal(itemStateOf(["approved", "not_started"]), "draft");
    assert.equal(itemStateOf(["submitted", "returned"]), "returned");
    assert.equal(itemStateOf(["not_started", "not_started"]), "not_started");
    assert.equal(itemStateOf(["draft", "not_started"]), "draft");
  });

  test("texts: one part's alone, several under their department's names", () => {
    assert.equal(
      composeText([
        { name: "甲課", text: " 実施 " },
        { name: "乙課", text: "" },
      ]),
      "実施",
    );
    assert.equal(
      composeText([
        { name: "甲課", text: "研修" },
        { name: "乙課", text: "試行" },
      ]),
      "【甲課】\n研修\n\n【乙課】\n試行",
    );
    assert.equal(composeText([]), "");
    assert.equal(composeStatus(["実施", "実施", ""]), "実施");
    assert.equal(composeStatus(["実施", "検討"]), "実施・検討");
  });
});
