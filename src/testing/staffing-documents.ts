/** Staffing documents for tests: small, synthetic, covering every part of the format. */
import { STAFFING_DOCUMENT_FORMAT, type StaffingDocumentInput } from "../core/staffing-document/index.ts";

export function sampleStaffingDocument(): StaffingDocumentInput {
  return {
    format: STAFFING_DOCUMENT_FORMAT,
    municipality: { code: "012173", name: "江別市" },
    title: "テスト定数管理",
    sources: ["factory"],
    units: [
      { key: "特別職", name: "特別職", staffClass: "special" },
      { key: "一般職", name: "一般職" },
      { key: "市長部局", name: "市長部局", parent: "一般職", kind: "部局" },
      { key: "総務部", name: "総務部", parent: "市長部局", kind: "部", sector: "総務・企画" },
      { key: "建設部", name: "建設部", parent: "市長部局", kind: "部", sector: "土木" },
      { key: "消防", name: "消防", parent: "一般職", sector: "消防" },
    ],
    headcounts: [
      { unit: "特別職", fiscalYear: 2024, count: 3 },
      { unit: "総務部", fiscalYear: 2024, count: 50 },
      { unit: "総務部", fiscalYear: 2025, count: 52 },
      { unit: "建設部", fiscalYear: 2024, count: 30 },
      { unit: "建設部", fiscalYear: 2025, count: 29 },
      { unit: "消防", fiscalYear: 2024, count: 60 },
      { unit: "消防", fiscalYear: 2025, count: 61 },
    ],
    breakdowns: [
      { unit: "市長部局", fiscalYear: 2025, category: "dispatched", count: 2, label: "うち派遣職員" },
    ],
    quotas: [
      { unit: "市長部局", fiscalYear: 2025, quota: 85 },
      { unit: "消防", fiscalYear: 2025, quota: 60 },
    ],
    quotaCeilings: [{ unit: "一般職", fiscalYear: 2025, value: 149, label: "(3%上限)" }],
    printedTotals: [
      { unit: "市長部局", fiscalYear: 2025, measure: "headcount", value: 81, label: "市長部局" },
      { unit: "一般職", fiscalYear: 2025, measure: "headcount", value: 142, label: "一般職(合計)" },
      { unit: "一般職", fiscalYear: 2025, measure: "quota", value: 145 },
    ],
    populations: [{ fiscalYear: 2024, population: 20_000, asOf: "2024-01-01", basis: "住民基本台帳人口" }],
    diagnoses: [
      {
        fiscalYear: 2024,
        population: 20_000,
        populationAsOf: "2024-01-01",
        peerGroup: { scheme: "ruiji-shokuin-city", group: "I-3", members: 100, baseDate: "2024-04-01" },
        averages: [{ total: "普通会計計", simplePer10k: 60.5 }],
        rows: [
          {
            sector: "総務・企画",
            previous: 48,
            current: 50,
            simple: { per10k: 20.25 },
            corrected: { per10k: 21 },
          },
          { sector: "土木", previous: 31, current: 30, simple: { estimate: 28 } },
          { sector: "消防", previous: 59, current: 60, simple: { per10k: 10 }, corrected: { per10k: 29.5 } },
        ],
        printedTotals: [{ total: "普通会計計", previous: 138, current: 140 }],
      },
    ],
    peerComparisons: [
      {
        fiscalYear: 2024,
        populationAsOf: "2024-01-01",
        peerGroup: { scheme: "ruiji-shokuin-city", group: "I-3", members: 100, baseDate: "2024-04-01" },
        members: [
          {
            prefecture: "北海道",
            name: "江別市",
            self: true,
            population: 20_000,
            ordinaryAccount: 140,
            generalAdministration: 80,
          },
          { prefecture: "北海道", name: "A市", population: 25_000, ordinaryAccount: 150 },
        ],
        group: { population: 2_000_000, ordinaryAccount: 12_100, generalAdministration: 8_000 },
      },
    ],
    classifications: [
      {
        fiscalYear: 2024,
        scheme: "ruiji-shokuin-city",
        population: 20_000,
        censusYear: 2020,
        employed: { primary: 300, secondary: 2_000, tertiary: 7_700 },
        printedGroup: "Ⅰ－３",
      },
    ],
    laspeyres: [
      { fiscalYear: 2023, own: 98.1, peerAverage: 98.4, nationalAverage: 98.7, nationalLabel: "全国市平均" },
      { fiscalYear: 2024, own: 97.2, peerAverage: 98.2, nationalAverage: 98.6, nationalLabel: "全国市平均" },
    ],
    retirement: {
      cohorts: [
        { birthFiscalYear: 1964, count: 4 },
        { birthFiscalYear: 1965, count: 5 },
      ],
      hiring: [
        { fiscalYear: 2026, hires: 3 },
        { fiscalYear: 2027, hires: 4, otherLeavers: 1 },
      ],
    },
  };
}
