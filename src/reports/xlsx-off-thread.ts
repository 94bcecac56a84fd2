/** reportXlsx in a worker thread: the same workbook, made without blocking the server's other requests. */
import { runInWorker } from "../core/workers/pool.ts";
import type { ReportModel } from "./build-report.ts";

const WORKER = new URL("./reports.worker.ts", import.meta.url);

export async function reportXlsxOffThread(report: ReportModel): Promise<Buffer> {
  const bytes = await runInWorker<Uint8Array>(WORKER, "reportXlsx", [report]);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
