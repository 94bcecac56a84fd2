/**
 * The reports' HTML made in a worker thread (report-html.worker.ts): the same strings as the functions it calls
 * (report-body.tsx, report.view.tsx), made without blocking the server's other requests. The model crosses as
 * plain data (structured clone): it holds no functions; the judgement links are made in the worker.
 */
import { runInWorker } from "../core/workers/pool.ts";
import type { ReportModel } from "./build-report.ts";
import type { WebBodyOptions } from "./views/report-body.tsx";

const WORKER = new URL("./report-html.worker.ts", import.meta.url);

/** reportBodyHtml in a worker: the body of the report page, to put into the page with raw(). */
export function reportBodyHtmlOffThread(report: ReportModel, options: WebBodyOptions): Promise<string> {
  return runInWorker(WORKER, "reportBodyHtml", [report, options]);
}

/** printHtml in a worker: the print document (the html download). */
export function printHtmlOffThread(report: ReportModel): Promise<string> {
  return runInWorker(WORKER, "printHtml", [report]);
}

/** printHtmlParts in a worker: the print document in parts, for the PDF (`perPart` as printHtmlParts'). */
export function printHtmlPartsOffThread(report: ReportModel, perPart?: number): Promise<string[]> {
  return runInWorker(WORKER, "printHtmlParts", perPart === undefined ? [report] : [report, perPart]);
}
