/**
 * Reports as files: a standalone HTML page, a workbook (one value per cell, header in row 1, numbers
 * without units) and a PDF printed from the HTML by the shared Chromium printer (src/core/pdf).
 */

import { notFound } from "../core/errors.ts";
import { htmlToPdf } from "../core/pdf/pdf.ts";
import type { PeerTableDocument, StaffingDocument } from "../core/staffing-document/index.ts";
import { appStylesheet } from "../core/ui/assets.ts";
import type { View } from "./staffing.export-xlsx.ts";
import { staffingReportXlsxOffThread } from "./staffing.off-thread.ts";
import {
  DiagnosisBody,
  HeadcountBody,
  PopulationBody,
  REPORT_TITLES,
  type ReportKind,
  RetirementBody,
  StandaloneReport,
} from "./staffing.pages.tsx";
import { PlanBody } from "./staffing.plan.page.tsx";
import {
  diagnosisMissing,
  diagnosisView,
  type HiringPlan,
  headcountView,
  latestFiscalYear,
  planView,
  populationView,
  retirementView,
} from "./staffing.reports.ts";

export const REPORT_KINDS: ReportKind[] = ["headcount", "population", "diagnosis", "retirement", "plan"];
export type ReportFormat = "html" | "xlsx" | "pdf";
export type ReportOptions = {
  hiring?: HiringPlan;
  startHeadcount?: number;
  /** The instance's shared 類似団体別職員数 tables, for a diagnosis without a table of the municipality's own. */
  peerTables?: readonly PeerTableDocument[];
};

export function reportView(
  doc: StaffingDocument,
  kind: ReportKind,
  fiscalYear?: number,
  options: ReportOptions = {},
): View {
  switch (kind) {
    case "headcount": {
      const view = headcountView(doc, fiscalYear);
      if (fiscalYear !== undefined && !view.years.includes(fiscalYear))
        throw notFound(
          `${doc.municipality.name}: ${fiscalYear}年度の職員数がありません（あるのは ${view.years.join("・") || "なし"} 年度）`,
        );
      if (view.years.length === 0)
        throw notFound(`${doc.municipality.name}: ${fiscalYear ?? ""}年度までの職員数がありません`);
      return { kind, view };
    }
    case "population":
      return { kind, view: populationView(doc, options.peerTables) };
    case "diagnosis": {
      const view = diagnosisView(doc, fiscalYear, options.peerTables);
      if (!view) {
        const years = doc.diagnoses.map((d) => `${d.fiscalYear}年度`).join("・");
        const why = diagnosisMissing(doc, fiscalYear, options.peerTables);
        throw notFound(
          `${doc.municipality.name}: ${fiscalYear === undefined ? "" : `${fiscalYear}年度の`}定員管理診断表のデータがありません（${years ? `あるのは ${years}` : "診断表のデータはありません"}）${why ? `。${why}` : ""}`,
        );
      }
      return { kind, view };
    }
    case "plan": {
      const view = planView(doc);
      if (!view) throw notFound(`${doc.municipality.name}: 定員適正化計画のデータがありません`);
      return { kind, view };
    }
    case "retirement": {
      const fy = fiscalYear ?? latestFiscalYear(doc) ?? new Date().getFullYear();
      return { kind, view: retirementView(doc, fy, options) };
    }
  }
}

// The site's fonts are served by the site; a standalone file names the installed BIZ UD font instead.
const siteCss = appStylesheet;

function body(v: View) {
  switch (v.kind) {
    case "headcount":
      return <HeadcountBody view={v.view} />;
    case "population":
      return <PopulationBody view={v.view} />;
    case "diagnosis":
      return <DiagnosisBody view={v.view} />;
    case "retirement":
      return <RetirementBody view={v.view} />;
    case "plan":
      return <PlanBody view={v.view} />;
  }
}

export function reportHtml(v: View, generatedAt = new Date()): string {
  const stamp = `${generatedAt.getFullYear()}年${generatedAt.getMonth() + 1}月${generatedAt.getDate()}日`;
  return String(
    <StandaloneReport m={v.view.municipality} kind={v.kind} css={siteCss()} generatedAt={stamp}>
      {body(v)}
    </StandaloneReport>,
  );
}

export async function reportPdf(v: View): Promise<Buffer> {
  return htmlToPdf(reportHtml(v), {
    landscape: true,
    footerTitle: `${v.view.municipality.name} ${REPORT_TITLES[v.kind]}`,
  });
}

export async function renderReport(
  doc: StaffingDocument,
  kind: ReportKind,
  format: ReportFormat,
  fiscalYear?: number,
  options: ReportOptions = {},
): Promise<{ bytes: Buffer; contentType: string; extension: string }> {
  const v = reportView(doc, kind, fiscalYear, options);
  switch (format) {
    case "html":
      return {
        bytes: Buffer.from(reportHtml(v)),
        contentType: "text/html; charset=utf-8",
        extension: "html",
      };
    case "xlsx":
      return {
        // made in a worker thread: a large workbook never blocks the other requests
        bytes: await staffingReportXlsxOffThread(v),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        extension: "xlsx",
      };
    case "pdf":
      return { bytes: await reportPdf(v), contentType: "application/pdf", extension: "pdf" };
  }
}
