/**
 * The middleware that protects the internal pages: the session of the request, the login requirement and
 * the CSRF check. Registered by src/web/app.tsx in this order, after contextStorage().
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { setResponseHeaders } from "../core/http.ts";
import { type AuthEnv, ERA_COOKIE, readEra } from "../core/request.ts";
import type { DB } from "../db/database.ts";
import { sessionFromCookie } from "./auth.service.ts";
import { CSRF_FIELD, LOGIN_CSRF_COOKIE, SAFE_METHODS, sameOrigin, tokensMatch } from "./csrf.ts";

export const SESSION_COOKIE = "gyokaku_session";

/**
 * Paths anyone may open: the health check, assets, the login page, and the public pages and API of the
 * publishing issue. Everything else needs a login, so that a new route is protected unless listed here.
 */
export function isOpenPath(path: string): boolean {
  return (
    path === "/healthz" ||
    path === "/login" ||
    path === "/favicon.ico" ||
    path.startsWith("/assets/") ||
    path === "/public" ||
    path.startsWith("/public/") ||
    path.startsWith("/api/v1/")
  );
}

/** Paths whose state-changing requests are not checked for a CSRF token: they use no session cookie. */
function csrfExempt(path: string): boolean {
  return path !== "/login" && isOpenPath(path);
}

/** Whether cookies get the Secure flag: under HTTPS, seen directly or through a trusted proxy. */
export function sessionMiddleware(db: DB): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set("era", readEra(getCookie(c, ERA_COOKIE)));
    const session =
      isOpenPath(c.req.path) && c.req.path !== "/login"
        ? null
        : await sessionFromCookie(db, getCookie(c, SESSION_COOKIE));
    c.set("user", session?.actor ?? null);
    c.set("csrfToken", session?.csrfToken ?? null);
    // read with the session (one query): the header's count of unread notifications
    if (session) {
      c.set("unread", session.unread);
      c.set("municipalityState", session.stateVersion);
    }
    await next();
    // Pages that depend on who is looking are never cached.
    if (session) setResponseHeaders(c, { "Cache-Control": "no-store" });
  };
}

/** Anonymous requests to internal pages go to the login page, which brings them back afterwards. */
export function requireLogin(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (isOpenPath(c.req.path) || c.get("user")) return next();
    const back = c.req.method === "GET" ? c.req.path + new URL(c.req.url).search : "/";
    return c.redirect(`/login?next=${encodeURIComponent(back)}`, 303);
  };
}

/**
 * Every state-changing request carries the synchroniser token of its session in `_csrf` (or the header
 * X-CSRF-Token); the login form carries the token of its own cookie. A cross-site Origin is refused outright.
 */
export function csrfProtection(
  refuse: (c: Context<AuthEnv>) => Response | Promise<Response>,
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || csrfExempt(c.req.path)) return next();
    if (!sameOrigin(c.req.header("origin"), c.req.url)) return refuse(c);
    const expected = c.get("csrfToken") ?? (c.req.path === "/login" ? getCookie(c, LOGIN_CSRF_COOKIE) : null);
    let given: unknown = c.req.header("x-csrf-token");
    if (given === undefined) {
      const type = c.req.header("content-type") ?? "";
      if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
        // Hono caches the parsed body: the route reads it again without consuming the stream twice.
        const body = await c.req.parseBody({ all: true });
        given = body[CSRF_FIELD];
      }
    }
    if (!tokensMatch(expected, given)) return refuse(c);
    return next();
  };
}
