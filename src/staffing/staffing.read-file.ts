/**
 * One uploaded staffing file read and checked, without the database: Chitose's text, the spreadsheet template,
 * a 類似団体別職員数 table (xlsx or JSON) or a staffing document (JSON) — decoded, parsed and validated. Run in
 * the staffing worker thread (staffing.worker.ts, issue 17.2), so that a large or hostile file never blocks the
 * server's other requests; the result is plain data.
 */
import { invalidDocument } from "../core/errors.ts";
import type { Finding } from "../core/findings.ts";
import {
  PEER_TABLE_FORMAT,
  type PeerTableDocument,
  parsePeerTable,
  parseStaffingDocument,
  readStaffingJson,
  type StaffingDocument,
} from "../core/staffing-document/index.ts";
import { looksLikeXlsx as isXlsx } from "../core/workbook/index.ts";
import { detectChitoseStaffing, readChitoseStaffing } from "../importers/import.service.ts";
import { isPeerTableWorkbook, readPeerTableWorkbook } from "./staffing.peer-table-workbook.ts";
import { readStaffingWorkbookPlain } from "./staffing.template-read.ts";
import { locateIn } from "./staffing.template-reader.ts";

export type ReadStaffingFile =
  | { peerTable: PeerTableDocument }
  | { document: StaffingDocument; file: string; findings: Finding[] };

function decodeText(path: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw invalidDocument(`${path}: ファイルが空です`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw invalidDocument(`${path}: UTF-8 として読めません（Shift_JIS などは UTF-8 に変換してください）`);
  }
}

export async function readStaffingFile(path: string, bytes: Uint8Array): Promise<ReadStaffingFile> {
  if (isXlsx(path, bytes)) {
    if (await isPeerTableWorkbook(bytes)) return { peerTable: await readPeerTableWorkbook(path, bytes) };
    const r = await readStaffingWorkbookPlain(path, bytes);
    // the document's problems name the template's cells
    return {
      document: parseStaffingDocument(r.document, path, locateIn(path, r.places)),
      file: path,
      findings: [],
    };
  }
  const text = decodeText(path, bytes);
  if (path.toLowerCase().endsWith(".json") || text.trimStart().startsWith("{")) {
    const input = readStaffingJson(text, path);
    if ((input as { format?: unknown })?.format === PEER_TABLE_FORMAT)
      return { peerTable: parsePeerTable(input, path) };
    return { document: parseStaffingDocument(input, path), file: path, findings: [] };
  }
  if (detectChitoseStaffing(text)) {
    const r = readChitoseStaffing(path, text);
    return { document: parseStaffingDocument(r.document, path), file: path, findings: r.findings };
  }
  throw invalidDocument(
    `${path}: 定数管理の様式を判別できません（千歳市 行政改革基本方針のテキスト、gyokaku の定数管理テンプレート .xlsx、定数管理文書 .json に対応）`,
  );
}
