/**
 * The read-only JSON API under /api/v1/: published plans, and for each published year its items,
 * indicators, values, evaluations, progress, activities and departments. Only published snapshots are
 * served, never live data. Described by /api/v1/openapi.json (src/publish/opendata/openapi.json, generated).
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { setResponseHeaders } from "../../core/http.ts";
import { inFlight } from "../../core/in-flight.ts";
import type { DB } from "../../db/database.ts";
import { type CachedPublication, cachedPublicationWithVersions, renderedOnce } from "../publication-cache.ts";
import { type ListCursor, listPublicationsPage, type PublicationMeta } from "../publish.service.ts";
import { sendTagged, type TaggedBody, taggedJson } from "../tagged-body.ts";
import {
  type errorSchema,
  LIST_PAGE_SIZE,
  type publicationDetailSchema,
  type publicationListSchema,
  type publicationRefSchema,
} from "./api.schema.ts";
import { effectTargetJson } from "./fiscal-effects.table.ts";
import { openApiDocument } from "./openapi.ts";
import { publicationPaths, publicationRef, tableResponse } from "./opendata.service.ts";
import { TABLE_NAMES, TABLES, type TableName } from "./tables.ts";

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
const listSchema = z.object({
  municipality: z
    .string()
    .regex(/^\d{6}$/, "municipality は全国地方公共団体コード（6桁の数字）です")
    .optional(),
  after: z.string().max(400).optional(),
  limit: z.coerce
    .number({ error: `limit は1〜${LIST_PAGE_SIZE}の整数です` })
    .int({ error: `limit は1〜${LIST_PAGE_SIZE}の整数です` })
    .min(1, { error: `limit は1〜${LIST_PAGE_SIZE}の整数です` })
    .max(LIST_PAGE_SIZE, { error: `limit は1〜${LIST_PAGE_SIZE}の整数です` })
    .optional(),
});
const cursorSchema = z.tuple([z.string().regex(/^\d{6}$/), z.string().min(1).max(200), z.number().int()]);
const LIST_PATH = "/api/v1/publications";
// Concurrent requests for the same page of the list share its query and its serialising.
const listPages = inFlight<DB, { tagged: TaggedBody; next: string | null }>();

type ErrorBody = z.output<typeof errorSchema>;

export function apiRoutes(db: DB) {
  const app = new Hono();
  // Open data: anyone may read it from anywhere.
  app.use("/api/v1/*", async (c, next) => {
    await next();
    setResponseHeaders(c, { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" });
  });

  app.get("/api/v1/openapi.json", (c) => c.json(openApiDocument()));

  // The latest versions, a page at a time (keyset: `after` is where the previous page ended), of one
  // municipality (`municipality`) or of all; without parameters the first page, which says where the next starts.
  app.get(LIST_PATH, async (c) => {
    const query = listSchema.safeParse(c.req.query());
    if (!query.success)
      return error(c, 400, "bad_request", query.error.issues[0]?.message ?? "不正な指定です");
    const { municipality, limit } = query.data;
    const after = query.data.after === undefined ? undefined : decodeCursor(query.data.after);
    if (after === null) return error(c, 400, "bad_request", "after は前のページの links.next にある値です");
    const key = JSON.stringify([municipality, query.data.after, limit]);
    const { tagged, next } = await listPages(db, key, async () => {
      const page = await listPublicationsPage(db, {
        municipalityCode: municipality,
        after,
        limit: limit ?? LIST_PAGE_SIZE,
      });
      const next = page.next && listUrl({ municipality, limit, after: encodeCursor(page.next) });
      const list: z.output<typeof publicationListSchema> = {
        publications: page.publications.map(withLinks),
        limit: limit ?? LIST_PAGE_SIZE,
        links: { next },
      };
      return { tagged: taggedJson(list), next };
    });
    if (next) c.header("Link", `<${next}>; rel="next"`);
    return sendTagged(c, tagged, "application/json");
  });

  app.get("/api/v1/publications/:code/:key/:fy", async (c) => {
    const found = await find(c, db);
    if ("error" in found) return found.error;
    const { cached, versions } = found;
    // Made once per version and list of versions (a new version changes the list).
    const key = `api|detail|${versions.map((v) => v.version).join(",")}`;
    const body = await renderedOnce(cached, key, async () => taggedJson(detail(cached, versions)));
    return sendTagged(c, body, "application/json");
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
      taggedJson(tableResponse(cached.publication, table as TableName)),
    );
    return sendTagged(c, body, "application/json");
  });

  app.all("/api/v1/*", (c) =>
    error(c, 404, "not_found", "この API はありません（/api/v1/openapi.json を参照）"),
  );
  return app;
}

function detail(
  cached: CachedPublication,
  versions: PublicationMeta[],
): z.output<typeof publicationDetailSchema> {
  const { publication, view } = cached;
  const doc = publication.snapshot.document;
  const paths = publicationPaths(publication);
  return {
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
}

function listUrl(p: {
  municipality?: string | undefined;
  limit?: number | undefined;
  after: string;
}): string {
  const params = new URLSearchParams();
  if (p.municipality !== undefined) params.set("municipality", p.municipality);
  if (p.limit !== undefined) params.set("limit", String(p.limit));
  params.set("after", p.after);
  return `${LIST_PATH}?${params}`;
}

/** The cursor of a page: where it ended (municipality, plan key, fiscal year) as base64url JSON. */
function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.municipalityCode, c.planKey, c.fiscalYear])).toString("base64url");
}

function decodeCursor(text: string): ListCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [municipalityCode, planKey, fiscalYear] = parsed.data;
    return { municipalityCode, planKey, fiscalYear };
  } catch {
    return null;
  }
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
