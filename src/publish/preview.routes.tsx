/**
 * The publishing preview (公表前のプレビュー, issue 12.4): the public pages of the version that publishing a
 * fiscal year would make now, rendered by the same renderer from the would-be snapshot, under the plan's
 * publishing page (login needed; the reform office and administrators only). Every page carries a band that
 * says プレビュー and holds the confirmation, which publishes exactly what was shown (its fingerprint is sent
 * with it). Nothing here is stored or cached: each request builds the snapshot again, no-store, noindex.
 */
import { type Context, Hono } from "hono";
import { AppError } from "../core/errors.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import type { DB } from "../db/database.ts";
import { contentDisposition } from "../domain/evidence.ts";
import type { SiteMode } from "./public.layout.tsx";
import { SearchPage } from "./public.pages.tsx";
import { buildView } from "./public-view.ts";
import { previewAs, previewEvidenceBytes } from "./publish.service.ts";
import { contentType, renderFile } from "./site.tsx";

export const previewPath = (planId: string, fy: number) => `/plans/${planId}/publish/preview/${fy}/`;

/** The preview's pages sit five folders below the site root; the public assets are at /public/assets/. */
const ASSETS = "../../../../../public/assets/";

export function previewRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  const noStore = (c: Context) => {
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex, nofollow");
  };

  // The form of the publishing page asks with ?fy=
  app.get("/plans/:id/publish/preview", (c) => {
    const fy = /^\d{4}$/.test(c.req.query("fy") ?? "") ? c.req.query("fy") : undefined;
    if (!fy)
      throw new AppError("invalid", "プレビューする年度を選んでください。", {
        fields: { fy: "年度を選んでください" },
      });
    return c.redirect(previewPath(c.req.param("id"), Number(fy)), 303);
  });
  app.get("/plans/:id/publish/preview/:fy", (c) => c.redirect(`${new URL(c.req.url).pathname}/`, 301));

  app.get("/plans/:id/publish/preview/:fy/*", async (c) => {
    const { id, fy } = c.req.param();
    const { publication, digest } = await previewAs(db, currentUser(c), id, fy);
    const rest = c.req.path.split("/").slice(6).join("/");
    const view = buildView(publication);
    const error = c.req.query("error");
    const mode: SiteMode = {
      assets: ASSETS,
      search: true,
      preview: {
        fiscalYear: publication.fiscalYear,
        version: publication.version,
        digest,
        action: `/plans/${id}/publish`,
        back: `/plans/${id}/publish`,
        error:
          error === "confirm"
            ? "公表してよいことを確認して、チェックを入れてください"
            : error === "changed"
              ? "プレビューを見た後に、公表する内容が変わりました（回答の保存・承認など）。この新しいプレビューを確かめてから公表してください。"
              : undefined,
      },
    };
    noStore(c);
    const evidence = view.evidenceByPath.get(rest);
    if (evidence) {
      const data = await previewEvidenceBytes(db, publication, evidence.id);
      if (!data) throw new AppError("not_found", "この資料は見つかりません。");
      c.header("Content-Type", evidence.contentType);
      c.header("Content-Disposition", contentDisposition(evidence.fileName));
      return c.body(data as Uint8Array<ArrayBuffer>);
    }
    if (rest === "search.html") {
      return c.html(
        <SearchPage
          view={view}
          mode={mode}
          q={(c.req.query("q") ?? "").slice(0, 200)}
          dept={(c.req.query("dept") ?? "").slice(0, 200)}
        />,
      );
    }
    const found = await renderFile(view, mode, rest);
    if (!found) throw new AppError("not_found", "プレビューにこのページはありません。");
    c.header("Content-Type", contentType(found.path));
    return c.body(typeof found.body === "string" ? found.body : new Uint8Array(found.body));
  });
  return app;
}
