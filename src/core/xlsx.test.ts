/** Worksheet names from any title: the probe's 500 for a truncated name ending in an apostrophe. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { newWorkbook, sheetName } from "./xlsx.ts";

test("a title cut at 28 characters right after an apostrophe makes a name that does not end in one", () => {
  const title = `${"あ".repeat(27)}'いう`;
  const name = sheetName(title, new Set());
  assert.equal(name, "あ".repeat(27));
  assert.equal(sheetName("'引用'", new Set()), "引用");
  assert.equal(sheetName("History", new Set()), "Sheet history");
  assert.equal(sheetName("''", new Set()), "Sheet");
  const used = new Set(["計画"]);
  assert.equal(sheetName("計画", used), "計画(2)");
  assert.equal(sheetName("ABC", new Set(["abc"])), "ABC(2)", "Excel compares names ignoring case");
  assert.equal(sheetName(`${"😀".repeat(20)}`, new Set()).length, 28, "no surrogate pair is cut in half");
});

test("every name sheetName makes is one exceljs writes and reads back (property)", async () => {
  const titles = fc.sample(
    fc.array(fc.string({ unit: "binary", maxLength: 40 }), { minLength: 1, maxLength: 8 }),
    {
      numRuns: 30,
      seed: 17,
    },
  );
  for (const list of titles) {
    const wb = await newWorkbook();
    const used = new Set<string>();
    for (const t of list) {
      const name = sheetName(t, used);
      assert.ok(name.length >= 1 && name.length <= 31, JSON.stringify(name));
      assert.doesNotMatch(name, /^'|'$|[[\]:*?/\\]/);
      wb.addWorksheet(name);
    }
    const back = await newWorkbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    assert.deepEqual(
      back.worksheets.map((w) => w.name),
      [...used],
    );
  }
});
