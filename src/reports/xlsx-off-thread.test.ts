// The report's xlsx made in a worker thread is the same workbook as the one made in the request's thread.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import ExcelJS from "exceljs";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { closeWorkers } from "../core/workers/pool.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { buildReport } from "./build-report.ts";
import { evaluatePlan } from "./evaluation.ts";
import type { ReportKind } from "./report.model.ts";
import { reportXlsx } from "./reports.xlsx.ts";
import { reportXlsxOffThread } from "./xlsx-off-thread.ts";

after(closeWorkers);

async function cells(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(`# ${ws.name}`);
    ws.eachRow((row, r) => row.eachCell((cell, c) => out.push(`${r}:${c} ${JSON.stringify(cell.value)}`)));
  });
  return out;
}

for (const kind of ["summary", "sheets", "tally", "roadmap"] as ReportKind[])
  test(`${kind}: the same cells from the worker thread`, async () => {
    const report = buildReport(kind, evaluatePlan(parsePlanDocument(samplePlanDocument()), 2021));
    const inline = await cells(await reportXlsx(report));
    assert.ok(inline.length > 10);
    assert.deepEqual(await cells(await reportXlsxOffThread(report)), inline);
  });
