import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { OpenDatabase } from "../../db/database.ts";
import { importDocuments } from "../../plans/plans.service.ts";
import { openTestDatabase } from "../../testing/db.ts";
import { samplePlanDocument } from "../../testing/factories.ts";
import { getPublicationOfPlan, publishFiscalYear } from "../publish.service.ts";
import { apiRoutes } from "./api.routes.ts";
import { openApiDocument, openApiPath, openApiText } from "./openapi.ts";
import { openDataFiles } from "./opendata.service.ts";
import { TABLE_NAMES } from "./tables.ts";

type Operation = {
  responses: Record<string, { content?: { "application/json"?: { schema?: { $ref: string } } } }>;
};

describe("the open-data API", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof apiRoutes>;
  const doc = openApiDocument() as { paths: Record<string, { get: Operation }>; components: unknown };
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: "https://gyokaku.invalid/openapi.json", components: doc.components });
  const check = (op: Operation, status: number, body: unknown, what: string) => {
    const ref = op.responses[String(status)]?.content?.["application/json"]?.schema?.$ref;
    assert.ok(ref, `${what}: the document describes status ${status}`);
    const validate = ajv.compile({ $ref: `https://gyokaku.invalid/openapi.json${ref}` });
    assert.ok(validate(body), `${what}: ${ajv.errorsText(validate.errors)}`);
  };

  before(async () => {
    open = await openTestDatabase();
    app = apiRoutes(open.db);
    await importDocuments(open.db, [samplePlanDocument()]);
    await publishFiscalYear(open.db, { plan: "012173/sample", fiscalYear: 2021 });
    await publishFiscalYear(open.db, { plan: "012173/sample", fiscalYear: 2021 });
  });
  after(async () => open.close());

  test("the committed OpenAPI document is the generated one (npx tsx src/publish/opendata/openapi.ts --write)", () => {
    // Compared as JSON: Biome formats the committed file its own way.
    assert.deepEqual(JSON.parse(readFileSync(openApiPath, "utf8")), JSON.parse(openApiText()));
  });

  test("is served at /api/v1/openapi.json as OpenAPI 3.1", async () => {
    const res = await app.request("/api/v1/openapi.json");
    assert.equal(res.status, 200);
    const body = (await res.json()) as { openapi: string };
    assert.equal(body.openapi, "3.1.0");
  });

  test("every described path answers with what the document says", async () => {
    const values = { municipalityCode: "012173", planKey: "sample", fiscalYear: "2021" };
    let checked = 0;
    for (const [template, item] of Object.entries(doc.paths)) {
      if (template.endsWith("openapi.json")) continue;
      const path = template.replace(/\{(\w+)\}/g, (_, k: keyof typeof values) => values[k]);
      for (const url of path.includes("2021") ? [path, `${path}?version=1`] : [path]) {
        const res = await app.request(url);
        assert.equal(res.status, 200, url);
        assert.equal(res.headers.get("access-control-allow-origin"), "*");
        check(item.get, 200, await res.json(), url);
        checked++;
      }
    }
    assert.equal(checked, 1 + 2 * (1 + TABLE_NAMES.length));
    // …and the schemas do reject what differs: a missing field, an extra one.
    const list = ajv.compile({
      $ref: "https://gyokaku.invalid/openapi.json#/components/schemas/PublicationList",
    });
    assert.equal(list({ publications: [{}] }), false);
    assert.equal(list({ publications: [], extra: 1 }), false);
  });

  test("errors have the described shape: not published, unknown table, bad code or version", async () => {
    const base = "/api/v1/publications/{municipalityCode}/{planKey}/{fiscalYear}";
    for (const [url, status, op] of [
      ["/api/v1/publications/012173/sample/2019", 404, base],
      ["/api/v1/publications/012173/sample/2021?version=9", 404, base],
      ["/api/v1/publications/12/sample/2021", 400, base],
      ["/api/v1/publications/012173/sample/2021?version=x", 400, base],
      ["/api/v1/publications/012173/sample/2020/values", 404, `${base}/values`],
    ] as const) {
      const res = await app.request(url);
      assert.equal(res.status, status, url);
      check(doc.paths[op]!.get, status, await res.json(), url);
    }
    const unknown = await app.request("/api/v1/publications/012173/sample/2021/secrets");
    assert.equal(unknown.status, 404);
  });

  test("the list and the detail: latest version, tallies, links to the tables", async () => {
    const list = (await (await app.request("/api/v1/publications")).json()) as {
      publications: { version: number; links: { self: string } }[];
    };
    assert.equal(list.publications.length, 1);
    assert.equal(list.publications[0]!.version, 2);
    const detail = (await (await app.request(list.publications[0]!.links.self)).json()) as {
      tally: { total: number };
      versions: unknown[];
      tables: { json: string }[];
    };
    assert.equal(detail.tally.total, 6);
    assert.equal(detail.versions.length, 2);
    assert.equal((await app.request(detail.tables[0]!.json)).status, 200);
  });

  test("the open-data JSON files are the API's table responses", async () => {
    const p = await getPublicationOfPlan(open.db, "012173/sample", 2021);
    const files = openDataFiles(p, { formats: ["json"] });
    for (const f of files) {
      const table = f.name.replace(".json", "");
      const api = await (await app.request(`/api/v1/publications/012173/sample/2021/${table}`)).json();
      assert.deepEqual(JSON.parse(f.bytes.toString("utf8")), api, table);
    }
  });
  test("a table: an entity tag per version (304 when the client has it), gzip or Brotli when accepted", async () => {
    const path = "/api/v1/publications/012173/sample/2021/evaluations";
    const plain = await app.request(path);
    const etag = plain.headers.get("etag")!;
    assert.match(etag, /^"[\w-]+"$/);
    const body = await plain.text();
    assert.equal((await app.request(path, { headers: { "if-none-match": etag } })).status, 304);
    assert.equal((await app.request(path, { headers: { "if-none-match": `W/${etag}, "x"` } })).status, 304);
    assert.equal((await app.request(path, { headers: { "if-none-match": '"other"' } })).status, 200);
    // Brotli when the client weighs it higher (or alike), gzip when it weighs gzip higher.
    const br = await app.request(path, { headers: { "accept-encoding": "br, gzip;q=0.8" } });
    assert.equal(br.headers.get("content-encoding"), "br");
    const zipped = await app.request(path, { headers: { "accept-encoding": "br;q=0.5, gzip" } });
    assert.equal(zipped.headers.get("content-encoding"), "gzip");
    assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString("utf8"), body);
    const refused = await app.request(path, { headers: { "accept-encoding": "gzip;q=0" } });
    assert.equal(refused.headers.get("content-encoding"), null);
  });
});
