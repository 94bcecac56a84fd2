// The API's list a page at a time (keyset paging, per municipality), and what every kept answer of the public
// pages and the API gives a client: an entity tag (304 when it has it), gzip when it takes it, one look-up
// shared by concurrent requests.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { OpenDatabase } from "../../db/database.ts";
import { checkDigit } from "../../domain/municipality-code.ts";
import { importDocuments } from "../../plans/plans.service.ts";
import { openTestDatabase } from "../../testing/db.ts";
import { samplePlanDocument } from "../../testing/factories.ts";
import { countingDb } from "../../testing/query-count.ts";
import { publishRoutes } from "../publish.routes.tsx";
import { listPublications, publishFiscalYear } from "../publish.service.ts";
import { apiRoutes } from "./api.routes.ts";
import { LIST_PAGE_SIZE } from "./api.schema.ts";

type Ref = { municipalityCode: string; planKey: string; fiscalYear: number; version: number };
type ListBody = { publications: Ref[]; limit: number; links: { next: string | null } };

const code = (five: string) => `${five}${checkDigit(five)}`;
const short = (r: Ref) => `${r.municipalityCode}/${r.planKey}/${r.fiscalYear}/v${r.version}`;

describe("the API's list in pages, and kept answers with entity tags and gzip", () => {
  let open: OpenDatabase;
  let api: ReturnType<typeof apiRoutes>;
  let pages: ReturnType<typeof publishRoutes>;
  const towns = [code("01217"), code("01224"), code("01100")];
  const list = async (path: string) => {
    const res = await api.request(path);
    assert.equal(res.status, 200, path);
    const body = (await res.json()) as ListBody;
    assert.equal(res.headers.get("link"), body.links.next ? `<${body.links.next}>; rel="next"` : null);
    return body;
  };
  /** Every publication reached by following links.next from `first`, and how many pages it took. */
  const walk = async (first: string) => {
    const seen: Ref[] = [];
    let path: string | null = first;
    let count = 0;
    while (path) {
      const body = await list(path);
      seen.push(...body.publications);
      path = body.links.next;
      count++;
      assert.ok(count < 50, "the walk ends");
    }
    return { seen, pages: count };
  };

  before(async () => {
    open = await openTestDatabase();
    api = apiRoutes(open.db);
    pages = publishRoutes(open.db);
    // Three towns; the first with two plans; years 2021 and 2022; 2021 of the first plan published twice.
    await importDocuments(open.db, [
      ...towns.map((c, i) => ({ ...samplePlanDocument(), municipality: { code: c, name: `町${i}` } })),
      { ...samplePlanDocument({ key: "another" }), municipality: { code: towns[0]!, name: "町0" } },
    ]);
    for (const c of towns)
      for (const fy of [2021, 2022])
        await publishFiscalYear(open.db, { plan: `${c}/sample`, fiscalYear: fy });
    await publishFiscalYear(open.db, { plan: `${towns[0]}/sample`, fiscalYear: 2021 });
    await publishFiscalYear(open.db, { plan: `${towns[0]}/another`, fiscalYear: 2022 });
  });
  after(async () => open.close());

  test("the old URL answers the first page, saying its size and that there is no more", async () => {
    const all = (await listPublications(open.db)).map((p) => short({ ...p }));
    const body = await list("/api/v1/publications");
    assert.equal(body.limit, LIST_PAGE_SIZE);
    assert.equal(body.links.next, null);
    assert.deepEqual(body.publications.map(short), all, "every latest version, in the list's order");
    assert.equal(all.length, 7);
    assert.ok(all.includes(`${towns[0]}/sample/2021/v2`) && !all.includes(`${towns[0]}/sample/2021/v1`));
  });

  test("pages of any size, followed by links.next, give the whole list once, in order", async () => {
    const all = (await listPublications(open.db)).map((p) => short({ ...p }));
    for (const limit of [1, 2, 3, 6, 7, 8]) {
      const { seen, pages: n } = await walk(`/api/v1/publications?limit=${limit}`);
      assert.deepEqual(seen.map(short).join(" "), all.join(" "), `limit ${limit}`);
      assert.equal(n, Math.max(1, Math.ceil(all.length / limit)), `limit ${limit}: pages`);
    }
    const first = await list("/api/v1/publications?limit=3");
    assert.equal(first.publications.length, 3);
    assert.match(first.links.next!, /^\/api\/v1\/publications\?limit=3&after=[\w-]+$/);
  });

  test("one municipality's publications, in pages too", async () => {
    const { seen } = await walk(`/api/v1/publications?municipality=${towns[0]}&limit=2`);
    assert.deepEqual(seen.map(short), [
      `${towns[0]}/another/2022/v1`,
      `${towns[0]}/sample/2022/v1`,
      `${towns[0]}/sample/2021/v2`,
    ]);
    const first = await list(`/api/v1/publications?municipality=${towns[0]}&limit=2`);
    assert.match(first.links.next!, new RegExp(`municipality=${towns[0]}&limit=2&after=`));
    assert.deepEqual((await list(`/api/v1/publications?municipality=${code("01101")}`)).publications, []);
  });

  test("a bad page is refused with the error shape, naming what is wrong", async () => {
    for (const query of [
      "limit=0",
      `limit=${LIST_PAGE_SIZE + 1}`,
      "limit=x",
      "municipality=12",
      "after=not-a-cursor",
      `after=${Buffer.from('["012173"]').toString("base64url")}`,
    ]) {
      const res = await api.request(`/api/v1/publications?${query}`);
      assert.equal(res.status, 400, query);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "bad_request", query);
      assert.match(body.error.message, /limit|municipality|after/, query);
    }
  });

  test("the list, a publication, a table and a public page: 304 for the client's tag, gzip or Brotli when taken", async () => {
    const root = `${towns[1]}/sample/2022`;
    for (const [app, path, type] of [
      [api, "/api/v1/publications?limit=2", /^application\/json/],
      [api, `/api/v1/publications/${root}`, /^application\/json/],
      [api, `/api/v1/publications/${root}/values`, /^application\/json/],
      [pages, `/public/${root}/index.html`, /^text\/html/],
      [pages, `/public/${root}/items/1-1.html`, /^text\/html/],
      [pages, `/public/${root}/opendata/values.csv`, /^text\/csv/],
    ] as const) {
      const plain = await app.request(path);
      assert.equal(plain.status, 200, path);
      assert.match(plain.headers.get("content-type") ?? "", type, path);
      assert.equal(plain.headers.get("vary"), "Accept-Encoding", path);
      const etag = plain.headers.get("etag");
      assert.match(etag ?? "", /^"[\w-]+"$/, path);
      const bytes = Buffer.from(await plain.arrayBuffer());
      const again = await app.request(path, { headers: { "if-none-match": etag! } });
      assert.equal(again.status, 304, path);
      assert.equal((await again.arrayBuffer()).byteLength, 0, path);
      assert.equal(again.headers.get("etag"), etag, path);
      assert.equal((await app.request(path, { headers: { "if-none-match": '"x"' } })).status, 200, path);
      const zipped = await app.request(path, { headers: { "accept-encoding": "gzip, deflate" } });
      assert.equal(zipped.headers.get("content-encoding"), "gzip", path);
      assert.deepEqual(gunzipSync(Buffer.from(await zipped.arrayBuffer())), bytes, path);
      const brotli = await app.request(path, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
      assert.equal(brotli.headers.get("content-encoding"), "br", path);
      assert.deepEqual(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())), bytes, path);
      const identity = await app.request(path, { headers: { "accept-encoding": "identity" } });
      assert.equal(identity.headers.get("content-encoding"), null, path);
    }
  });

  test("a new version changes the publication's tag and body at once", async () => {
    const path = `/api/v1/publications/${towns[2]}/sample/2022`;
    const before = await api.request(path);
    const tag = before.headers.get("etag")!;
    await publishFiscalYear(open.db, { plan: `${towns[2]}/sample`, fiscalYear: 2022 });
    const after = await api.request(path, { headers: { "if-none-match": tag } });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get("etag"), tag);
    assert.equal(((await after.json()) as { version: number }).version, 2);
    const listed = await list(`/api/v1/publications?municipality=${towns[2]}`);
    assert.deepEqual(listed.publications.map(short), [
      `${towns[2]}/sample/2022/v2`,
      `${towns[2]}/sample/2021/v1`,
    ]);
  });

  test("concurrent requests for a page share its look-up", async () => {
    const { db, counter } = countingDb(open.db);
    const counted = publishRoutes(db);
    const path = `/public/${towns[1]}/sample/2022/index.html`;
    await (await counted.request(path)).arrayBuffer();
    const n = 8;
    const queries = await counter.measure(() =>
      Promise.all(Array.from({ length: n }, async () => (await counted.request(path)).arrayBuffer())),
    );
    assert.ok(queries >= 1 && queries < n, `${queries} queries for ${n} concurrent requests`);
  });
});
