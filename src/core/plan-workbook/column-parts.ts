/**
 * The building blocks of the plan workbook's columns: the choices of its drop-down lists, key and derived
 * (reference-only) columns, 出典, 削除, and the value columns shared by 初期値・目標 and 実績値.
 */
import type { Choice, ColumnDef } from "../workbook/types.ts";

/** 削除: a mark, so that a record is removed only when asked for; a row missing from the sheet is kept. */
export const DELETE_MARK = "削除";
export const deleteColumn: ColumnDef = {
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
export const ALL_KINDS: readonly Choice[] = [
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

export const key = (id: string, header: string, help: string, required = false): ColumnDef => ({
  id,
  header,
  type: "key",
  width: 16,
  help,
  ...(required ? { required } : {}),
});
export const derived = (id: string, header: string, width: number, help: string): ColumnDef => ({
  id,
  header,
  type: "derived",
  width,
  help: `${help}（参考。編集しても読みません）`,
});
export const sourceColumn: ColumnDef = {
  id: "source",
  header: "出典",
  type: "text",
  width: 24,
  help: "値がどこから来たか（ファイル名 9行目、ファイル名 シート「実績値」 5行 H列）。保存済みの計画に取り込むときは読みません: 変えた行・加えた行はこのブックのセルが出典になり、ほかの行は保存されている出典のままです。新しい計画として取り込むときは書かれたとおり読みます。",
};
export const itemTitle = derived("item_title", "項目名（参考）", 28, "項目キーの項目名");
export const indicatorName = derived("indicator_name", "指標名（参考）", 28, "指標キーの指標名");
export const seriesColumn: ColumnDef = {
  id: "series",
  header: "系列",
  type: "key",
  width: 8,
  required: true,
  help: "指標の系列（男性・女性など）。系列のない指標では空欄。",
};
export const wareki = derived("wareki", "年度（和暦・参考）", 13, "年度の和暦");

/** The value columns shared by 初期値・目標 and 実績値: the text as written beside what was understood. */
export const valueColumns = {
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
export const exportedColumns: ColumnDef[] = [
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
