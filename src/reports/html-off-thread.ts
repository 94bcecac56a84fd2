/**
 * The reports' HTML made in a worker thread (report-html.worker.ts): the same strings as the functions it calls
 * (report-body.tsx, report.view.tsx), made without blocking the server's other requests. The model crosses as
 * plain data (structured clone): it holds no functions; the judgement links are made in the worker.
 */
import { runInWorker } from "../core/workers/pool.ts";
import type { ReportModel } from "./build-report.ts";
import type { WebBodyOptions } from "./views/report-body.tsx";

const WORKER = new URL("./report-html.worker.ts", import.meta.url);

/**
 * reportBodyHtml in a worker: the body of the report page, to put into the page with raw(). Made once per model
 * and options when the model came from the evaluation cache (src/reports/evaluation-cache.ts: frozen, one object
 * per plan, year and data version): the HTML is kept on the model object (a WeakMap), so it lives exactly as long
 * as the model and can be no staler than it. The body depends on the model and the options only (the worker has
 * no request: no cookie, no 和暦/西暦 setting, no CSRF token).
 */
export async function reportBodyHtmlOffThread(report: ReportModel, options: WebBodyOptions): Promise<string> {
  if (!Object.isFrozen(report)) return runInWorker(WORKER, "reportBodyHtml", [report, options]);
  const variant = `${options.planId}|${options.canJudge}`;
  const hit = keptBodies.get(report)?.get(variant);
  if (hit !== undefined) return hit;
  // Only a finished body is kept: a render in flight belongs to its request's time budget.
  const html = await runInWorker<string>(WORKER, "reportBodyHtml", [report, options]);
  const kept = keptBodies.get(report) ?? new Map<string, string>();
  kept.set(variant, html);
  keptBodies.set(report, kept);
  return html;
}

const keptBodies = new WeakMap<ReportModel, Map<string, string>>();

/** printHtml in a worker: the print document (the html download). */
export function printHtmlOffThread(report: ReportModel): Promise<string> {
  return runInWorker(WORKER, "printHtml", [report]);
}

/** printHtmlParts in a worker: the print document in parts, for the PDF (`perPart` as printHtmlParts'). */
export function printHtmlPartsOffThread(report: ReportModel, perPart?: number): Promise<string[]> {
  return runInWorker(WORKER, "printHtmlParts", perPart === undefined ? [report] : [report, perPart]);
}
