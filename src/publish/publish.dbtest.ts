import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../core/errors.ts";
import type { PlanDocumentInput } from "../core/plan-document/schema.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { publishRoutes } from "./publish.routes.tsx";
import { getPublication, publishFiscalYear } from "./publish.service.ts";

/** The sample plan with the 令和2年度 follower count and the plan's title changed. */
function edited(count: string, title: string): PlanDocumentInput {
  const doc = structuredClone(samplePlanDocument({ title }));
  const ind = doc.items![0]!.children![0]!.children![0]!.indicators![0]!;
  ind.actuals = ind.actuals!.map((a) =>
    a.fiscalYear === 2020 ? { ...a, text: count, number: Number(count.replace(",", "")) } : a,
  );
  return doc;
}

describe("publishing", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof publishRoutes>;
  let planId: string;
  const root = "/public/012173/sample/2021/";
  const page = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, html: await res.text(), res };
  };

  before(async () => {
    open = await openTestDatabase();
    app = publishRoutes(open.db);
    planId = (await importDocuments(open.db, [edited("6,825", "最初の計画名")]))[0]!.planId;
  });
  after(async () => open.close());

  test("a published year does not change when the plan is edited, until it is published again", async () => {
    const first = await publishFiscalYear(open.db, {
      plan: "012173/sample",
      fiscalYear: 2021,
      publishedBy: "行政管理課",
    });
    assert.equal(first.version, 1);
    const before = await page(`${root}items/1-1-1.html`);
    assert.equal(before.status, 200);
    assert.ok(before.html.includes("6,825"));

    await importDocuments(open.db, [edited("7,777", "直した計画名")]);
    const still = await page(`${root}items/1-1-1.html`);
    assert.equal(still.html, before.html, "the public page is the frozen snapshot");
    assert.ok(!(await page(`${root}index.html`)).html.includes("直した計画名"));

    const second = await publishFiscalYear(open.db, { plan: planId, fiscalYear: 2021 });
    assert.equal(second.version, 2);
    const now = await page(`${root}items/1-1-1.html`);
    assert.ok(now.html.includes("7,777"));
    assert.ok(!now.html.includes("6,825"));
    assert.ok((await page(`${root}index.html`)).html.includes("直した計画名"));

    const old = await page(`${root}v1/items/1-1-1.html`);
    assert.equal(old.status, 200);
    assert.ok(old.html.includes("6,825"), "version 1 stays readable");
    assert.ok(old.html.includes('href="../../../../../assets/public.css"'));
    const overview = (await page(`${root}index.html`)).html;
    assert.ok(overview.includes('href="v1/index.html"'), "the overview lists the earlier version");
    const stored = await getPublication(open.db, {
      municipalityCode: "012173",
      planKey: "sample",
      fiscalYear: 2021,
      version: 1,
    });
    assert.equal(stored?.publishedBy, "行政管理課");
    assert.equal(stored?.title, "最初の計画名");
  });

  test("another year is published separately, with its own numbering", async () => {
    const r = await publishFiscalYear(open.db, { plan: "sample", fiscalYear: 2020 });
    assert.equal(r.version, 1);
    const list = await page("/public/");
    assert.equal(list.status, 200);
    assert.ok(list.html.includes('href="012173/sample/2021/index.html"'));
    assert.ok(list.html.includes('href="012173/sample/2020/index.html"'));
  });

  test("addresses: a redirect adds the trailing slash; unpublished years and unknown pages are 404", async () => {
    const r = await app.request("/public/012173/sample/2021");
    assert.equal(r.status, 301);
    assert.equal(r.headers.get("location"), "/public/012173/sample/2021/");
    assert.equal((await page("/public/012173/sample/2019/index.html")).status, 404);
    assert.equal((await page(`${root}items/nothing.html`)).status, 404);
    assert.equal((await page(`${root}v9/index.html`)).status, 404);
    assert.equal((await page("/public/12/sample/2021/index.html")).status, 404);
    assert.equal((await page("/public/assets/fonts/../../../../package.json")).status, 404);
    assert.equal(
      (await page("/public/assets/public.css")).res.headers.get("content-type"),
      "text/css; charset=utf-8",
    );
    assert.equal((await page("/public/assets/fonts/400.css")).status, 200);
  });

  test("search by word and by department, on the server, with a GET form", async () => {
    const byWord = await page(`${root}search.html?q=${encodeURIComponent("フォロワー")}`);
    assert.equal(byWord.status, 200);
    assert.match(byWord.html, /検索結果：1件/);
    assert.ok(byWord.html.includes('href="items/1-1-1.html"'));
    assert.ok(byWord.html.includes('value="フォロワー"'));
    const byDept = await page(`${root}search.html?dept=${encodeURIComponent("職員課")}`);
    assert.match(byDept.html, /所管課 職員課の検索結果：1件/);
    assert.ok(byDept.html.includes('<option value="職員課" selected="">'));
    const none = await page(`${root}search.html?q=${encodeURIComponent("存在しない語")}`);
    assert.match(none.html, /検索結果：0件/);
  });

  test("open data downloads: UTF-8 with BOM, Shift_JIS on request, 422 with the place of a bad character", async () => {
    const csv = await app.request(`${root}opendata/values.csv`);
    assert.equal(csv.status, 200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(csv.headers.get("content-disposition")!, /attachment; filename="012173-2021-v2-values.csv"/);
    const sjis = await app.request(`${root}opendata/values.csv?encoding=sjis`);
    assert.equal(sjis.status, 200);
    assert.match(sjis.headers.get("content-type")!, /Shift_JIS/);

    await importDocuments(open.db, [edited("7,777", "計画〜改訂")]);
    await publishFiscalYear(open.db, { plan: "sample", fiscalYear: 2021 });
    const bad = await app.request(`${root}opendata/items.csv?encoding=sjis`);
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /items\.csv 2行目「計画名」列: 「〜」（U\+301C）/);
  });

  test("reviewers' judgements are published with the computed result kept beside them", async () => {
    const ind = await open.db
      .selectFrom("indicators")
      .select(["id"])
      .where("municipality_code", "=", "012173")
      .where("key", "=", "1-1-1-i1")
      .executeTakeFirstOrThrow();
    await open.db
      .insertInto("indicator_judgements")
      .values({
        municipality_code: "012173",
        indicator_id: ind.id,
        series: "",
        fiscal_year: 2021,
        status: "achieved",
        reason: "約一万人で目安を超えている",
        judged_by: "行政管理課",
      })
      .execute();
    const r = await publishFiscalYear(open.db, { plan: "sample", fiscalYear: 2021 });
    const p = await getPublication(open.db, {
      municipalityCode: "012173",
      planKey: "sample",
      fiscalYear: 2021,
      version: r.version,
    });
    const y = p!.snapshot.series.find((s) => s.indicatorKey === "1-1-1-i1")!.years.at(-1)!;
    assert.equal(y.status, "achieved");
    assert.equal(y.computedStatus, "not_judgeable");
    assert.match(y.explanation, /評価者の判定：達成/);
  });

  test("with a reporting round only approved items' data of the year is published", async () => {
    const roundId = randomUUID();
    await open.db
      .insertInto("rounds")
      .values({
        municipality_code: "012173",
        id: roundId,
        plan_id: planId,
        fiscal_year: 2021,
        deadline: "2022-05-31",
        status: "open",
        opened_by: "行政管理課",
      })
      .execute();
    await open.db
      .insertInto("round_items")
      .values({ municipality_code: "012173", round_id: roundId, item_key: "2-1-1", state: "approved" })
      .execute();
    const r = await publishFiscalYear(open.db, { plan: "sample", fiscalYear: 2021 });
    assert.equal(r.basis, "approved_round");
    // 1-1-1 holds data of 令和3年度 and is not approved; headings holding nothing of the year are not counted.
    assert.equal(r.counts.withheld, 1);
    const item = await page(`${root}items/1-1-1.html`);
    assert.ok(item.html.includes("承認前のため"));
    assert.ok(!item.html.includes("約一万"), "the unapproved 令和3年度 actual is not shown");
    assert.ok(item.html.includes("6,825") || item.html.includes("7,777"), "earlier years stay");

    // The seam: another source of approvals can be given, and no round means all data.
    const all = await publishFiscalYear(open.db, { plan: "sample", fiscalYear: 2021 }, async () => undefined);
    assert.equal(all.basis, "all_data");
  });

  test("a fiscal year outside 1900–2200 is refused", async () => {
    await assert.rejects(publishFiscalYear(open.db, { plan: "sample", fiscalYear: 22 }), (e: unknown) =>
      isAppError(e, "invalid"),
    );
  });
});
