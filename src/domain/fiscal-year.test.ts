import assert from "node:assert/strict";
import { test } from "node:test";
import { bothFiscalYear, eraToWestern, fiscalYearOf, shortWareki, warekiFiscalYear } from "./fiscal-year.ts";

test("和暦 of fiscal years, with 元年", () => {
  assert.equal(warekiFiscalYear(2022), "令和4年度");
  assert.equal(warekiFiscalYear(2019), "令和元年度");
  assert.equal(warekiFiscalYear(2018), "平成30年度");
  assert.equal(warekiFiscalYear(2005), "平成17年度");
  assert.equal(warekiFiscalYear(1988), "昭和63年度");
  assert.equal(shortWareki(2028), "R10");
  assert.equal(bothFiscalYear(2017), "2017年度（平成29年度）");
});

test("a fiscal year runs April to March", () => {
  assert.equal(fiscalYearOf(new Date(2023, 2, 31)), 2022);
  assert.equal(fiscalYearOf(new Date(2023, 3, 1)), 2023);
});

test("era years to western years, 平成32 included", () => {
  assert.equal(eraToWestern("令和", 4), 2022);
  assert.equal(eraToWestern("H", 32), 2020);
  assert.equal(eraToWestern("昭和", 60), 1985);
});
