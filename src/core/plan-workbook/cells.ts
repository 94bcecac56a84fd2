/**
 * How the plan's own cells are written and read: 出典 (source) and 名称の履歴 (name history) as short
 * Japanese phrases. What any workbook's cells need (raw values, lists, numbers) is in src/core/workbook.
 */
import type { Source } from "../plan-document/schema.ts";

export {
  decimalsOf,
  formatNumber,
  joinList,
  LIST_SEPARATOR,
  numberFormat,
  type Raw,
  rawOf,
  splitList,
} from "../workbook/cells.ts";

/**
 * 出典 as a phrase a person can read and the reader can take apart again:
 * `a.txt 9行目` (a line of a text file), `b.xlsx シート「実績値」 5行 H列` (a cell of a workbook).
 */
export function formatSource(s: Source): string {
  return [
    s.file,
    s.line === undefined ? "" : ` ${s.line}行目`,
    s.sheet === undefined ? "" : ` シート「${s.sheet}」`,
    s.row === undefined ? "" : ` ${s.row}行`,
    s.column === undefined ? "" : ` ${s.column}列`,
  ].join("");
}

const SOURCE = /^(.*?)(?: (\d+)行目)?(?: シート「([^」]*)」)?(?: (\d+)行)?(?: (\S+)列)?$/s;

export function parseSource(text: string): Source {
  const m = SOURCE.exec(text.trim());
  if (!m || m[1] === "") return { file: text.trim() };
  return {
    file: m[1]!,
    ...(m[2] === undefined ? {} : { line: Number(m[2]) }),
    ...(m[3] === undefined ? {} : { sheet: m[3] }),
    ...(m[4] === undefined ? {} : { row: Number(m[4]) }),
    ...(m[5] === undefined ? {} : { column: m[5] }),
  };
}

/** One entry of 名称の履歴: `庶務課（2015年度～）`. */
export function formatNameEntry(n: { name: string; validFrom: number }): string {
  return `${n.name}（${n.validFrom}年度～）`;
}

/** `庶務課（2015年度～）` → name and the year text (read by the caller); null when not in that form. */
export function splitNameEntry(entry: string): { name: string; year: string } | null {
  const m = /^(.*\S)\s*[（(]([^（）()]*)[）)]$/.exec(entry.trim());
  if (!m) return null;
  return { name: m[1]!, year: m[2]!.replace(/\s*[～~〜]\s*$/, "").trim() };
}
