/** 集計方法 (target basis) in the workbook: read from 記載, set in its column, written out, refused where it cannot apply. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addRow, edit, sample } from "../../testing/workbook.ts";
import { isAppError } from "../errors.ts";
import { parsePlanDocument, readPlanDocument, walkItems } from "../plan-document/document.ts";
import type { PlanDocument } from "../plan-document/schema.ts";
import { readPlanWorkbook, writePlanWorkbook } from "./index.ts";

const base = sample();
const targetsOf = (doc: PlanDocument, key: string) =>
  [...walkItems(doc.items)].flatMap((w) => w.item.indicators).find((i) => i.key === key)!.targets;

async function withRow(values: Record<string, string | number>) {
  const bytes = await edit(await writePlanWorkbook(base), (wb) => {
    addRow(wb.getWorksheet("初期値・目標")!, { 指標キー: "1-1-1-i1", 区分: "目標", ...values });
  });
  return readPlanWorkbook(bytes, "basis.xlsx", base);
}

describe("target basis in the workbook", () => {
  test("「5年間で累計」 in 記載 with 集計方法 blank: read from the words", async () => {
    const { document } = await withRow({ 記載: "5年間で累計30,000人" });
    const t = targetsOf(parsePlanDocument(document), "1-1-1-i1").at(-1)!;
    assert.deepEqual([t.kind, t.number, t.basis], ["value_by_year", 30000, "period_total"]);
  });

  test("集計方法 set in its column wins, and is written back out", async () => {
    const { document } = await withRow({ 記載: "(R5)20,000", 集計方法: "累計" });
    const doc = parsePlanDocument(document);
    const t = targetsOf(doc, "1-1-1-i1").at(-1)!;
    assert.deepEqual([t.fiscalYear, t.number, t.basis], [2023, 20000, "cumulative"]);
    const again = await readPlanWorkbook(await writePlanWorkbook(doc), "again.xlsx", doc);
    assert.deepStrictEqual(parsePlanDocument(again.document), doc);
  });

  test("累計 on a stage target is refused, naming sheet, row and column", async () => {
    let caught: unknown;
    try {
      await withRow({ 記載: "(R3～)実施", 集計方法: "計画期間の合計" });
    } catch (e) {
      caught = e;
    }
    assert.ok(isAppError(caught, "invalid_document"), String(caught));
    assert.match(
      caught.message,
      /シート「初期値・目標」 \d+行 [A-Z]+列（集計方法）: 累計・計画期間の合計は数値の目標/,
    );
  });
});

describe("the plan's yearly and cumulative rows in the 実績値 sheet (区分)", () => {
  test("rows marked 計画値 and 計画値（累計） become planned values, written back out with their 区分", async () => {
    const bytes = await edit(await writePlanWorkbook(base), (wb) => {
      const ws = wb.getWorksheet("実績値")!;
      addRow(ws, { 指標キー: "1-1-1-i1", 年度: 2023, 記載: "6,000人", 区分: "計画値" });
      addRow(ws, { 指標キー: "1-1-1-i1", 年度: 2023, 記載: "60,000人", 区分: "計画値（累計）" });
    });
    const { document } = await readPlanWorkbook(bytes, "plan.xlsx", base);
    const doc = parsePlanDocument(document);
    const [finding, ...more] = readPlanDocument(document, "plan.xlsx").findings;
    assert.deepEqual(more, []);
    assert.deepEqual(
      [finding!.code, finding!.file, finding!.sheet, finding!.found],
      ["plan.cumulative-mismatch", "plan.xlsx", "実績値", "60,000人"],
    );
    assert.ok(finding!.row! > 1 && finding!.column);
    assert.match(finding!.message, /令和元年度の計画値（単年度）がないため累計を確かめられません/);
    const ind = [...walkItems(doc.items)]
      .flatMap((w) => w.item.indicators)
      .find((i) => i.key === "1-1-1-i1")!;
    assert.deepEqual(
      ind.plannedValues!.map((v) => [v.fiscalYear, v.number, v.cumulative === true]),
      [
        [2023, 6000, false],
        [2023, 60000, true],
      ],
    );
    assert.equal(ind.actuals.length, base.items[0]!.children[0]!.children[0]!.indicators[0]!.actuals.length);
    const again = await readPlanWorkbook(await writePlanWorkbook(doc), "again.xlsx", doc);
    assert.deepStrictEqual(parsePlanDocument(again.document), doc);
  });
});

describe("the target for the plan's total 財政効果額 (計画 sheet)", () => {
  const withTarget = async (cells: Record<string, string>) => {
    const bytes = await edit(await writePlanWorkbook(base), (wb) => {
      const ws = wb.getWorksheet("計画")!;
      const head = ws.getRow(1).values as string[];
      for (const [h, v] of Object.entries(cells)) ws.getRow(2).getCell(head.indexOf(h)).value = v;
    });
    return readPlanWorkbook(bytes, "target.xlsx", base);
  };

  test("read from its words, its 集計方法 column winning, written back out and read again the same", async () => {
    const doc = parsePlanDocument((await withTarget({ 財政効果額の目標: "5年間で累計500百万円" })).document);
    assert.deepEqual(doc.plan.fiscalEffectTarget, {
      text: "5年間で累計500百万円",
      kind: "value_by_year",
      number: 500,
      unit: "百万円",
      basis: "period_total",
    });
    const set = await withTarget({ 財政効果額の目標: "(R5)300,000千円", 財政効果額の目標の集計方法: "累計" });
    const t = parsePlanDocument(set.document).plan.fiscalEffectTarget!;
    assert.deepEqual([t.number, t.unit, t.fiscalYear, t.basis], [300000, "千円", 2023, "cumulative"]);
    const again = await readPlanWorkbook(await writePlanWorkbook(doc), "again.xlsx", doc);
    assert.deepStrictEqual(parsePlanDocument(again.document), doc);
  });

  test("a target that is not an amount in 円・千円・百万円 is refused naming sheet, row and column", async () => {
    for (const [text, message] of [
      ["5年間で累計500万円", /単位は 円・千円・百万円 のどれか/],
      ["5年間で累計500件", /単位は 円・千円・百万円 のどれか/],
      ["(R9)達成", /金額の目標です/],
      ["約500百万円", /金額の目標です/],
    ] as const) {
      await assert.rejects(withTarget({ 財政効果額の目標: text }), (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"), String(e));
        assert.match(e.message, /シート「計画」 2行 [A-Z]+列（財政効果額の目標）/);
        assert.match(e.message, message);
        return true;
      });
    }
  });
});
