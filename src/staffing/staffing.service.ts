/**
 * Staffing: reading files (Chitose's text, the spreadsheet template, staffing documents as JSON) into
 * staffing documents, storing them in one transaction (all or nothing), reading them back.
 */

import { type AuditEntry, record } from "../audit/audit.service.ts";
import { AppError, authorize, invalidDocument } from "../core/errors.ts";
import type { Finding } from "../core/findings.ts";
import { type Actor, canEditStaffing, canImportStaffing, canView } from "../core/policy.ts";
import type { StaffingDocument } from "../core/staffing-document/index.ts";
import {
  type PeerTableDocument,
  parseStaffingDocument,
  staffingFindings,
} from "../core/staffing-document/index.ts";
import { staffingChanges, staffingRemovals } from "../core/staffing-document/removals.ts";
import type { DB } from "../db/database.ts";
import * as hiringRepo from "./staffing.hiring.repository.ts";
import { readStaffingFileOffThread } from "./staffing.off-thread.ts";
import * as peerRepo from "./staffing.peer-tables.repository.ts";
import {
  staffingChangeEntries,
  staffingDigest,
  staffingPreviewOutdated,
  staffingRemovalEntries,
  staffingRemovalsRefused,
} from "./staffing.removals.ts";
import * as repo from "./staffing.repository.ts";

export type FileBytes = { path: string; bytes: Uint8Array };

export type StoredStaffing = {
  municipalityCode: string;
  municipalityName: string;
  units: number;
  headcounts: number;
  firstYear: number | null;
  lastYear: number | null;
  /** What the stored document shows that deserves a look (printed totals that disagree …). */
  findings: Finding[];
};

/**
 * Reads files into staffing documents without storing them: each file is read and checked in a worker thread
 * (staffing.read-file.ts); the first file that cannot be read is refused, saying where.
 */
export async function readStaffingFiles(files: FileBytes[]): Promise<{
  documents: { document: StaffingDocument; file: string }[];
  peerTables: PeerTableDocument[];
  findings: Finding[];
}> {
  const documents: { document: StaffingDocument; file: string }[] = [];
  const peerTables: PeerTableDocument[] = [];
  const findings: Finding[] = [];
  for (const f of files) {
    const r = await readStaffingFileOffThread(f.path, f.bytes);
    if ("peerTable" in r) peerTables.push(r.peerTable);
    else {
      documents.push({ document: r.document, file: r.file });
      findings.push(...r.findings);
    }
  }
  const seen = new Map<string, string>();
  for (const d of documents) {
    const code = d.document.municipality.code;
    const other = seen.get(code);
    if (other)
      throw invalidDocument(
        `${d.file}: ${other} と同じ団体（${code}）の定数管理文書です。一度に取り込めるのは一団体につき一つです`,
      );
    seen.set(code, d.file);
  }
  const tables = new Set<string>();
  for (const t of peerTables) {
    const k = `${t.scheme} ${t.group} ${t.fiscalYear}`;
    if (tables.has(k))
      throw invalidDocument(`類型 ${t.group} の ${t.fiscalYear}年度の類似団体別職員数の表が二つあります`);
    tables.add(k);
  }
  return { documents, peerTables, findings };
}

function summary(doc: StaffingDocument, file: string): StoredStaffing {
  const years = doc.headcounts.map((h) => h.fiscalYear);
  return {
    municipalityCode: doc.municipality.code,
    municipalityName: doc.municipality.name,
    units: doc.units.length,
    headcounts: doc.headcounts.length,
    firstYear: years.length > 0 ? Math.min(...years) : null,
    lastYear: years.length > 0 ? Math.max(...years) : null,
    findings: staffingFindings(doc, file),
  };
}

/**
 * Stores documents in one transaction; each replaces the municipality's staffing data.
 * Validates everything first: a bad document stores nothing, not even the good ones beside it.
 */
export async function importStaffingDocuments(
  db: DB,
  inputs: { document: unknown; file?: string }[],
  /**
   * Records the stored data has and a document lacks are removed only with consent (the default of the CLI and
   * the browser); who imports (an account, or `by` such as "CLI") is written to the history. National peer
   * tables (類似団体別職員数) read beside the documents are stored in the same transaction.
   */
  options: {
    allowRemovals?: boolean;
    by?: string;
    actor?: Actor;
    peerTables?: readonly PeerTableDocument[];
    /** what a preview saw stored, by municipality code (staffingDigest): other stored data is refused */
    expected?: ReadonlyMap<string, string>;
    /** a restore from the history: recorded instead of the import's own entries */
    restore?: AuditEntry;
  } = {},
): Promise<StoredStaffing[]> {
  const docs = inputs.map((i) => ({
    document: parseStaffingDocument(i.document, i.file),
    file: i.file ?? "",
  }));
  return db.transaction().execute(async (trx) => {
    for (const t of options.peerTables ?? []) await peerRepo.replacePeerTable(trx, t);
    const out: StoredStaffing[] = [];
    for (const d of docs) {
      const code = d.document.municipality.code;
      const stored = await repo.loadStaffing(trx, code);
      const name = `${d.document.municipality.name}（${code}）`;
      if (options.expected && options.expected.get(code) !== staffingDigest(stored))
        throw staffingPreviewOutdated(name);
      const removals = stored ? staffingRemovals(stored, d.document) : [];
      if (removals.length > 0 && options.allowRemovals === false)
        throw staffingRemovalsRefused(name, removals);
      const changes = stored ? staffingChanges(stored, d.document) : [];
      const note = `取込: ${d.file || d.document.sources.join(", ")}`;
      if (!options.restore && (options.actor || options.by))
        await record(trx, options.actor ?? { id: null, name: options.by ?? "", municipalityCode: code }, [
          ...staffingRemovalEntries(removals, note),
          ...staffingChangeEntries(changes, note),
        ]);
      await repo.replaceStaffing(trx, d.document);
      out.push(summary(d.document, d.file || d.document.municipality.name));
    }
    const actor = options.actor;
    if (actor && options.restore) await record(trx, actor, [options.restore]);
    else if (actor)
      await record(
        trx,
        actor,
        out.map((s) => ({
          action: "staffing.import" as const,
          subject: `定数管理（${s.municipalityName}）`,
          after: { units: s.units, headcounts: s.headcounts, firstYear: s.firstYear, lastYear: s.lastYear },
        })),
      );
    return out;
  });
}

/** Reads and stores files; returns what was stored and the readers' findings. */
export async function importStaffingFiles(
  db: DB,
  files: FileBytes[],
  options: { allowRemovals?: boolean } = {},
): Promise<{ stored: StoredStaffing[]; peerTables: PeerTableDocument[]; findings: Finding[] }> {
  const { documents, peerTables, findings } = await readStaffingFiles(files);
  const stored = await importStaffingDocuments(db, documents, {
    allowRemovals: options.allowRemovals ?? false,
    by: "CLI",
    peerTables,
  });
  return { stored, peerTables, findings };
}

/**
 * The browser's upload: the reform office or an administrator, files of their own municipality only, stored in
 * one transaction with its record in the history. National peer tables are for the instance's administrator
 * (the command line), not for one municipality's upload.
 */
export async function importStaffingFilesAs(
  db: DB,
  user: Actor,
  files: FileBytes[],
  options: { allowRemovals?: boolean } = {},
): Promise<{ stored: StoredStaffing[]; findings: Finding[] }> {
  const { documents, findings } = await readOwnStaffingFiles(user, files);
  const stored = await importStaffingDocuments(db, documents, {
    actor: user,
    allowRemovals: options.allowRemovals ?? false,
  });
  return { stored, findings };
}

/** Reads the browser's upload: staffing documents of the user's own municipality only (no peer tables). */
export async function readOwnStaffingFiles(
  user: Actor,
  files: FileBytes[],
): Promise<{ documents: { document: StaffingDocument; file: string }[]; findings: Finding[] }> {
  authorize(canImportStaffing(user, user), "定数管理のデータを取り込めるのは行革担当と管理者です。");
  const { documents, peerTables, findings } = await readStaffingFiles(files);
  if (peerTables.length > 0)
    throw invalidDocument(
      `${peerTables.map((t) => t.group).join("、")}: 全国の類似団体別職員数の表は、すべての団体が共有するため、` +
        "画面からは取り込めません。サーバーの管理者が gyokaku staffing import で取り込みます。何も保存していません。",
    );
  const foreign = documents.filter((d) => d.document.municipality.code !== user.municipalityCode);
  if (foreign.length > 0)
    throw invalidDocument(
      `${foreign.map((d) => `${d.file}（${d.document.municipality.code} ${d.document.municipality.name}）`).join("、")}: ` +
        `自分の団体（${user.municipalityCode}）のデータだけを取り込めます。何も保存していません。`,
    );
  return { documents, findings };
}

/** The instance's national 類似団体別職員数 tables (shared by every municipality of each 類型). */
export async function listPeerTables(db: DB): Promise<PeerTableDocument[]> {
  return peerRepo.loadPeerTables(db);
}

export async function getStaffing(db: DB, code: string): Promise<StaffingDocument | null> {
  return repo.loadStaffing(db, code);
}

export async function requireStaffing(db: DB, code: string): Promise<StaffingDocument> {
  const doc = await repo.loadStaffing(db, code);
  if (!doc)
    throw new AppError(
      "not_found",
      `団体コード ${code} の定数管理のデータはありません（gyokaku staffing import で取り込めます）`,
    );
  return doc;
}

export async function listStaffing(db: DB): Promise<repo.StaffingSummaryRow[]> {
  return repo.listStaffing(db);
}

/** The staffing data a signed-in user may see: their own municipality's. */
export async function listStaffingFor(db: DB, user: Actor): Promise<repo.StaffingSummaryRow[]> {
  return (await repo.listStaffing(db)).filter((r) => canView(user, r));
}

/** A municipality's staffing for a signed-in user; another municipality's is not there for them (null). */
export async function getStaffingFor(db: DB, user: Actor, code: string): Promise<StaffingDocument | null> {
  if (!canView(user, { municipalityCode: code })) return null;
  return repo.loadStaffing(db, code);
}

export { detectChitoseStaffing, readChitoseStaffing } from "../importers/import.service.ts";

export { REPORT_KINDS, type ReportFormat, renderReport } from "./staffing.export.tsx";
export type { ReportKind } from "./staffing.pages.tsx";
export { writePeerTableWorkbook } from "./staffing.peer-table-workbook.ts";
export { emptyStaffingDocument, writeStaffingWorkbook } from "./staffing.template.ts";

/**
 * Saves the hiring plan (採用計画) of the years shown on the retirement page, replacing what those years had;
 * recorded in the history (before and after) in the same transaction. The projection and the staffing plan
 * report use it from then on.
 */
export async function saveHiringPlan(
  db: DB,
  user: Actor,
  code: string,
  years: readonly number[],
  rows: readonly hiringRepo.HiringRow[],
): Promise<void> {
  authorize(
    canEditStaffing(user, { municipalityCode: code }),
    "採用計画を保存できるのは行革担当と管理者です。",
  );
  if (!(await repo.loadStaffing(db, code)))
    throw new AppError("not_found", `団体コード ${code} の定数管理のデータはありません`);
  await db.transaction().execute(async (trx) => {
    const before = await hiringRepo.hiringRows(trx, code, years);
    await hiringRepo.replaceHiringRows(trx, code, years, rows, { file: "画面入力", sheet: "採用計画" });
    await record(trx, user, [
      {
        action: "staffing.hiring",
        subject: `採用計画 ${Math.min(...years)}～${Math.max(...years)}年度`,
        fiscalYear: Math.min(...years),
        before,
        after: rows,
      },
    ]);
  });
}
