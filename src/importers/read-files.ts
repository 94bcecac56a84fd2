/**
 * Reading text files (plan documents as JSON, the municipalities' own layouts) into plan documents: pure, no
 * database, so that it runs in a worker thread (plan-read.worker.ts) as well as here.
 */
import { basename } from "node:path";
import type { InputFile } from "../core/document-reader.ts";
import { AppError, invalidDocument, isAppError } from "../core/errors.ts";
import type { Finding } from "../core/findings.ts";
import { readPlanDocument, readPlanDocumentText } from "../core/plan-document/document.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { checkTextLines } from "./import-limits.ts";
import { readerById, readers } from "./registry.ts";

export type FileBytes = { path: string; bytes: Uint8Array };

export const JSON_FORMAT = "json";
export const XLSX_FORMAT = "xlsx";

/** Every format the import takes, by id (the CLI's --format, the web page's 形式). */
export const formatIds = (): string[] => [JSON_FORMAT, XLSX_FORMAT, ...readers.map((r) => r.id)];

/**
 * A file whose layout could not be told. The message says only that: how to name the format is the
 * adapter's to say (the CLI's --format, the web page's 形式), marked by the field `format`.
 */
const unknownLayout = (path: string) =>
  new AppError("invalid_document", `${path}: 様式を判別できません。`, {
    fields: { format: "様式を判別できません" },
  });

/** Whether the import was refused because a file's layout could not be told (the format would settle it). */
export const isUnknownLayout = (e: unknown): e is AppError =>
  isAppError(e, "invalid_document") && e.fields.format !== undefined;

/** Decodes a file as UTF-8 text; binary or mis-encoded files are refused with the byte offset. */
export function decodeText(file: FileBytes): string {
  const { bytes } = file;
  if (bytes.length === 0) throw invalidDocument(`${file.path}: ファイルが空です`);
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw invalidDocument(
      `${file.path}: テキストではありません（${nul} バイト目に NUL）。バイナリファイルは取り込めません`,
    );
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw invalidDocument(
      `${file.path}: UTF-8 として読めません（Shift_JIS などは UTF-8 に変換してください）`,
    );
  }
}

function looksLikeJson(file: InputFile): boolean {
  return file.path.toLowerCase().endsWith(".json") || file.text.trimStart().startsWith("{");
}

/** Reads files into plan documents without storing them. */
export function readFiles(
  files: FileBytes[],
  format?: string,
): { documents: PlanDocument[]; findings: Finding[] } {
  // Readers see the file's name, not where it lies on this machine: it is stored as the values' source.
  const texts: InputFile[] = files.map((f) => ({ path: basename(f.path), text: decodeText(f) }));
  const documents: PlanDocument[] = [];
  const findings: Finding[] = [];
  const groups = new Map<string, InputFile[]>();
  if (format !== undefined && format !== JSON_FORMAT && !readerById(format)) {
    throw invalidDocument(`形式「${format}」は知らない形式です。使える形式: ${formatIds().join(", ")}`);
  }
  for (const file of texts) {
    if (format === JSON_FORMAT || (format === undefined && looksLikeJson(file))) {
      const read = readPlanDocumentText(file.text, file.path);
      documents.push(read.document);
      findings.push(...read.findings);
      continue;
    }
    checkTextLines(file.path, file.text);
    const reader = format ? readerById(format)! : readers.find((r) => r.detect(file));
    if (!reader) throw unknownLayout(file.path);
    groups.set(reader.id, [...(groups.get(reader.id) ?? []), file]);
  }
  for (const [id, group] of groups) {
    const result = readerById(id)!.read(group);
    findings.push(...result.findings);
    const read = readPlanDocument(result.document, group.map((f) => f.path).join(", "));
    documents.push(read.document);
    findings.push(...read.findings);
  }
  return { documents, findings };
}
