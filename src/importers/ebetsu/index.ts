/**
 * 江別市 行政改革推進計画 取組状況: the sheets (個票, one per 取組項目) and the summary table (一覧).
 *
 * read() takes the sheets, the summary, or both:
 *  - sheets: the whole tree with 取組内容, 所管課, 取組状況 and the figures the sheets kept;
 *  - both: the sheets' tree, completed and checked by the summary (reconcile.ts);
 *  - summary alone: what the summary holds — the tree, indicators and figures, without 取組内容,
 *    取組状況, 所管課 or the year of the 初期値 (summary-tree.ts).
 * A file that is empty, not text, of another layout or cut short is refused with ImportError.
 */

import type { DocumentReader, InputFile } from "../../core/document-reader.ts";
import { invalidDocument } from "../../core/errors.ts";
import type { Finding, ImportResult } from "../../core/findings.ts";
import type { PlanDocumentInput } from "../../core/plan-document/schema.ts";
import { buildDocument } from "./build.ts";
import { assertText, quote } from "./common.ts";
import { reconcile } from "./reconcile.ts";
import { isSheets, parseSheets } from "./sheets.ts";
import { isSummary, parseSummary } from "./summary.ts";
import { summaryTree } from "./summary-tree.ts";

type Kind = "sheets" | "summary";

function kindOf(text: string): Kind | null {
  if (text.slice(0, 3000).includes("\u0000")) return null;
  if (isSummary(text)) return "summary";
  if (isSheets(text)) return "sheets";
  return null;
}

export const ebetsuReader: DocumentReader = {
  id: "ebetsu",
  label: "江別市 行政改革推進計画 取組状況（個票・一覧）",
  detect(file: InputFile): boolean {
    try {
      return kindOf(file.text) !== null;
    } catch {
      return false;
    }
  },
  read(files: InputFile[]): ImportResult<PlanDocumentInput> {
    if (files.length === 0) throw invalidDocument("江別市の取組状況: ファイルが指定されていません");
    const byKind: Partial<Record<Kind, InputFile>> = {};
    for (const file of files) {
      assertText(file);
      const kind = kindOf(file.text);
      if (kind === null) {
        const first = file.text.split(/\r?\n/).findIndex((l) => l.trim() !== "");
        throw invalidDocument(
          `${file.path} 行 ${first + 1}: 江別市の取組状況の個票・一覧のどちらの形式でもありません（先頭${quote(file.text.split(/\r?\n/)[first]!.trim().slice(0, 40))}）。形式が違うか、ファイルが途中で切れています`,
        );
      }
      const had = byKind[kind];
      if (had)
        throw invalidDocument(
          `${file.path}: ${had.path} と同じ${kind === "sheets" ? "個票" : "一覧"}です。一つずつ指定してください`,
        );
      byKind[kind] = file;
    }
    const findings: Finding[] = [];
    const sheets = byKind.sheets && parseSheets(byKind.sheets);
    const summary = byKind.summary && parseSummary(byKind.summary);
    if (sheets && summary && sheets.tree.reportYear !== summary.summary.reportYear) {
      throw invalidDocument(
        `${summary.summary.file}: 一覧は ${summary.summary.reportYear}年度、個票（${sheets.tree.file}）は ${sheets.tree.reportYear}年度の取組状況です。同じ年度のものを指定してください`,
      );
    }
    let tree: NonNullable<typeof sheets>["tree"];
    if (sheets) {
      tree = sheets.tree;
      findings.push(...sheets.findings);
      if (summary) findings.push(...summary.findings, ...reconcile(tree, summary.summary));
    } else {
      const alone = summaryTree(summary!.summary);
      tree = alone.tree;
      findings.push(...summary!.findings, ...alone.findings);
    }
    const built = buildDocument(
      tree,
      files.map((f) => f.path),
    );
    findings.push(...built.findings);
    return { document: built.document, findings };
  },
};
