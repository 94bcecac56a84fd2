/**
 * The sheets of the plan workbook and their columns. This one table drives the writer (headers, widths,
 * number formats, drop-down lists), the reader (columns found by header, cells read by type) and the
 * 説明 sheet, so that the two directions cannot drift apart.
 *
 * Headers are Japanese and stay in row 1; each column also has a stable machine name (`id`) that the
 * 説明 sheet lists and that the reader accepts in place of the Japanese header.
 */

import type { Choice, ColumnDef, SheetDef } from "../workbook/types.ts";
import { basisColumn, valueRoleColumn } from "./basis-column.ts";
import { FISCAL_EFFECTS_SHEET } from "./fiscal-effects-sheet.ts";

export type { Choice, ColumnDef, ColumnType, SheetDef } from "../workbook/types.ts";

/** 削除: a mark, so that a record is removed only when asked for; a row missing from the sheet is kept. */
export const DELETE_MARK = "削除";
const deleteColumn: ColumnDef = {
  id: "delete",
  header: "削除",
  type: "choice",
  width: 7,
  choices: [{ value: "delete", label: DELETE_MARK }],
  help: "「削除」と書いた行の記録を削除します。行を消しても記録は削除されません。",
};

/** 種類 of a baseline, target or actual: the value kinds and the target kinds of the plan document. */
export const VALUE_KINDS: readonly Choice[] = [
  { value: "number", label: "数値" },
  { value: "stage", label: "段階" },
  { value: "text", label: "文章" },
  { value: "empty", label: "空欄" },
];
export const TARGET_KINDS: readonly Choice[] = [
  { value: "value_by_year", label: "年度までの値" },
  { value: "floor", label: "下限" },
  { value: "ceiling", label: "上限" },
  { value: "direction", label: "方向" },
  { value: "relative", label: "相対" },
  { value: "stage", label: "段階" },
  { value: "text", label: "文章" },
];
const ALL_KINDS: readonly Choice[] = [
  ...VALUE_KINDS,
  ...TARGET_KINDS.filter((t) => !VALUE_KINDS.some((v) => v.value === t.value)),
];
export const ROLES: readonly Choice[] = [
  { value: "baseline", label: "初期値" },
  { value: "target", label: "目標" },
];
export const DIRECTIONS: readonly Choice[] = [
  { value: "increase", label: "増加" },
  { value: "decrease", label: "減少" },
];
export const ACTIVITY_KINDS: readonly Choice[] = [
  { value: "plan", label: "計画" },
  { value: "result", label: "実績" },
];
export const ITEM_TEXT_SECTIONS: readonly Choice[] = [
  { value: "text", label: "記述" },
  { value: "attribute", label: "属性" },
];

const key = (id: string, header: string, help: string, required = false): ColumnDef => ({
  id,
  header,
  type: "key",
  width: 16,
  help,
  ...(required ? { required } : {}),
});
const derived = (id: string, header: string, width: number, help: string): ColumnDef => ({
  id,
  header,
  type: "derived",
  width,
  help: `${help}（参考。編集しても読みません）`,
});
const sourceColumn: ColumnDef = {
  id: "source",
  header: "出典",
  type: "text",
  width: 24,
  help: "値がどこから来たか（ファイル名 9行目、ファイル名 シート「実績値」 5行 H列）。保存済みの計画に取り込むときは読みません: 変えた行・加えた行はこのブックのセルが出典になり、ほかの行は保存されている出典のままです。新しい計画として取り込むときは書かれたとおり読みます。",
};
const itemTitle = derived("item_title", "項目名（参考）", 28, "項目キーの項目名");
const indicatorName = derived("indicator_name", "指標名（参考）", 28, "指標キーの指標名");
const seriesColumn: ColumnDef = {
  id: "series",
  header: "系列",
  type: "key",
  width: 8,
  required: true,
  help: "指標の系列（男性・女性など）。系列のない指標では空欄。",
};
const wareki = derived("wareki", "年度（和暦・参考）", 13, "年度の和暦");

/** The value columns shared by 初期値・目標 and 実績値: the text as written beside what was understood. */
const valueColumns = {
  text: {
    id: "text",
    header: "記載",
    type: "text",
    width: 16,
    help: "値を書かれたとおりに（26,684、81,571千円、検討・実施、(R5)6,000）。書き換えると読み直して数値・単位・種類・段階を決めます。",
  },
  number: {
    id: "number",
    header: "数値",
    type: "number",
    width: 12,
    help: "記載を数として読んだ値（単位は単位列）。記載が空欄で数値だけあれば、記載は数値と単位から作ります。",
  },
  unit: { id: "unit", header: "単位", type: "text", width: 8, help: "数値の単位（人、千円、%）。" },
  stage: {
    id: "stage",
    header: "段階",
    type: "text",
    width: 10,
    help: "記載を段階の語として読んだもの（検討、実施など）。",
  },
  unreadable: {
    id: "unreadable",
    header: "読めない理由",
    type: "text",
    width: 24,
    help: "記載を読めなかった理由。読めない値も書かれたとおり残し、印を付けます。",
  },
} as const satisfies Record<string, ColumnDef>;

/**
 * 記載 and 数値 as exported, in hidden columns. They tell the reader which of the two a person changed,
 * so that a changed 数値 rewrites the text, a changed 記載 is read again, and importing the same workbook
 * twice gives the same plan (comparing with the stored plan instead would take a 数値 left stale beside
 * an edited 記載 for an edit, on the second import).
 */
const exportedColumns: ColumnDef[] = [
  {
    id: "exported_text",
    header: "記載（書き出し時）",
    type: "text",
    width: 12,
    hidden: true,
    help: "非表示。書き出したときの記載。変えないでください（行を写すときは一緒に写して構いません）。",
  },
  {
    id: "exported_number",
    header: "数値（書き出し時）",
    type: "number",
    width: 12,
    hidden: true,
    help: "非表示。書き出したときの数値。変えないでください。",
  },
];

export const PLAN_SHEET: SheetDef = {
  name: "計画",
  about:
    "計画そのもの（1行）。団体コードと計画キーで保存先の計画が決まります。1行目の見出しは変えないでください。",
  columns: [
    {
      id: "format",
      header: "形式",
      type: "text",
      width: 26,
      help: "このブックの形式（gyokaku.plan-document/1）。空欄でも構いません。",
    },
    {
      id: "municipality_code",
      header: "団体コード",
      type: "key",
      width: 11,
      required: true,
      help: "全国地方公共団体コード（6桁、検査数字付き。例 012173）。",
    },
    { id: "municipality_name", header: "団体名", type: "text", width: 12, help: "団体の名前（江別市）。" },
    key("plan_key", "計画キー", "計画の識別子（団体の中で一意。例 ebetsu-2018）。", true),
    { id: "title", header: "計画名", type: "text", width: 36, help: "計画の名前。" },
    {
      id: "period_start",
      header: "開始年度",
      type: "year",
      width: 9,
      help: "計画期間の最初の年度（西暦）。",
    },
    { id: "period_end", header: "終了年度", type: "year", width: 9, help: "計画期間の最後の年度（西暦）。" },
    {
      id: "levels",
      header: "階層名",
      type: "list",
      width: 30,
      help: "項目の階層の名前、上から順に「、」で区切って（基本目標、取組方針、取組項目）。",
    },
    {
      id: "stages",
      header: "段階",
      type: "list",
      width: 24,
      help: "計画独自の段階の語、低い順に「、」で区切って（検討、検討・実施、実施）。",
    },
    {
      id: "sources",
      header: "出典ファイル",
      type: "list",
      width: 30,
      help: "計画を読み取ったファイル。",
    },
  ],
};

export const DEPARTMENTS_SHEET: SheetDef = {
  name: "部署",
  about:
    "所管課などの部署。部署キーで記録を特定します。部署キーが空欄の行は、同じ親部署の下に同じ名称の部署があればその部署、なければ新しい部署です。",
  columns: [
    key("key", "部署キー", "部署の識別子。空欄なら名称から作ります。", true),
    { id: "name", header: "名称", type: "text", width: 20, help: "今の名称。" },
    { id: "kind", header: "種別", type: "text", width: 7, help: "局・部・課・室など。" },
    key("parent", "親部署キー", "上位の部署の部署キー。"),
    {
      id: "names",
      header: "名称の履歴",
      type: "list",
      width: 32,
      help: "過去の名称と使い始めた年度を古い順に（庶務課（2015年度～）、総務課（2020年度～））。",
    },
    deleteColumn,
  ],
};

export const ITEMS_SHEET: SheetDef = {
  name: "項目",
  about:
    "計画の項目（基本目標・取組方針・取組項目など）を上から木の順に。項目キーで記録を特定します。項目キーが空欄の行は、同じ親項目の下に同じ項目名があればその項目、なければ新しい項目（キーは自動で付けます）。",
  columns: [
    key(
      "key",
      "項目キー",
      "項目の識別子。空欄なら自動で付けます。子項目を同時に加えるときは自分で付けてください。",
      true,
    ),
    key("parent", "親項目キー", "一つ上の項目の項目キー。空欄は最上位。変えると項目が移ります。", true),
    derived("level", "階層（参考）", 12, "階層名"),
    { id: "number", header: "番号", type: "text", width: 7, help: "書かれたとおりの番号（1、(1)、①、Ⅱ）。" },
    { id: "title", header: "項目名", type: "text", width: 36, help: "項目の名前。" },
    { id: "description", header: "取組内容", type: "text", width: 48, help: "取組内容。" },
    {
      id: "departments",
      header: "所管部署キー",
      type: "list",
      width: 24,
      help: "所管課の部署キーを「、」で区切って。",
    },
    key("cross_listing_of", "再掲元キー", "再掲の項目なら、元の項目の項目キー。"),
    deleteColumn,
  ],
};

export const ITEM_TEXTS_SHEET: SheetDef = {
  name: "項目の記述",
  about:
    "項目の記述（現状と課題、取組効果など）と属性（手法など）を1行に1つ。項目キー・区分・見出しで記録を特定します。",
  columns: [
    key("item_key", "項目キー", "記述・属性をもつ項目の項目キー。", true),
    itemTitle,
    {
      id: "section",
      header: "区分",
      type: "choice",
      width: 7,
      required: true,
      choices: ITEM_TEXT_SECTIONS,
      help: "記述（文章）か属性（短い事実）か。",
    },
    {
      id: "heading",
      header: "見出し",
      type: "key",
      width: 20,
      required: true,
      help: "記述の見出し・属性の名前（現状と課題、手法）。",
    },
    { id: "content", header: "内容", type: "text", width: 60, help: "記述・属性の内容。" },
    deleteColumn,
  ],
};

export const INDICATORS_SHEET: SheetDef = {
  name: "指標",
  about:
    "項目の指標。指標キーで記録を特定します。指標キーが空欄の行は、同じ項目に同じ指標名があればその指標、なければ新しい指標です。",
  columns: [
    key("key", "指標キー", "指標の識別子。空欄なら自動で付けます。", true),
    key("item_key", "項目キー", "指標をもつ項目の項目キー。変えると指標が移ります。", true),
    itemTitle,
    { id: "number", header: "番号", type: "text", width: 6, help: "書かれたとおりの番号（①）。" },
    { id: "name", header: "指標名", type: "text", width: 36, help: "指標の名前。" },
    { id: "unit", header: "単位", type: "text", width: 8, help: "指標の単位（人、%）。" },
    {
      id: "series",
      header: "系列",
      type: "list",
      width: 12,
      help: "系列の名前を「、」で区切って（男性、女性）。",
    },
    {
      id: "departments",
      header: "所管部署キー",
      type: "list",
      width: 20,
      help: "所管課の部署キーを「、」で区切って。",
    },
    {
      id: "stages",
      header: "段階",
      type: "list",
      width: 18,
      help: "この指標が使う段階の語、低い順に（検討、実施）。",
    },
    deleteColumn,
  ],
};

export const TARGETS_SHEET: SheetDef = {
  name: "初期値・目標",
  about:
    "指標の初期値（基準値）と目標を1行に1つ。指標キー・系列・区分で記録を特定し、同じ指標・系列・区分に複数あるときは上から順に対応づけます。",
  columns: [
    key("indicator_key", "指標キー", "値をもつ指標の指標キー。", true),
    indicatorName,
    seriesColumn,
    {
      id: "role",
      header: "区分",
      type: "choice",
      width: 7,
      required: true,
      choices: ROLES,
      help: "初期値か目標か。",
    },
    { ...valueColumns.text, help: `${valueColumns.text.help} 目標は目標として読みます。` },
    {
      id: "kind",
      header: "種類",
      type: "choice",
      width: 12,
      choices: ALL_KINDS,
      help: "読んだ結果の種類。初期値: 数値・段階・文章・空欄。目標: 年度までの値・下限・上限・方向・相対・段階・文章。",
    },
    valueColumns.number,
    valueColumns.unit,
    {
      id: "fiscal_year",
      header: "年度",
      type: "year",
      width: 8,
      help: "初期値の年度、または目標を達成する年度（西暦）。",
    },
    {
      id: "from_fiscal_year",
      header: "開始年度",
      type: "year",
      width: 9,
      help: "下限・上限・段階の目標が毎年かかる最初の年度（(R1～)なら2019）。",
    },
    {
      id: "direction",
      header: "方向",
      type: "choice",
      width: 7,
      choices: DIRECTIONS,
      help: "方向・相対の目標: 増加か減少か（初期値に対して）。",
    },
    {
      id: "relative_to_fiscal_year",
      header: "基準年度",
      type: "year",
      width: 9,
      help: "相対の目標の比較の年度（(2023年度比)なら2023）。",
    },
    {
      id: "change_amount",
      header: "変化量",
      type: "number",
      width: 8,
      help: "相対の目標の変化の大きさ（10%増なら10）。",
    },
    { id: "change_unit", header: "変化の単位", type: "text", width: 9, help: "変化の単位（%、分）。" },
    basisColumn,
    valueColumns.stage,
    valueColumns.unreadable,
    sourceColumn,
    deleteColumn,
    ...exportedColumns,
  ],
};

export const ACTUALS_SHEET: SheetDef = {
  name: "実績値",
  about:
    "指標の実績値を1行に1つ（系列・年度ごと）。指標キー・系列・年度で記録を特定します。同じ指標・系列・年度の行を加えると、その実績値を更新します。",
  columns: [
    key("indicator_key", "指標キー", "値をもつ指標の指標キー。", true),
    indicatorName,
    seriesColumn,
    {
      id: "fiscal_year",
      header: "年度",
      type: "year",
      width: 8,
      required: true,
      help: "実績の年度（西暦。令和4年度・R4 と書いても読みます）。",
    },
    wareki,
    valueColumns.number,
    valueColumns.unit,
    valueColumns.text,
    {
      id: "kind",
      header: "種類",
      type: "choice",
      width: 7,
      choices: VALUE_KINDS,
      help: "読んだ結果の種類: 数値・段階・文章・空欄。",
    },
    valueColumns.stage,
    valueColumns.unreadable,
    sourceColumn,
    deleteColumn,
    valueRoleColumn,
    ...exportedColumns,
  ],
};

export const PROGRESS_SHEET: SheetDef = {
  name: "取組状況",
  about: "項目ごと・年度ごとの取組状況と次年度の取組内容。項目キー・年度で記録を特定します。",
  columns: [
    key("item_key", "項目キー", "取組状況をもつ項目の項目キー。", true),
    itemTitle,
    {
      id: "fiscal_year",
      header: "年度",
      type: "year",
      width: 8,
      required: true,
      help: "報告の年度（西暦）。",
    },
    wareki,
    { id: "narrative", header: "取組状況", type: "text", width: 60, help: "その年度に行ったこと。" },
    { id: "next_year_plan", header: "次年度の取組内容", type: "text", width: 48, help: "次年度の取組内容。" },
    {
      id: "status",
      header: "状況",
      type: "text",
      width: 10,
      suggest: true,
      help: "状況の語を括弧なしで（実施、調査検討）。一覧にない語も書けます。",
    },
    sourceColumn,
    deleteColumn,
  ],
};

export const ACTIVITIES_SHEET: SheetDef = {
  name: "取組計画・実績",
  about:
    "項目ごと・年度ごとの取組計画と実績。項目キー・年度・区分で記録を特定し、同じものが複数あるときは上から順に対応づけます。",
  columns: [
    key("item_key", "項目キー", "取組をもつ項目の項目キー。", true),
    itemTitle,
    {
      id: "fiscal_year",
      header: "年度",
      type: "year",
      width: 8,
      required: true,
      help: "計画・実績の年度（西暦）。",
    },
    {
      id: "year_label",
      header: "年度の表記",
      type: "text",
      width: 11,
      help: "文書での年度の書き方（R10以降）。",
    },
    {
      id: "kind",
      header: "区分",
      type: "choice",
      width: 7,
      required: true,
      choices: ACTIVITY_KINDS,
      help: "計画（取組計画）か実績か。",
    },
    {
      id: "status",
      header: "状況",
      type: "text",
      width: 10,
      suggest: true,
      help: "状況の語を括弧なしで（実施、継続実施、一部実施、調査検討）。",
    },
    { id: "text", header: "内容", type: "text", width: 60, help: "計画・実績の内容。" },
    sourceColumn,
    deleteColumn,
  ],
};

/** The data sheets in workbook order (after 説明). */
export const DATA_SHEETS: readonly SheetDef[] = [
  PLAN_SHEET,
  DEPARTMENTS_SHEET,
  ITEMS_SHEET,
  ITEM_TEXTS_SHEET,
  INDICATORS_SHEET,
  TARGETS_SHEET,
  ACTUALS_SHEET,
  PROGRESS_SHEET,
  ACTIVITIES_SHEET,
  FISCAL_EFFECTS_SHEET,
];

export const GUIDE_SHEET_NAME = "説明";

/** Status words offered in the 状況 drop-downs: Chitose's tags and the stages of the default ladder. */
export const STATUS_SUGGESTIONS = ["検討", "調査検討", "一部実施", "実施", "継続実施", "完了"] as const;
