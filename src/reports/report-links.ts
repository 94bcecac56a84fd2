/** Addresses of the reports' pages, shared by the pages and the report views made in a worker thread. */
import type { ReportKind } from "./report.model.ts";

export const reportsPath = (planId: string) => `/plans/${planId}/reports`;
export const reportHref = (planId: string, kind: ReportKind, fy: number, format = "html") =>
  `${reportsPath(planId)}/${kind}?fy=${fy}${format === "html" ? "" : `&format=${format}`}`;
export const judgeHref = (
  planId: string,
  fy: number,
  indicatorKey: string,
  series: string | undefined,
  back: ReportKind,
) =>
  `${reportsPath(planId)}/judgements/new?${new URLSearchParams({
    indicator: indicatorKey,
    ...(series ? { series } : {}),
    fy: String(fy),
    return: back,
  })}`;
