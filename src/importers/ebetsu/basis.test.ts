import assert from "node:assert/strict";
import { test } from "node:test";
import type { Finding } from "../../core/findings.ts";
import { cellTarget } from "./common.ts";

test("a target cell that says 累計 keeps the basis the reader found", () => {
  const findings: Finding[] = [];
  const src = { file: "001.txt", line: 3 };
  const t = cellTarget("(R5)累計6,000", src, "指標", findings)!;
  assert.deepEqual([t.kind, t.number, t.fiscalYear, t.basis], ["value_by_year", 6000, 2023, "cumulative"]);
  assert.equal(cellTarget("(R5)6,000", src, "指標", findings)!.basis, undefined);
  assert.deepEqual(findings, []);
});
