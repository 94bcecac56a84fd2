import assert from "node:assert/strict";
import { test } from "node:test";
import { pageCount, pageOf, pagePart, SHEETS_PER_PAGE } from "./sheet-pages.ts";

const model = (n: number) => ({
  sheets: Array.from({ length: n }, (_, i) => ({ key: `item-${i}`, indicators: [{ key: `ind-${i}` }] })),
});

test("333 sheets make 17 pages of 20; the last holds the rest", () => {
  const m = model(333) as never;
  assert.equal(SHEETS_PER_PAGE, 20);
  assert.equal(pageCount(m), 17);
  assert.deepEqual(pagePart(m, 1), { from: 0, to: 20 });
  assert.deepEqual(pagePart(m, 17), { from: 320, to: 333 });
  assert.deepEqual(pagePart(m, "all"), { from: 0, to: 333 });
});

test("a page beyond the last shows the last; a plan without sheets has one (empty) page", () => {
  assert.deepEqual(pagePart(model(45) as never, 9), { from: 40, to: 45 });
  assert.equal(pageCount(model(0) as never), 1);
  assert.deepEqual(pagePart(model(0) as never, 1), { from: 0, to: 0 });
});

test("the page of an item or of an indicator's sheet", () => {
  const m = model(333) as never;
  assert.equal(pageOf(m, { item: "item-0" }), 1);
  assert.equal(pageOf(m, { item: "item-20" }), 2);
  assert.equal(pageOf(m, { indicator: "ind-332" }), 17);
  assert.equal(pageOf(m, { indicator: "missing" }), 1);
});
