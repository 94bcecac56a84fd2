/**
 * A report's body on a page of the app, as an HTML string made from plain data (the report model, the plan's
 * id, whether the reader may judge): the heavy part of the report page (the 個票 draw hundreds of charts), made
 * in a worker thread (report-html.worker.ts) and put into the page, which the request's thread renders.
 */
import type { ReportModel } from "../build-report.ts";
import { judgeHref } from "../report-links.ts";
import type { ViewOptions } from "./common.tsx";
import { ReportBody } from "./report.view.tsx";

/** What the body of a report page depends on besides the model: plain data, to cross to a worker thread. */
export type WebBodyOptions = {
  planId: string;
  /** Whether the reader may record judgements: the rows then link to the form. */
  canJudge: boolean;
};

/** The web view: the links to the judgement form where the reader may judge (一覧 and 個票). */
export function webView(report: ReportModel, { planId, canJudge }: WebBodyOptions): ViewOptions {
  const fy = report.model.fiscalYear;
  return {
    mode: "web",
    judgeHref:
      canJudge && (report.kind === "summary" || report.kind === "sheets")
        ? (key, series) => judgeHref(planId, fy, key, series, report.kind)
        : undefined,
  };
}

/** The report's body for a page of the app, as HTML. */
export async function reportBodyHtml(report: ReportModel, options: WebBodyOptions): Promise<string> {
  return (await (<ReportBody report={report} view={webView(report, options)} />)).toString();
}
