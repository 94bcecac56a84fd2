/**
 * The staffing template uploaded in the browser is read in a worker thread (issue 17.2): while the worker is busy
 * (held by the test, blocked as a long parse blocks it), the server answers /healthz and pages; the upload then
 * stores the data as before. A report's workbook is made there too. Ordering, not milliseconds.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseStaffingDocument } from "../core/staffing-document/index.ts";
import { closeWorkers } from "../core/workers/pool.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { answersWhileWorkerHeld } from "../testing/worker-hold.ts";
import { createApp } from "../web/app.tsx";
import { writeStaffingWorkbook } from "./staffing.template.ts";

/** /healthz and the staffing page answer while the worker is held inside the request's task; then its response. */
const answersMeanwhile = (
  app: ReturnType<typeof createApp>,
  session: TestSession,
  heavy: () => Promise<Response>,
) => answersWhileWorkerHeld(app, heavy, [{ path: "/staffing", cookie: session.cookie }]);

describe("staffing workbooks off the request thread", () => {
  let open: OpenDatabase;
  let office: TestSession;
  before(async () => {
    open = await openTestDatabase();
    await importDocuments(open.db, [samplePlanDocument()]);
    office = await signIn(open.db, "office", { municipalityCode: "012173" });
  });
  after(async () => {
    await closeWorkers();
    await open.close();
  });

  test("an uploaded template is read in the worker; /healthz and pages answer meanwhile", async () => {
    const app = createApp(open);
    const bytes = await writeStaffingWorkbook(parseStaffingDocument(sampleStaffingDocument()));
    const form = new FormData();
    form.append("_csrf", office.csrf);
    form.append("files", new Blob([new Uint8Array(bytes)]), "ebetsu.xlsx");
    const res = await answersMeanwhile(app, office, async () =>
      app.request("/staffing/import", { method: "POST", body: form, headers: { cookie: office.cookie } }),
    );
    const html = await res.text();
    assert.equal(res.status, 200, html);
    // the upload is previewed (issue 17.3); storing it is the confirmation's
    assert.match(html, /取り込む定数管理データの確認[\s\S]*新しく保存します/);
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? "";
    const confirm = new URLSearchParams({
      _csrf: office.csrf,
      token: field("token"),
      upload: field("upload"),
    });
    const stored = await app.request("/staffing/import/confirm", {
      method: "POST",
      body: confirm,
      headers: { cookie: office.cookie, "content-type": "application/x-www-form-urlencoded" },
    });
    assert.match(await stored.text(), /江別市の定数管理のデータを保存しました/);
  });

  test("a staffing document as JSON is parsed and checked in the worker; /healthz and pages answer meanwhile", async () => {
    const app = createApp(open);
    const form = new FormData();
    form.append("_csrf", office.csrf);
    form.append("files", new Blob([JSON.stringify(sampleStaffingDocument())]), "ebetsu-staffing.json");
    const res = await answersMeanwhile(app, office, async () =>
      app.request("/staffing/import", { method: "POST", body: form, headers: { cookie: office.cookie } }),
    );
    const html = await res.text();
    assert.equal(res.status, 200, html);
    assert.match(html, /取り込む定数管理データの確認/);
  });

  test("a staffing document that cannot be read is refused from the worker, saying which file", async () => {
    const app = createApp(open);
    const form = new FormData();
    form.append("_csrf", office.csrf);
    form.append(
      "files",
      new Blob(['{"format": "gyokaku-staffing", "municipality": {"code": "0121']),
      "broken.json",
    );
    const res = await app.request("/staffing/import", {
      method: "POST",
      body: form,
      headers: { cookie: office.cookie },
    });
    assert.equal(res.status, 400);
    assert.match(
      await res.text(),
      /broken\.json[\s\S]*JSON として読めません|JSON として読めません[\s\S]*broken\.json/,
    );
  });

  test("a report's workbook is made in the worker; /healthz and pages answer meanwhile", async () => {
    const app = createApp(open);
    const res = await answersMeanwhile(app, office, async () =>
      app.request("/staffing/012173/headcount.xlsx", { headers: { cookie: office.cookie } }),
    );
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /spreadsheetml/);
    assert.ok((await res.arrayBuffer()).byteLength > 1000);
  });
});
