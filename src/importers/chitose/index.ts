/**
 * 千歳市 行政改革基本方針（重点推進項目）: the reader for Chitose's yearly 行政改革基本方針, as text extracted
 * from the PDF. See README.md beside this file for what is read and the decisions taken.
 */
import type { DocumentReader, InputFile } from "../../core/document-reader.ts";
import { invalidDocument } from "../../core/errors.ts";
import { ChitoseReader } from "./read-chitose.ts";

export { ChitoseReader } from "./read-chitose.ts";

/** Cheap and specific: the cover names 千歳市 行政改革 基本方針 and section 5 has 「事業名」 rows. */
export function looksLikeChitose(file: InputFile): boolean {
  try {
    const text = file.text;
    if (typeof text !== "string" || text.length === 0 || text.includes("\u0000")) return false;
    const head = text.slice(0, 3000).replace(/[\s　]/g, "");
    if (!head.includes("千歳市行政改革基本方針")) return false;
    return /^事業名\t[ 　]*[（(][0-9０-９]+[)）]/m.test(text);
  } catch {
    return false;
  }
}

export const chitoseReader: DocumentReader = {
  id: "chitose",
  label: "千歳市 行政改革基本方針（重点推進項目）",
  detect: looksLikeChitose,
  read: (files) => {
    if (files.length !== 1) {
      throw invalidDocument(
        `千歳市 行政改革基本方針は 1 つのファイルから読みます（${files.length} ファイルが指定されました: ${files
          .map((f) => f.path)
          .join(", ")}）`,
      );
    }
    return new ChitoseReader(files[0]!).read();
  },
};
