/**
 * Importing files: plan documents (JSON) and the municipalities' own layouts (through the readers).
 * Everything given in one call is stored in one transaction, or nothing is.
 */
import { basename } from "node:path";
import { invalidDocument } from "../core/errors.ts";
import type { Finding } from "../core/findings.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { readPlanWorkbookOffThread, readWorkbookPlanRefOffThread } from "../core/plan-workbook/off-thread.ts";
import type { Actor } from "../core/policy.ts";
import { runInWorker } from "../core/workers/pool.ts";
import type { DB } from "../db/database.ts";
import {
  findPlansByKey,
  importDocuments,
  loadPlanDocument,
  type StoredPlan,
} from "../plans/plans.service.ts";
import { ruleOverrides } from "./import.repository.ts";
import { checkImportFiles } from "./import-limits.ts";
import { type FileBytes, XLSX_FORMAT } from "./read-files.ts";

export type { FileBytes } from "./read-files.ts";
export {
  decodeText,
  formatIds,
  isUnknownLayout,
  JSON_FORMAT,
  readFiles,
  XLSX_FORMAT,
} from "./read-files.ts";
export type ImportOutcome = { stored: StoredPlan[]; findings: Finding[]; documents: PlanDocument[] };

const READ_WORKER = new URL("./plan-read.worker.ts", import.meta.url);

/**
 * readFiles in a worker thread: parsing and validating plan documents (JSON) and the municipalities' texts
 * never blocks the other requests (a 6 MB JSON plan took 15 s to validate before the limits).
 */
function readFilesOffThread(
  files: FileBytes[],
  format: string | undefined,
): Promise<{ documents: PlanDocument[]; findings: Finding[] }> {
  return runInWorker(READ_WORKER, "readFiles", [files, format]);
}

/** readPlanDocument in a worker thread (the document a workbook was merged into). */
function readPlanDocumentOffThread(
  input: unknown,
  file: string,
): Promise<{ document: PlanDocument; findings: Finding[] }> {
  return runInWorker(READ_WORKER, "readPlanDocument", [input, file]);
}

/** An .xlsx workbook is a zip archive: it starts with "PK\x03\x04". */
export function isWorkbook(file: FileBytes): boolean {
  const b = file.bytes;
  return (
    file.path.toLowerCase().endsWith(".xlsx") || (b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4)
  );
}

/**
 * Reads a plan workbook (gyokaku export --format xlsx, or the template filled in) and merges it onto the
 * plan it names, as stored now: changed cells update, new rows add, nothing is duplicated.
 */
async function readWorkbookFile(
  db: DB,
  file: FileBytes,
  onlyMunicipality?: string,
): Promise<{ document: PlanDocument; findings: Finding[] }> {
  const name = basename(file.path);
  // exceljs reads in a worker thread: a large workbook never blocks the other requests
  const ref = await readWorkbookPlanRefOffThread(file.bytes, name);
  // Before the stored plan is looked at: another municipality's plan is not there for this import.
  if (onlyMunicipality && ref.municipalityCode !== onlyMunicipality)
    throw invalidDocument(
      `${name}: 団体コード ${ref.municipalityCode} の計画です。自分の団体（${onlyMunicipality}）の計画だけを取り込めます。何も保存していません。`,
    );
  const existing = await findPlansByKey(db, ref.planKey, ref.municipalityCode);
  const base = existing[0] ? await loadPlanDocument(db, ref.municipalityCode, existing[0].id) : null;
  // the same plausibility rules as a save in the round: derived, with the office's changes
  const rules = existing[0] ? await ruleOverrides(db, ref.municipalityCode, existing[0].id) : new Map();
  const { document, findings } = await readPlanWorkbookOffThread(file.bytes, name, base, rules);
  const read = await readPlanDocumentOffThread(document, name);
  return { document: read.document, findings: [...findings, ...read.findings] };
}

export type ImportFileOptions = {
  format?: string | undefined;
  /** Only plans of this municipality may be stored (an import from the app: the user's own). */
  municipalityCode?: string | undefined;
  /** Who imports from the app, for the history; without it the history says "CLI". */
  actor?: Actor | undefined;
  /** Consent to removing items, indicators, values or progress entries (--allow-removals). */
  allowRemovals?: boolean | undefined;
  /** The digests of the changes a preview showed, by "code/key": anything else is refused. */
  expected?: ReadonlyMap<string, string> | undefined;
};

/** Reads files into plan documents (workbooks merged onto the plan they name) without storing anything. */
export async function readImport(
  db: DB,
  files: FileBytes[],
  options: ImportFileOptions = {},
): Promise<{ documents: PlanDocument[]; findings: Finding[] }> {
  checkImportFiles(files);
  const workbooks = options.format === XLSX_FORMAT ? files : files.filter(isWorkbook);
  const texts = files.filter((f) => !workbooks.includes(f));
  const read =
    texts.length > 0 ? await readFilesOffThread(texts, options.format) : { documents: [], findings: [] };
  const documents = [...read.documents];
  const findings = [...read.findings];
  for (const wb of workbooks) {
    const r = await readWorkbookFile(db, wb, options.municipalityCode);
    documents.push(r.document);
    findings.push(...r.findings);
  }
  if (options.municipalityCode) {
    const others = documents.filter((d) => d.municipality.code !== options.municipalityCode);
    if (others.length > 0)
      throw invalidDocument(
        `自分の団体（${options.municipalityCode}）の計画だけを取り込めます: ${others
          .map((d) => `「${d.plan.title}」は ${d.municipality.name}（${d.municipality.code}）の計画です`)
          .join("、")}。何も保存していません。`,
      );
  }
  return { documents, findings };
}

/**
 * Reads and stores files in one transaction: text documents, plan documents and workbooks. Removals are
 * refused unless `allowRemovals`; every change is recorded on its item.
 */
export async function importFiles(
  db: DB,
  files: FileBytes[],
  options: ImportFileOptions = {},
): Promise<ImportOutcome> {
  const { documents, findings } = await readImport(db, files, options);
  const stored = await importDocuments(db, documents, options.actor, {
    by: options.actor ? undefined : "CLI",
    allowRemovals: options.allowRemovals ?? false,
    expected: options.expected,
  });
  return { stored, findings, documents };
}

export { detectChitoseStaffing, readChitoseStaffing } from "./chitose-staffing/index.ts";
export { readers } from "./registry.ts";
