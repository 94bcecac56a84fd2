/**
 * The read-only JSON API under /api/v1/: published plans, and for each published year its items,
 * indicators, values, evaluations, progress, activities and departments. Only published snapshots are
 * served, never live data. Described by /api/v1/openapi.json (src/publish/opendata/openapi.json, generated).
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { setResponseHeaders } from "../../core/http.ts";
import type { DB } from "../../db/database.ts";
import { cachedPublicationWithVersions, renderedOnce } from "../publication-cache.ts";
import { listPublications, type PublicationMeta } from "../publish.service.ts";
import type { errorSchema, publicationDetailSchema, publicationRefSchema } from "./api.schema.ts";
import { effectTargetJson } from "./fiscal-effects.table.ts";
import { openApiDocument } from "./openapi.ts";
import { publicationPaths, publicationRef, tableResponse } from "./opendata.service.ts";
import { TABLE_NAMES, TABLES, type TableName } from "./tables.ts";
import { sendTagged, taggedBody } from "./tagged-body.ts";

const refSchema = z.object({
  code: z.string().regex(/^\d{6}$/, "全国地方公共団体コードは6桁の数字です"),
  key: z.string().min(1).max(200),
  fy: z.coerce
    .number({ error: "年度は西暦4桁の数字です（例 2022 = 令和4年度）" })
    .int({ error: "年度は西暦4桁の数字です（例 2022 = 令和4年度）" })
    .min(1900, { error: "年度が範囲外です（1900〜2200）" })
    .max(2200, { error: "年度が範囲外です（1900〜2200）" }),
});
const versionSchema = z.coerce.number().int().min(1).optional();

type ErrorBody = z.output<typeof errorSchema>;

export function apiRoutes(db: DB) {
  const app = new Hono();
  // Open data: anyone may read it from anywhere.
  app.use("/api/v1/*", async (c, next) => {
    await next();
    setResponseHeaders(c, { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" });
  });

  app.get("/api/v1/openapi.json", (c) => c.json(openApiDocument()));

  app.get("/api/v1/publications", async (c) => {
    const list = await listPublications(db);
    return c.json({ publications: list.map(withLinks) });
  });

  app.get("/api/v1/publications/:code/:key/:fy", async (c) => {
    const found = await find(c, db);
    if ("error" in found) return found.error;
    const { publication, view } = found.cached;
    const doc = publication.snapshot.document;
    const versions = found.versions;
    const paths = publicationPaths(publication);
    const body: z.output<typeof publicationDetailSchema> = {
      ...withLinks(publication),
      periodStart: doc.plan.periodStart,
      periodEnd: doc.plan.periodEnd,
      levels: doc.plan.levels,
      basis: publication.snapshot.basis.kind,
      tally: view.tally,
      implementationTally: view.implementationTally,
      byTopLevel: view.roots.map((r) => ({
        itemKey: r.item.key,
        itemNumber: r.item.number ?? null,
        itemTitle: r.item.title,
        tally: r.tally,
      })),
      fiscalEffectTarget: effectTargetJson(publication.snapshot),
      versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString() })),
      tables: TABLE_NAMES.map((t) => ({
        name: t,
        title: TABLES[t].title,
        json: `${paths.api}/${t}`,
        csv: paths.html.replace(/index\.html$/, `opendata/${t}.csv`),
      })),
    };
    return c.json(body);
  });

  app.get("/api/v1/publications/:code/:key/:fy/:table", async (c) => {
    const table = c.req.param("table");
    if (!(TABLE_NAMES as string[]).includes(table)) {
      return error(c, 404, "not_found", `表 "${table}" はありません（${TABLE_NAMES.join(", ")}）`);
    }
    const found = await find(c, db);
    if ("error" in found) return found.error;
    const { cached } = found;
    // Serialised, encoded, compressed and tagged once per version: a table can be megabytes of JSON.
    const body = await renderedOnce(cached, `api|${table}`, async () =>
      taggedBody(
        new TextEncoder().encode(JSON.stringify(tableResponse(cached.publication, table as TableName))),
      ),
    );
    return sendTagged(c, body, "application/json");
  });

  app.all("/api/v1/*", (c) =>
    error(c, 404, "not_found", "この API はありません（/api/v1/openapi.json を参照）"),
  );
  return app;
}

function withLinks(p: PublicationMeta): z.output<typeof publicationRefSchema> {
  const paths = publicationPaths(p);
  return { ...publicationRef(p), links: { self: paths.api, html: paths.html } };
}

async function find(c: Context, db: DB) {
  const ref = refSchema.safeParse(c.req.param());
  if (!ref.success)
    return { error: error(c, 400, "bad_request", ref.error.issues[0]?.message ?? "不正な指定です") };
  const version = versionSchema.safeParse(c.req.query("version"));
  if (!version.success) return { error: error(c, 400, "bad_request", "version は1以上の整数です") };
  const cached = await cachedPublicationWithVersions(db, {
    municipalityCode: ref.data.code,
    planKey: ref.data.key,
    fiscalYear: ref.data.fy,
    version: version.data,
  });
  if (!cached) return { error: error(c, 404, "not_found", "この計画・年度・版は公表されていません") };
  return cached;
}

function error(c: Context, status: 400 | 404, code: ErrorBody["error"]["code"], message: string) {
  const body: ErrorBody = { error: { code, message } };
  return c.json(body, status);
}
