// A server without Chromium (CHROMIUM_PATH pointing at nothing): every page of the app still answers without a
// 500; where a PDF link was, the page says in plain words what PDF needs; a PDF download answers 503 with the
// same words (never an internal message); Excel and the pages stay available.
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { publishFiscalYear } from "../publish/publish.service.ts";
import { REPORT_KINDS } from "../reports/report.model.ts";
import { openRound } from "../rounds/rounds.service.ts";
import { importStaffingDocuments, REPORT_KINDS as STAFFING_REPORTS } from "../staffing/staffing.service.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { createApp } from "./app.tsx";

describe("a server without Chromium", () => {
  const saved = process.env.CHROMIUM_PATH;
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let params: Record<string, string>;

  before(async () => {
    process.env.CHROMIUM_PATH = join(tmpdir(), "gyokaku-no-chromium", "chromium");
    open = await openTestDatabase();
    app = createApp(open);
    const [plan] = await importDocuments(open.db, [samplePlanDocument()]);
    await publishFiscalYear(open.db, { plan: plan!.planId, fiscalYear: 2022 });
    await importStaffingDocuments(open.db, [{ document: sampleStaffingDocument() }]);
    office = await signIn(open.db, "office", { municipalityCode: "012173" });
    const roundId = await openRound(
      open.db,
      {
        id: office.userId,
        municipalityCode: "012173",
        email: office.email,
        name: "office",
        role: "office",
        departmentIds: [],
      },
      { planId: plan!.planId, fiscalYear: "2022", deadline: "2030-03-31" },
    );
    params = {
      id: plan!.planId,
      planId: plan!.planId,
      roundId,
      itemKey: "1-1-1",
      code: "012173",
      key: "sample",
      fy: "2022",
      kind: "summary",
      report: "diagnosis",
      table: "values",
      "*": "app.css",
    };
  });
  after(async () => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    await open.close();
  });

  const get = (url: string) => app.request(url, { headers: { cookie: office.cookie } });

  test("no page answers 500", async () => {
    const problems: string[] = [];
    const paths = [
      ...new Set(app.routes.filter((r) => r.method === "GET").map((r) => r.path)),
      ...REPORT_KINDS.flatMap((k) => [
        `/plans/:id/reports/${k}?fy=2022&format=pdf`,
        `/plans/:id/reports/${k}?fy=2022&format=xlsx`,
      ]),
      ...STAFFING_REPORTS.flatMap((k) => [`/staffing/:code/${k}.pdf`, `/staffing/:code/${k}.xlsx`]),
    ];
    for (const path of paths) {
      const url = path.replace(/:([A-Za-z]+)|\*/g, (m, name?: string) =>
        encodeURIComponent(params[name ?? m]!),
      );
      const res = await get(url);
      const body = await res.text();
      if (res.status >= 500 && res.status !== 503) problems.push(`${url}: ${res.status}`);
      if (res.status === 503 && !url.includes("pdf")) problems.push(`${url}: 503 without PDF`);
      if (/at \S+ \(|Error:|CHROMIUM_PATH|gyokaku-no-chromium/.test(body))
        problems.push(`${url}: internal text`);
    }
    assert.deepEqual(problems, []);
  });

  test("a PDF download answers 503 in plain words; Excel still downloads", async () => {
    for (const url of [
      `/plans/${params.id}/reports/summary?fy=2022&format=pdf`,
      `/staffing/012173/diagnosis.pdf`,
    ]) {
      const res = await get(url);
      assert.equal(res.status, 503, url);
      assert.match(res.headers.get("content-type") ?? "", /text\/html/);
      const html = await res.text();
      assert.match(html, /PDF を作るには、このシステムのサーバーに Chromium/);
      assert.match(html, /Excel（xlsx）のダウンロードは使えます/);
    }
    const xlsx = await get(`/plans/${params.id}/reports/summary?fy=2022&format=xlsx`);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get("content-type") ?? "", /spreadsheetml/);
    assert.equal((await get(`/staffing/012173/diagnosis.xlsx`)).status, 200);
  });

  test("where the PDF links were, the pages say what PDF needs", async () => {
    for (const url of [
      `/plans/${params.id}/reports?fy=2022`,
      `/plans/${params.id}/reports/summary?fy=2022`,
      `/staffing/012173/diagnosis`,
    ]) {
      const res = await get(url);
      assert.equal(res.status, 200, url);
      const html = await res.text();
      assert.match(html, /PDF を作るには、サーバーに Chromium が必要です/, url);
      assert.doesNotMatch(html, /format=pdf|\.pdf["?]/, url);
      assert.match(html, /xlsx/, url);
    }
  });
});
