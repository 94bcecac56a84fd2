/**
 * CSV as Japanese open data needs it: RFC 4180 (CRLF, quotes doubled), header in row 1, UTF-8 with a BOM by
 * default (Excel in Japan opens a CSV without one as Shift_JIS), or Shift_JIS on request — in its Windows
 * form (CP932), which is what Excel reads and which holds ① and Ⅱ. A character Shift_JIS cannot hold is
 * reported with its table, row and column; nothing is ever replaced by "?".
 */
import iconv from "iconv-lite";
import { type Cell, cellText, csvText, quote } from "../../core/csv.ts";
import { type AppError, invalidDocument } from "../../core/errors.ts";

export const ENCODINGS = ["utf8", "sjis"] as const;
export type CsvEncoding = (typeof ENCODINGS)[number];

export type { Cell };
export { cellText, csvText, quote };

/**
 * A character Shift_JIS cannot hold, and where it is: `row` counts records with the header as row 1 (a cell
 * with a line break spans two lines of the file but stays one row).
 */
export type Unrepresentable = { table: string; row: number; column: string; char: string; codePoint: string };

/**
 * Characters Shift_JIS cannot hold: an AppError ("invalid_document") whose findings name table, row and column
 * of each (the character in `found`, its code point in `subject`).
 */
export function unrepresentableCharacters(problems: readonly Unrepresentable[]): AppError {
  const shown = problems.slice(0, 20).map(describeProblem);
  const more = problems.length > shown.length ? [`ほか ${problems.length - shown.length} 件`] : [];
  return invalidDocument(
    [
      `Shift_JIS で表せない文字が ${problems.length} 件あります。UTF-8 で書き出すか、元の文字を直してください:`,
      ...shown.map((s) => `  ${s}`),
      ...more.map((s) => `  ${s}`),
    ].join("\n"),
    problems.map((p) => ({
      file: p.table,
      row: p.row,
      column: p.column,
      code: "csv.unrepresentable",
      subject: p.codePoint,
      found: p.char,
      message: `Shift_JIS で表せない文字「${p.char}」（${p.codePoint}）`,
      severity: "error" as const,
    })),
  );
}

export function describeProblem(p: Unrepresentable): string {
  return `${p.table} ${p.row}行目「${p.column}」列: 「${p.char}」（${p.codePoint}）`;
}

const SJIS = "cp932";

/** The characters of a string that Shift_JIS (CP932) cannot hold, once each, in order. */
export function unrepresentable(s: string): string[] {
  const bytes = iconv.encode(s, SJIS);
  if (!bytes.includes(0x3f) || iconv.decode(bytes, SJIS) === s) return [];
  const found: string[] = [];
  for (const ch of s) {
    if (ch === "?" || found.includes(ch)) continue;
    const b = iconv.encode(ch, SJIS);
    if (b.length === 1 && b[0] === 0x3f) found.push(ch);
  }
  return found;
}

/**
 * Encodes a table. For Shift_JIS every cell is checked first and all problems are reported together
 * (UnrepresentableCharacterError), so that one run lists everything to fix.
 */
export function encodeCsv(
  table: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  encoding: CsvEncoding = "utf8",
): Buffer {
  const text = csvText(header, rows);
  if (encoding === "utf8") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  const problems: Unrepresentable[] = [];
  [header, ...rows].forEach((row, i) => {
    row.forEach((cell, c) => {
      for (const ch of unrepresentable(cellText(cell))) {
        problems.push({
          table,
          row: i + 1,
          column: header[c] ?? String(c + 1),
          char: ch,
          codePoint: `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
        });
      }
    });
  });
  if (problems.length > 0) throw unrepresentableCharacters(problems);
  return iconv.encode(text, SJIS);
}
