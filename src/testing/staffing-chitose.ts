/**
 * 千歳市's staffing figures (行政改革基本方針 令和7年度, 図表4 and 図表10) for tests: facts and figures only.
 * Headcounts on 1 April; null where the unit did not exist.
 */
import type { DiagnosisRowInput } from "../domain/staffing/diagnosis.ts";
import type { OrgUnit, UnitFigure } from "../domain/staffing/units.ts";

export const YEARS = [2005, 2010, 2013, 2015, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

export const UNITS: OrgUnit[] = [
  { key: "特別職", name: "特別職", staffClass: "special" },
  { key: "一般職", name: "一般職" },
  { key: "市長部局", name: "市長部局", parent: "一般職" },
  { key: "企画部", name: "企画部", parent: "市長部局", sector: "総務・企画" },
  { key: "総務部", name: "総務部", parent: "市長部局", sector: "総務・企画" },
  { key: "市民環境部", name: "市民環境部", parent: "市長部局", sector: "衛生" },
  { key: "保健福祉部", name: "保健福祉部", parent: "市長部局", sector: "民生" },
  { key: "こども福祉部", name: "こども福祉部", parent: "市長部局", sector: "民生" },
  { key: "産業振興部", name: "産業振興部", parent: "市長部局", sector: "商工" },
  { key: "観光スポーツ部", name: "観光スポーツ部", parent: "市長部局", sector: "商工" },
  { key: "建設部", name: "建設部", parent: "市長部局", sector: "土木" },
  { key: "会計室", name: "会計室", parent: "市長部局", sector: "総務・企画" },
  { key: "病院", name: "病院", parent: "一般職", sector: "病院" },
  { key: "病院事務局", name: "病院事務局", parent: "病院" },
  { key: "病院医療職", name: "病院医療職", parent: "病院" },
  { key: "消防", name: "消防", parent: "一般職", sector: "消防" },
  { key: "公営企業", name: "公営企業", parent: "一般職", sector: "水道" },
  { key: "行政委員会等", name: "行政委員会等", parent: "一般職" },
  { key: "議会事務局", name: "議会事務局", parent: "行政委員会等", sector: "議会" },
  { key: "選挙管理委員会", name: "選挙管理委員会", parent: "行政委員会等", sector: "総務・企画" },
  { key: "監査事務局", name: "監査事務局", parent: "行政委員会等", sector: "総務・企画" },
  { key: "公平委員会", name: "公平委員会", parent: "行政委員会等", sector: "総務・企画" },
  { key: "農業委員会", name: "農業委員会", parent: "行政委員会等", sector: "農林水産" },
  { key: "教育委員会", name: "教育委員会", parent: "行政委員会等", sector: "教育" },
];

const N = null;
/** Leaf units' headcounts, 2005 … 2025 (図表4). */
export const HEADCOUNTS: Record<string, (number | null)[]> = {
  特別職: [6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
  企画部: [33, 35, 32, 41, 42, 50, 48, 45, 52, 63, 67],
  総務部: [92, 94, 91, 95, 102, 86, 84, 86, 91, 91, 94],
  市民環境部: [86, 83, 88, 81, 76, 76, 77, 79, 80, 81, 81],
  保健福祉部: [140, 130, 136, 147, 86, 86, 87, 89, 87, 89, 91],
  こども福祉部: [N, N, N, N, 72, 74, 73, 71, 68, 72, 76],
  産業振興部: [60, 47, 50, 39, 38, 40, 38, 37, 36, 37, 33],
  観光スポーツ部: [N, N, N, 23, 22, 22, 21, 22, 23, 23, 22],
  建設部: [75, 74, 73, 57, 59, 61, 62, 60, 60, 63, 62],
  会計室: [9, 9, 9, 9, 8, 9, 8, 8, 6, 6, 7],
  病院事務局: [21, 15, 14, 14, 15, 16, 16, 16, 16, 15, 15],
  病院医療職: [216, 226, 249, 254, 280, 283, 286, 287, 285, 288, 295],
  消防: [136, 130, 130, 131, 132, 132, 132, 131, 132, 133, 136],
  公営企業: [63, 53, 45, 44, 44, 45, 46, 46, 47, 49, 50],
  議会事務局: [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9],
  選挙管理委員会: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4],
  監査事務局: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
  公平委員会: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  農業委員会: [5, 5, 6, 6, 5, 5, 5, 5, 5, 5, 4],
  教育委員会: [103, 68, 58, 53, 54, 57, 56, 55, 56, 53, 54],
};

/** What 図表4 printed for the groups. */
export const PRINTED: Record<string, number[]> = {
  市長部局: [495, 472, 479, 492, 505, 504, 498, 497, 503, 525, 533],
  病院: [237, 241, 263, 268, 295, 299, 302, 303, 301, 303, 310],
  行政委員会等: [124, 89, 80, 75, 75, 78, 77, 76, 77, 74, 75],
  一般職: [1055, 985, 997, 1010, 1051, 1058, 1055, 1053, 1060, 1084, 1104],
};

/** 定数 (2025): on the group where the parts have none (市長部局), else on the parts. */
export const QUOTAS: Record<string, number> = {
  市長部局: 483,
  病院事務局: 16,
  病院医療職: 298,
  消防: 131,
  公営企業: 50,
  議会事務局: 9,
  選挙管理委員会: 3,
  監査事務局: 4,
  公平委員会: 3,
  農業委員会: 6,
  教育委員会: 58,
};

export function headcountFigures(): UnitFigure[] {
  return Object.entries(HEADCOUNTS).flatMap(([unit, values]) =>
    values.flatMap((v, i) => (v === null ? [] : [{ unit, fiscalYear: YEARS[i]!, value: v }])),
  );
}

export function quotaFigures(): UnitFigure[] {
  return Object.entries(QUOTAS).map(([unit, value]) => ({ unit, fiscalYear: 2025, value }));
}

/** 図表10 inputs: R5.4.1 (A), R6.4.1 (B) and the peers' estimates in persons (単純値, 修正値). */
export const DIAGNOSIS_ROWS: DiagnosisRowInput[] = [
  { sector: "議 会", previous: 9, current: 9, simple: { estimate: 8 }, corrected: { estimate: 8 } },
  {
    sector: "総務・企画",
    previous: 161,
    current: 172,
    simple: { estimate: 153 },
    corrected: { estimate: 153 },
  },
  { sector: "税 務", previous: 28, current: 30, simple: { estimate: 40 }, corrected: { estimate: 41 } },
  { sector: "民 生", previous: 126, current: 128, simple: { estimate: 162 }, corrected: { estimate: 167 } },
  { sector: "衛 生", previous: 74, current: 72, simple: { estimate: 54 }, corrected: { estimate: 67 } },
  { sector: "労 働", previous: 2, current: 2, simple: { estimate: 1 }, corrected: { estimate: 2 } },
  { sector: "農 林 水 産", previous: 20, current: 21, simple: { estimate: 17 }, corrected: { estimate: 23 } },
  { sector: "商 工", previous: 26, current: 25, simple: { estimate: 14 }, corrected: { estimate: 15 } },
  { sector: "土 木", previous: 68, current: 69, simple: { estimate: 61 }, corrected: { estimate: 62 } },
  { sector: "教 育", previous: 57, current: 56, simple: { estimate: 84 }, corrected: { estimate: 60 } },
  { sector: "消 防", previous: 132, current: 133, simple: { estimate: 47 }, corrected: { estimate: 133 } },
  { sector: "病 院", previous: 299, current: 303 },
  { sector: "水 道", previous: 21, current: 22 },
  { sector: "下 水 道", previous: 25, current: 29 },
  { sector: "そ の 他", previous: 27, current: 29 },
];

export const DIAGNOSIS_AVERAGES = [
  { total: "普通会計", simplePer10k: 65.53 },
  { total: "一般行政部門", simplePer10k: 52.13 },
];

export const POPULATION_2024 = 97_999;
