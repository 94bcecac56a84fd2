/**
 * The staffing workbooks read and written in a worker thread (staffing.worker.ts): the same results and the
 * same refusals (an AppError keeps its code, message and findings) as the functions the worker calls.
 */
import type { Finding } from "../core/findings.ts";
import type {
  Locate,
  PeerTableDocument,
  StaffingDocument,
  StaffingDocumentInput,
} from "../core/staffing-document/index.ts";
import { runInWorker } from "../core/workers/pool.ts";
import type { View } from "./staffing.export-xlsx.ts";
import type { ReadStaffingFile } from "./staffing.read-file.ts";
import { locateIn, type WorkbookRead } from "./staffing.template-reader.ts";

const WORKER = new URL("./staffing.worker.ts", import.meta.url);

/** An uploaded staffing file read and checked in a worker (staffing.read-file.ts readStaffingFile). */
export function readStaffingFileOffThread(path: string, bytes: Uint8Array): Promise<ReadStaffingFile> {
  return runInWorker<ReadStaffingFile>(WORKER, "readStaffingFile", [path, bytes]);
}

export type StaffingXlsx =
  | { peerTable: PeerTableDocument }
  | { template: { document: StaffingDocumentInput; locate: Locate; findings: Finding[] } };

/**
 * An uploaded xlsx, read in a worker: a peer table (read and validated) or the staffing template (read, not yet
 * validated, with `locate` to name the cells of the document's problems).
 */
export async function readStaffingXlsxOffThread(path: string, bytes: Uint8Array): Promise<StaffingXlsx> {
  const r = await runInWorker<{ peerTable: PeerTableDocument } | { template: WorkbookRead }>(
    WORKER,
    "readStaffingXlsx",
    [path, bytes],
  );
  if ("peerTable" in r) return r;
  const { document, places, findings } = r.template;
  return { template: { document, locate: locateIn(path, places), findings } };
}

/** A staffing report's workbook (staffing.export-xlsx.ts reportXlsx), made in a worker. */
export async function staffingReportXlsxOffThread(v: View): Promise<Buffer> {
  const bytes = await runInWorker<Uint8Array>(WORKER, "reportXlsx", [v]);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The staffing template with a municipality's data, or empty (staffing.template.ts), written in a worker. */
export async function writeStaffingWorkbookOffThread(doc: StaffingDocument): Promise<Buffer> {
  const bytes = await runInWorker<Uint8Array>(WORKER, "writeStaffingWorkbook", [doc]);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
