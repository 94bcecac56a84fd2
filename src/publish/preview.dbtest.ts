// The publishing preview (issue 12.4): the office sees the public pages of the version it is about to
// publish, marked プレビュー, stored and cached nowhere, and confirms on it; a change after the preview
// sends it back to a new preview instead of publishing something unseen.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

describe("the publishing preview", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let planId: string;
  let office: TestSession;
  let viewer: TestSession;
  let department: TestSession;
  const get = (s: TestSession | null, path: string) =>
    app.request(path, { headers: s ? { cookie: s.cookie } : {} });
  const publications = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from publications`.execute(open.db)).rows[0]!.n;
  const digestOf = (html: string) => /name="previewed" value="([0-9a-f]{16})"/.exec(html)?.[1];

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    const [plan] = await importDocuments(open.db, [samplePlanDocument()]);
    planId = plan!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
    viewer = await signIn(open.db, "viewer", { municipalityCode: "012173" });
    department = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["職員課"],
    });
  });
  after(async () => open.close());

  test("the publishing page leads to the preview, not straight to publishing", async () => {
    const page = await (await get(office, `/plans/${planId}/publish`)).text();
    assert.match(page, /プレビューを見る/);
    assert.match(page, new RegExp(`action="/plans/${planId}/publish/preview"`));
    assert.doesNotMatch(page, /この年度を公表する/);
    const go = await get(office, `/plans/${planId}/publish/preview?fy=2022`);
    assert.equal(go.status, 303);
    assert.equal(go.headers.get("location"), `/plans/${planId}/publish/preview/2022/`);
  });

  test("the preview shows the public pages of the would-be version, marked, not stored, not cached", async () => {
    const base = `/plans/${planId}/publish/preview/2022/`;
    const res = await get(office, base);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.match(res.headers.get("x-robots-tag") ?? "", /noindex/);
    const html = await res.text();
    assert.match(html, /プレビュー（まだ公表していません）/);
    assert.match(html, /<title>【プレビュー】/);
    assert.match(html, /<meta name="robots" content="noindex, nofollow"/);
    assert.match(html, /第1版として載ります/);
    assert.match(html, /令和4年度の取組状況と評価/, "the overview citizens would see");
    assert.match(html, /この内容で公表する/);
    assert.ok(digestOf(html), "the confirmation carries what was previewed");
    // the stylesheet and an item page, as links relative to the preview resolve them
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    assert.equal(new URL(css, `http://x${base}index.html`).pathname, "/public/assets/public.css");
    const item = await get(office, `${base}items/1-1-1.html`);
    assert.equal(item.status, 200);
    const itemHtml = await item.text();
    assert.match(itemHtml, /プレビュー（まだ公表していません）/);
    assert.match(itemHtml, /運用を開始した/);
    assert.equal((await get(office, `${base}opendata/items.csv`)).status, 200);
    assert.equal((await get(office, `${base}items/nothing.html`)).status, 404);

    assert.equal(await publications(), 0, "nothing stored");
    assert.equal((await get(null, "/public/012173/sample/2022/")).status, 404, "nothing public");
  });

  test("only those who may publish see the preview", async () => {
    const base = `/plans/${planId}/publish/preview/2022/index.html`;
    assert.equal((await get(viewer, base)).status, 403);
    assert.equal((await get(department, base)).status, 403);
    assert.equal((await get(null, base)).status, 303, "to the login page");
    assert.equal((await get(office, `/plans/${planId}/publish/preview/1990/index.html`)).status, 400);
  });

  test("publishing needs the preview's fingerprint and the confirmation", async () => {
    const noPreview = await app.request(
      `/plans/${planId}/publish`,
      postForm(office, { fy: "2022", confirm: "yes" }),
    );
    assert.equal(noPreview.status, 400);
    assert.match(await noPreview.text(), /公表する前に、プレビューで内容を確かめてください/);

    const html = await (await get(office, `/plans/${planId}/publish/preview/2022/`)).text();
    const previewed = digestOf(html)!;
    const unticked = await app.request(
      `/plans/${planId}/publish`,
      postForm(office, { fy: "2022", previewed }),
    );
    assert.equal(unticked.status, 303);
    assert.equal(unticked.headers.get("location"), `/plans/${planId}/publish/preview/2022/?error=confirm`);
    const again = await (await get(office, unticked.headers.get("location")!)).text();
    assert.match(again, /公表してよいことを確認して、チェックを入れてください/);
    assert.equal(await publications(), 0);

    const done = await app.request(
      `/plans/${planId}/publish`,
      postForm(office, { fy: "2022", previewed, confirm: "yes" }),
    );
    assert.equal(done.status, 303);
    assert.equal(done.headers.get("location"), `/plans/${planId}/publish?published=2022-1`);
    const pub = await (await get(null, "/public/012173/sample/2022/index.html")).text();
    assert.doesNotMatch(pub, /プレビュー/, "the published pages carry no preview band");
    assert.match(pub, /令和4年度の取組状況と評価/);
    // the next preview is of version 2
    assert.match(
      await (await get(office, `/plans/${planId}/publish/preview/2022/`)).text(),
      /第2版として載ります/,
    );
  });

  test("a change after the preview publishes nothing and shows the new preview", async () => {
    const html = await (await get(office, `/plans/${planId}/publish/preview/2022/items/1-1-1.html`)).text();
    const previewed = digestOf(html)!;
    await sql`update item_progress set narrative = '運用を拡大した' where fiscal_year = 2022`.execute(
      open.db,
    );
    const before = await publications();
    const res = await app.request(
      `/plans/${planId}/publish`,
      postForm(office, { fy: "2022", previewed, confirm: "yes" }),
    );
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/plans/${planId}/publish/preview/2022/?error=changed`);
    assert.equal(await publications(), before, "nothing published");
    const next = await (await get(office, `/plans/${planId}/publish/preview/2022/items/1-1-1.html`)).text();
    assert.match(next, /運用を拡大した/);
    assert.notEqual(digestOf(next), previewed);
    const published = await (await get(null, "/public/012173/sample/2022/items/1-1-1.html")).text();
    assert.match(published, /運用を開始した/, "the published version is unchanged");
  });
});
