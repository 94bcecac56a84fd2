// The fiscal_effects open-data table on the guide's example: one row per item, year and kind, the amount as
// written and in 千円, no actual after the published year, blank (not 0) when not reported.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { PlanDocumentInput } from "../../core/plan-document/schema.ts";
import { testPublication } from "../../testing/publication.ts";
import { repoRoot } from "../../testing/seeds.ts";
import { tableCsv } from "./opendata.service.ts";
import { buildTables, TABLES } from "./tables.ts";

const input = JSON.parse(
  readFileSync(join(repoRoot, "docs/examples/fiscal-effect.json"), "utf8"),
) as PlanDocumentInput;

test("fiscal_effects: amounts as written and in 千円, actuals up to the published year only", () => {
  const p = testPublication({ input, fiscalYear: 2024 });
  const rows = buildTables(p).fiscal_effects;
  for (const r of rows) TABLES.fiscal_effects.schema.parse(r);
  assert.equal(rows.length, 12);
  const of = (item: string, fy: number) => rows.find((r) => r.itemKey === item && r.fiscalYear === fy)!;
  assert.deepEqual(
    [
      of("1-1", 2023).planned,
      of("1-1", 2023).actual,
      of("1-1", 2023).unit,
      of("1-1", 2023).actualThousandYen,
    ],
    [30, 32.5, "百万円", 32_500],
  );
  assert.equal(of("1-1", 2023).kind, "歳出削減");
  assert.deepEqual(
    [of("2-1", 2025).planned, of("2-1", 2025).actual],
    [30_000, null],
    "FY2025 not published yet",
  );
  assert.deepEqual([of("2-2", 2025).plannedThousandYen, of("2-2", 2025).kind], [4_500, "歳入確保"]);
  assert.equal(of("1-2", 2024).note, "旧第二公民館の廃止による維持管理費");

  const csv = tableCsv(p, "fiscal_effects")
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n");
  assert.match(
    csv[0]!,
    /^全国地方公共団体コード,.*,年度,年度（和暦）,種別,計画額,実績額,単位,計画額（千円）,実績額（千円）,備考$/,
  );
  assert.ok(
    csv.some((l) => l.includes(",令和7年度,歳出削減,50,,百万円,50000,,")),
    "a missing actual is a blank cell",
  );
});
