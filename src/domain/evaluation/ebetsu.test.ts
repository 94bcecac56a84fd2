// 江別市 001 (取組状況一覧, 令和4年度) read through the real value reader and evaluated, R1–R4.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_STAGE_LADDER, readTarget, readValue } from "../values/index.ts";
import { evaluate } from "./evaluate.ts";
import { applyJudgement } from "./judgement.ts";
import { formatChange, STATUS_SYMBOLS } from "./labels.ts";
import { compareTallies, rollUp } from "./rollup.ts";
import type { EvaluationStatus } from "./types.ts";

// name, 初期値 (2017年度 per 000), 目標, R1–R4 as printed, and the expected marks R1–R4.
const ROWS: [string, string, string, string[], string][] = [
  ["SNS等広報媒体のフォロワー数", "1,483", "(R5)6,000", ["5,253", "6,825", "10,602", "26,684"], "○○○○"],
  ["オープンデータの共有", "—", "(R3～)実施", ["検討", "検討", "実施", "実施"], "○○◎◎"],
  ["出前講座開催回数", "97回", "(R5)110回", ["97回", "69回", "74回", "105回"], "△△△△"],
  [
    "市政への市民参加の機会が十分にあると思う市民割合",
    "64.8%",
    "(R5)71.0%",
    ["80.2%", "77.7%", "81.9%", "77.7%"],
    "○○○○",
  ],
  [
    "「協働」によるまちづくりが進んでいると思う市民割合",
    "21.7%",
    "(R5)30.0%",
    ["34.1%", "31.8%", "33.1%", "27.2%"],
    "○○○△",
  ],
  [
    "職員採用手法の改善",
    "—",
    "(R1～)検討・実施",
    ["検討・実施", "検討・実施", "検討・実施", "検討・実施"],
    "◎◎◎◎",
  ],
  ["職員提案数", "13件", "(初期値より)増加", ["7件", "11件", "14件", "10件"], "××◎×"],
  ["育児休業取得率（男性）", "男性6.9%", "(R1～)13%以上", ["15.4%", "36.7%", "38.8%", "52.8%"], "◎◎◎◎"],
  ["育児休業取得率（女性）", "女性100%", "(R1～)100%", ["100%", "100%", "100%", "100%"], "◎◎◎◎"],
  [
    "職員1人当たりの年間時間外勤務時間数",
    "161.2時間",
    "(初期値より)縮減",
    ["149.6時間", "143.0時間", "143.2時間", "157.1時間"],
    "◎◎◎◎",
  ],
  [
    "コミュニケーションが良好で風通しの良い組織だと思う職員割合",
    "70.2%",
    "(R5)77.0%",
    ["70.3%", "68.9%", "69.4%", "64.7%"],
    "△△△△",
  ],
  ["職員数(医療職給料表適用職員を除く)", "806人", "(R1～)検討", ["806人", "806人", "806人", "806人"], "※※※※"],
  ["職員の訓練参加率", "—", "(R5)100%", ["20.2%", "30.5%", "36.9%", "52.7%"], "※※※※"],
  [
    "ふるさと納税の収納額",
    "81,571千円",
    "(R5)90,000千円",
    ["130,515千円", "394,921千円", "282,448千円", "358,336千円"],
    "○○○○",
  ],
  ["市税の収納率", "97.7%", "(初期値より)向上", ["98.1%", "97.8%", "98.3%", "98.3%"], "◎◎◎◎"],
  ["庁内システムのクラウド化の実施", "—", "(R1～)検討・実施", ["実施・完了", "—", "—", "—"], "◎－－－"],
  ["タブレットPC等の導入", "—", "(R1～)検討・実施", ["検討", "検討", "検討", "検討"], "××××"],
  ["行政評価外部評価の効果的な手法の実施", "—", "(R2～)実施", ["検討", "実施", "実施", "実施"], "○◎◎◎"],
  ["市民にとってより便利な窓口サービスのあり方", "—", "(R1～)検討", ["検討", "検討", "検討", "検討"], "◎◎◎◎"],
  ["繁忙期を考慮した人事異動", "—", "(R3～)実施", ["検討", "検討・実施", "検討・実施", "検討・実施"], "○○××"],
  [
    "まちづくり政策にかかる成果指標の目標達成割合",
    "66.7%",
    "(R1～)100%",
    ["87.9%", "86.0%", "77.6%", "71.2%"],
    "××××",
  ],
];

function evaluateRow([, baseline, target, actuals]: (typeof ROWS)[number], fiscalYear: number) {
  return evaluate({
    fiscalYear,
    target: readTarget(target),
    baseline: { ...readValue(baseline), fiscalYear: 2017 },
    actuals: actuals.map((text, i) => ({ ...readValue(text), fiscalYear: 2019 + i })),
    ladder: DEFAULT_STAGE_LADDER,
  });
}

const symbolOf = (s: EvaluationStatus) => STATUS_SYMBOLS[s];
const inYear = (fy: number) => ROWS.map((row) => evaluateRow(row, fy));

describe("江別市 001, R1–R4", () => {
  for (const row of ROWS) {
    test(`${row[0]}: ${row[4]}`, () => {
      const marks = [2019, 2020, 2021, 2022].map((fy) => symbolOf(evaluateRow(row, fy).status)).join("");
      assert.equal(marks, row[4]);
    });
  }

  test("rules print values as the document printed them", () => {
    const overtime = ROWS.find((r) => r[0].startsWith("職員1人当たり"))!;
    assert.equal(evaluateRow(overtime, 2020).rule, "目標 初期値 161.2時間より縮減に対し 143.0時間：達成");
    const men = ROWS.find((r) => r[0] === "育児休業取得率（男性）")!;
    assert.equal(
      evaluateRow(men, 2022).rule,
      "目標 13%以上（令和元年度から毎年度）に対し 52.8%：達成（目標を大きく上回る）",
    );
  });

  test("達成度 of R4 with 増減 against R3", () => {
    const current = rollUp(inYear(2022));
    const previous = rollUp(inYear(2021));
    assert.deepEqual(current.counts, {
      achieved: 8,
      on_track: 3,
      behind: 3,
      not_achieved: 4,
      not_started: 0,
      no_data: 1,
      not_judgeable: 2,
    });
    assert.equal(current.total, ROWS.length);
    assert.deepEqual(
      compareTallies(current, previous).map((r) => `${symbolOf(r.status)}${formatChange(r.change)}`),
      ["◎▲1", "○▲1", "△+1", "×+1", "□±0", "－±0", "※±0"],
    );
  });

  test("a reviewer's judgement changes the count and keeps the computed mark", () => {
    const results = ROWS.map((row) => {
      const r = evaluateRow(row, 2022);
      if (!row[0].startsWith("職員数")) return r;
      return applyJudgement(r, {
        status: "achieved",
        reason: "定員管理計画の範囲内で職員数を維持した",
        by: "行政管理課",
        at: "2023-05-10",
      });
    });
    const tally = rollUp(results);
    const judged = results.find((r) => r.judgement)!;
    assert.equal(tally.counts.achieved, 9);
    assert.equal(tally.counts.not_judgeable, 1);
    assert.equal(judged.computedStatus, "not_judgeable");
  });
});
