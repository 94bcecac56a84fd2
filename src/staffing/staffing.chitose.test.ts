/** 千歳市's 図表4 as the staffing pages show it: totals computed from the units read from the seed (003_). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseStaffingDocument } from "../core/staffing-document/index.ts";
import { readChitoseStaffing } from "../importers/import.service.ts";
import { readSeed, seedsSkip } from "../testing/seeds.ts";
import { headcountView } from "./staffing.reports.ts";

const skip = seedsSkip("003_");

describe("千歳市 staffing tables from the seed (003_)", { skip }, () => {
  const seed = readSeed("003_");
  const doc = seed
    ? parseStaffingDocument(readChitoseStaffing("003.txt", seed.text).document, "003.txt")
    : null;

  test("1 April 2025: 市長部局 533 and 一般職 1,104 are computed from the units, with 定数 1,061", () => {
    const v = headcountView(doc!);
    const y = v.years.indexOf(2025);
    assert.equal(v.rows.find((r) => r.key === "市長部局")!.values[y], 533);
    assert.equal(v.total.values[y], 1104);
    assert.equal(v.total.quota, 1061);
    assert.equal(v.rows.find((r) => r.key === "市長部局")!.quota, 483);
    assert.deepEqual(v.years, [2005, 2010, 2013, 2015, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    assert.equal(v.ceiling?.value, 1092);
    assert.equal(v.counted?.value, 1066);
  });
});
