// The administrator's actions on accounts in the browser: role and departments, disable, enable, a new
// password; each in the history; never on their own account, never on another municipality's.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { signIn, TEST_PASSWORD, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";
import { login, sessionFromCookie } from "./auth.service.ts";
import { LoginLimiter } from "./rate-limit.ts";

let open: OpenDatabase;
let app: ReturnType<typeof createApp>;
let admin: TestSession;
let viewer: TestSession;
let elsewhere: TestSession;

before(async () => {
  open = await openTestDatabase();
  await importDocuments(open.db, [
    samplePlanDocument(),
    { ...samplePlanDocument({ key: "c" }), municipality: { code: "012246", name: "千歳市" } },
  ]);
  admin = await signIn(open.db, "admin", { municipalityCode: "012173", name: "管理 太郎" });
  viewer = await signIn(open.db, "viewer", { municipalityCode: "012173", name: "閲覧 花子" });
  elsewhere = await signIn(open.db, "viewer", { municipalityCode: "012246" });
  app = createApp(open);
});
after(async () => open.close());

const post = (path: string, body: Record<string, string | string[]> = {}) => {
  const params = new URLSearchParams({ _csrf: admin.csrf });
  for (const [k, v] of Object.entries(body)) for (const x of [v].flat()) params.append(k, x);
  return app.request(path, {
    method: "POST",
    body: params,
    headers: { cookie: admin.cookie, "content-type": "application/x-www-form-urlencoded" },
  });
};

async function history(): Promise<string[]> {
  const r = await sql<{ action: string; subject: string }>`
    select action, subject from audit_events where municipality_code = '012173' and action like 'user.%'
     order by at`.execute(open.db);
  return r.rows.map((x) => `${x.action} ${x.subject}`);
}

test("role and departments change; the account's sessions end; the change is in the history", async () => {
  const page = await app.request(`/users/${viewer.userId}`, { headers: { cookie: admin.cookie } });
  assert.equal(page.status, 200);
  const refused = await post(`/users/${viewer.userId}`, { role: "department" });
  assert.equal(refused.status, 400);
  assert.match(await refused.text(), /部署を一つ以上選んでください/);
  const done = await post(`/users/${viewer.userId}`, { role: "department", departments: ["総務部/総務課"] });
  assert.equal(done.status, 303);
  assert.equal(await sessionFromCookie(open.db, viewer.cookie.split("=")[1]), null, "logged out");
  const row = await sql<{ role: string; n: number }>`
    select role, (select count(*)::int from user_departments d where d.user_id = u.id) as n
      from users u where id = ${viewer.userId}`.execute(open.db);
  assert.deepEqual(row.rows[0], { role: "department", n: 1 });
  assert.deepEqual(await history(), [`user.update 閲覧 花子（${viewer.email}）`]);
});

test("disable refuses the login, enable lets it in again; a new password is shown once and works", async () => {
  const limiter = new LoginLimiter();
  const tryLogin = (password: string) =>
    login(open.db, limiter, { email: viewer.email, password, municipality: "012173" }, "127.0.0.1").then(
      () => true,
      () => false,
    );
  assert.equal((await post(`/users/${viewer.userId}/disable`)).status, 303);
  assert.equal(await tryLogin(TEST_PASSWORD), false);
  assert.equal((await post(`/users/${viewer.userId}/enable`)).status, 303);
  assert.equal(await tryLogin(TEST_PASSWORD), true);
  const reset = await post(`/users/${viewer.userId}/password`);
  assert.equal(reset.status, 200);
  assert.equal(reset.headers.get("cache-control"), "no-store");
  const password = /新しいパスワード: <code class="secret">([^<]+)<\/code>/.exec(await reset.text())?.[1];
  assert.ok(password);
  assert.equal(await tryLogin(TEST_PASSWORD), false);
  assert.equal(await tryLogin(password), true);
  const h = await history();
  assert.deepEqual(
    h.slice(1).map((x) => x.split(" ")[0]),
    ["user.disable", "user.enable", "user.password_reset"],
  );
  assert.ok(!h.some((x) => x.includes(password)), "the password is not in the history");
});

test("an account added on the users page is in the history, without its password", async () => {
  const r = await post("/users", { name: "新人 三郎", email: "new@city.example.jp", role: "viewer" });
  assert.equal(r.status, 200);
  const events = await sql<{ subject: string; after: unknown }>`
    select subject, after from audit_events where action = 'user.add'`.execute(open.db);
  assert.deepEqual(events.rows, [
    { subject: "新人 三郎（new@city.example.jp）", after: { role: "閲覧者", departments: [] } },
  ]);
});

test("not on one's own account, not on another municipality's, not by anyone but an administrator", async () => {
  assert.equal((await post(`/users/${admin.userId}/disable`)).status, 403);
  assert.equal((await post(`/users/${admin.userId}`, { role: "viewer" })).status, 403);
  assert.equal((await post(`/users/${elsewhere.userId}/disable`)).status, 404);
  const other = await signIn(open.db, "office", { municipalityCode: "012173" });
  const r = await app.request(`/users/${viewer.userId}/password`, {
    method: "POST",
    body: new URLSearchParams({ _csrf: other.csrf }),
    headers: { cookie: other.cookie, "content-type": "application/x-www-form-urlencoded" },
  });
  assert.equal(r.status, 403);
});
