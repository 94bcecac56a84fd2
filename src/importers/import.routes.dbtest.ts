// Importing from the app: the reform office uploads files; only its own municipality's plans are stored.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { writePlanWorkbook } from "../core/plan-workbook/index.ts";
import type { OpenDatabase } from "../db/database.ts";
import { exportDocument, importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

describe("importing from the app", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    await importDocuments(open.db, [samplePlanDocument()]);
    office = await signIn(open.db, "office", { municipalityCode: "012173" });
  });
  after(async () => open.close());

  const upload = (s: TestSession, files: { name: string; text: string }[]) => {
    const body = new FormData();
    for (const f of files) body.append("files", new File([f.text], f.name, { type: "application/json" }));
    body.append("format", "");
    return app.request("/import", {
      method: "POST",
      body,
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf, origin: "http://localhost" },
    });
  };

  const confirm = (s: TestSession, html: string, extra: Record<string, string> = {}) => {
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? "";
    return app.request("/import/confirm", {
      ...postForm(s, { token: field("token"), upload: field("upload"), ...extra }),
      headers: { ...postForm(s, {}).headers, origin: "http://localhost" },
    });
  };

  test("the office uploads a plan document of its municipality: previewed, then stored on confirmation", async () => {
    const doc = samplePlanDocument({ key: "uploaded" });
    const preview = await upload(office, [{ name: "uploaded.json", text: JSON.stringify(doc) }]);
    const page = await preview.text();
    assert.equal(preview.status, 200, page);
    assert.match(page, /取り込む内容の確認/);
    assert.match(page, /新しい計画として保存します/);
    await assert.rejects(
      exportDocument(open.db, "012173/uploaded"),
      "nothing stored before the confirmation",
    );
    const res = await confirm(office, page);
    const html = await res.text();
    assert.equal(res.status, 200, html);
    assert.match(html, /取り込みました/);
    assert.match(html, /href="\/plans\/[0-9a-f-]{36}"/);
    assert.ok(await exportDocument(open.db, "012173/uploaded"));
    const event = await open.db
      .selectFrom("audit_events")
      .select(["actor_name", "subject"])
      .where("action", "=", "plan.import")
      .executeTakeFirstOrThrow();
    assert.equal(event.subject, doc.plan.title, "the import is in the history");
  });

  test("a re-import shows before → after and the removals; removals are stored only with the box ticked", async () => {
    const doc = samplePlanDocument();
    const leaf = doc.items![0]!.children![0]!.children![0]!;
    leaf.indicators![0]!.actuals![1]!.text = "6,900";
    leaf.progress = [];
    const preview = await upload(office, [{ name: "sample.json", text: JSON.stringify(doc) }]);
    const page = await preview.text();
    assert.equal(preview.status, 200, page);
    assert.match(page, /<del>6,825<\/del>/);
    assert.match(page, /<ins>6,900<\/ins>/);
    assert.match(page, /削除 1 件/);
    assert.match(page, /name="allowRemovals"/);
    const refused = await confirm(office, page);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /削除するため、何も保存していません/);
    const stored = await confirm(office, page, { allowRemovals: "yes" });
    assert.equal(stored.status, 200, await stored.text());
    const events = await open.db
      .selectFrom("audit_events")
      .select(["actor_name", "action", "item_key"])
      .where("action", "like", "import.%")
      .execute();
    assert.deepEqual(events.map((e) => [e.action, e.item_key, e.actor_name]).sort(), [
      ["import.change", "1-1-1", "office テスト"],
      ["import.remove", "1-1-1", "office テスト"],
    ]);
    const again = await confirm(office, page, { allowRemovals: "yes" });
    assert.equal(again.status, 400, "a confirmation is used once");
    assert.match(await again.text(), /有効期限が切れました/);
  });

  test("another municipality's plan, a broken file or no file: refused with where and why, nothing stored", async () => {
    const other = {
      ...samplePlanDocument({ key: "theirs" }),
      municipality: { code: "012246", name: "千歳市" },
    };
    const res = await upload(office, [{ name: "theirs.json", text: JSON.stringify(other) }]);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /自分の団体（012173）の計画だけを取り込めます/);
    await assert.rejects(exportDocument(open.db, "012246/theirs"));
    const broken = await upload(office, [
      { name: "broken.json", text: '{"format": "gyokaku.plan-document/1"' },
    ]);
    assert.equal(broken.status, 400);
    assert.match(await broken.text(), /何も保存していません/);
    const unknown = await upload(office, [{ name: "noise.txt", text: "こんにちは\n" }]);
    assert.equal(unknown.status, 400);
    const page = await unknown.text();
    assert.match(
      page,
      /noise\.txt: 様式を判別できません。「形式」で様式を選び、ファイルをもう一度選んで取り込んでください。/,
    );
    assert.match(
      page,
      /<select id="f-format" name="format" aria-invalid="true"/,
      "the 形式 select is marked",
    );
    assert.doesNotMatch(page, /--format/, "no command-line option on the web page");
    const none = await upload(office, []);
    assert.equal(none.status, 400);
    assert.match(await none.text(), /取り込むファイルを選んでください/);
  });

  test("a workbook naming another municipality's plan is refused before that plan is read", async () => {
    const theirs = {
      ...samplePlanDocument({ key: "secret" }),
      municipality: { code: "012246", name: "千歳市" },
    };
    theirs.plan.title = "極秘の計画タイトル";
    await importDocuments(open.db, [theirs]);
    const book = await writePlanWorkbook((await exportDocument(open.db, "012246/secret"))!);
    const body = new FormData();
    body.append("files", new File([new Uint8Array(book)], "theirs.xlsx"));
    const res = await app.request("/import", {
      method: "POST",
      body,
      headers: { cookie: office.cookie, "x-csrf-token": office.csrf, origin: "http://localhost" },
    });
    const html = await res.text();
    assert.equal(res.status, 400);
    assert.match(html, /団体コード 012246 の計画です。自分の団体（012173）の計画だけを取り込めます/);
    assert.doesNotMatch(html, /極秘の計画タイトル/);
  });

  test("a body over the limit is refused before it is read", async () => {
    const big = "x".repeat(2 * 1024 * 1024);
    const res = await app.request("/rounds", {
      method: "POST",
      body: new URLSearchParams({ _csrf: office.csrf, note: big }),
      headers: {
        cookie: office.cookie,
        origin: "http://localhost",
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /大きすぎます/);
  });

  test("a viewer may not import", async () => {
    const viewer = await signIn(open.db, "viewer", { municipalityCode: "012173" });
    assert.equal((await app.request("/import", { headers: { cookie: viewer.cookie } })).status, 403);
    const res = await upload(viewer, [
      { name: "x.json", text: JSON.stringify(samplePlanDocument({ key: "v" })) },
    ]);
    assert.equal(res.status, 403);
  });
});
