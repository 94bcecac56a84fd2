// Published versions are read once per process and served from memory; what is served is never stale:
// a new version is served as soon as it is published, on the pages and in the API alike.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { apiRoutes } from "./opendata/api.routes.ts";
import { publishRoutes } from "./publish.routes.tsx";
import { publishFiscalYear } from "./publish.service.ts";

describe("publication cache", () => {
  let open: OpenDatabase;
  let pages: ReturnType<typeof publishRoutes>;
  let api: ReturnType<typeof apiRoutes>;
  const text = async (app: { request(p: string): Response | Promise<Response> }, path: string) =>
    (await app.request(path)).text();

  before(async () => {
    open = await openTestDatabase();
    pages = publishRoutes(open.db);
    api = apiRoutes(open.db);
    await importDocuments(open.db, [samplePlanDocument({ title: "最初の計画名" })]);
  });
  after(async () => open.close());

  test("a new version replaces the cached latest one at once; the old version stays readable", async () => {
    await publishFiscalYear(open.db, { plan: "012173/sample", fiscalYear: 2021 });
    const root = "/public/012173/sample/2021/";
    const first = await text(pages, `${root}index.html`);
    assert.match(first, /最初の計画名/);
    assert.equal(await text(pages, `${root}index.html`), first, "served again from memory");
    const apiFirst = JSON.parse(await text(api, "/api/v1/publications/012173/sample/2021"));
    assert.equal(apiFirst.version, 1);

    await importDocuments(open.db, [samplePlanDocument({ title: "直した計画名" })]);
    await publishFiscalYear(open.db, { plan: "012173/sample", fiscalYear: 2021 });
    const second = await text(pages, `${root}index.html`);
    assert.match(second, /直した計画名/);
    assert.match(second, /v1\/index\.html/, "the new page lists the earlier version");
    assert.match(await text(pages, `${root}v1/index.html`), /最初の計画名/);
    const apiSecond = JSON.parse(await text(api, "/api/v1/publications/012173/sample/2021"));
    assert.equal(apiSecond.version, 2);
    assert.equal(apiSecond.versions.length, 2);
  });
});
