// Accounts through HTTP: login, sessions, cookies, CSRF, logout, rate limiting, the admin page, the CLI.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, TEST_PASSWORD } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";
import {
  createUser,
  listUsers,
  resetPassword,
  SESSION_IDLE_MS,
  sessionFromCookie,
  setAccountDisabled,
} from "./auth.service.ts";
import { createDemoUsers } from "./demo-users.service.ts";

/** The login form's CSRF cookie and token, as a browser gets them. */
async function loginForm(app: ReturnType<typeof createApp>, url = "http://localhost/login") {
  const res = await app.request(url);
  const html = await res.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const cookie = /gyokaku_login_csrf=([^;]+)/.exec(res.headers.get("set-cookie")!)![1]!;
  return { token, cookie: `gyokaku_login_csrf=${cookie}`, html, res };
}

async function login(
  app: ReturnType<typeof createApp>,
  email: string,
  password: string,
  next = "/",
  headers: Record<string, string> = {},
  municipality = "",
) {
  const form = await loginForm(app);
  return app.request("http://localhost/login", {
    method: "POST",
    body: new URLSearchParams({ _csrf: form.token, email, password, next, municipality }),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: form.cookie, ...headers },
  });
}

const sessionCookieOf = (res: Response) =>
  /gyokaku_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];

describe("accounts and sessions", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    await importDocuments(open.db, [samplePlanDocument()]);
    await createUser(open.db, {
      email: " Office@Example.JP ",
      name: "行革 花子",
      role: "office",
      password: TEST_PASSWORD,
    });
  });
  after(async () => open.close());

  test("anonymous requests to internal pages go to the login page and come back after login", async () => {
    const res = await app.request("/plans/x?y=1");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/login?next=${encodeURIComponent("/plans/x?y=1")}`);
    const page = await loginForm(app, "http://localhost/login?next=%2Fdashboard");
    assert.match(page.html, /<label for="f-email">メールアドレス<\/label>/);
    assert.match(page.html, /autocomplete="current-password"/);
    assert.match(page.html, /name="next" value="\/dashboard"/);
    const back = await login(app, "office@example.jp", TEST_PASSWORD, "/dashboard");
    assert.equal(back.status, 303);
    assert.equal(back.headers.get("location"), "/dashboard");
  });

  test("the session cookie is HttpOnly and SameSite=Lax, and Secure under HTTPS only", async () => {
    const res = await login(app, "OFFICE@example.jp", TEST_PASSWORD);
    const set = res.headers.get("set-cookie")!;
    assert.match(set, /gyokaku_session=012173\.[A-Za-z0-9_-]{43}/);
    assert.match(set, /HttpOnly/);
    assert.match(set, /SameSite=Lax/);
    assert.doesNotMatch(set, /Secure/);
    const form = await loginForm(app, "https://gyokaku.example/login");
    const https = await app.request("https://gyokaku.example/login", {
      method: "POST",
      body: new URLSearchParams({ _csrf: form.token, email: "office@example.jp", password: TEST_PASSWORD }),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: form.cookie },
    });
    assert.match(https.headers.get("set-cookie")!, /gyokaku_session=[^;]+;.*Secure/);
  });

  test("the database keeps only a hash of the session token", async () => {
    const value = sessionCookieOf(await login(app, "office@example.jp", TEST_PASSWORD))!;
    const token = value.split(".")[1]!;
    const rows = await open.db.selectFrom("sessions").select("id").execute();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.id !== token && /^[0-9a-f]{64}$/.test(r.id)));
    assert.equal((await sessionFromCookie(open.db, value))!.actor.email, "office@example.jp");
    assert.equal(await sessionFromCookie(open.db, `012173.${"A".repeat(43)}`), null);
    assert.equal(await sessionFromCookie(open.db, "garbage"), null);
  });

  test("a wrong password or unknown address gets the same message, with the field named", async () => {
    for (const [email, password] of [
      ["office@example.jp", "wrong-password-1"],
      ["nobody@example.jp", TEST_PASSWORD],
    ] as const) {
      const res = await login(app, email, password);
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /role="alert"/);
      assert.match(html, /メールアドレスまたはパスワードが違います/);
      assert.match(html, /aria-describedby="f-email-error"/);
      assert.equal(sessionCookieOf(res), undefined);
    }
  });

  test("the login form without its CSRF token is refused", async () => {
    const res = await app.request("/login", {
      method: "POST",
      body: new URLSearchParams({ email: "office@example.jp", password: TEST_PASSWORD }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(res.status, 403);
  });

  test("logout ends the session on the server, not only in the browser", async () => {
    const value = sessionCookieOf(await login(app, "office@example.jp", TEST_PASSWORD))!;
    const cookie = `gyokaku_session=${value}`;
    const page = await (await app.request("/", { headers: { cookie } })).text();
    assert.match(page, /行革 花子（行革担当）/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    assert.equal((await app.request("/logout", postForm({ cookie, csrf: "wrong" }, {}))).status, 403);
    const out = await app.request("/logout", postForm({ cookie, csrf }, {}));
    assert.equal(out.status, 303);
    assert.match(out.headers.get("set-cookie")!, /gyokaku_session=;/);
    assert.equal(
      (await app.request("/", { headers: { cookie } })).status,
      303,
      "the old cookie no longer works",
    );
  });

  test("a user changes their own password: the current one is checked, other sessions end, this one stays", async () => {
    await createUser(open.db, {
      email: "pw@example.jp",
      name: "変更 太郎",
      role: "viewer",
      password: TEST_PASSWORD,
    });
    const other = `gyokaku_session=${sessionCookieOf(await login(app, "pw@example.jp", TEST_PASSWORD))!}`;
    const cookie = `gyokaku_session=${sessionCookieOf(await login(app, "pw@example.jp", TEST_PASSWORD))!}`;
    const page = await (await app.request("/account/password", { headers: { cookie } })).text();
    assert.match(page, /<label for="f-current">今のパスワード<\/label>/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const post = (body: Record<string, string>) =>
      app.request("/account/password", postForm({ cookie, csrf }, body));
    const wrong = await post({
      current: "nope-nope-nope",
      password: "new-password-2026",
      confirm: "new-password-2026",
    });
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /今のパスワードが違います/);
    const mismatch = await post({
      current: TEST_PASSWORD,
      password: "new-password-2026",
      confirm: "other-2026-xx",
    });
    assert.match(await mismatch.text(), /同じパスワードをもう一度/);
    const ok = await post({
      current: TEST_PASSWORD,
      password: "new-password-2026",
      confirm: "new-password-2026",
    });
    assert.equal(ok.status, 303);
    assert.equal((await app.request("/", { headers: { cookie } })).status, 200, "this session stays");
    assert.equal((await app.request("/", { headers: { cookie: other } })).status, 303, "the other one ended");
    assert.equal((await login(app, "pw@example.jp", TEST_PASSWORD)).status, 400);
    assert.equal((await login(app, "pw@example.jp", "new-password-2026")).status, 303);
  });

  test("the operator resets a password and disables an account; sessions end", async () => {
    await createUser(open.db, {
      email: "op@example.jp",
      name: "運用 次郎",
      role: "viewer",
      password: TEST_PASSWORD,
    });
    const cookie = `gyokaku_session=${sessionCookieOf(await login(app, "op@example.jp", TEST_PASSWORD))!}`;
    await resetPassword(open.db, "OP@example.jp", "reset-password-2026");
    assert.equal((await app.request("/", { headers: { cookie } })).status, 303);
    assert.equal((await login(app, "op@example.jp", "reset-password-2026")).status, 303);
    await setAccountDisabled(open.db, "op@example.jp", true);
    assert.equal((await login(app, "op@example.jp", "reset-password-2026")).status, 400);
    await setAccountDisabled(open.db, "op@example.jp", false);
    assert.equal((await login(app, "op@example.jp", "reset-password-2026")).status, 303);
    await assert.rejects(
      resetPassword(open.db, "nobody@example.jp", "reset-password-2026"),
      /登録されていません/,
    );
  });

  test("an expired session is refused and removed", async () => {
    const value = sessionCookieOf(await login(app, "office@example.jp", TEST_PASSWORD))!;
    await open.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    assert.equal(await sessionFromCookie(open.db, value), null);
    assert.equal((await app.request("/", { headers: { cookie: `gyokaku_session=${value}` } })).status, 303);
    assert.ok(SESSION_IDLE_MS <= 8 * 60 * 60_000);
  });

  test("5 failures from one source: the right password from another source still works (no lockout)", async () => {
    await createUser(open.db, {
      email: "target@example.jp",
      name: "標的",
      role: "viewer",
      password: TEST_PASSWORD,
    });
    const saved = process.env.GYOKAKU_TRUST_PROXY;
    process.env.GYOKAKU_TRUST_PROXY = "1";
    try {
      const from = (ip: string, password: string) =>
        login(app, "target@example.jp", password, "/", { "x-forwarded-for": ip });
      for (let i = 0; i < 5; i++) {
        const res = await from("203.0.113.9", `wrong-${i}-xxxxxx`);
        // 3 failures are free, the 4th is allowed at once; after it the source waits a second (timing: either)
        if (i < 4) assert.equal(res.status, 400, `attempt ${i + 1}`);
        else assert.ok([400, 429].includes(res.status), `attempt ${i + 1}: ${res.status}`);
      }
      const owner = await from("198.51.100.7", TEST_PASSWORD);
      assert.equal(owner.status, 303, "the owner from their own address gets in");
      assert.ok(sessionCookieOf(owner));
    } finally {
      if (saved === undefined) delete process.env.GYOKAKU_TRUST_PROXY;
      else process.env.GYOKAKU_TRUST_PROXY = saved;
    }
  });

  test("users: admin only; a new user gets a one-time password shown once; errors name their field", async () => {
    const admin = await signIn(open.db, "admin");
    const viewer = await signIn(open.db, "viewer");
    assert.equal((await app.request("/users", { headers: { cookie: viewer.cookie } })).status, 403);
    const page = await (await app.request("/users", { headers: { cookie: admin.cookie } })).text();
    assert.match(page, /利用者を追加/);
    const bad = await app.request("/users", postForm(admin, { name: "", email: "x", role: "department" }));
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /href="#f-email"/);
    assert.match(html, /所管課の利用者には担当する部署/);
    const ok = await app.request(
      "/users",
      postForm(admin, {
        name: "職員 三郎",
        email: "saburo@example.jp",
        role: "department",
        departments: "職員課",
      }),
    );
    assert.equal(ok.status, 200);
    const password = /<code class="secret">([^<]+)<\/code>/.exec(await ok.text())![1]!;
    assert.equal((await login(app, "saburo@example.jp", password)).status, 303);
    const listed = (await listUsers(open.db)).find((u) => u.email === "saburo@example.jp")!;
    assert.deepEqual(
      listed.departments.map((d) => d.key),
      ["職員課"],
    );
  });

  test("creating users: unknown departments, duplicates and short passwords are refused", async () => {
    await assert.rejects(
      createUser(open.db, {
        email: "a@example.jp",
        name: "A",
        role: "department",
        departments: ["ない課"],
        password: TEST_PASSWORD,
      }),
      (e: { fields: Record<string, string> }) => /ない課/.test(e.fields.departments!),
    );
    await assert.rejects(
      createUser(open.db, { email: "office@example.jp", name: "B", role: "viewer", password: TEST_PASSWORD }),
      (e: { fields: Record<string, string> }) => /すでに登録/.test(e.fields.email!),
    );
    await assert.rejects(
      createUser(open.db, { email: "c@example.jp", name: "C", role: "viewer", password: "short" }),
      (e: { fields: Record<string, string> }) => /15文字以上/.test(e.fields.password!),
    );
    await assert.rejects(
      createUser(open.db, {
        email: "d@example.jp",
        name: "D",
        role: "viewer",
        password: TEST_PASSWORD,
        municipalityCode: "012174",
      }),
      (e: { fields: Record<string, string> }) => /検査数字/.test(e.fields.municipalityCode!),
    );
  });
});

describe("demo accounts", () => {
  test("one per role in 江別市 and one reform-office account per other demo municipality; created once; they log in", async () => {
    const open = await openTestDatabase();
    try {
      assert.deepEqual(await createDemoUsers(open.db), [], "nothing without the demo municipality");
      await importDocuments(open.db, [samplePlanDocument()]);
      const created = await createDemoUsers(open.db);
      assert.deepEqual(created.map((u) => u.role).sort(), ["admin", "department", "office", "viewer"]);
      assert.deepEqual(await createDemoUsers(open.db), []);
      await importDocuments(open.db, [
        { ...samplePlanDocument({ key: "chitose" }), municipality: { code: "012246", name: "千歳市" } },
      ]);
      const more = await createDemoUsers(open.db);
      assert.deepEqual(
        more.map((u) => u.email),
        ["chitose@demo.example.jp"],
      );
      const app = createApp(open);
      for (const u of [...created, ...more])
        assert.equal(
          (await login(app, u.email, u.password, "/", {}, u.municipalityCode ?? "012173")).status,
          303,
          u.email,
        );
      const dept = (await listUsers(open.db)).find((u) => u.role === "department")!;
      assert.deepEqual(
        dept.departments.map((d) => d.key),
        ["職員課"],
      );
    } finally {
      await open.close();
    }
  });
});
