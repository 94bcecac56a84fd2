/**
 * The sheets of the staffing template (定数管理テンプレート), described once for the workbook engine
 * (src/core/workbook): the writer and the reader both use these tables, so what is written can always be
 * read. Column ids are the staffing document's field names. 職員数 is wide (one column per fiscal year,
 * as 図表4), so its year columns are added to its description when it is written or read.
 */
import { BREAKDOWN_LABELS, breakdownCategories } from "../core/staffing-document/index.ts";
import type { Choice, ColumnDef, SheetDef } from "../core/workbook/index.ts";
import { NATIONAL_SECTOR_SCHEME } from "../domain/staffing/index.ts";

const SECTOR_NAMES = NATIONAL_SECTOR_SCHEME.sectors.map((s) => s.name);

export const CLASS_CHOICES: readonly Choice[] = [
  { value: "general", label: "一般職" },
  { value: "special", label: "特別職" },
];
export const PEER_KIND_CHOICES: readonly Choice[] = [
  { value: "ruiji-shokuin-city", label: "一般市" },
  { value: "ruiji-shokuin-town", label: "町村" },
];
export const HEADCOUNT_CHOICES: readonly Choice[] = [
  { value: "headcount", label: "職員数" },
  ...breakdownCategories.map((c) => ({ value: c, label: BREAKDOWN_LABELS[c] })),
];
export const MEASURE_CHOICES: readonly Choice[] = [
  { value: "headcount", label: "職員数" },
  { value: "quota", label: "定数" },
  { value: "ceiling", label: "定数上限" },
];
export const PLAN_ROW_CHOICES: readonly Choice[] = [
  { value: "base", label: "基準" },
  { value: "target", label: "目標" },
];
export const ROLE_CHOICES: readonly Choice[] = [
  { value: "member", label: "団体" },
  { value: "self", label: "自団体" },
  { value: "group", label: "類型合計" },
];

type Extra = Partial<Omit<ColumnDef, "id" | "header" | "type">>;
const col = (header: string, id: string, type: ColumnDef["type"], extra: Extra = {}): ColumnDef => ({
  header,
  id,
  type,
  width: 10,
  help: "",
  ...extra,
});
const year = (extra: Extra = {}) =>
  col("年度", "fiscalYear", "year", { required: true, help: "西暦の年度（2025 = 令和7年度）", ...extra });

export const SHEETS = {
  document: {
    name: "団体",
    about: "団体コード（6桁）と団体名、表題、出典。1行に1項目。",
    columns: [
      col("項目", "item", "text", {
        required: true,
        width: 16,
        help: "団体コード・団体名・表題・部門の体系・出典",
      }),
      col("値", "value", "text", { width: 60, help: "項目の値" }),
    ],
  },
  units: {
    name: "組織",
    about:
      "部局・部・課などを1行ずつ。上位キーで階層を表します。一般職で下位組織のない組織には、必ず部門（国の定員管理調査の16部門）を選んでください。",
    columns: [
      col("キー", "key", "key", {
        required: true,
        width: 18,
        help: "組織を特定する文字（職員数・定数が参照します）",
      }),
      col("名称", "name", "text", { required: true, width: 18, help: "組織の名称" }),
      col("上位キー", "parent", "key", { width: 16, help: "上位組織のキー" }),
      col("種別", "kind", "text", { help: "部局・部・課・委員会など" }),
      col("部門", "sector", "text", { width: 12, suggestions: SECTOR_NAMES, help: "定員管理調査の部門" }),
      col("職員区分", "staffClass", "choice", { choices: CLASS_CHOICES, help: "空欄は一般職" }),
      col("備考", "note", "text", { width: 20, help: "表に添える注記（病院除く など）" }),
    ],
  },
  quotas: {
    name: "定数",
    about: "条例定数。下位組織に定数がない場合だけ、上位組織に入力します。",
    columns: [
      col("キー", "unit", "key", { required: true, width: 18, help: "組織のキー" }),
      col("名称", "name", "derived", { width: 18, help: "参考（読みません）" }),
      year(),
      col("定数", "quota", "count", { required: true, help: "条例定数" }),
    ],
  },
  printed: {
    name: "資料の合計",
    about: "元の資料に印刷されていた合計（確認用。計算した合計と違えば指摘します）と定数の上限。",
    columns: [
      col("キー", "unit", "key", { required: true, width: 18, help: "組織のキー" }),
      col("名称", "name", "derived", { width: 18, help: "参考（読みません）" }),
      year(),
      col("種類", "measure", "choice", { required: true, choices: MEASURE_CHOICES, help: "合計の種類" }),
      col("値", "value", "count", { required: true, help: "印刷されていた値" }),
      col("表記", "label", "text", { width: 24, help: "資料の行の表記" }),
    ],
  },
  populations: {
    name: "人口",
    about: "職員数と比べる人口（住民基本台帳人口など）と基準日。",
    columns: [
      year(),
      col("人口", "population", "positive", { required: true, width: 12, help: "人" }),
      col("基準日", "asOf", "date", { width: 12, help: "YYYY-MM-DD" }),
      col("種別", "basis", "text", { width: 18, help: "住民基本台帳人口・国勢調査人口 など" }),
    ],
  },
  peerGroups: {
    name: "類似団体の条件",
    about: "診断表・類似団体比較の年度ごとの条件（類型、調査の基準日、人口）。",
    columns: [
      year(),
      col("団体区分", "kind", "choice", { required: true, choices: PEER_KIND_CHOICES, help: "一般市・町村" }),
      col("類型", "group", "text", { required: true, help: "II-3 など" }),
      col("団体数", "members", "positive", { help: "類型の団体数" }),
      col("基準日", "baseDate", "date", { required: true, width: 12, help: "調査の基準日" }),
      col("資料名", "title", "text", { width: 40, help: "類似団体別職員数の状況 など" }),
      col("人口", "population", "positive", { width: 12, help: "診断表に使う人口" }),
      col("人口基準日", "populationAsOf", "date", { width: 12, help: "YYYY-MM-DD" }),
    ],
  },
  diagnosis: {
    name: "診断表",
    about:
      "定員管理診断表。部門ごとの類似団体の平均（人口1万人当たり）か、推計職員数を入力します。「普通会計計」「一般行政計」の行には類型の平均を入力できます。",
    columns: [
      year(),
      col("部門", "sector", "text", { required: true, width: 14, help: "部門または小計の名称" }),
      col("前年職員数", "previous", "count", { help: "A: 前年の職員数" }),
      col("職員数", "current", "count", { help: "B: 当年の職員数" }),
      col("単純値 人口1万人当たり", "simplePer10k", "decimal", { width: 12, help: "類似団体の単純値" }),
      col("単純値 推計職員数", "simpleEstimate", "count", { width: 12, help: "印刷された推計職員数" }),
      col("修正値 人口1万人当たり", "correctedPer10k", "decimal", { width: 12, help: "類似団体の修正値" }),
      col("修正値 推計職員数", "correctedEstimate", "count", { width: 12, help: "印刷された推計職員数" }),
    ],
  },
  peers: {
    name: "類似団体",
    about:
      "類似団体との比較（住基人口、普通会計・一般行政部門の職員数）。区分「類型合計」の行は類型全体の合計です。",
    columns: [
      year(),
      col("区分", "role", "choice", {
        required: true,
        choices: ROLE_CHOICES,
        help: "団体・自団体・類型合計",
      }),
      col("都道府県", "prefecture", "text", { help: "都道府県名" }),
      col("団体名", "name", "text", { width: 14, help: "団体名" }),
      col("住基人口", "population", "positive", { required: true, width: 12, help: "人" }),
      col("普通会計職員数", "ordinaryAccount", "count", { required: true, help: "人" }),
      col("一般行政部門職員数", "generalAdministration", "count", { help: "人" }),
    ],
  },
  classifications: {
    name: "類型の判定",
    about: "人口と産業別就業者数（または構成比）から類似団体の類型を判定します。",
    columns: [
      year(),
      col("団体区分", "kind", "choice", { required: true, choices: PEER_KIND_CHOICES, help: "一般市・町村" }),
      col("人口", "population", "positive", { required: true, width: 12, help: "人" }),
      col("人口基準日", "populationAsOf", "date", { width: 12, help: "YYYY-MM-DD" }),
      col("国勢調査年", "censusYear", "year", { help: "産業別就業者数の国勢調査" }),
      col("第1次産業就業者数", "primary", "count", { help: "人" }),
      col("第2次産業就業者数", "secondary", "count", { help: "人" }),
      col("第3次産業就業者数", "tertiary", "count", { help: "人" }),
      col("Ⅱ次・Ⅲ次 %", "secondaryTertiaryPercent", "decimal", { help: "構成比" }),
      col("Ⅲ次 %", "tertiaryPercent", "decimal", { help: "構成比" }),
      col("資料の類型", "printedGroup", "text", { help: "資料が示す類型（確認用）" }),
    ],
  },
  laspeyres: {
    name: "ラスパイレス指数",
    about: "給与水準（国家公務員 = 100）。",
    columns: [
      year(),
      col("指数", "own", "decimal", { required: true, help: "本市の指数" }),
      col("類似団体平均", "peerAverage", "decimal", { help: "類似団体の平均" }),
      col("全国平均", "nationalAverage", "decimal", { help: "全国の平均" }),
      col("全国平均の名称", "nationalLabel", "text", { width: 14, help: "全国市平均・全国町村平均" }),
    ],
  },
  cohorts: {
    name: "年齢構成",
    about: "生年度（4月2日～翌年4月1日生まれ）ごとの職員数。退職者の見通しに使います。",
    columns: [
      col("生年度", "birthFiscalYear", "year", { required: true, help: "西暦の年度" }),
      col("人数", "count", "count", { help: "在職している人数" }),
      col("表記", "label", "text", { width: 16, help: "資料の表記のまま（昭和38年生まれ）" }),
      col("記載の最終年度", "printedUntil", "year", { help: "資料が年齢を書いている最後の年度" }),
    ],
  },
  hiring: {
    name: "採用計画",
    about: "年度ごとの採用予定数とその他の退職者の見込み。",
    columns: [
      year(),
      col("採用数", "hires", "count", { required: true, help: "4月1日に採用する人数" }),
      col("その他の退職者数", "otherLeavers", "count", { width: 14, help: "定年以外の退職者の見込み" }),
    ],
  },
  plan: {
    name: "定員適正化計画",
    about:
      "定員適正化計画の基準年度の職員数（種類「基準」）と年度ごとの目標の職員数（種類「目標」）。対象が空欄の行は全体（一般職の合計）、組織のキーや部門名を書くとその組織・部門の計画です。計画名と計画期間はシート「団体」に書きます。",
    columns: [
      col("対象", "scope", "key", { width: 16, help: "空欄は全体。組織のキーか部門名" }),
      year(),
      col("種類", "kind", "choice", { required: true, choices: PLAN_ROW_CHOICES, help: "基準・目標" }),
      col("職員数", "headcount", "count", { required: true, help: "基準年度の職員数、または目標の職員数" }),
    ],
  },
  movements: {
    name: "退職・採用",
    about:
      "年度ごとの退職者数（その年度中に退職した人数。年度末の定年退職を含む）と採用者数（その年度の4月1日に採用した人数）。職員数(N) = 職員数(N−1) − 退職者数(N−1) + 採用者数(N) と合わない年度は指摘します。",
    columns: [
      year(),
      col("退職者数", "leavers", "count", { help: "その年度中の退職者" }),
      col("採用者数", "hires", "count", { help: "その年度4月1日の採用者" }),
    ],
  },
} satisfies Record<string, SheetDef>;

export const HEADCOUNT_SHEET = "職員数";

/** Items of the 団体 sheet that name the 定員適正化計画 and its period. */
export const PLAN_ITEMS = {
  title: "定員適正化計画",
  from: "計画期間の初年度",
  to: "計画期間の最終年度",
} as const;

/** The fixed columns of 職員数; the year columns follow them. */
export const HEADCOUNT_COLUMNS: readonly ColumnDef[] = [
  col("キー", "key", "key", { required: true, width: 18, help: "組織のキー" }),
  col("名称", "name", "derived", { width: 18, help: "参考（読みません）" }),
  col("区分", "category", "choice", {
    width: 26,
    choices: HEADCOUNT_CHOICES,
    help: "職員数、または内数（うち派遣職員 など）",
  }),
  col("表記", "label", "text", { width: 18, help: "資料の行の表記" }),
];

/** 職員数 with one count column per fiscal year ("2025年度"). */
export function headcountSheet(years: readonly number[]): SheetDef {
  return {
    name: HEADCOUNT_SHEET,
    about:
      "4月1日現在の職員数。組織ごと・年度ごと（列）。合計や小計は入力しません（gyokaku が下位組織から計算します）。区分が「うち派遣職員」などの行は内数です。",
    columns: [
      ...HEADCOUNT_COLUMNS,
      ...years.map((y) => col(`${y}年度`, String(y), "count", { width: 9, help: `${y}年度の職員数` })),
    ],
  };
}

/** A header of 職員数 that names a fiscal year: "2025年度" or "2025". */
export function yearOfHeader(header: string): number | undefined {
  const m = /^(\d{4})(年度)?$/.exec(header.normalize("NFKC").trim());
  return m ? Number(m[1]) : undefined;
}

export const INSTRUCTIONS: readonly string[] = [
  "このブックは gyokaku の定数管理の文書（形式 gyokaku.staffing-document/1）を表にしたものです。編集して gyokaku に取り込むと、その団体の定数管理のデータを置き換えます。",
  "どのシートも1行目が見出しです。シート名と見出しの文字は変えないでください。列の順番は入れ替えても構いません（見出しで列を探します）。",
  "1セルに1つの値を、数値は単位を付けずに入力してください。年度は西暦（2025 = 令和7年度）です。",
  "合計や小計は入力しません（gyokaku が下位組織から計算します）。資料に印刷されていた合計は「資料の合計」に入れると、計算した合計と照合します。",
  "負の数、数値でない人数、部門のない組織、0の人口は取り込めません（シート・行・列を示してお知らせします）。誤りがあれば何も保存しません。",
];
