/** The 財政効果額 sheet: written from the document, read back the same, edited, refused with the cell named. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../../testing/seeds.ts";
import { addRow, col, contents, edit, open, rowWhere, sample, set } from "../../testing/workbook.ts";
import { isAppError } from "../errors.ts";
import { parsePlanDocument } from "../plan-document/document.ts";
import { readPlanWorkbook, writePlanWorkbook } from "./index.ts";

const example = () =>
  parsePlanDocument(JSON.parse(readFileSync(join(repoRoot, "docs/examples/fiscal-effect.json"), "utf8")));

test("the example survives document → workbook → document, new and merged", async () => {
  const doc = example();
  const bytes = await writePlanWorkbook(doc);
  const ws = (await open(bytes)).getWorksheet("財政効果額")!;
  const headers: unknown[] = [];
  ws.getRow(1).eachCell((c) => {
    headers.push(c.value);
  });
  for (const h of ["項目キー", "項目番号（参考）", "年度", "区分", "金額", "単位", "種別", "備考"])
    assert.ok(headers.includes(h), h);
  const r = rowWhere(ws, { 項目キー: "1-1", 年度: 2023, 区分: "実績" });
  assert.equal(ws.getRow(r).getCell(col(ws, "金額")).value, 32.5);
  assert.equal(ws.getRow(r).getCell(col(ws, "単位")).value, "百万円");
  assert.equal(ws.getRow(r).getCell(col(ws, "種別")).value, "歳出削減");
  for (const base of [null, doc]) {
    const read = await readPlanWorkbook(bytes, "plan.xlsx", base);
    assert.deepStrictEqual(parsePlanDocument(read.document), doc);
  }
  const again = await writePlanWorkbook(
    parsePlanDocument((await readPlanWorkbook(bytes, "p.xlsx", doc)).document),
  );
  assert.deepStrictEqual(await contents(again), await contents(bytes));
});

test("a row adds an actual; 削除 removes one; a workbook without the sheet keeps the amounts", async () => {
  const doc = example();
  const bytes = await edit(await writePlanWorkbook(doc), (wb) => {
    const ws = wb.getWorksheet("財政効果額")!;
    addRow(ws, { 項目キー: "1-1", 年度: 2025, 区分: "実績", 金額: 47.2, 単位: "百万円", 種別: "歳出削減" });
    set(ws, rowWhere(ws, { 項目キー: "2-1", 年度: 2024, 区分: "実績" }), "削除", "削除");
  });
  const read = parsePlanDocument((await readPlanWorkbook(bytes, "plan.xlsx", doc)).document);
  const effects = (key: string) =>
    read.items.flatMap((i) => i.children).find((i) => i.key === key)!.fiscalEffects!;
  const fy2025 = effects("1-1").find((e) => e.fiscalYear === 2025)!;
  assert.deepEqual(
    [fy2025.planned, fy2025.actual, fy2025.note],
    [50, 47.2, "実績は決算確定後（令和8年9月）に報告"],
  );
  const fy2024 = effects("2-1").find((e) => e.fiscalYear === 2024)!;
  assert.deepEqual([fy2024.planned, fy2024.actual], [25_000, undefined]);

  const without = await edit(await writePlanWorkbook(doc), (wb) => {
    wb.removeWorksheet(wb.getWorksheet("財政効果額")!.id);
  });
  assert.deepStrictEqual(parsePlanDocument((await readPlanWorkbook(without, "old.xlsx", doc)).document), doc);
});

test("an unknown unit or 種別, a negative amount or text in 金額 is refused naming the sheet, row and column", async () => {
  const bytes = await edit(await writePlanWorkbook(sample()), (wb) => {
    const ws = wb.getWorksheet("財政効果額")!;
    addRow(ws, { 項目キー: "1", 年度: 2020, 区分: "計画", 金額: 5, 単位: "万円", 種別: "歳出削減" });
    addRow(ws, { 項目キー: "1", 年度: 2021, 区分: "計画", 金額: 5, 単位: "千円", 種別: "削減" });
    addRow(ws, { 項目キー: "1", 年度: 2022, 区分: "実績", 金額: -30, 単位: "千円", 種別: "歳出削減" });
    addRow(ws, { 項目キー: "1", 年度: 2022, 区分: "計画", 金額: "三十", 単位: "千円", 種別: "歳出削減" });
  });
  await assert.rejects(readPlanWorkbook(bytes, "bad.xlsx", null), (e: unknown) => {
    assert.ok(isAppError(e, "invalid_document"));
    assert.match(e.message, /財政効果額.*2行.*「万円」は選べません/s);
    assert.match(e.message, /財政効果額.*3行.*「削減」は選べません/s);
    assert.match(e.message, /シート「財政効果額」 4行 [A-Z]+列（金額）: 財政効果額は0以上の金額です/);
    assert.match(e.message, /シート「財政効果額」 5行 [A-Z]+列（金額）/);
    return true;
  });
});
