/**
 * Rows that no importer or editor writes (a department or item that is its own ancestor), put there by
 * hand or by an older version: reading the plan still answers, and the web app keeps serving.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { getPlan, importDocuments } from "../plans/plans.service.ts";
import { signIn } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "./app.tsx";

describe("bad rows in the plan store", () => {
  let open: OpenDatabase;
  let planId: string;
  before(async () => {
    open = await openTestDatabase();
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
  });
  after(async () => open.close());

  test("departments and items in a parent loop: the plan still loads; the database refuses an own parent", async () => {
    // The database refuses loops (src/db/parent-cycles.dbtest.ts); rows from before that, or from a restore with
    // the triggers off, are what this test reads: the triggers are set aside for it.
    for (const t of ["departments", "plan_items"])
      await sql.raw(`alter table ${t} disable trigger ${t}_no_parent_cycle`).execute(open.db);
    const depts = await open.db.selectFrom("departments").select(["id", "key"]).execute();
    const a = depts.find((d) => d.key === "総務部")!;
    const b = depts.find((d) => d.key === "総務部/総務課")!;
    await open.db.updateTable("departments").set({ parent_id: b.id }).where("id", "=", a.id).execute();
    await open.db.updateTable("departments").set({ parent_id: a.id }).where("id", "=", b.id).execute();
    const item = await open.db
      .selectFrom("plan_items")
      .select("id")
      .where("key", "=", "2")
      .where("plan_id", "=", planId)
      .executeTakeFirstOrThrow();
    await assert.rejects(
      open.db.updateTable("plan_items").set({ parent_id: item.id }).where("id", "=", item.id).execute(),
      /not_own_parent/,
    );
    await assert.rejects(
      open.db.updateTable("departments").set({ parent_id: a.id }).where("id", "=", a.id).execute(),
      /not_own_parent/,
    );
    const child = await open.db
      .selectFrom("plan_items")
      .select("id")
      .where("parent_id", "=", item.id)
      .executeTakeFirstOrThrow();
    await open.db.updateTable("plan_items").set({ parent_id: child.id }).where("id", "=", item.id).execute();

    const doc = await getPlan(open.db, planId);
    assert.ok(doc);
    assert.deepEqual(
      doc.items.map((i) => i.key),
      ["1"],
      "the item in a loop is left out, not recursed into",
    );
    const app = createApp(open);
    const viewer = await signIn(open.db, "viewer");
    const page = await app.request(`/plans/${planId}`, { headers: { cookie: viewer.cookie } });
    assert.equal(page.status, 200);
    assert.equal((await app.request("/healthz")).status, 200);
    for (const t of ["departments", "plan_items"])
      await sql.raw(`alter table ${t} enable trigger ${t}_no_parent_cycle`).execute(open.db);
  });

  test("a NUL in a form field or query parameter is refused with 400 naming the field", async () => {
    const app = createApp(open);
    const viewer = await signIn(open.db, "viewer");
    const res = await app.request(`/plans/${planId}?fy=%00`, { headers: { cookie: viewer.cookie } });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /「fy」に制御文字（U\+0000）/);
    const login = await app.request("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: "email=a%00b%40example.jp&password=x",
    });
    assert.equal(login.status, 400);
    assert.match(await login.text(), /「email」に制御文字/);
  });

  test("HSTS is sent over HTTPS only", async () => {
    const app = createApp(open);
    const plain = await app.request("http://localhost/healthz");
    assert.equal(plain.headers.get("strict-transport-security"), null);
    const secure = await app.request("https://gyokaku.example.jp/healthz");
    assert.equal(secure.headers.get("strict-transport-security"), "max-age=31536000");
  });

  test("a fault shows a page with a reference, never the internal message or stack", async () => {
    const own = await openTestDatabase();
    await importDocuments(own.db, [samplePlanDocument()]);
    const app = createApp(own);
    const viewer = await signIn(own.db, "viewer");
    await own.close();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args); // the log keeps the detail
    try {
      const res = await app.request("/", { headers: { cookie: viewer.cookie } });
      assert.equal(res.status, 500);
      const html = await res.text();
      assert.match(html, /<h1>エラーが発生しました<\/h1>/);
      assert.doesNotMatch(html, /見つかりません|closed|PGlite|pg_|SELECT|select |Error|\bat \//i);
      assert.ok(errors.length > 0, "the detail went to the server's log");
    } finally {
      console.error = original;
    }
  });
});
