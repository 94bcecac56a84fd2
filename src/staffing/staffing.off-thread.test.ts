// The staffing workbooks read and written in a worker thread: the same document, findings, places of problems,
// refusals and workbooks as in the request's thread.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { isAppError } from "../core/errors.ts";
import { parseStaffingDocument } from "../core/staffing-document/index.ts";
import { closeWorkers } from "../core/workers/pool.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { madeUpTownDocument } from "../testing/staffing-town.ts";
import { REPORT_KINDS, reportView } from "./staffing.export.tsx";
import { reportXlsx } from "./staffing.export-xlsx.ts";
import {
  readStaffingXlsxOffThread,
  staffingReportXlsxOffThread,
  writeStaffingWorkbookOffThread,
} from "./staffing.off-thread.ts";
import { readStaffingFiles } from "./staffing.service.ts";
import { readStaffingWorkbook, writeStaffingWorkbook } from "./staffing.template.ts";

after(closeWorkers);

const doc = parseStaffingDocument(sampleStaffingDocument());
/** A made-up town with a 定員適正化計画 (the sample has none). */
const town = parseStaffingDocument(madeUpTownDocument(), "town.json");

async function cells(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(`# ${ws.name}`);
    ws.eachRow((row, r) => row.eachCell((cell, c) => out.push(`${r}:${c} ${JSON.stringify(cell.value)}`)));
  });
  return out;
}

/** The JSON path of every record in arrays of the document, and of each of its fields. */
function paths(value: unknown, at = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => paths(v, `${at}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [`${at}.${k}`, ...paths(v, `${at}.${k}`)]);
}

describe("staffing workbooks off the request thread", () => {
  test("the template: the same document, findings and places as read in this thread", async () => {
    const bytes = await writeStaffingWorkbook(doc);
    const inline = await readStaffingWorkbook("t.xlsx", bytes);
    const r = await readStaffingXlsxOffThread("t.xlsx", bytes);
    assert.ok("template" in r);
    assert.deepEqual(r.template.document, inline.document);
    assert.deepEqual(r.template.findings, inline.findings);
    const all = paths(inline.document);
    assert.ok(all.length > 50);
    assert.deepEqual(all.map(r.template.locate), all.map(inline.locate));
    assert.equal(r.template.locate("$.headcounts[0].count"), inline.locate("$.headcounts[0].count"));
    assert.match(r.template.locate("$.populations[0].population") ?? "", /t\.xlsx シート「人口」 行 2 列 B/);
  });

  test("a problem of the document read in the worker names its cell", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeStaffingWorkbook(doc)) as unknown as ArrayBuffer);
    wb.getWorksheet("人口")!.getCell("B2").value = 0;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await assert.rejects(readStaffingFiles([{ path: "edited.xlsx", bytes }]), (e: unknown) => {
      assert.ok(isAppError(e, "invalid_document"), String(e));
      assert.match(e.message, /edited\.xlsx シート「人口」 行 2 列 B（人口）: 人口が 0 です/);
      return true;
    });
  });

  test("a broken workbook is refused from the worker as in this thread", async () => {
    const bytes = Buffer.from("PK\u0003\u0004 broken");
    const inline = await readStaffingWorkbook("x.xlsx", bytes).catch((e: unknown) => e);
    const off = await readStaffingXlsxOffThread("x.xlsx", bytes).catch((e: unknown) => e);
    assert.ok(isAppError(inline, "invalid_document") && isAppError(off, "invalid_document"));
    assert.equal(off.message, inline.message);
    assert.deepEqual(off.findings, inline.findings);
  });

  test("the template written in the worker has the same cells", async () => {
    assert.deepEqual(
      await cells(await writeStaffingWorkbookOffThread(doc)),
      await cells(await writeStaffingWorkbook(doc)),
    );
  });

  for (const kind of REPORT_KINDS)
    test(`${kind}: the report's workbook from the worker has the same cells`, async () => {
      const v = reportView(kind === "plan" ? town : doc, kind);
      assert.deepEqual(await cells(await staffingReportXlsxOffThread(v)), await cells(await reportXlsx(v)));
    });
});
