/**
 * A small synthetic document in the layout of 千歳市 行政改革基本方針, for tests of bad and odd input.
 * Its wording is made up; only the layout (labels, tabs, tags) follows the real document.
 */

export type FixtureItem = {
  number: number;
  title: string;
  departments: string;
  plan: string[];
  past: { year: string; plan: string; result: string }[];
  remarks?: string;
};

export const fixtureItems = (): FixtureItem[] => [
  {
    number: 1,
    title: "試験項目アルファ",
    departments: "甲課、主幹（乙担当）、関係課",
    plan: ["<p><実施></p> <ul> 作業いち 作業に", "<継続実施> ・作業さん", "同左", "<一部実施> 同左"],
    past: [
      { year: "令和6年度", plan: "<実施> ・計画ろく", result: "<実施> ・実績ろく" },
      { year: "令和5年度", plan: "<調査検討> 計画ご", result: "<一部実施> 実績ご" },
      { year: "令和4年度", plan: "<調査検討> 計画よん", result: "<調査検討> 実績よん" },
    ],
    remarks: "<p>備考アルファ</p>",
  },
  {
    number: 2,
    title: "試験項目ベータ",
    departments: "丙課",
    plan: ["<実施> ・ベータいち", "<実施> ・ベータに", "<実施> ・ベータさん", "同左"],
    past: [
      { year: "令和6年度", plan: "<継続実施> 計画B6", result: "<継続実施> 実績B6" },
      { year: "令和5年度", plan: "<継続実施> 計画B5", result: "<継続実施> 実績B5" },
      { year: "令和4年度", plan: "<実施> 計画B4", result: "<実施> 実績B4" },
    ],
    remarks: "備考ベータ",
  },
];

export const PLAN_YEARS = ["令和7年度", "令和8年度", "令和9年度", "令和10年度以降"];

export function itemLines(it: FixtureItem, planYears = PLAN_YEARS): string[] {
  const lines = [
    `事業名\t(${it.number}) ${it.title}\t\t\t継続`,
    `担当課\t${it.departments}`,
    `取組内容\t<p>${it.title}の内容。</p>`,
    `取組計画\t${planYears.join("\t")}`,
    `\t${it.plan.join("\t")}`,
    `取組効果\t・${it.title}の効果`,
    "これまでの取組計画・実績\t区分\t取組計画\t取組実績",
    ...it.past.map((p) => `\t${p.year}\t${p.plan}\t${p.result}`),
  ];
  if (it.remarks !== undefined) lines.push(`備考\t${it.remarks}`);
  return lines;
}

/** The whole document: cover, 2(3) list, a staffing table (section 3), section 5 with the items. */
export function fixtureText(
  items: FixtureItem[] = fixtureItems(),
  opts: { announced?: number } = {},
): string {
  const announced = opts.announced ?? items.length;
  return [
    "",
    "千歳市 行政改革 基本方針",
    "",
    "令和7年度",
    "",
    "(2025年度)",
    "",
    "目 次",
    "5\t令和7年度業務改革の重点推進項目と令和6年度の実施状況\t12",
    "",
    "(3) 重点推進項目",
    "",
    `令和7年度（2025年度）は、次の${announced}事業を重点推進項目とします。`,
    "",
    ...items.flatMap((it) => [`■ ${it.title}`, ""]),
    "※ 詳細は後ろを参照",
    "",
    "3 定数管理",
    "<常勤職員>\t令6 (2024)\t令7 (2025)\t定数",
    "企画部\t10\t11",
    "担当課\t偽の課",
    "担当\t1\t2\t3",
    "\t\t\t",
    "大 部 門\t千歳市の職員数の増減",
    "",
    "5 令和7年度業務改革の重点推進項目と令和6年度の取組状況",
    "",
    ...items.flatMap((it) => [...itemLines(it), ""]),
  ].join("\n");
}
