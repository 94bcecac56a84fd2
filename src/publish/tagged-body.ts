/**
 * A response body made once per published version and served many times (the public pages, the API's
 * publication and tables): kept as bytes with their gzip and an entity tag (a digest of the bytes), so that a
 * client that has it gets 304 Not Modified and one that accepts gzip gets the compressed bytes, with no work per
 * request beyond the comparison (no rendering, no UTF-8 encoding, no compression).
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Context } from "hono";

export type TaggedBody = { body: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer>; etag: string };

export function taggedBody(body: Uint8Array<ArrayBuffer> | string): TaggedBody {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
  return { body: bytes, gzip: new Uint8Array(gzipSync(bytes, { level: 9 })), etag };
}

/** A JSON value as a tagged body. */
export const taggedJson = (value: unknown): TaggedBody => taggedBody(JSON.stringify(value));

/** Whether an If-None-Match header names the tag (a list, weak tags or "*"). */
export function matchesTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * Whether the client takes gzip (RFC 9110 12.5.3): `gzip` or `x-gzip` with a weight above zero, or `*` with one
 * when gzip is not named. Names are case-insensitive; `gzip;q=0` refuses it even beside `*`.
 */
export function acceptsGzip(header: string | undefined): boolean {
  let star = false;
  for (const part of (header ?? "").split(",")) {
    const [rawName, ...params] = part.trim().split(";");
    const name = rawName?.trim().toLowerCase();
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name === "gzip" || name === "x-gzip") return weight > 0;
    if (name === "*") star = weight > 0;
  }
  return star;
}

export function sendTagged(c: Context, tagged: TaggedBody, contentType: string): Response {
  c.header("ETag", tagged.etag);
  c.header("Vary", "Accept-Encoding");
  if (matchesTag(c.req.header("if-none-match"), tagged.etag)) return c.body(null, 304);
  if (acceptsGzip(c.req.header("accept-encoding")))
    return c.body(tagged.gzip, 200, { "Content-Type": contentType, "Content-Encoding": "gzip" });
  return c.body(tagged.body, 200, { "Content-Type": contentType });
}
