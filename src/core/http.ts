/** Small facts about an HTTP request that several capabilities need: HTTPS, the client, a safe way back. */

import { gzipSync } from "node:zlib";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { HtmlEscapedCallbackPhase, resolveCallback } from "hono/utils/html";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** How many reverse proxies in front of gyokaku to trust (GYOKAKU_TRUST_PROXY=N; "1" is one proxy). */
export function trustedProxies(env = process.env): number {
  const n = Number(env.GYOKAKU_TRUST_PROXY ?? "0");
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Whether the browser reached us over HTTPS (directly, or through a trusted proxy that says so). */
export function isHttps(c: Context, env = process.env): boolean {
  if (env.GYOKAKU_SECURE_COOKIES === "1") return true;
  // the request's absolute URL: its scheme is at the start (parsing the URL took a twentieth of a kept page's time)
  if (c.req.url.startsWith("https:")) return true;
  return trustedProxies(env) > 0 && c.req.header("x-forwarded-proto") === "https";
}

/**
 * The client's address: the socket's; behind N trusted proxies, the address the outermost of them saw, which
 * is the N-th entry of X-Forwarded-For counted from the right (entries further left are the client's to forge).
 */
export function clientIp(c: Context, env = process.env): string {
  const proxies = trustedProxies(env);
  if (proxies > 0) {
    const hops = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const hop = hops[hops.length - proxies];
    if (hop) return hop;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no socket
  }
}

const ORIGIN = "http://gyokaku.invalid";

/**
 * A path on this server to go back to (after login, after a setting); anything else becomes "/". Decided by
 * parsing the URL as the browser will, not by its prefix: `//evil`, `/\evil`, `/%09/evil` and control
 * characters are refused.
 * @example safeNext("/plans/1?fy=2022") === "/plans/1?fy=2022"; safeNext("//evil.example") === "/"
 */
export function safeNext(next: string | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here
  if (next === undefined || !next.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that begins with two slashes would be read as another host when sent back in Location.
  return path.startsWith("//") ? "/" : path;
}

/**
 * Sets headers on the response from a middleware after `await next()`, without making the response again.
 * Hono's c.header() on a finished response copies it into a new Fetch Response, which turns @hono/node-server's
 * light response (a string or bytes body written to the socket as it is) into one whose body is encoded and
 * streamed again: for a page of a few hundred kilobytes that cost more than the page itself. A response whose
 * headers cannot be changed (one made elsewhere) is copied as before.
 */
export function setResponseHeaders(c: Context, headers: Readonly<Record<string, string>>): void {
  const entries = Object.entries(headers);
  try {
    const h = c.res.headers;
    for (const [k, v] of entries) h.set(k, v);
  } catch {
    for (const [k, v] of entries) c.header(k, v);
  }
}

/**
 * How much an Accept-Encoding header wants Brotli and gzip (RFC 9110 12.5.3): the weight given to each by name
 * (`x-gzip` is gzip), else the weight of `*`, else 0; names are case-insensitive, a weight of zero refuses.
 */
export function codingWeights(header: string | undefined): { br: number; gzip: number } {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [rawName, ...params] = part.trim().split(";");
    const name = rawName?.trim().toLowerCase() ?? "";
    if (name === "") continue;
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name === "x-gzip" ? "gzip" : name, Number.isFinite(weight) ? weight : 0);
  }
  const star = weights.get("*") ?? 0;
  return { br: weights.get("br") ?? star, gzip: weights.get("gzip") ?? star };
}

/** Whether an Accept-Encoding header takes gzip. */
export const acceptsGzip = (header: string | undefined): boolean => codingWeights(header).gzip > 0;

/**
 * HTML pages of `minBytes` or more gzipped for a browser that asks (every browser does): a round of 150 items is
 * a page of 100 KB, some 10 KB gzipped, and writing the larger one to the socket costs the server more than
 * compressing it (level 4: about a millisecond a 100 KB). Answers already encoded (the pages with a kept part,
 * core/ui/kept-part.ts; the API) and everything but HTML (files, streams) are left as they are.
 *
 * A page made with c.html() is compressed as it is made, from its text: reading the body back from the finished
 * response (as a middleware after `await next()` must) turns @hono/node-server's light response into a Fetch
 * Response and streams it back, which for the dashboard cost as much CPU as the compression. Other HTML answers
 * (made with `new Response`) are still read back.
 */
export function compressPages(minBytes = 8 * 1024): MiddlewareHandler {
  return async (c, next) => {
    const gzip = c.req.method !== "HEAD" && acceptsGzip(c.req.header("Accept-Encoding"));
    let made: Response | null = null;
    if (gzip) {
      const html = c.html;
      const finish = (
        text: string,
        arg?: ContentfulStatusCode,
        headers?: Record<string, string>,
      ): Response => {
        const res =
          Buffer.byteLength(text) < minBytes
            ? html(text, arg, headers)
            : c.body(gzipSync(text, { level: 2 }) as Uint8Array<ArrayBuffer>, arg, {
                "Content-Type": "text/html; charset=UTF-8",
                ...headers,
                "Content-Encoding": "gzip",
              });
        res.headers.append("Vary", "Accept-Encoding");
        made = res;
        return res;
      };
      c.html = ((
        body: string | Promise<string>,
        arg?: ContentfulStatusCode,
        headers?: Record<string, string>,
      ) =>
        typeof body === "string"
          ? finish(body, arg, headers)
          : resolveCallback(body, HtmlEscapedCallbackPhase.Stringify, false, {}).then((text) =>
              finish(String(text), arg, headers),
            )) as typeof c.html;
    }
    await next();
    const res = c.res;
    // The headers first: `res.body` turns a light response into a Fetch Response with a stream (for the dashboard's
    // kept page, already gzipped, that conversion was two fifths of the middleware's time).
    if (res === made || !gzip || res.headers.has("Content-Encoding")) return;
    if (!(res.headers.get("Content-Type") ?? "").startsWith("text/html") || !res.body) return;
    const bytes = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append("Vary", "Accept-Encoding");
    if (bytes.length < minBytes) {
      c.res = new Response(bytes, { status: res.status, headers });
      return;
    }
    headers.set("Content-Encoding", "gzip");
    headers.delete("Content-Length");
    c.res = new Response(gzipSync(bytes, { level: 4 }), { status: res.status, headers });
  };
}
