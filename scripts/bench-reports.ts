// Benchmark of the reports: a synthetic plan of 300 items and 600 indicators over 10 fiscal years, stored in an
// in-memory PGlite, and every report kind generated as HTML, xlsx and PDF; prints the time of each.
//   npm run bench:reports            (ITEMS=300 INDICATORS_PER_ITEM=2 YEARS=10 to change the size)
// html and pdf include making the HTML in a worker thread; "copy" is copying the model for it (structured clone).
// Aims (issue 16.4, quiet machine): summary PDF < 3 s, sheets PDF < 10 s, sheets page < 1 s. Printed, never asserted.
import { existsSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { closeBrowser, sharedBrowser } from "../src/core/pdf/pdf.ts";
import { openDatabase } from "../src/db/database.ts";
import { importDocuments } from "../src/plans/plans.service.ts";
import { reportBodyHtmlOffThread } from "../src/reports/html-off-thread.ts";
import { REPORT_FORMATS, REPORT_KINDS } from "../src/reports/report.model.ts";
import { loadPlan, renderReport, reportModel } from "../src/reports/reports.service.ts";
import { pagePart, SHEETS_PER_PAGE } from "../src/reports/sheet-pages.ts";
import { syntheticPlan } from "../src/testing/synthetic-plan.ts";

const items = Number(process.env.ITEMS ?? 300);
const perItem = Number(process.env.INDICATORS_PER_ITEM ?? 2);
const years = Number(process.env.YEARS ?? 10);
const firstYear = 2016;
const fiscalYear = firstYear + years - 1;
const hasChromium = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");

const ms = (t0: number) => performance.now() - t0;
const open = await openDatabase({ kind: "pglite-memory" });
try {
  let t0 = performance.now();
  const doc = syntheticPlan({ items, indicatorsPerItem: perItem, years, firstYear });
  const [stored] = await importDocuments(open.db, [doc]);
  console.log(
    `synthetic plan: ${stored!.items} items, ${stored!.indicators} indicators, ${stored!.actuals} actuals, ${years} years — stored in ${ms(t0).toFixed(0)} ms (PGlite, memory)`,
  );
  if (hasChromium) {
    t0 = performance.now();
    await sharedBrowser();
    console.log(`Chromium started in ${ms(t0).toFixed(0)} ms (once per process, not counted below)`);
  }
  const plan = await loadPlan(open.db, stored!.planId);
  const webPages: string[] = [];
  const rows: {
    kind: string;
    model: number;
    copy: number;
    times: Record<string, string>;
    sizes: Record<string, string>;
  }[] = [];
  for (const kind of REPORT_KINDS) {
    t0 = performance.now();
    const report = await reportModel(open.db, plan, fiscalYear, kind);
    const model = ms(t0);
    // The HTML is made in a worker thread: the model is copied to it (structured clone) on the request's thread.
    t0 = performance.now();
    structuredClone(report);
    const copy = ms(t0);
    const times: Record<string, string> = {};
    const sizes: Record<string, string> = {};
    if (report.kind === "sheets") {
      // The 個票 on the web: a page of SHEETS_PER_PAGE sheets (src/reports/sheet-pages.ts), before any chart of
      // them is drawn (the formats below draw every chart and keep them), as the app's route makes it.
      for (const page of [1, 2]) {
        t0 = performance.now();
        const body = await reportBodyHtmlOffThread(report, {
          planId: plan.planId,
          canJudge: true,
          part: pagePart(report.model, page),
        });
        webPages.push(
          `sheets web page ${page} (${SHEETS_PER_PAGE} of ${report.model.sheets.length} sheets, charts not drawn before): ${ms(t0).toFixed(0)} ms + model ${model.toFixed(0)} ms, ${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`,
        );
      }
    }
    for (const format of REPORT_FORMATS) {
      if (format === "pdf" && !hasChromium) {
        times[format] = "(no Chromium)";
        continue;
      }
      t0 = performance.now();
      const file = await renderReport(report, format);
      times[format] = `${ms(t0).toFixed(0)} ms`;
      const bytes = typeof file.body === "string" ? Buffer.byteLength(file.body) : file.body.length;
      sizes[format] = `${(bytes / 1024).toFixed(0)} KiB`;
      if (format === "pdf") {
        const pages = (await PDFDocument.load(file.body as Buffer)).getPageCount();
        sizes[format] += ` (${pages} pages)`;
      }
    }
    rows.push({ kind, model, copy, times, sizes });
  }
  console.log(`\nreports for FY${fiscalYear} (load + evaluate + build the model, then render each format):`);
  const header = [
    "kind".padEnd(8),
    "model".padStart(8),
    "copy".padStart(8),
    ...REPORT_FORMATS.map((f) => f.padStart(16)),
  ];
  console.log(`${header.join(" ")}   sizes (html / xlsx / pdf)`);
  for (const r of rows) {
    const cells = [
      r.kind.padEnd(8),
      `${r.model.toFixed(0)} ms`.padStart(8),
      `${r.copy.toFixed(0)} ms`.padStart(8),
      ...REPORT_FORMATS.map((f) => (r.times[f] ?? "").padStart(16)),
    ];
    console.log(`${cells.join(" ")}   ${REPORT_FORMATS.map((f) => r.sizes[f] ?? "-").join(" / ")}`);
  }
  for (const line of webPages) console.log(line);
  console.log(
    "\naim on a quiet machine: summary pdf < 3 s, sheets pdf < 10 s, sheets page (model + html) < 1 s; xlsx < 1 s",
  );
} finally {
  await closeBrowser();
  await open.close();
}
