/** The workbook path refuses impossible actuals with the same rule as a save in the round (issue 12.1). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type ExcelJS from "exceljs";
import { edit, rowWhere, sample, set } from "../../testing/workbook.ts";
import { isAppError } from "../errors.ts";
import { readPlanWorkbook, writePlanWorkbook } from "./index.ts";

const base = sample();

async function withActual(key: string, year: number, text: string, number?: number) {
  return edit(await writePlanWorkbook(base), (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet("実績値")!;
    const r = rowWhere(ws, { 指標キー: key, 年度: year });
    set(ws, r, "記載", text);
    set(ws, r, "数値", number ?? null);
  });
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readPlanWorkbook(bytes, "r.xlsx", base);
  } catch (e) {
    assert.ok(isAppError(e, "invalid_document"), String(e));
    return e.message;
  }
  assert.fail("expected a refusal");
}

describe("plausibility of actuals in the workbook", () => {
  test("a negative headcount is refused, naming the row and the reason", async () => {
    const m = await refusal(await withActual("1-1-1-i1", 2020, "-5", -5));
    assert.match(m, /シート「実績値」 \d+行 .*マイナスの値は入力できません/);
  });
  test("full-width ▲ and a fraction of 人 are refused too", async () => {
    assert.match(await refusal(await withActual("1-1-1-i1", 2020, "▲５", -5)), /マイナス/);
    assert.match(await refusal(await withActual("1-1-1-i1", 2020, "12.5", 12.5)), /整数で入力/);
  });
  test("100% passes, 100.1% is refused", async () => {
    const ok = await readPlanWorkbook(await withActual("2-1-1-i1", 2019, "100%", 100), "ok.xlsx", base);
    assert.ok(ok);
    assert.match(await refusal(await withActual("2-1-1-i1", 2019, "100.1%", 100.1)), /上限（100%）/);
  });
  test("0 and an unchanged sheet pass", async () => {
    await readPlanWorkbook(await withActual("1-1-1-i1", 2020, "0", 0), "ok.xlsx", base);
    await readPlanWorkbook(await writePlanWorkbook(base), "ok.xlsx", base);
  });
});
