/**
 * 江別市 001 (取組状況一覧, 令和4年度) transcribed row by row, each row under the indicator its figures belong
 * to: 001 prints the 年次休暇 figures (10.8日 → 13.3日) on a row labelled 時間外勤務時間数 and the 時間外 figures
 * (161.2時間 …) one row lower; here they are where they belong. For tests of the generated summary.
 */
import type { SummaryModel, SummaryRow } from "../reports/summary.model.ts";

export type Row001 = {
  /** The start of the indicator's name in the sheets (000). */
  name: string;
  series?: string;
  /** The item (取組項目) the indicator belongs to, by its key. */
  item: string;
  baseline: string;
  target: string;
  /** R1–R4 as 001 prints them; R5 is blank in 001. */
  actuals: [string, string, string, string];
};

const four = (v: string): [string, string, string, string] => [v, v, v, v];

export const EBETSU_001: Row001[] = [
  {
    name: "SNS等広報媒体",
    item: "1-1-1",
    baseline: "1,483",
    target: "(R5)6,000",
    actuals: ["5,253", "6,825", "10,602", "26,684"],
  },
  {
    name: "オープンデータの共有",
    item: "1-1-1",
    baseline: "—",
    target: "(R3～)実施",
    actuals: ["検討", "検討", "実施", "実施"],
  },
  {
    name: "出前講座開催回数",
    item: "1-1-1",
    baseline: "97回",
    target: "(R5)110回",
    actuals: ["97回", "69回", "74回", "105回"],
  },
  {
    name: "市政への市民参加の機会",
    item: "1-2-1",
    baseline: "64.8%",
    target: "(R5)71.0%",
    actuals: ["80.2%", "77.7%", "81.9%", "77.7%"],
  },
  {
    name: "「協働」によるまちづくり",
    item: "1-3-1",
    baseline: "21.7%",
    target: "(R5)30.0%",
    actuals: ["34.1%", "31.8%", "33.1%", "27.2%"],
  },
  {
    name: "職員採用手法の改善",
    item: "2-1-1",
    baseline: "—",
    target: "(R1～)検討・実施",
    actuals: four("検討・実施"),
  },
  {
    name: "職員提案数",
    item: "2-2-1",
    baseline: "13件",
    target: "(初期値より)増加",
    actuals: ["7件", "11件", "14件", "10件"],
  },
  {
    name: "キャリアプラン形成支援",
    item: "2-2-2",
    baseline: "—",
    target: "(R1～)検討・実施",
    actuals: four("検討・実施"),
  },
  {
    name: "育児休業取得率",
    series: "男性",
    item: "2-3-1",
    baseline: "男性6.9%",
    target: "(R1～)13%以上",
    actuals: ["15.4%", "36.7%", "38.8%", "52.8%"],
  },
  {
    name: "育児休業取得率",
    series: "女性",
    item: "2-3-1",
    baseline: "女性100%",
    target: "(R1～)100%",
    actuals: four("100%"),
  },
  // 001 line 16: labelled 時間外勤務時間数 under ② 時間外勤務, the figures are 年次休暇平均取得日数's (item ①).
  {
    name: "年次休暇平均取得日数",
    item: "2-3-1",
    baseline: "10.8日",
    target: "(R1～)12日以上",
    actuals: ["11.7日", "12.3日", "12.6日", "13.3日"],
  },
  // 001 line 17: labelled ① コミュニケーション…, the figures are 時間外勤務時間数's (item ②).
  {
    name: "職員1人当たりの年間時間外勤務時間数",
    item: "2-3-2",
    baseline: "161.2時間",
    target: "(初期値より)縮減",
    actuals: ["149.6時間", "143.0時間", "143.2時間", "157.1時間"],
  },
  {
    name: "コミュニケーションが良好",
    item: "2-4-1",
    baseline: "70.2%",
    target: "(R5)77.0%",
    actuals: ["70.3%", "68.9%", "69.4%", "64.7%"],
  },
  {
    name: "職員派遣などを実施した件数",
    item: "2-5-1",
    baseline: "3件",
    target: "(初期値より)増加",
    actuals: ["7件", "7件", "10件", "11件"],
  },
  // R3: 001 prints 検討・実施, the sheet (000 line 136) 実施; the reader keeps the sheet's value and reports it.
  {
    name: "繁忙期を考慮した人事異動",
    item: "2-5-2",
    baseline: "—",
    target: "(R3～)実施",
    actuals: ["検討", "検討・実施", "検討・実施", "検討・実施"],
  },
  {
    name: "職員数(医療職給料表適用職員を除く)",
    item: "2-6-1",
    baseline: "806人",
    target: "(R1～)検討",
    actuals: four("806人"),
  },
  {
    name: "職員の訓練参加率",
    item: "2-7-1",
    baseline: "—",
    target: "(R5)100%",
    actuals: ["20.2%", "30.5%", "36.9%", "52.7%"],
  },
  {
    name: "業務の外部委託化",
    item: "2-8-1",
    baseline: "—",
    target: "(R1～)検討・実施",
    actuals: ["検討・実施", "検討・実施", "検討", "検討・実施"],
  },
  {
    name: "未利用市有地の効果的な売却",
    item: "3-1-1",
    baseline: "—",
    target: "(R1～)検討・実施",
    actuals: four("検討・実施"),
  },
  {
    name: "ふるさと納税の収納額",
    item: "3-1-2",
    baseline: "81,571千円",
    target: "(R5)90,000千円",
    actuals: ["130,515千円", "394,921千円", "282,448千円", "358,336千円"],
  },
  {
    name: "市税の収納率",
    item: "3-1-2",
    baseline: "97.7%",
    target: "(初期値より)向上",
    actuals: ["98.1%", "97.8%", "98.3%", "98.3%"],
  },
  {
    name: "各公共施設等における個別の施設計画数",
    item: "3-2-1",
    baseline: "5件",
    target: "(初期値より)増加",
    actuals: ["6件", "13件", "13件", "14件"],
  },
  {
    name: "まちづくり政策にかかる成果指標の目標達成割合",
    item: "3-3-1",
    baseline: "66.7%",
    target: "(R1～)100%",
    actuals: ["87.9%", "86.0%", "77.6%", "71.2%"],
  },
  {
    name: "計画的に成果が上がっている事務事業の割合",
    item: "3-3-1",
    baseline: "92.9%",
    target: "(R1～)100%",
    actuals: ["85.6%", "61.4%", "65.6%", "83.2%"],
  },
  {
    name: "庁内システムのクラウド化の実施",
    item: "3-3-2",
    baseline: "—",
    target: "(R1～)検討・実施",
    actuals: ["実施・完了", "—", "—", "—"],
  },
  {
    name: "タブレットPC等の導入",
    item: "3-3-3",
    baseline: "—",
    target: "(R1～)検討・実施",
    actuals: four("検討"),
  },
  {
    name: "全庁的に共有されている各種資料等",
    item: "3-3-3",
    baseline: "—",
    target: "(R1～)検討・実施",
    actuals: four("検討・実施"),
  },
  {
    name: "行政評価外部評価の効果的な手法の実施",
    item: "3-4-1",
    baseline: "—",
    target: "(R2～)実施",
    actuals: ["検討", "実施", "実施", "実施"],
  },
  {
    name: "新たな広域連携の形成と連携事業の実施",
    item: "3-5-1",
    baseline: "—",
    target: "(R1～)検討・実施",
    actuals: four("検討・実施"),
  },
  {
    name: "市民にとってより便利な窓口サービスのあり方",
    item: "3-6-1",
    baseline: "—",
    target: "(R1～)検討",
    actuals: four("検討"),
  },
];

/** The one cell where 001 and the sheets disagree and the sheets' value is shown: [row name, year index, shown]. */
export const SHEETS_WIN: [string, number, string] = ["繁忙期を考慮した人事異動", 2, "実施"];

/** A generated row as 001 prints it: the series written before the baseline (男性6.9%). */
export function asPrinted(row: SummaryRow): { baseline: string; target: string; actuals: string[] } {
  return {
    baseline: `${row.seriesLabel ?? ""}${row.baseline.text}`,
    target: row.target,
    actuals: row.actuals.map((a) => a.text),
  };
}

export function findRow(model: SummaryModel, expected: Row001): SummaryRow | undefined {
  return model.rows.find((r) => r.indicator.startsWith(expected.name) && r.seriesLabel === expected.series);
}
