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
import { SummaryView, summarySections } from "./summary.view.tsx";
import { TallyView } from "./tally.view.tsx";

/**
 * Which part of the document a print part shows: [from, to) of the sheets (個票) or of the top-level sections
 * (一覧, see summarySections); the title goes with the first part.
 */
export type PrintPart = { from: number; to: number };
/** @deprecated the name before the 一覧 was printed in parts too */
export type SheetsPart = PrintPart;

export function ReportBody({
  report,
  view,
  part,
}: {
  report: ReportModel;
  view: ViewOptions;
  part?: PrintPart | undefined;
}) {
  switch (report.kind) {
    case "summary":
      return <SummaryView model={report.model} view={view} part={part} />;
    case "sheets":
      return <SheetsView model={report.model} view={view} part={part} />;
    case "tally":
      return <TallyView model={report.model} />;
    case "roadmap":
      return <RoadmapView model={report.model} />;
  }
}

/** The print document: what the PDF is made from. Nothing in it is loaded from anywhere. */
export function PrintDocument({ report, part }: { report: ReportModel; part?: PrintPart | undefined }) {
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
/** 一覧 rows per print part, at least: parts are whole top-level sections, each of which starts a page. */
const SUMMARY_ROWS_PER_PART = 120;

/**
 * The print document in parts that can be printed apart and joined (htmlPartsToPdf) with the same pages as
 * in one piece: the sheets in runs of `perPart` (SHEETS_PER_PART); the 一覧 in runs of whole top-level
 * sections of at least `perPart` rows (SUMMARY_ROWS_PER_PART; each section starts a page of its own); every
 * other report in one piece (a table cut in two would break its pages differently).
 */
export async function printHtmlParts(report: ReportModel, perPart?: number): Promise<string[]> {
  const parts =
    report.kind === "sheets"
      ? evenRuns(report.model.sheets.length, perPart ?? SHEETS_PER_PART)
      : report.kind === "summary"
        ? sectionRuns(
            summarySections(report.model).map((s) => s.length),
            perPart ?? SUMMARY_ROWS_PER_PART,
          )
        : [];
  if (parts.length <= 1) return [await printHtml(report)];
  return Promise.all(
    parts.map(async (part) => (await (<PrintDocument report={report} part={part} />)).toString()),
  );
}

/** [0, total) in runs of about `perPart`, as even as they go. */
function evenRuns(total: number, perPart: number): PrintPart[] {
  const count = Math.ceil(total / perPart);
  return Array.from({ length: count }, (_, i) => ({
    from: Math.floor((i * total) / count),
    to: Math.floor(((i + 1) * total) / count),
  }));
}

/** Consecutive sections joined until a run holds at least `perPart` rows (the last takes what is left). */
function sectionRuns(sizes: number[], perPart: number): PrintPart[] {
  const runs: PrintPart[] = [];
  let from = 0;
  let rows = 0;
  sizes.forEach((n, i) => {
    rows += n;
    if (rows >= perPart) {
      runs.push({ from, to: i + 1 });
      from = i + 1;
      rows = 0;
    }
  });
  if (from < sizes.length) {
    if (runs.length > 0 && rows < perPart / 2) runs.at(-1)!.to = sizes.length;
    else runs.push({ from, to: sizes.length });
  }
  return runs;
}
