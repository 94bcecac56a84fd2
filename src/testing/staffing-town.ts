/**
 * 架空町 (a made-up town, code 019992) with a 定員適正化計画: base year 2020 (200 staff), six yearly targets
 * 2021–2026, actual headcounts 2020–2025 (2023 deliberately missing), leavers and hires, and a diagnosis
 * against a made-up 類型 table. The expected figures are worked out by hand in the tests.
 */
import { STAFFING_DOCUMENT_FORMAT, type StaffingDocumentInput } from "../core/staffing-document/index.ts";

/** Actual general staff on 1 April: 総務課 + 建設課 + 消防. 2023 has no figure. */
const ACTUALS: Record<number, [number, number, number]> = {
  2020: [80, 60, 60],
  2021: [79, 59, 60],
  2022: [78, 58, 60],
  2024: [76, 56, 59],
  2025: [75, 55, 59],
};

export function madeUpTownDocument(): StaffingDocumentInput {
  const units = ["総務課", "建設課", "消防"] as const;
  return {
    format: STAFFING_DOCUMENT_FORMAT,
    municipality: { code: "019992", name: "架空町" },
    title: "架空町 定員管理",
    units: [
      { key: "町長", name: "町長", staffClass: "special" },
      { key: "総務課", name: "総務課", sector: "総務・企画" },
      { key: "建設課", name: "建設課", sector: "土木" },
      { key: "消防", name: "消防", sector: "消防" },
    ],
    headcounts: [
      ...Object.entries(ACTUALS).flatMap(([fy, counts]) =>
        units.map((unit, i) => ({ unit, fiscalYear: Number(fy), count: counts[i]! })),
      ),
      { unit: "町長", fiscalYear: 2025, count: 1 },
    ],
    populations: [{ fiscalYear: 2025, population: 12_500, asOf: "2025-01-01", basis: "住民基本台帳人口" }],
    staffingPlan: {
      title: "第2次架空町定員適正化計画",
      baseFiscalYear: 2020,
      fromFiscalYear: 2021,
      toFiscalYear: 2026,
      lines: [
        {
          baseHeadcount: 200,
          targets: [
            { fiscalYear: 2021, headcount: 198 },
            { fiscalYear: 2022, headcount: 196 },
            { fiscalYear: 2023, headcount: 194 },
            { fiscalYear: 2024, headcount: 192 },
            { fiscalYear: 2025, headcount: 190 },
            { fiscalYear: 2026, headcount: 188 },
          ],
        },
        {
          scope: "総務・企画",
          baseHeadcount: 80,
          targets: [
            { fiscalYear: 2021, headcount: 79 },
            { fiscalYear: 2022, headcount: 78 },
            { fiscalYear: 2023, headcount: 77 },
            { fiscalYear: 2024, headcount: 76 },
            { fiscalYear: 2025, headcount: 76 },
            { fiscalYear: 2026, headcount: 75 },
          ],
        },
      ],
    },
    // 2021: 200 − 8 + 6 = 198 ✓; 2022: 198 − 9 + 7 = 196 ✓; 2025: 191 − 6 + 5 = 190, printed 189 → finding.
    movements: [
      { fiscalYear: 2020, leavers: 8 },
      { fiscalYear: 2021, leavers: 9, hires: 6 },
      { fiscalYear: 2022, hires: 7 },
      { fiscalYear: 2024, leavers: 6 },
      { fiscalYear: 2025, hires: 5 },
    ],
    diagnoses: [
      {
        fiscalYear: 2025,
        population: 12_500,
        populationAsOf: "2025-01-01",
        peerGroup: { scheme: "ruiji-shokuin-town", group: "IV-1", members: 40, baseDate: "2025-04-01" },
        averages: [{ total: "普通会計計", simplePer10k: 120.4 }],
        rows: [
          { sector: "総務・企画", previous: 76, current: 75, simple: { per10k: 52 } },
          { sector: "土木", previous: 56, current: 55, simple: { per10k: 40.8 } },
          { sector: "消防", current: 59, simple: { per10k: 30 } },
        ],
      },
    ],
  };
}

/**
 * A made-up 類似団体別職員数 table for the 町村 類型 IV-1 in 2025 (架空町's 類型), shared by every town of that
 * 類型. Expected for 架空町 2025 (population 12,500): 総務・企画 52 × 1.25 = 65, 75 − 65 = 10, 13.3 %;
 * 修正値 55 × 1.25 = 68.75 → 69, 6, 8.0 %; 土木 40.8 × 1.25 = 51, 4, 7.3 %; 消防 30 × 1.25 = 37.5 → 38, 21,
 * 35.6 %; 一般行政計 95 × 1.25 = 118.75 → 119, 130 − 119 = 11, 8.5 %; 普通会計計 120.4 × 1.25 = 150.5 → 151,
 * 38, 20.1 %.
 */
export function madeUpPeerTable(): Record<string, unknown> {
  return {
    format: "gyokaku.peer-table/1",
    scheme: "ruiji-shokuin-town",
    group: "Ⅳ－１",
    fiscalYear: 2025,
    baseDate: "2025-04-01",
    members: 40,
    title: "架空の類似団体別職員数の状況（令和7年4月1日現在）",
    rows: [
      { sector: "総務・企画", simplePer10k: 52, correctedPer10k: 55 },
      { sector: "土木", simplePer10k: 40.8 },
      { sector: "消防", simplePer10k: 30 },
    ],
    averages: [
      { total: "一般行政", simplePer10k: 95 },
      { total: "普通会計", simplePer10k: 120.4 },
    ],
  };
}

/**
 * 架空町 without a diagnosis table of its own: its 類型 is set (IV-1), so the shared table gives its diagnosis
 * from its headcounts and population alone. `code` and `name` give another town of the same 類型.
 */
export function madeUpTownWithoutDiagnosis(code = "019992", name = "架空町"): StaffingDocumentInput {
  const doc = madeUpTownDocument();
  return {
    ...doc,
    municipality: { code, name },
    diagnoses: [],
    peerGroup: { scheme: "ruiji-shokuin-town", group: "IV-1" },
  };
}
