// Publishing from the app: the reform office publishes a fiscal year after its preview (preview.dbtest.ts);
// every user of the municipality sees the versions; nobody else publishes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";
import { listPublications } from "./publish.service.ts";

describe("publishing from the app", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let planId: string;
  let office: TestSession;
  let viewer: TestSession;
  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    const [plan] = await importDocuments(open.db, [samplePlanDocument()]);
    planId = plan!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
    viewer = await signIn(open.db, "viewer", { municipalityCode: "012173" });
  });
  after(async () => open.close());

  const page = async (s: TestSession, query = "") => {
    const res = await app.request(`/plans/${planId}/publish${query}`, { headers: { cookie: s.cookie } });
    return { status: res.status, html: await res.text() };
  };

  /** The fingerprint the preview's confirmation sends. */
  const previewed = async (fy: string) => {
    const res = await app.request(`/plans/${planId}/publish/preview/${fy}/`, {
      headers: { cookie: office.cookie },
    });
    return /name="previewed" value="([0-9a-f]{16})"/.exec(await res.text())![1]!;
  };

  test("the office publishes a year; publishing again makes the next version; both are listed", async () => {
    const before = await page(office);
    assert.equal(before.status, 200);
    assert.match(before.html, /まだ公表していません/);
    assert.match(before.html, /プレビューを見る/);

    const first = await app.request(
      `/plans/${planId}/publish`,
      postForm(office, { fy: "2022", confirm: "yes", previewed: await previewed("2022") }),
    );
    assert.equal(first.status, 303);
    assert.equal(first.headers.get("location"), `/plans/${planId}/publish?published=2022-1`);
    const second = await app.request(
      `/plans/${planId}/publish`,
      postForm(office, { fy: "2022", confirm: "yes", previewed: await previewed("2022") }),
    );
    assert.equal(second.headers.get("location"), `/plans/${planId}/publish?published=2022-2`);

    const after = await page(office, "?published=2022-2");
    assert.match(after.html, /令和4年度（2022年度）を第2版として公表しました/);
    assert.match(after.html, /第1版を見る/);
    assert.match(after.html, /公表中の版を見る/);
    assert.match(after.html, /行革 花子/);
    const latest = (await listPublications(open.db)).find((p) => p.fiscalYear === 2022);
    assert.equal(latest?.version, 2);

    const pub = await app.request("/public/012173/sample/2022/index.html");
    assert.equal(pub.status, 200, "the published year is on the public pages");
  });

  test("a viewer sees the versions but has no form and may not publish", async () => {
    const seen = await page(viewer);
    assert.equal(seen.status, 200);
    assert.doesNotMatch(seen.html, /プレビューを見る/);
    const res = await app.request(`/plans/${planId}/publish`, postForm(viewer, { fy: "2022" }));
    assert.equal(res.status, 403);
  });

  test("a year that is not a year, or outside the plan's period, is refused with a message", async () => {
    const res = await app.request(
      `/plans/${planId}/publish`,
      postForm(office, { fy: "来年", confirm: "yes" }),
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /公表する年度を選んでください/);
    const early = await app.request(
      `/plans/${planId}/publish`,
      postForm(office, { fy: "1900", confirm: "yes" }),
    );
    assert.equal(early.status, 400);
    assert.match(await early.text(), /計画期間（\d{4}〜\d{4}年度）の年度を選んでください/);
  });

  test("without the confirmation nothing is published, and the box says why", async () => {
    const res = await app.request(`/plans/${planId}/publish`, postForm(office, { fy: "2022" }));
    assert.equal(res.status, 400);
    assert.match(await res.text(), /公表してよいことを確認して、チェックを入れてください/);
  });

  test("publishing is in the history, with who and which version", async () => {
    const events = await open.db
      .selectFrom("audit_events")
      .select(["action", "actor_name", "fiscal_year", "after"])
      .where("action", "=", "publication.publish")
      .orderBy("at")
      .execute();
    assert.deepEqual(
      events.map((e) => [e.actor_name, e.fiscal_year, (e.after as { version: number }).version]),
      [
        ["行革 花子", 2022, 1],
        ["行革 花子", 2022, 2],
      ],
    );
  });
});
