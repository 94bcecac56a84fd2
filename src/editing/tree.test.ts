import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addItem, moveItem, place, type TreeRow } from "./tree.ts";

// 1 ─ 1-1 ─ 1-1-1
//   └ 1-2
// 2 ─ 2-1
const rows: TreeRow[] = [
  { id: "1", parentId: null, position: 0 },
  { id: "1-1", parentId: "1", position: 1 },
  { id: "1-1-1", parentId: "1-1", position: 2 },
  { id: "1-2", parentId: "1", position: 3 },
  { id: "2", parentId: null, position: 4 },
  { id: "2-1", parentId: "2", position: 5 },
];
const order = (placed: { id: string }[]) => placed.map((p) => p.id).join(" ");

describe("plan tree", () => {
  test("place gives pre-order positions and depths", () => {
    const p = place(rows);
    assert.equal(order(p), "1 1-1 1-1-1 1-2 2 2-1");
    assert.deepEqual(
      p.map((x) => x.depth),
      [0, 1, 2, 1, 0, 1],
    );
  });

  test("moving an item takes its subtree along, with new depths", () => {
    const p = moveItem(rows, "1-1", "2", 1);
    assert.equal(order(p), "1 1-2 2 2-1 1-1 1-1-1");
    assert.deepEqual(
      p.find((x) => x.id === "1-1-1"),
      { id: "1-1-1", parentId: "1-1", depth: 2, position: 5 },
    );
    assert.equal(order(moveItem(rows, "1-2", "1", 0)), "1 1-2 1-1 1-1-1 2 2-1", "up among siblings");
    assert.equal(order(moveItem(rows, "2-1", null, 0)), "2-1 1 1-1 1-1-1 1-2 2", "to the top level");
    assert.equal(order(moveItem(rows, "1", null, 99)), "2 2-1 1 1-1 1-1-1 1-2", "index is clamped");
  });

  test("an item cannot move below itself", () => {
    assert.throws(() => moveItem(rows, "1", "1-1-1", 0));
    assert.throws(() => moveItem(rows, "1", "1", 0));
  });

  test("a new item goes last under its parent", () => {
    assert.equal(order(addItem(rows, "new", "1")), "1 1-1 1-1-1 1-2 new 2 2-1");
    assert.equal(order(addItem(rows, "new", null)), "1 1-1 1-1-1 1-2 2 2-1 new");
  });
});
