// Staffing data uploaded in the browser: the user's own municipality only, in the history, refusals named.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { createApp } from "../web/app.tsx";

let open: OpenDatabase;
let app: ReturnType<typeof createApp>;
let office: TestSession;

before(async () => {
  open = await openTestDatabase();
  await importDocuments(open.db, [samplePlanDocument()]);
  office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
  app = createApp(open);
});
after(async () => open.close());

function upload(session: TestSession, files: { name: string; text: string }[]) {
  const form = new FormData();
  form.append("_csrf", session.csrf);
  for (const f of files) form.append("files", new Blob([f.text]), f.name);
  return app.request("/staffing/import", { method: "POST", body: form, headers: { cookie: session.cookie } });
}

/** Posts the confirmation form of a preview page (its token and upload hash), ticked or not. */
function confirmForm(session: TestSession, preview: string, allowRemovals = false) {
  const token = /name="token" value="([^"]+)"/.exec(preview)?.[1] ?? "";
  const uploadHash = /name="upload" value="([^"]+)"/.exec(preview)?.[1] ?? "";
  const form = new URLSearchParams({ _csrf: session.csrf, token, upload: uploadHash });
  if (allowRemovals) form.set("allowRemovals", "yes");
  return form;
}

function confirm(session: TestSession, preview: string, allowRemovals = false) {
  return app.request("/staffing/import/confirm", {
    method: "POST",
    body: confirmForm(session, preview, allowRemovals),
    headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
  });
}

test("the reform office uploads its staffing document; it is stored and in the history", async () => {
  const page = await app.request("/staffing/import", { headers: { cookie: office.cookie } });
  assert.equal(page.status, 200);
  const r = await upload(office, [{ name: "ebetsu.json", text: JSON.stringify(sampleStaffingDocument()) }]);
  const preview = await r.text();
  assert.equal(r.status, 200, preview);
  assert.match(preview, /まだ何も保存していません/);
  const confirmed = await confirm(office, preview);
  const html = await confirmed.text();
  assert.equal(confirmed.status, 200, html);
  assert.match(html, /江別市の定数管理のデータを保存しました/);
  const events = await sql<{ action: string; actor_name: string }>`
    select action, actor_name from audit_events where action = 'staffing.import'`.execute(open.db);
  assert.deepEqual(events.rows, [{ action: "staffing.import", actor_name: "行革 花子" }]);
});

test("another municipality's data, a broken file and an empty form are refused; a viewer may not", async () => {
  const doc = sampleStaffingDocument();
  const other = { ...doc, municipality: { code: "012246", name: "千歳市" } };
  const r = await upload(office, [{ name: "chitose.json", text: JSON.stringify(other) }]);
  assert.equal(r.status, 400);
  assert.match(await r.text(), /chitose\.json（012246 千歳市）: 自分の団体（012173）のデータだけ/);
  const broken = await upload(office, [{ name: "x.json", text: "{ not json" }]);
  assert.equal(broken.status, 400);
  assert.match(await broken.text(), /x\.json/);
  assert.equal((await upload(office, [])).status, 400);
  const viewer = await signIn(open.db, "viewer", { municipalityCode: "012173" });
  assert.equal((await upload(viewer, [{ name: "a.json", text: "{}" }])).status, 403);
});
