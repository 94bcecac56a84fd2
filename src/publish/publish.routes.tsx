/**
 * HTTP adapter for the public pages under /public/, without login: the list of what is published, each
 * publication's pages (the latest version at /public/<code>/<plan>/<FY>/, an older one under …/v<n>/),
 * server-side search, the open-data downloads and the shared assets.
 */
import { readFile } from "node:fs/promises";
import { join, normalize } from "node:path";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { isAppError } from "../core/errors.ts";
import type { DB } from "../db/database.ts";
import { contentDisposition } from "../domain/evidence.ts";
import type { SiteMode } from "./public.layout.tsx";
import { PublicationListPage, PublicNotFoundPage } from "./public.list.tsx";
import { SearchPage } from "./public.pages.tsx";
import { cachedPublicationWithVersions, renderedOnce } from "./publication-cache.ts";
import { listPublications, publishedEvidenceBytes } from "./publish.service.ts";
import { contentType, fontDir, publicCss, renderFile } from "./site.tsx";
import { sendTagged, taggedBody } from "./tagged-body.ts";

const refSchema = z.object({
  code: z.string().regex(/^\d{6}$/),
  key: z.string().min(1).max(200),
  fy: z.coerce.number().int().min(1900).max(2200),
});
const searchSchema = z.object({
  q: z.string().max(200).default(""),
  dept: z.string().max(200).default(""),
});

const CACHE = "public, max-age=300";

export function publishRoutes(db: DB) {
  const app = new Hono();

  app.get("/public", (c) => c.redirect("/public/", 301));
  app.on("GET", ["/public/", "/public/index.html"], async (c) =>
    c.html(<PublicationListPage publications={await listPublications(db)} assets="assets/" />),
  );

  app.get("/public/assets/public.css", (c) => {
    c.header("Content-Type", contentType("public.css"));
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(publicCss());
  });
  app.get("/public/assets/fonts/*", async (c) => {
    const path = normalize(join(fontDir, c.req.path.slice("/public/assets/fonts/".length)));
    return path.startsWith(fontDir) ? file(c, path) : notFound(c);
  });

  // Without the trailing slash the pages' relative links would point one folder too high.
  app.get("/public/:code/:key/:fy", (c) => c.redirect(`${rawPath(c)}/`, 301));

  app.get("/public/:code/:key/:fy/*", async (c) => {
    const ref = refSchema.safeParse(c.req.param());
    if (!ref.success) return notFound(c);
    // /public/<code>/<key>/<fy>/<rest>: a key's own "/" arrives as %2F, so splitting the path is safe.
    const rest = c.req.path.split("/").slice(5).join("/");
    const versioned = /^v(\d+)(?:\/(.*))?$/.exec(rest);
    if (versioned && versioned[2] === undefined) return c.redirect(`${rawPath(c)}/`, 301);
    const version = versioned ? Number(versioned[1]) : undefined;
    const path = versioned ? versioned[2]! : rest;

    const found = await cachedPublicationWithVersions(db, {
      municipalityCode: ref.data.code,
      planKey: ref.data.key,
      fiscalYear: ref.data.fy,
      version,
    });
    if (!found) return notFound(c, "この計画・年度はまだ公表されていないか、版の番号が違います。");
    const { cached, versions: all } = found;
    const { publication, view } = cached;
    const latest = all[0]?.version ?? publication.version;
    const up = version === undefined ? "" : "../";
    const mode: SiteMode = {
      assets: `${up}../../../assets/`,
      home: `${up}../../../index.html`,
      search: true,
      versions: all.map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt,
        root: v.version === latest ? up : `${up}v${v.version}/`,
        current: v.version === publication.version,
      })),
    };

    // 根拠資料 taken into this version when it was published (the copy, whatever happened to the file since)
    const evidence = view.evidenceByPath.get(path);
    if (evidence) {
      const data = await publishedEvidenceBytes(db, publication, evidence.id);
      if (!data) return notFound(c);
      c.header("Content-Type", evidence.contentType);
      c.header("Content-Disposition", contentDisposition(evidence.fileName));
      c.header("Cache-Control", CACHE);
      return c.body(data as Uint8Array<ArrayBuffer>);
    }
    if (path === "search.html") {
      const q = searchSchema.parse({ q: c.req.query("q") ?? "", dept: c.req.query("dept") ?? "" });
      c.header("Cache-Control", "no-store");
      return c.html(<SearchPage view={view} mode={mode} q={q.q} dept={q.dept} />);
    }
    try {
      const sjis = c.req.query("encoding") === "sjis";
      // The pages list the versions: a new version makes new keys.
      const key = `${versioned ? "v" : "latest"}|${all.map((v) => v.version).join(",")}|${sjis}|${path}`;
      // Kept as bytes with their gzip and entity tag: a request costs the look-up of the versions and no more.
      const found = await renderedOnce(cached, key, async () => {
        const file = await renderFile(view, mode, path, { sjis });
        return file
          ? {
              path: file.path,
              tagged: taggedBody(typeof file.body === "string" ? file.body : new Uint8Array(file.body)),
            }
          : null;
      });
      if (!found) return notFound(c);
      c.header("Cache-Control", CACHE);
      let type = contentType(found.path);
      if (found.path.endsWith(".csv")) {
        const name = `${ref.data.code}-${ref.data.fy}-v${publication.version}-${found.path.slice("opendata/".length)}`;
        c.header("Content-Disposition", `attachment; filename="${name}"`);
        if (sjis) type = "text/csv; charset=Shift_JIS; header=present";
      }
      return sendTagged(c, found.tagged, type);
    } catch (e) {
      if (isAppError(e, "invalid_document")) {
        return c.text(e.message, 422);
      }
      throw e;
    }
  });

  app.get("/public/*", (c) => notFound(c));
  return app;
}

/** The path as the client sent it (percent-encoded), for redirects. */
function rawPath(c: Context): string {
  return new URL(c.req.url).pathname;
}

async function file(c: Context, path: string) {
  try {
    const body = await readFile(path);
    c.header("Content-Type", contentType(path));
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(new Uint8Array(body));
  } catch {
    return notFound(c);
  }
}

function notFound(c: Context, message = "お探しのページは見つかりません。") {
  const depth = Math.max(0, c.req.path.slice("/public/".length).split("/").length - 1);
  return c.html(<PublicNotFoundPage message={message} depth={depth} assets="assets/" />, 404);
}
