import assert from "node:assert/strict";
import { test } from "node:test";
import { checkCumulativeRow, type PlanCell } from "./plan-rows.ts";

const cell = (fiscalYear: number, n: number | null, unit = "百万円", text?: string): PlanCell =>
  n === null
    ? { fiscalYear, text: "—", kind: "empty" }
    : { fiscalYear, text: text ?? `${n.toLocaleString("en-US")}${unit}`, kind: "number", number: n, unit };

test("a cumulative row equal to the running sum gives nothing", () => {
  const yearly = [cell(2023, 100), cell(2024, 110), cell(2025, 100)];
  assert.deepEqual(checkCumulativeRow(yearly, [cell(2023, 100), cell(2024, 210), cell(2025, 310)], 2023), []);
});

test("every disagreeing cell is returned with the sum it should be", () => {
  const yearly = [cell(2023, 100), cell(2024, 110), cell(2025, 100)];
  const r = checkCumulativeRow(yearly, [cell(2023, 100), cell(2024, 2100), cell(2025, 3100)], 2023);
  assert.deepEqual(
    r.map((m) => [m.cell.fiscalYear, m.expected]),
    [
      [2024, "210百万円"],
      [2025, "310百万円"],
    ],
  );
  assert.match(
    r[0]!.message,
    /令和6年度の累計の計画値が、単年度の計画値の令和5年度からの合計（210百万円）と合いません/,
  );
});

test("units of account are converted; the sum is rounded as the cell is printed", () => {
  const yearly = [cell(2023, 1200, "千円"), cell(2024, 1, "百万円")];
  assert.deepEqual(checkCumulativeRow(yearly, [cell(2024, 2.2, "百万円", "2.2百万円")], 2023), []);
  const thirds = [cell(2023, 0.33), cell(2024, 0.33), cell(2025, 0.34)];
  assert.deepEqual(checkCumulativeRow(thirds, [cell(2025, 1, "百万円", "1百万円")], 2023), []);
});

test("a missing yearly value or another unit is reported as not checkable, never taken as 0", () => {
  const gap = checkCumulativeRow([cell(2023, 100), cell(2024, null)], [cell(2024, 100)], 2023);
  assert.equal(gap.length, 1);
  assert.equal(gap[0]!.expected, undefined);
  assert.match(gap[0]!.message, /令和6年度の計画値（単年度）がないため/);
  const other = checkCumulativeRow([cell(2023, 100, "件")], [cell(2023, 100)], 2023);
  assert.match(other[0]!.message, /単位（件）が累計の単位（百万円）と違います/);
});
