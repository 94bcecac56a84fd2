/**
 * The sheets of the plan workbook and their columns. This one table drives the writer (headers, widths,
 * number formats, drop-down lists), the reader (columns found by header, cells read by type) and the
 * 説明 sheet, so that the two directions cannot drift apart.
 *
 * Headers are Japanese and stay in row 1; each column also has a stable machine name (`id`) that the
 * 説明 sheet lists and that the reader accepts in place of the Japanese header.
 */

import type { SheetDef } from "../workbook/types.ts";
import {
  ACTIVITY_KINDS,
  deleteColumn,
  derived,
  ITEM_TEXT_SECTIONS,
  itemTitle,
  key,
  sourceColumn,
  wareki,
} from "./column-parts.ts";
import { FISCAL_EFFECTS_SHEET } from "./fiscal-effects-sheet.ts";
import { ACTUALS_SHEET, TARGETS_SHEET } from "./value-sheets.ts";

export type { Choice, ColumnDef, ColumnType, SheetDef } from "../workbook/types.ts";
export {
  ACTIVITY_KINDS,
  DELETE_MARK,
  DIRECTIONS,
  ITEM_TEXT_SECTIONS,
  ROLES,
  TARGET_KINDS,
  VALUE_KINDS,
} from "./column-parts.ts";
export { ACTUALS_SHEET, TARGETS_SHEET } from "./value-sheets.ts";

import { effectTargetColumns } from "./effect-target-column.ts";

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
    ...effectTargetColumns,
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
