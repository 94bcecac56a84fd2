// An e-mail address is unique within a municipality only (issue 17.4): an administrator adding an address that
// another municipality uses learns nothing, login names the municipality, and the operator's commands ask for
// it when an address is in several.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, TEST_PASSWORD } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";
import { createUser, resetPassword, setAccountDisabled } from "./auth.service.ts";

const EBETSU = "012173";
const SAPPORO = "011002";
const SHARED = "shared@example.jp";
/** an address of Sapporo's that an Ebetsu administrator then adds */
const TAKEN = "taken@example.jp";
const SAPPORO_PASSWORD = "sapporo-password-2026";

async function loginPage(app: ReturnType<typeof createApp>, query = "") {
  const res = await app.request(`http://localhost/login${query}`);
  const html = await res.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const cookie = /gyokaku_login_csrf=([^;]+)/.exec(res.headers.get("set-cookie")!)![1]!;
  return { token, cookie: `gyokaku_login_csrf=${cookie}`, html };
}

async function login(app: ReturnType<typeof createApp>, email: string, password: string, municipality = "") {
  const form = await loginPage(app);
  return app.request("http://localhost/login", {
    method: "POST",
    body: new URLSearchParams({ _csrf: form.token, email, password, next: "/", municipality }),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: form.cookie },
  });
}

/** A page's text without what changes from one request to the next (tokens). */
const stable = (html: string) => html.replace(/value="[A-Za-z0-9_-]{43}"/g, 'value="…"');

describe("e-mail addresses are unique per municipality", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    await importDocuments(open.db, [
      samplePlanDocument(),
      { ...samplePlanDocument({ key: "sapporo" }), municipality: { code: SAPPORO, name: "札幌市" } },
    ]);
    await createUser(open.db, {
      email: SHARED,
      name: "札幌 太郎",
      role: "office",
      password: SAPPORO_PASSWORD,
      municipalityCode: SAPPORO,
    });
    await createUser(open.db, {
      email: TAKEN,
      name: "札幌 三郎",
      role: "viewer",
      password: SAPPORO_PASSWORD,
      municipalityCode: SAPPORO,
    });
  });
  after(async () => open.close());

  test("an admin adding an address another municipality uses gets the same answer as for a new address", async () => {
    const admin = await signIn(open.db, "admin", { municipalityCode: EBETSU });
    const add = (email: string) =>
      app.request("/users", postForm(admin, { email, name: "江別 花子", role: "viewer" }));
    const taken = await add(TAKEN);
    const fresh = await add("fresh@example.jp");
    assert.equal(taken.status, 200);
    assert.equal(fresh.status, 200);
    const [takenHtml, freshHtml] = [await taken.text(), await fresh.text()];
    assert.doesNotMatch(takenHtml, /すでに|札幌|011002/);
    // both added, and shown with their one-time password alike
    for (const [html, email] of [
      [takenHtml, TAKEN],
      [freshHtml, "fresh@example.jp"],
    ] as const)
      assert.match(html, new RegExp(`${email.replace(".", "\\.")}[\\s\\S]*パスワード`));
    // within its own municipality the address is taken, and that is said
    const again = await add(TAKEN);
    assert.equal(again.status, 400);
    assert.match(await again.text(), /すでに登録されています（この団体のアカウント）/);
  });

  test("login asks for the municipality when there are several; the answer does not depend on the address", async () => {
    const page = await loginPage(app, "?municipality=011002");
    assert.match(page.html, /<label[^>]*for="f-municipality"[^>]*>\s*団体/);
    assert.match(page.html, /<option value="011002" selected="">札幌市（011002）<\/option>/);
    const known = await login(app, SHARED, SAPPORO_PASSWORD);
    const unknown = await login(app, "nobody@example.jp", SAPPORO_PASSWORD);
    assert.equal(known.status, 400);
    assert.equal(unknown.status, 400);
    const [k, u] = [await known.text(), await unknown.text()];
    assert.match(k, /団体を選んでください/);
    assert.equal(stable(k).replace(SHARED, "ADDRESS"), stable(u).replace("nobody@example.jp", "ADDRESS"));
  });

  test("the same address logs in to the municipality chosen, with that account's password", async () => {
    const ebetsu = await createUser(open.db, {
      email: SHARED,
      name: "江別 次郎",
      role: "viewer",
      password: TEST_PASSWORD,
      municipalityCode: EBETSU,
    });
    const toSapporo = await login(app, SHARED, SAPPORO_PASSWORD, SAPPORO);
    assert.equal(toSapporo.status, 303);
    assert.match(toSapporo.headers.get("set-cookie")!, /gyokaku_session=011002\./);
    assert.match(toSapporo.headers.get("set-cookie")!, /gyokaku_municipality=011002/);
    const toEbetsu = await login(app, SHARED, TEST_PASSWORD, EBETSU);
    assert.equal(toEbetsu.status, 303);
    assert.match(toEbetsu.headers.get("set-cookie")!, /gyokaku_session=012173\./);
    assert.equal(ebetsu.municipalityCode, EBETSU);
    // Sapporo's password in Ebetsu: the same refusal as an address Ebetsu does not have
    const wrong = await login(app, SHARED, SAPPORO_PASSWORD, EBETSU);
    const none = await login(app, "nobody@example.jp", SAPPORO_PASSWORD, EBETSU);
    assert.equal(wrong.status, 400);
    assert.equal(none.status, 400);
    const [w, n] = [await wrong.text(), await none.text()];
    assert.match(w, /メールアドレスまたはパスワードが違います。選んだ団体が正しいかも確かめてください。/);
    assert.equal(stable(w).replace(SHARED, "ADDRESS"), stable(n).replace("nobody@example.jp", "ADDRESS"));
  });

  test("the operator's commands need --municipality for an address in several municipalities", async () => {
    await assert.rejects(resetPassword(open.db, SHARED, "operator-reset-2026"), (e: Error) =>
      /複数の団体.*--municipality.*011002 札幌市.*012173/.test(e.message),
    );
    await resetPassword(open.db, SHARED, "operator-reset-2026", EBETSU);
    assert.equal((await login(app, SHARED, "operator-reset-2026", EBETSU)).status, 303);
    assert.equal((await login(app, SHARED, SAPPORO_PASSWORD, SAPPORO)).status, 303, "Sapporo's is unchanged");
    await setAccountDisabled(open.db, SHARED, true, SAPPORO);
    assert.equal((await login(app, SHARED, SAPPORO_PASSWORD, SAPPORO)).status, 400);
    assert.equal((await login(app, SHARED, "operator-reset-2026", EBETSU)).status, 303);
    await assert.rejects(
      resetPassword(open.db, "nobody@example.jp", "operator-reset-2026", EBETSU),
      /団体 012173 に登録されていません/,
    );
  });
});
