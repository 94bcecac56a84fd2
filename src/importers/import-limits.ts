/**
 * Limits of one import, on every path (the browser and the command line): how many files, how large, how many
 * lines a text has. Workbooks have their own limits before exceljs reads them (core/workbook/zip-limits.ts).
 * Each refusal names the limit and the file; nothing is read further.
 */
import { basename } from "node:path";
import { AppError } from "../core/errors.ts";

export const IMPORT_LIMITS = {
  files: 20,
  /** one file: plan documents and the municipalities' texts are well under 1 MB */
  fileBytes: 20 * 1024 * 1024,
  /** all files of one import */
  totalBytes: 50 * 1024 * 1024,
  /** lines of a text file (not JSON, which may be written on one line) */
  textLines: 200_000,
} as const;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function tooLarge(message: string): AppError {
  return new AppError("too_large", `${message}。何も保存していません。`);
}

export function checkImportFiles(files: readonly { path: string; bytes: Uint8Array }[]): void {
  if (files.length > IMPORT_LIMITS.files)
    throw tooLarge(
      `一度に取り込めるのは ${IMPORT_LIMITS.files} ファイルまでです（${files.length} ファイル）`,
    );
  let total = 0;
  for (const f of files) {
    if (f.bytes.length > IMPORT_LIMITS.fileBytes)
      throw tooLarge(`${basename(f.path)}: ${mb(IMPORT_LIMITS.fileBytes)} を超えるファイルは取り込めません`);
    total += f.bytes.length;
  }
  if (total > IMPORT_LIMITS.totalBytes)
    throw tooLarge(`ファイルの合計が ${mb(IMPORT_LIMITS.totalBytes)} を超えています`);
}

/** A text file (not JSON) with more lines than a plan's document has: refused before a reader sees it. */
export function checkTextLines(path: string, text: string): void {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1))
    if (++lines > IMPORT_LIMITS.textLines)
      throw tooLarge(`${basename(path)}: ${IMPORT_LIMITS.textLines} 行を超えるテキストは取り込めません`);
}
