import assert from "node:assert/strict";
import { test } from "node:test";
import { findSector, findSectorTotal, NATIONAL_SECTOR_SCHEME, sectorsOf } from "./sectors.ts";

test("the 16 national 部門, kept as data", () => {
  assert.equal(NATIONAL_SECTOR_SCHEME.sectors.length, 16);
  assert.deepEqual(
    NATIONAL_SECTOR_SCHEME.sectors.filter((s) => s.account === "公営企業等会計").map((s) => s.name),
    ["病院", "水道", "下水道", "交通", "その他"],
  );
  assert.deepEqual(
    NATIONAL_SECTOR_SCHEME.sectors.filter((s) => s.welfare).map((s) => s.name),
    ["民生", "衛生"],
  );
});

test("labels as documents print them", () => {
  assert.equal(findSector(NATIONAL_SECTOR_SCHEME, "総 務 ・ 企 画")?.name, "総務・企画");
  assert.equal(findSector(NATIONAL_SECTOR_SCHEME, "総務・ 企画")?.name, "総務・企画");
  assert.equal(findSector(NATIONAL_SECTOR_SCHEME, "そ の 他")?.name, "その他");
  assert.equal(findSector(NATIONAL_SECTOR_SCHEME, "警察"), null);
  assert.equal(findSectorTotal(NATIONAL_SECTOR_SCHEME, "普通会計")?.name, "普通会計計");
  assert.equal(findSectorTotal(NATIONAL_SECTOR_SCHEME, "一般行政部門")?.name, "一般行政計");
});

test("subtotals cover their sectors", () => {
  assert.equal(sectorsOf(NATIONAL_SECTOR_SCHEME, "普通会計計").length, 11);
  assert.equal(sectorsOf(NATIONAL_SECTOR_SCHEME, "合計").length, 16);
  assert.equal(NATIONAL_SECTOR_SCHEME.layout.length, 20);
});
