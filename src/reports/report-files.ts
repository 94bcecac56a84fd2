/**
 * Report files (print HTML, xlsx, PDF), made off the request's thread and kept once made: the PDF of a 300-item 一覧 takes seconds of Chromium, and after a round closes
 * many readers download the same one. A report's model is built once per data version of its plan and shared
 * (reportModel in reports.service.ts); a file made from a model is kept beside it, by the model object itself,
 * so it is the file of the plan as it is now — a change of the plan's data makes a new model, which has no file
 * yet. Requests for a file being made wait for that one. At most GYOKAKU_REPORT_FILE_CACHE_MB megabytes of files
 * (default 64), least recently used first out.
 */
import { inFlight } from "../core/in-flight.ts";
import { Lru } from "../core/lru.ts";
import { htmlPartsToPdf } from "../core/pdf/pdf.ts";
import type { ReportModel } from "./build-report.ts";
import { printHtmlOffThread, printHtmlPartsOffThread } from "./html-off-thread.ts";
import { KIND_LABELS, type ReportFormat } from "./report.model.ts";
import { reportXlsxOffThread } from "./xlsx-off-thread.ts";

type File = { body: string | Buffer };

const MAX_BYTES = Number(process.env.GYOKAKU_REPORT_FILE_CACHE_MB ?? 64) * 2 ** 20;
const sizeOf = (f: File) => (typeof f.body === "string" ? f.body.length * 2 : f.body.length);

/** A number per model object, so that the kept files do not keep the models alive. */
const ids = new WeakMap<ReportModel, number>();
let lastId = 0;
const files = new Lru<string, File>(256, { weigh: sizeOf, maxWeight: MAX_BYTES });
/** Files being made: requests for one wait for it (core/in-flight.ts). */
const making = inFlight<ReportModel, File>();

/** The file `make` makes of the report in the format, made once per model and kept. */
export function keptReportFile<F extends File>(
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
  if (kept) return Promise.resolve(kept as F);
  return making(report, format, async () => {
    const file = await make();
    files.set(key, file);
    return file;
  }) as Promise<F>;
}

/** Forgets every kept file (tests that time or compare a first rendering). */
export function clearReportFiles(): void {
  files.clear();
}

export type RenderedReport = {
  body: string | Buffer;
  contentType: string;
  /** 「012173-ebetsu-gyokaku-2019-summary-2022.xlsx」 */
  fileName: string;
  /** 「江別市行政改革推進計画の取組状況一覧（令和4年度）.xlsx」, for Content-Disposition filename*. */
  displayName: string;
  title: string;
};

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/**
 * A report as a file: the print HTML (self-contained), an xlsx workbook, or a PDF printed from the HTML. Made
 * once per model (and so per data version of the plan) and kept (report-files.ts).
 */
export function renderReport(report: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  return keptReportFile(report, format, () => makeReportFile(report, format));
}

async function makeReportFile(report: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  const m = report.model;
  const meta = {
    contentType: CONTENT_TYPES[format],
    fileName: `${m.municipalityCode}-${m.planKey}-${report.kind}-${m.fiscalYear}.${format}`.replace(
      /[^\w.-]+/g,
      "_",
    ),
    displayName: `${m.title}.${format}`,
    title: m.title,
  };
  switch (format) {
    case "html":
      // the HTML is made in a worker thread: the 個票's charts never block the other requests
      return { ...meta, body: await printHtmlOffThread(report) };
    case "xlsx":
      // made in a worker thread: a large report never blocks the other requests
      return { ...meta, body: await reportXlsxOffThread(report) };
    case "pdf":
      return {
        ...meta,
        body: await htmlPartsToPdf(await printHtmlPartsOffThread(report), {
          landscape: true,
          footerTitle: `${m.municipality} ${m.planTitle} ${KIND_LABELS[report.kind]}（${m.fiscalYear}年度）`,
        }),
      };
  }
}
