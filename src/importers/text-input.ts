/** Input checks shared by the text readers: a file that is empty or binary is not read at all. */

import type { DocumentReader, InputFile } from "../core/document-reader.ts";
import { invalidDocument } from "../core/errors.ts";
import type { Finding } from "../core/findings.ts";

/** The index of the first NUL or other C0 control but tab/newline/CR/form feed, or U+FFFD (not UTF-8), or -1. */
function binaryAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0xfffd) return i;
  }
  return -1;
}

export function fail(file: string, line: number, code: string, message: string): never {
  const finding: Finding = { file, line, code, message, severity: "error" };
  throw invalidDocument(`${file} 行 ${line}: ${message}`, [finding]);
}

export function checkText(file: InputFile): string[] {
  if (file.text.trim() === "") fail(file.path, 1, "input.empty", "ファイルが空です");
  const bad = binaryAt(file.text);
  if (bad >= 0) {
    const line = file.text.slice(0, bad).split("\n").length;
    fail(
      file.path,
      line,
      "input.binary",
      "テキストではありません（制御文字または UTF-8 でないバイトがあります）",
    );
  }
  return file.text.replace(/^\ufeff/, "").split(/\r?\n/);
}

/** A reader for a layout that comes as one file: never throws in detect, refuses extra files. */
export function singleFileReader(spec: {
  id: string;
  label: string;
  detect: (file: InputFile) => boolean;
  read: (file: InputFile) => ReturnType<DocumentReader["read"]>;
}): DocumentReader {
  return {
    id: spec.id,
    label: spec.label,
    detect(file) {
      try {
        return spec.detect(file);
      } catch {
        return false;
      }
    },
    read(files) {
      const [file, ...more] = files;
      if (!file) throw invalidDocument("読むファイルがありません");
      if (more.length > 0) fail(more[0]!.path, 1, "input.extra-file", "この形式は 1 ファイルだけを読みます");
      return spec.read(file);
    },
  };
}
