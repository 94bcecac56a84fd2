/** Plan documents for tests: small, synthetic, covering every feature of the format. */
import type { PlanDocumentInput } from "../core/plan-document/schema.ts";
import { PLAN_DOCUMENT_FORMAT } from "../core/plan-document/schema.ts";

export function samplePlanDocument(overrides: Partial<PlanDocumentInput["plan"]> = {}): PlanDocumentInput {
  return {
    format: PLAN_DOCUMENT_FORMAT,
    municipality: { code: "012173", name: "江別市" },
    plan: {
      key: "sample",
      title: "テスト行政改革計画",
      periodStart: 2019,
      periodEnd: 2023,
      levels: ["基本目標", "取組方針", "取組項目"],
      stages: ["検討", "実施", "充実"],
      sources: ["factory"],
      ...overrides,
    },
    departments: [
      { key: "総務部", name: "総務部", kind: "部" },
      {
        key: "総務部/総務課",
        name: "総務課",
        kind: "課",
        parent: "総務部",
        names: [
          { name: "庶務課", validFrom: 2015 },
          { name: "総務課", validFrom: 2020 },
        ],
      },
      { key: "職員課", name: "職員課", kind: "課" },
    ],
    items: [
      {
        key: "1",
        number: "1",
        title: "市民参加と協働",
        texts: { 現状と課題: "課題の例" },
        children: [
          {
            key: "1-1",
            number: "(1)",
            title: "情報共有",
            children: [
              {
                key: "1-1-1",
                number: "①",
                title: "双方向の情報共有",
                description: "説明",
                departments: ["総務部/総務課"],
                indicators: [
                  {
                    key: "1-1-1-i1",
                    number: "①",
                    name: "フォロワー数",
                    unit: "人",
                    departments: ["総務部/総務課"],
                    baselines: [{ text: "1,483", kind: "number", number: 1483, fiscalYear: 2017 }],
                    targets: [{ text: "(R5)6,000", kind: "value_by_year", number: 6000, fiscalYear: 2023 }],
                    actuals: [
                      {
                        fiscalYear: 2019,
                        text: "5,253",
                        kind: "number",
                        number: 5253,
                        source: { file: "a.txt", line: 9 },
                      },
                      { fiscalYear: 2020, text: "6,825", kind: "number", number: 6825 },
                      { fiscalYear: 2021, text: "約一万", kind: "text", unreadable: "数値として読めません" },
                    ],
                  },
                  {
                    key: "1-1-1-i2",
                    name: "オープンデータ",
                    stages: ["検討", "実施"],
                    targets: [
                      { text: "(R1～)検討", kind: "stage", stage: "検討", fromFiscalYear: 2019 },
                      { text: "(R3～)実施", kind: "stage", stage: "実施", fromFiscalYear: 2021 },
                    ],
                    actuals: [{ fiscalYear: 2021, text: "実施", kind: "stage", stage: "実施" }],
                  },
                ],
                progress: [
                  { fiscalYear: 2022, narrative: "運用を開始した", nextYearPlan: "拡充する", status: "実施" },
                ],
              },
            ],
          },
        ],
      },
      {
        key: "2",
        number: "2",
        title: "職員",
        children: [
          {
            key: "2-1",
            number: "(1)",
            title: "働き方",
            children: [
              {
                key: "2-1-1",
                number: "①",
                title: "育児休業",
                departments: ["職員課", "総務部/総務課"],
                indicators: [
                  {
                    key: "2-1-1-i1",
                    name: "育児休業取得率",
                    unit: "%",
                    series: ["男性", "女性"],
                    baselines: [
                      { series: "男性", text: "男性6.9%", kind: "number", number: 6.9, unit: "%" },
                      { series: "女性", text: "女性100%", kind: "number", number: 100, unit: "%" },
                    ],
                    targets: [
                      {
                        series: "男性",
                        text: "(R1～)13%以上",
                        kind: "floor",
                        number: 13,
                        unit: "%",
                        fromFiscalYear: 2019,
                      },
                      {
                        series: "女性",
                        text: "(R1～)100%",
                        kind: "floor",
                        number: 100,
                        unit: "%",
                        fromFiscalYear: 2019,
                      },
                    ],
                    actuals: [
                      {
                        series: "男性",
                        fiscalYear: 2019,
                        text: "15.4%",
                        kind: "number",
                        number: 15.4,
                        unit: "%",
                      },
                      {
                        series: "女性",
                        fiscalYear: 2019,
                        text: "100%",
                        kind: "number",
                        number: 100,
                        unit: "%",
                      },
                    ],
                  },
                  {
                    key: "2-1-1-i2",
                    name: "時間外勤務時間数",
                    targets: [{ text: "(初期値より)縮減", kind: "direction", direction: "decrease" }],
                  },
                  {
                    key: "2-1-1-i3",
                    name: "窓口待ち時間",
                    targets: [
                      {
                        text: "10%増 (2023年度比)",
                        kind: "relative",
                        direction: "increase",
                        relativeToFiscalYear: 2023,
                        change: { amount: 10, unit: "%" },
                      },
                    ],
                  },
                ],
                activities: [
                  { fiscalYear: 2025, yearLabel: "R7", kind: "plan", status: "実施", text: "・研修" },
                  { fiscalYear: 2028, yearLabel: "R10以降", kind: "plan", status: "継続実施", text: "同左" },
                  { fiscalYear: 2024, kind: "result", status: "一部実施", text: "・試行" },
                ],
              },
              {
                key: "2-1-2",
                number: "②",
                title: "育児休業（再掲）",
                crossListingOf: "2-1-1",
                attributes: { 手法: "フォアキャスト" },
              },
            ],
          },
        ],
      },
    ],
  };
}
