/**
 * Reads the staffing section of 千歳市 行政改革基本方針 (text extracted from its PDF, seed 003_…) into a
 * staffing document: 図表4 (headcount by 部局 2005–2025 with 定数), 図表6 (cohorts of the retirement
 * schedule), 図表8 (peers' staff per 10,000), 図表10 (定員管理診断表) and the Laspeyres figures. Pure: text
 * in, document and findings out. Figures the document prints but gyokaku computes (group totals, excess,
 * rates, per-10,000 ratios) are checked, not stored.
 */

import type { Finding } from "../../core/findings.ts";
import {
  invalidStaffingDocument,
  STAFFING_DOCUMENT_FORMAT,
  type StaffingDocumentInput,
} from "../../core/staffing-document/index.ts";
import { CHITOSE, type Ctx } from "./common.ts";

export { CHITOSE };

import { readHeadcountTable } from "./headcounts.ts";
import { readDiagnosisTable, readLaspeyres, readPeerTable, readRetirementTable } from "./tables.ts";

export type ReadResult = { document: StaffingDocumentInput; findings: Finding[] };

export function detectChitoseStaffing(text: string): boolean {
  return text.includes("千歳市") && /^<常勤職員>\t/m.test(text);
}

/** Reads the staffing tables of one Chitose 行政改革基本方針 text. */
export function readChitoseStaffing(file: string, text: string): ReadResult {
  const ctx: Ctx = { file, lines: text.split(/\r?\n/), findings: [], problems: [] };
  const edition = /^令和(\d+)年度$/m.exec(text);
  const doc: StaffingDocumentInput = {
    format: STAFFING_DOCUMENT_FORMAT,
    municipality: { ...CHITOSE },
    title: `${CHITOSE.name} 行政改革基本方針${edition ? ` 令和${edition[1]}年度` : ""}（定数管理）`,
    sources: [file],
    units: [],
    headcounts: [],
    breakdowns: [],
    quotas: [],
    quotaCeilings: [],
    printedTotals: [],
    populations: [],
    diagnoses: [],
    peerComparisons: [],
    classifications: [],
    laspeyres: [],
  };
  readHeadcountTable(ctx, doc);
  readRetirementTable(ctx, doc);
  const peers = readPeerTable(ctx, doc);
  readDiagnosisTable(ctx, doc, peers);
  readLaspeyres(ctx, doc);
  if (ctx.problems.length > 0) throw invalidStaffingDocument(ctx.problems, file);
  // A column whose era and western year disagree keeps its label as printed, with the finding as its note.
  doc.yearLabels = ctx.findings
    .filter((f) => f.code === "staffing.year-label-mismatch" && f.column && f.found)
    .map((f) => ({
      fiscalYear: Number(f.found),
      label: f.column!,
      note: f.message,
      source: { file, ...(f.line !== undefined ? { line: f.line } : {}) },
    }));
  return { document: doc, findings: ctx.findings };
}
