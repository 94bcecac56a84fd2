/** The HTTP application: security headers, static assets, health check and each capability's routes. */

import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, normalize } from "node:path";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { contextStorage } from "hono/context-storage";
import { adminRoutes } from "../admin/admin.routes.tsx";
import { auditRoutes } from "../audit/audit.routes.tsx";
import { accountRoutes } from "../auth/accounts.routes.tsx";
import { csrfProtection, requireLogin, sessionMiddleware } from "../auth/auth.middleware.ts";
import { authRoutes } from "../auth/auth.routes.tsx";
import { backupRoutes, MAX_RESTORE_MEGABYTES, RESTORE_PATH } from "../backup/backup.routes.tsx";
import { AppError } from "../core/errors.ts";
import { compressPages, isHttps, setResponseHeaders } from "../core/http.ts";
import type { AuthEnv } from "../core/request.ts";
import { fontDir, staticDir } from "../core/ui/assets.ts";
import { ErrorPage, InternalErrorPage, NotFoundPage } from "../core/ui/error-pages.tsx";
import { controlCharacterField } from "../core/validation.ts";
import { dashboardRoutes } from "../dashboard/dashboard.routes.tsx";
import { type OpenDatabase, ping } from "../db/database.ts";
import { editingRoutes } from "../editing/editing.routes.tsx";
import { restoreRoutes } from "../editing/restore.routes.tsx";
import { importRoutes } from "../importers/import.routes.tsx";
import { notificationRoutes } from "../notifications/notifications.routes.tsx";
import { planRoutes } from "../plans/plans.routes.tsx";
import { apiRoutes } from "../publish/opendata/api.routes.ts";
import { publishAdminRoutes } from "../publish/publish.admin.routes.tsx";
import { publishRoutes } from "../publish/publish.routes.tsx";
import { reportRoutes } from "../reports/reports.routes.tsx";
import { scalesRoutes } from "../reports/scales.routes.tsx";
import { itemExtrasRoutes } from "../rounds/item-extras.routes.tsx";
import { roundRoutes } from "../rounds/rounds.routes.tsx";
import { staffingHistoryRoutes } from "../staffing/staffing.history.routes.tsx";
import { staffingRoutes } from "../staffing/staffing.routes.tsx";
import { staffingUploadRoutes } from "../staffing/staffing.upload.routes.tsx";
import { type TimeBudgets, timeBudget, timeBudgetsFromEnv } from "./time-budget.tsx";

const MAX_FORM_BYTES = 1024 * 1024;
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
// An evidence file of up to 10 MB (src/domain/evidence.ts) and the form around it.
const MAX_EVIDENCE_FORM_BYTES = 11 * 1024 * 1024;
const bodyCeiling = (path: string) =>
  path === "/import" || path === "/staffing/import"
    ? MAX_IMPORT_BYTES
    : path === RESTORE_PATH
      ? MAX_RESTORE_MEGABYTES * 1024 * 1024
      : /^\/rounds\/[^/]+\/items\/[^/]+\/evidence$/.test(path)
        ? MAX_EVIDENCE_FORM_BYTES
        : MAX_FORM_BYTES;

// Nothing may come from outside the server: municipal networks (LGWAN) are closed.
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

async function serveFile(root: string, rel: string): Promise<Response | null> {
  const path = normalize(join(root, rel));
  if (!path.startsWith(root)) return null;
  try {
    const body = await readFile(path);
    const ext = path.slice(path.lastIndexOf("."));
    return new Response(body, {
      headers: {
        "Content-Type": TYPES[ext] ?? "application/octet-stream",
        "Cache-Control": "public, max-age=86400",
      },
    });
  } catch {
    return null;
  }
}

export type AppOptions = {
  /** the time budget of a request (default: GYOKAKU_REQUEST_SECONDS / GYOKAKU_LONG_REQUEST_SECONDS) */
  budgets?: TimeBudgets;
};

export function createApp(open: OpenDatabase, options: AppOptions = {}) {
  const app = new Hono<AuthEnv>();
  app.use(async (c, next) => {
    await next();
    setResponseHeaders(c, {
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      // Served over HTTPS (directly or through a trusted proxy): browsers keep to HTTPS for a year.
      ...(isHttps(c) ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
    });
  });
  app.use(compressPages());
  // Every request within its time budget: past it, a plain page, and its queries and commits are stopped.
  app.use(timeBudget(options.budgets ?? timeBudgetsFromEnv()));
  // Accounts: the session of the request, a login for everything but the open paths, CSRF on every change.
  // Bodies are read by the CSRF check before any route: a ceiling first, larger only for file imports.
  app.use(async (c, next) =>
    // (a GET or HEAD has no body: asking for one would make the request's Fetch object, a fifth of a small page's CPU)
    c.req.method === "GET" || c.req.method === "HEAD"
      ? next()
      : bodyLimit({
          maxSize: bodyCeiling(c.req.path),
          onError: (c) =>
            c.html(
              <ErrorPage
                status={413}
                message={
                  bodyCeiling(c.req.path) === MAX_EVIDENCE_FORM_BYTES
                    ? "添付ファイルが大きすぎます（上限 10 MB）。何も保存していません。"
                    : `送信された内容が大きすぎます（上限 ${Math.floor(bodyCeiling(c.req.path) / 1024 / 1024)} MB）。`
                }
              />,
              413,
            ),
        })(c, next),
  );
  // NUL and other control characters are refused at the edge, naming the field, before any route stores them.
  app.use(async (c, next) => {
    const type = c.req.header("content-type") ?? "";
    const form =
      c.req.method === "POST" &&
      (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))
        ? await c.req.parseBody({ all: true })
        : {};
    const refused = controlCharacterField(c.req.queries()) ?? controlCharacterField(form);
    if (refused) return c.html(<ErrorPage status={400} message={refused.message} />, 400);
    return next();
  });
  app.use(contextStorage());
  app.use(sessionMiddleware(open.db));
  app.use(requireLogin());
  app.use(
    csrfProtection((c) =>
      c.html(
        <ErrorPage
          status={403}
          message="フォームの有効期限が切れたか、ほかのサイトから送信されました。ページを読み込み直してから、もう一度操作してください。"
        />,
        403,
      ),
    ),
  );
  app.route("/", authRoutes(open.db));
  app.route("/", accountRoutes(open.db));
  app.route("/", roundRoutes(open.db));
  app.route("/", itemExtrasRoutes(open.db));
  app.route("/", notificationRoutes(open.db));
  app.route("/", auditRoutes(open.db));
  app.route("/", editingRoutes(open.db));
  app.route("/", restoreRoutes(open.db));
  app.route("/", scalesRoutes(open.db));
  app.route("/", dashboardRoutes(open.db));
  // No icon of our own: an empty answer rather than a 404 page for every browser's request.
  app.get("/favicon.ico", (c) => c.body(null, 204));
  app.get("/healthz", async (c) => {
    try {
      await ping(open.db);
      return c.json({ status: "ok", database: open.kind });
    } catch (e) {
      console.error("healthz:", e);
      return c.json({ status: "error", database: open.kind }, 503);
    }
  });
  app.get(
    "/assets/fonts/*",
    async (c) => (await serveFile(fontDir, c.req.path.slice("/assets/fonts/".length))) ?? c.notFound(),
  );
  app.get(
    "/assets/*",
    async (c) => (await serveFile(staticDir, c.req.path.slice("/assets/".length))) ?? c.notFound(),
  );
  app.route("/", importRoutes(open.db));
  app.route("/", reportRoutes(open.db));
  app.route("/", staffingUploadRoutes(open.db));
  app.route("/", staffingHistoryRoutes(open.db));
  app.route("/", staffingRoutes(open.db));
  app.route("/", publishRoutes(open.db));
  app.route("/", publishAdminRoutes(open.db));
  app.route("/", apiRoutes(open.db));
  app.route("/", backupRoutes(open.db));
  app.route("/", adminRoutes(open.db));
  app.route("/", planRoutes(open.db));
  app.notFound((c) => c.html(<NotFoundPage message="お探しのページは見つかりません。" />, 404));
  app.onError((err, c) => {
    if (err instanceof AppError) {
      if (err.code === "unauthenticated") return c.redirect("/login", 303);
      return c.html(<ErrorPage status={err.status} message={err.message} />, err.status as 400);
    }
    const reference = randomUUID().slice(0, 8);
    console.error(`[${reference}] ${c.req.method} ${c.req.path}:`, err);
    return c.html(<InternalErrorPage reference={reference} />, 500);
  });
  return app;
}
