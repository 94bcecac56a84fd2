import assert from "node:assert/strict";
import { test } from "node:test";
import { parseStaffingDocument } from "../core/staffing-document/index.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { navYears, nearestYear } from "./staffing.nav-years.ts";

test("the nearest year: the year itself, else the nearest, the earlier of two as near", () => {
  assert.equal(nearestYear([2020, 2024], 2024), 2024);
  assert.equal(nearestYear([2020, 2024], 2025), 2024);
  assert.equal(nearestYear([2020, 2024], 2022), 2020);
  assert.equal(nearestYear([2024], 2019), 2024);
  assert.equal(nearestYear([], 2024), undefined);
});

test("the tabs carry a year their page has; a page without a year gives the tabs none", () => {
  const doc = parseStaffingDocument(sampleStaffingDocument()); // headcounts 2024–2025, diagnosis 2024
  assert.deepEqual(navYears(doc, 2025), { headcount: 2025, diagnosis: 2024, retirement: 2025 });
  assert.deepEqual(navYears(doc, 2030), { headcount: 2025, diagnosis: 2024, retirement: 2030 });
  assert.deepEqual(navYears(doc, undefined), {});
});
