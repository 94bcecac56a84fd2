/**
 * The 説明 sheet: how to edit the workbook, what each sheet holds, and every column with its machine
 * name. It is a table too (header in row 1), built from the column tables, so it always says what the
 * reader does. The reader never reads it.
 */
import type { ColumnDef, RowData, SheetData, SheetDef } from "./types.ts";

export const GUIDE_SHEET_NAME = "説明";

const GUIDE_DEF: SheetDef = {
  name: GUIDE_SHEET_NAME,
  about: "このブックの使い方",
  columns: [
    { id: "section", header: "区分", type: "text", width: 8, help: "" },
    { id: "sheet", header: "シート", type: "text", width: 14, help: "" },
    { id: "header", header: "見出し", type: "text", width: 18, help: "" },
    { id: "id", header: "機械名", type: "text", width: 22, help: "" },
    { id: "required", header: "必須", type: "text", width: 6, help: "" },
    { id: "reading", header: "読み方", type: "text", width: 22, help: "" },
    { id: "help", header: "説明", type: "text", width: 90, help: "" },
  ],
};

const READING: Record<ColumnDef["type"], string> = {
  key: "キー（文字）",
  text: "文章（書かれたとおり）",
  list: "一覧（「、」区切り）",
  number: "数値",
  count: "人数（0以上の整数）",
  positive: "数（1以上の整数）",
  decimal: "数値（小数可、0以上）",
  year: "年度（西暦）",
  date: "日付（YYYY-MM-DD）",
  choice: "選択",
  derived: "参考（読みません）",
};

/** The 説明 sheet of a workbook: numbered instructions, then every sheet and column. */
export function guideSheet(instructions: readonly string[], sheets: readonly SheetDef[]): SheetData {
  const rows: RowData[] = instructions.map((text, i) => ({ section: "使い方", help: `${i + 1}. ${text}` }));
  for (const sheet of sheets) {
    rows.push({ section: "シート", sheet: sheet.name, help: sheet.about });
    for (const c of sheet.columns) {
      rows.push({
        section: "列",
        sheet: sheet.name,
        header: c.header,
        id: c.id,
        required: c.required ? "○" : undefined,
        reading: c.hidden
          ? "非表示（読みます）"
          : c.choices
            ? `選択（${c.choices.map((x) => x.label).join("・")}）`
            : READING[c.type],
        help: c.help,
      });
    }
  }
  return { def: GUIDE_DEF, rows };
}
