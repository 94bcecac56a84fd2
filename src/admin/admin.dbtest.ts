// 管理 and the municipality's settings: administrators only, the change in the history.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

let open: OpenDatabase;
let app: ReturnType<typeof createApp>;
let admin: TestSession;

before(async () => {
  open = await openTestDatabase();
  await importDocuments(open.db, [samplePlanDocument()]);
  admin = await signIn(open.db, "admin", { municipalityCode: "012173" });
  app = createApp(open);
});
after(async () => open.close());

test("the administrator's 管理 page leads to every task; the header links to it", async () => {
  const html = await (await app.request("/admin", { headers: { cookie: admin.cookie } })).text();
  for (const href of ["/users", "/staffing/import", "/admin/municipality", "/admin/backup"])
    assert.match(html, new RegExp(`href="${href}"`));
  const office = await signIn(open.db, "office", { municipalityCode: "012173" });
  const page = await (await app.request("/", { headers: { cookie: office.cookie } })).text();
  assert.doesNotMatch(page, /href="\/admin"/);
});

test("the municipality's name is changed, checked and recorded", async () => {
  const empty = await app.request("/admin/municipality", postForm(admin, { name: "  " }));
  assert.equal(empty.status, 400);
  assert.match(await empty.text(), /団体名を入力してください/);
  const done = await app.request("/admin/municipality", postForm(admin, { name: "江別市役所" }));
  assert.equal(done.status, 303);
  const r = await sql<{
    name: string;
  }>`select name from municipalities where municipality_code = '012173'`.execute(open.db);
  assert.equal(r.rows[0]!.name, "江別市役所");
  const events = await sql<{ before: unknown; after: unknown }>`
    select before, after from audit_events where action = 'municipality.update'`.execute(open.db);
  assert.deepEqual(events.rows, [{ before: "江別市", after: "江別市役所" }]);
  const office = await signIn(open.db, "office", { municipalityCode: "012173" });
  assert.equal((await app.request("/admin/municipality", postForm(office, { name: "x" }))).status, 403);
});
