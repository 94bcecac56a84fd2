/**
 * Report files kept once made: the PDF of a 300-item 一覧 takes seconds of Chromium, and after a round closes
 * many readers download the same one. A report's model is built once per data version of its plan and shared
 * (reportModel in reports.service.ts); a file made from a model is kept beside it, by the model object itself,
 * so it is the file of the plan as it is now — a change of the plan's data makes a new model, which has no file
 * yet. Requests for a file being made wait for that one. At most GYOKAKU_REPORT_FILE_CACHE_MB megabytes of files
 * (default 64), least recently used first out.
 */
import { Lru } from "../core/lru.ts";
import type { ReportModel } from "./build-report.ts";
import type { ReportFormat } from "./report.model.ts";

type File = { body: string | Buffer };

const MAX_BYTES = Number(process.env.GYOKAKU_REPORT_FILE_CACHE_MB ?? 64) * 2 ** 20;
const sizeOf = (f: File) => (typeof f.body === "string" ? f.body.length * 2 : f.body.length);

/** A number per model object, so that the kept files do not keep the models alive. */
const ids = new WeakMap<ReportModel, number>();
let lastId = 0;
const files = new Lru<string, File>(256, { weigh: sizeOf, maxWeight: MAX_BYTES });
const making = new Map<string, Promise<File>>();

/** The file `make` makes of the report in the format, made once per model and kept. */
export async function keptReportFile<F extends File>(
  report: ReportModel,
  format: ReportFormat,
  make: () => Promise<F>,
): Promise<F> {
  let id = ids.get(report);
  if (id === undefined) {
    id = ++lastId;
    ids.set(report, id);
  }
  const key = `${id}|${format}`;
  const kept = files.get(key);
  if (kept) return kept as F;
  const pending = making.get(key);
  if (pending) return (await pending) as F;
  const made = make();
  making.set(key, made);
  try {
    const file = await made;
    files.set(key, file);
    return file;
  } finally {
    making.delete(key);
  }
}

/** Forgets every kept file (tests that time or compare a first rendering). */
export function clearReportFiles(): void {
  files.clear();
}
