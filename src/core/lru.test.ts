import assert from "node:assert/strict";
import { test } from "node:test";
import { deepFreeze, Lru } from "./lru.ts";

test("the least recently used entry goes first; deleteWhere forgets by key", () => {
  const lru = new Lru<string, number>(2);
  lru.set("a", 1);
  lru.set("b", 2);
  assert.equal(lru.get("a"), 1); // a is now the most recently used
  lru.set("c", 3);
  assert.equal(lru.get("b"), undefined);
  assert.deepEqual([lru.get("a"), lru.get("c")], [1, 3]);
  lru.deleteWhere((k) => k === "a");
  assert.equal(lru.size, 1);
});

test("a deep-frozen value throws on any change, however deep", () => {
  const v = deepFreeze({
    items: [{ title: "a", children: [{ title: "b" }] }],
    byYear: new Map([[2021, { n: 1 }]]),
  });
  assert.throws(() => {
    (v.items[0]!.children[0] as { title: string }).title = "x";
  }, TypeError);
  assert.throws(() => (v.items as unknown[]).push(1), TypeError);
  assert.throws(() => {
    (v.byYear.get(2021) as { n: number }).n = 2;
  }, TypeError);
});

test("with weigh, the least recently used entries go until the total weight fits", () => {
  const lru = new Lru<string, string>(10, { weigh: (s) => s.length, maxWeight: 5 });
  lru.set("a", "xx");
  lru.set("b", "yy");
  assert.equal(lru.weight, 4);
  lru.set("c", "zzz");
  assert.deepEqual([lru.get("a"), lru.get("b"), lru.get("c")], [undefined, "yy", "zzz"]);
  assert.equal(lru.weight, 5);
  lru.set("b", "y"); // replaced: its old weight is gone
  assert.equal(lru.weight, 4);
  lru.set("big", "123456"); // heavier than the bound alone: not kept
  assert.equal(lru.size, 0);
  assert.equal(lru.weight, 0);
});
