// The dashboard: results by level and department, departments behind schedule, recent changes, 和暦/西暦.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { defaultFiscalYear } from "../reports/report.model.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

describe("dashboard", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let viewer: TestSession;
  let planId: string;
  const get = (s: TestSession, path: string) => app.request(path, { headers: { cookie: s.cookie } });

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { name: "行革 花子" });
    viewer = await signIn(open.db, "viewer");
    // A round past its deadline, with one item answered.
    const opened = await app.request(
      "/rounds",
      postForm(office, { planId, fiscalYear: "2021", deadline: "2099-06-30" }),
    );
    const roundId = /\/rounds\/([0-9a-f-]{36})/.exec(opened.headers.get("location")!)![1]!;
    // a deadline in the past cannot be set (issue 12.4): the round has run past it
    await open.db.updateTable("rounds").set({ deadline: "2022-06-30" }).where("id", "=", roundId).execute();
    const page = await (await get(office, `/rounds/${roundId}/items/1-1-1`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    await app.request(
      `/rounds/${roundId}/items/1-1-1`,
      postForm(office, {
        version,
        action: "save",
        "actuals.0.indicator": "1-1-1-i1",
        "actuals.0.series": "",
        "actuals.0.text": "7,000",
        "actuals.1.indicator": "1-1-1-i2",
        "actuals.1.series": "",
        "actuals.1.text": "実施",
        narrative: "",
        nextYearPlan: "",
        status: "",
      }),
    );
  });
  after(async () => open.close());

  test("a plan whose period starts after its last recorded year: the year chosen is the year reported", async () => {
    const doc = samplePlanDocument();
    doc.plan.key = "starts-later";
    doc.plan.title = "後の期間の計画";
    const last = defaultFiscalYear(parsePlanDocument(samplePlanDocument()));
    doc.plan.periodStart = last + 2;
    doc.plan.periodEnd = last + 5;
    const later = (await importDocuments(open.db, [doc]))[0]!.planId;
    const html = await (await get(office, `/dashboard?plan=${later}`)).text();
    const selected = /<select id="f-fy"[^>]*>.*?<option value="(\d+)" selected/s.exec(html)?.[1];
    assert.equal(selected, String(last), "the year box holds the year the page reports");
    assert.match(html, new RegExp(`<option value="${last + 5}"`), "and the plan's years");
  });

  test("results by level and by department, in counts with symbols", async () => {
    const html = await (await get(viewer, `/dashboard?plan=${planId}&fy=2021&level=0`)).text();
    assert.match(html, /令和3年度の達成状況/);
    assert.match(html, /<caption>基本目標ごと<\/caption>/);
    assert.match(html, /1 市民参加と協働/);
    assert.match(html, /所管課ごと/);
    assert.match(html, /職員課/);
    assert.match(html, /◎|○/);
    const level2 = await (await get(viewer, `/dashboard?plan=${planId}&fy=2021&level=2`)).text();
    assert.match(level2, /<caption>取組項目ごと<\/caption>/);
    assert.match(level2, /① 双方向の情報共有/);
  });

  test("departments behind schedule and recent changes", async () => {
    const html = await (await get(viewer, "/dashboard")).text();
    assert.match(html, /提出が遅れている所管課/);
    assert.match(html, /日超過/);
    assert.match(html, /職員課: 未提出 1 \/ 1 項目/);
    assert.match(html, /最近の変更/);
    assert.match(html, /行革 花子: <strong>実績値<\/strong>/);
  });

  test("the 和暦/西暦 switch is kept in a cookie and changes how years are shown", async () => {
    const bad = await app.request("/settings/era", postForm(viewer, { era: "julian", back: "/dashboard" }));
    assert.equal(bad.status, 400);
    const res = await app.request(
      "/settings/era",
      postForm(viewer, { era: "seireki", back: "/dashboard?fy=2021" }),
    );
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/dashboard?fy=2021");
    const cookie = /gyokaku_era=seireki[^,]*/.exec(res.headers.get("set-cookie")!)![0];
    assert.match(cookie, /Max-Age=31536000/);
    const html = await (
      await app.request(`/dashboard?plan=${planId}&fy=2021`, {
        headers: { cookie: `${viewer.cookie}; gyokaku_era=seireki` },
      })
    ).text();
    assert.match(html, /2021年度の達成状況/);
    assert.match(html, /aria-pressed="true"[^>]*>\s*西暦/);
    const off = await app.request(
      "/settings/era",
      postForm(viewer, { era: "wareki", back: "https://evil.example/" }),
    );
    assert.equal(off.headers.get("location"), "/", "only local paths to go back to");
  });
});
