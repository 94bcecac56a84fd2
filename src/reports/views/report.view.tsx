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

/** Which of the sheets a print part shows: [from, to) of model.sheets; the title goes with the first part. */
export type SheetsPart = { from: number; to: number };

export function ReportBody({
  report,
  view,
  part,
}: {
  report: ReportModel;
  view: ViewOptions;
  part?: SheetsPart | undefined;
}) {
  switch (report.kind) {
    case "summary":
      return <SummaryView model={report.model} view={view} />;
    case "sheets":
      return <SheetsView model={report.model} view={view} part={part} />;
    case "tally":
      return <TallyView model={report.model} />;
    case "roadmap":
      return <RoadmapView model={report.model} />;
  }
}

/** The print document: what the PDF is made from. Nothing in it is loaded from anywhere. */
export function PrintDocument({ report, part }: { report: ReportModel; part?: SheetsPart | undefined }) {
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
            <ReportBody report={report} view={{ mode: "print" }} part={part} />
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

/** 個票 per print part: each part starts on a new page anyway (one sheet per page), so parts print in parallel. */
const SHEETS_PER_PART = 60;

/**
 * The print document in parts that can be printed apart and joined (htmlPartsToPdf): the sheets in runs of
 * SHEETS_PER_PART; every other report in one piece (a table cut in two would break its pages differently).
 */
export async function printHtmlParts(report: ReportModel, perPart = SHEETS_PER_PART): Promise<string[]> {
  if (report.kind !== "sheets" || report.model.sheets.length <= perPart) return [await printHtml(report)];
  const total = report.model.sheets.length;
  const count = Math.ceil(total / perPart);
  const parts: SheetsPart[] = Array.from({ length: count }, (_, i) => ({
    from: Math.floor((i * total) / count),
    to: Math.floor(((i + 1) * total) / count),
  }));
  return Promise.all(
    parts.map(async (part) => (await (<PrintDocument report={report} part={part} />)).toString()),
  );
}
