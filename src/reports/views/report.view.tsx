/**
 * A report as a whole document: for print (the PDF — one self-contained HTML string, the app's and the
 * reports' CSS of the UI kit inline, fonts from the system's BIZ UD fonts) or inside the app's page frame.
 */

import { raw } from "hono/html";
import { stylesheet } from "../../core/ui/assets.ts";
import type { ReportModel } from "../build-report.ts";
import type { ViewOptions } from "./common.tsx";
import { RoadmapView } from "./roadmap.view.tsx";
import { SheetsView } from "./sheets.view.tsx";
import { SummaryView } from "./summary.view.tsx";
import { TallyView } from "./tally.view.tsx";

export function ReportBody({ report, view }: { report: ReportModel; view: ViewOptions }) {
  switch (report.kind) {
    case "summary":
      return <SummaryView model={report.model} view={view} />;
    case "sheets":
      return <SheetsView model={report.model} view={view} />;
    case "tally":
      return <TallyView model={report.model} />;
    case "roadmap":
      return <RoadmapView model={report.model} />;
  }
}

/** The print document: what the PDF is made from. Nothing in it is loaded from anywhere. */
export function PrintDocument({ report }: { report: ReportModel }) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <title>{report.model.title}</title>
          <style>
            {raw(`${stylesheet("report")}\nbody{font-family:"BIZ UDPGothic","BIZ UDゴシック",sans-serif}`)}
          </style>
        </head>
        <body>
          <main class="report">
            <ReportBody report={report} view={{ mode: "print" }} />
          </main>
        </body>
      </html>
    </>
  );
}

/** The print document as a string, for htmlToPdf. */
export async function printHtml(report: ReportModel): Promise<string> {
  return (await (<PrintDocument report={report} />)).toString();
}
