/**
 * The 説明 sheet: how to edit the workbook, what each sheet holds, and every column with its machine
 * name. It is a table too (header in row 1), built from the column table, so it always says what the
 * reader does. The reader never reads it.
 */
import { guideSheet as guideSheetOf } from "../workbook/guide.ts";
import { DATA_SHEETS } from "./columns.ts";
import type { SheetData } from "./rows.ts";

/** How the workbook is edited and read back; also in src/core/plan-workbook/README.md. */
export const INSTRUCTIONS: readonly string[] = [
  "このブックは gyokaku の計画（形式 gyokaku.plan-document/1）を表にしたものです。編集して gyokaku に取り込むと、保存されている計画に反映されます。",
  "どのシートも1行目が見出しです。シート名と見出しの文字は変えないでください。列の順番は入れ替えても構いません（見出しで列を探します）。知らない見出しの列は読みません。",
  "見出しが濃い青の列は記録を特定する列で、なくてはなりません。灰色の列（「参考」と付いた列）は読みやすくするためのもので、取り込むときには読みません。",
  "部署キー・項目キー・指標キーで記録を特定します。キーのある行はその記録を更新し、保存されていないキーの行はそのキーで記録を加えます。キーが空欄の行は、同じ親の下に同じ名前の記録があればそれを更新し、なければ新しい記録として加えます（キーは自動で付けます）。同じブックを2回取り込んでも記録は重複しません。",
  "行を加えるには表の下に書き足してください。新しい項目とその子項目を一度に加えるときは、親になる項目に自分で項目キーを付け、子項目の親項目キーにそのキーを書いてください。",
  "シートにない記録は削除されずに残ります。削除するときは「削除」列に「削除」と書いてください。子項目のある項目（子項目も削除する場合を除く）、他から参照されている部署・項目は削除できません。",
  "空欄のセルは「値なし」として読み、その値を消します。列そのものがなければ、保存されている値をそのまま残します。行の並べ替えは保存される順番を変えません。",
  "初期値・目標・実績値は「記載」（書かれたとおりの値）を残し、数値・単位・段階として読みます（26,684 → 数値 26684、81,571千円 → 数値 81571 と単位 千円、検討・実施 → 段階）。記載を書き換えると読み直します。記載が空欄で数値だけあれば、記載は数値と単位から作ります。読めない値は書かれたとおり残し、読めない理由を付けて知らせます。非表示の列（記載（書き出し時）・数値（書き出し時））は、記載と数値のどちらを変えたかを見分けるために使います。変えないでください。",
  "年度は西暦の数で書きます（2022）。令和4年度・R4・2022年度 と書いても読みます。和暦の列は参考です。",
  "一覧の列（階層名・段階・所管部署キー・系列など）は値を「、」で区切ります。値に「、」を含むときはセル内で改行して区切ります。",
  "誤りがあれば、シート・行・列を示して取り込みをやめます（何も保存しません）。",
];

export function guideSheet(): SheetData {
  return guideSheetOf(INSTRUCTIONS, DATA_SHEETS);
}
