import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  cohortLabel,
  cohortsRetiringIn,
  fiscalYearsWithoutRetirees,
  projectHeadcount,
  retirementAge,
  retirementFiscalYear,
  retirementTable,
} from "./retirement.ts";

describe("the retirement-age rule", () => {
  test("61 in FY2023–24, 62 in FY2025–26, 63 in FY2027–28, 64 in FY2029–30, 65 from FY2031", () => {
    const ages = [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2040].map(retirementAge);
    assert.deepEqual(ages, [60, 61, 61, 62, 62, 63, 63, 64, 64, 65, 65]);
  });

  test("retirement at the end of the fiscal year in which the age is reached", () => {
    assert.equal(retirementFiscalYear(1962), 2022, "60 in FY2022, still the old age");
    assert.equal(retirementFiscalYear(1963), 2024, "昭和38年度生まれ: 61 in FY2024");
    assert.equal(retirementFiscalYear(1964), 2026, "昭和39年度生まれ: 62 in FY2026");
    assert.equal(retirementFiscalYear(1965), 2028);
    assert.equal(retirementFiscalYear(1966), 2030);
    assert.equal(retirementFiscalYear(1967), 2032);
    assert.equal(retirementFiscalYear(1968), 2033);
    assert.equal(retirementFiscalYear(1969), 2034);
  });

  test("fiscal years without retirees: FY2025 is one (千歳市 令和7年度)", () => {
    assert.deepEqual(fiscalYearsWithoutRetirees(2022, 2035), [2023, 2025, 2027, 2029, 2031]);
    assert.deepEqual(cohortsRetiringIn(2025), []);
    assert.deepEqual(cohortsRetiringIn(2026), [1964]);
  });

  test("cohort labels are school-year cohorts", () => {
    assert.equal(cohortLabel(1963), "昭和38年度生まれ");
  });
});

describe("the table of ages and retirement years (図表6)", () => {
  const table = retirementTable([1963, 1964, 1965, 1969], 2023, 2035);

  test("昭和38年度生まれ: 60 in R5, 61 in R6 (定年延長) and retires", () => {
    const [r] = table;
    assert.deepEqual(
      r!.cells.map((c) => [c.fiscalYear, c.age, c.extended, c.retires]),
      [
        [2023, 60, false, false],
        [2024, 61, true, true],
      ],
    );
    assert.equal(r!.retirementAge, 61);
  });

  test("昭和39年度生まれ: 59, 60, 61 (定年延長), 62 (定年延長, retires in R8)", () => {
    assert.deepEqual(
      table[1]!.cells.map((c) => `${c.age}${c.extended ? "延" : ""}${c.retires ? "退" : ""}`),
      ["59", "60", "61延", "62延退"],
    );
  });

  test("rows stop at the retirement year; a late cohort runs to the end of the range", () => {
    assert.equal(table[2]!.cells.at(-1)!.fiscalYear, 2028);
    assert.equal(table[2]!.retirementAge, 63);
    assert.equal(table[3]!.cells.at(-1)!.fiscalYear, 2034);
    assert.equal(table[3]!.cells.at(-1)!.age, 65);
  });
});

describe("projectHeadcount", () => {
  test("retirees leave at the end of their year, hires join on 1 April", () => {
    const rows = projectHeadcount({
      startFiscalYear: 2025,
      startHeadcount: 1104,
      cohorts: [
        { birthFiscalYear: 1964, count: 20 },
        { birthFiscalYear: 1965, count: 25 },
      ],
      hiring: [
        { fiscalYear: 2025, hires: 99 }, // already in the start headcount: ignored
        { fiscalYear: 2026, hires: 10 },
        { fiscalYear: 2027, hires: 15 },
        { fiscalYear: 2029, hires: 30 },
      ],
      otherLeavers: [{ fiscalYear: 2026, count: 5 }],
      toFiscalYear: 2029,
    });
    assert.deepEqual(
      rows.map((r) => [r.fiscalYear, r.hires, r.headcount, r.retirees, r.otherLeavers, r.yearEnd]),
      [
        [2025, 0, 1104, 0, 0, 1104],
        [2026, 10, 1114, 20, 5, 1089],
        [2027, 15, 1104, 0, 0, 1104],
        [2028, 0, 1104, 25, 0, 1079],
        [2029, 30, 1109, 0, 0, 1109],
      ],
    );
  });
});
