import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { signIn } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "./app.tsx";

describe("web pages", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let planId: string;
  // Internal pages need a login: every request below is a signed-in viewer's.
  let cookie: string;
  const get = (path: string) => app.request(path, { headers: { cookie } });
  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    cookie = (await signIn(open.db, "viewer")).cookie;
  });
  after(async () => open.close());

  test("/healthz answers", async () => {
    const res = await get("/healthz");
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { status: string }).status, "ok");
  });

  test("the list of plans links to each plan, with a CSP that allows nothing from outside", async () => {
    const res = await get("/");
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /テスト行政改革計画/);
    assert.ok(html.includes(`/plans/${planId}`));
    assert.match(res.headers.get("content-security-policy")!, /default-src 'self'/);
    assert.doesNotMatch(html, /(src|href)="https?:\/\//);
  });

  test("the plan page shows the tree, departments, indicators and values by fiscal year in 和暦 and 西暦", async () => {
    const html = await (await get(`/plans/${planId}`)).text();
    for (const s of [
      "基本目標",
      "双方向の情報共有",
      "総務部 総務課",
      "フォロワー数",
      "5,253",
      "(R5)6,000",
      "令和元年度",
      "2019年度",
      "男性",
      "女性",
      "再掲",
      "読み取れません",
      "庶務課",
      "取組計画と実績",
      "R10以降",
    ]) {
      assert.ok(html.includes(s), `page shows ${s}`);
    }
  });

  test("the plan document downloads as JSON", async () => {
    const res = await get(`/plans/${planId}/export.json`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { plan: { key: string } }).plan.key, "sample");
  });

  test("the plan downloads as an editable workbook, and a blank template with instructions", async () => {
    for (const path of [`/plans/${planId}/export.xlsx`, "/templates/plan.xlsx"]) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get("content-type")!, /spreadsheetml/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b], "a zip archive");
    }
  });

  test("unknown plans and pages are 404 in Japanese; fonts and CSS are served locally", async () => {
    assert.equal((await get("/plans/not-a-uuid")).status, 404);
    assert.equal((await get("/plans/00000000-0000-4000-8000-000000000000")).status, 404);
    assert.match(await (await get("/nope")).text(), /見つかりません/);
    assert.equal((await get("/assets/app.css")).status, 200);
    const css = await (await get("/assets/fonts/400.css")).text();
    const font = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(css)![1]!;
    const res = await get(`/assets/fonts/${font}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "font/woff2");
    assert.equal((await get("/assets/../../package.json")).status, 404);
  });
});
