/**
 * The body of a report page (views/report-body.tsx), made in a worker thread once per data version of the plan
 * and kept as UTF-8 bytes (cachedPlanPart, src/plans/page-cache.ts): the 一覧 of a 300-indicator plan takes the worker
 * hundreds of milliseconds, and it is the same for every reader who sees the same until the plan changes (a value
 * saved in a round, an import, an edit, a judgement, a scale change: every one gives the plan a new version in
 * the database, src/db/data-version.ts). The rest of the page (year choice, caveats, pager, the layout with the
 * reader's name and CSRF token) is rendered per request around it.
 */
import { cachedPlanPart } from "../plans/plans.service.ts";
import type { ReportModel } from "./build-report.ts";
import { reportBodyHtmlOffThread } from "./html-off-thread.ts";
import type { LoadedPlan } from "./reports.service.ts";
import type { WebBodyOptions } from "./views/report-body.tsx";

/**
 * The body of `report`, made from `plan` as read in this request (its data version: the model must be that of
 * this version or newer, reportModelAsRead). The key names everything else the body depends on: the kind, the
 * fiscal year, whether the reader may judge (the links to the form) and the 個票 of the page. The 和暦/西暦
 * setting does not reach it: the worker has no request, and the reports write both years themselves.
 */
export function reportPageBody(
  plan: LoadedPlan,
  report: ReportModel,
  options: Omit<WebBodyOptions, "planId">,
): Promise<Uint8Array> {
  const { part, canJudge } = options;
  const variant = [
    "report-body",
    report.kind,
    report.model.fiscalYear,
    canJudge ? "judge" : "read",
    part ? `${part.from}-${part.to}` : "whole",
  ].join("|");
  const ref = {
    id: plan.planId,
    municipalityCode: plan.municipalityCode,
    dataVersion: plan.dataVersion ?? null,
  };
  return cachedPlanPart(ref, variant, () =>
    reportBodyHtmlOffThread(report, { ...options, planId: plan.planId }),
  );
}
