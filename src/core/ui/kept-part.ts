/**
 * A page whose heavy part is kept as UTF-8 bytes (a plan's tree, a report's body: hundreds of kilobytes, the
 * same for every reader until the plan changes) and whose frame is rendered per request (the reader's name,
 * notifications, the CSRF token). The frame is rendered with KEPT_PART where the part goes; the response is the
 * frame's bytes around the part's, so the part is neither put into a string nor encoded again per request
 * (turning a 400 KB string into bytes for every response cost more than the rest of the page).
 *
 * Compressed for a browser that asks for gzip (all do) without compressing the part per request: the part is
 * deflated once (kept beside it while it is kept) into blocks that end on a byte boundary without closing the
 * stream, and the response's gzip stream is the frame's head deflated, then the part's blocks, then the frame's
 * tail deflated as the last block, with the CRC-32 and length of the whole. Three deflate runs that never refer
 * to each other make one valid deflate stream (RFC 1951: each block stands on what was decoded before it, and a
 * run starting fresh refers to nothing older). 700 KB of plan become some 60 KB on the wire.
 *
 * The place is an HTML comment put in with raw(): text and attributes written by anyone are escaped by JSX
 * (`<` becomes `&lt;`), so no data can make another one; a page with none or two is refused.
 *
 * A kept part may hold forms (a round's table with its bulk approval): it is rendered with KEPT_CSRF as the
 * CSRF token (CsrfField's `token`) and kept as the pieces between (keptPieces); each response puts the request's
 * own token between them. KEPT_CSRF is random per process, so no data can hold it.
 */
import { randomUUID } from "node:crypto";
import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Context } from "hono";
import { raw } from "hono/html";
import { crc32Combine } from "../crc32-combine.ts";
import { acceptsGzip } from "../http.ts";
import { requestAuth } from "../request.ts";

const MARK = "<!--gyokaku:kept-part-->";
const encoder = new TextEncoder();

/** Where the kept part goes in the frame. */
export const KEPT_PART = raw(MARK);

/** HTML as the bytes a kept part is held in. */
export const htmlBytes = (html: string): Uint8Array => encoder.encode(html);

/** The CSRF token a kept part is rendered with: each response puts the request's token in its place. */
export const KEPT_CSRF = `gyokaku-kept-csrf-${randomUUID()}`;

/** A kept part with forms: the bytes between its CSRF tokens (rendered as KEPT_CSRF), one piece if none. */
export type KeptPieces = readonly Uint8Array[];

/** HTML rendered with KEPT_CSRF as the token, as the pieces between the tokens. */
export const keptPieces = (html: string): KeptPieces => html.split(KEPT_CSRF).map(htmlBytes);

const escapeAttribute = (s: string) => s.replace(/[&"'<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The frame (a JSX page with KEPT_PART in it once) with `part` in its place, as an HTML response. */
export async function htmlWithKeptPart(
  c: Context,
  frame: { toString(): string | Promise<string> },
  part: Uint8Array | KeptPieces,
  status: 200 | 400 = 200,
): Promise<Response> {
  const html = String(await frame.toString());
  const at = html.indexOf(MARK);
  if (at < 0 || html.indexOf(MARK, at + MARK.length) >= 0)
    throw new Error("htmlWithKeptPart: the page must hold KEPT_PART exactly once");
  const head = encoder.encode(html.slice(0, at));
  const tail = encoder.encode(html.slice(at + MARK.length));
  const type = { "Content-Type": "text/html; charset=UTF-8", Vary: "Accept-Encoding" };
  const segments = [{ bytes: head, kept: false }, ...withToken(part), { bytes: tail, kept: false }];
  if (acceptsGzip(c.req.header("Accept-Encoding")))
    return c.body(gzipSegments(segments) as Uint8Array<ArrayBuffer>, status, {
      ...type,
      "Content-Encoding": "gzip",
    });
  return c.body(concat(segments.map((s) => s.bytes)) as Uint8Array<ArrayBuffer>, status, type);
}

/** The kept part's pieces with the request's CSRF token between them. */
function withToken(part: Uint8Array | KeptPieces): { bytes: Uint8Array; kept: boolean }[] {
  if (part instanceof Uint8Array) return [{ bytes: part, kept: true }];
  const token = part.length > 1 ? encoder.encode(escapeAttribute(requestAuth().csrfToken ?? "")) : undefined;
  return part.flatMap((bytes, i) => [
    ...(i > 0 && token ? [{ bytes: token, kept: false }] : []),
    { bytes, kept: true },
  ]);
}

function concat(chunks: Uint8Array[]): Buffer {
  // not zero-filled first: every byte is written below
  const out = Buffer.allocUnsafe(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The part deflated into non-final blocks that end on a byte boundary, made once per part. */
const deflated = new WeakMap<Uint8Array, Buffer>();
/** The part's CRC-32, made once per part. */
const crcs = new WeakMap<Uint8Array, number>();
function keptCrc(bytes: Uint8Array): number {
  let crc = crcs.get(bytes);
  if (crc === undefined) {
    crc = crc32(bytes);
    crcs.set(bytes, crc);
  }
  return crc;
}
const SYNC = { level: 6, finishFlush: constants.Z_SYNC_FLUSH };

const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);

/**
 * The head is deflated per request at a low level (a few kilobytes of layout: level 2 is half the CPU of level 6
 * and a few per cent larger). The tail (the end of the layout) is mostly the same for every request: the last
 * tails deflated are kept by their text.
 */
const HEAD = { level: 2, finishFlush: constants.Z_SYNC_FLUSH };
const tails = new Map<string, Buffer>();
const MAX_TAILS = 32;
const latin1 = new TextDecoder("latin1");

function deflatedTail(tail: Uint8Array): Buffer {
  if (tail.length > 4096) return deflateRawSync(tail);
  const key = latin1.decode(tail);
  let out = tails.get(key);
  if (!out) {
    out = deflateRawSync(tail);
    if (tails.size >= MAX_TAILS) tails.delete(tails.keys().next().value as string);
    tails.set(key, out);
  }
  return out;
}

/** Segments this short (a CSRF token) are sent as they are: a deflate run costs more than it saves on them. */
const STORED_BELOW = 256;

/**
 * A stored (uncompressed) non-final deflate block (RFC 1951 3.2.4): the header bits 0 and 00, padded to the
 * byte boundary where the block before ended (every block here ends on one), then LEN, its complement, the bytes.
 */
function storedBlock(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(5 + bytes.length);
  out[0] = 0;
  out.writeUInt16LE(bytes.length, 1);
  out.writeUInt16LE(~bytes.length & 0xffff, 3);
  out.set(bytes, 5);
  return out;
}

/** One gzip member holding head + part + tail, the part's deflated blocks kept and reused. */
export function gzipAround(head: Uint8Array, part: Uint8Array, tail: Uint8Array): Buffer {
  return gzipSegments([
    { bytes: head, kept: false },
    { bytes: part, kept: true },
    { bytes: tail, kept: false },
  ]);
}

/**
 * One gzip member holding the segments in order: the kept ones' deflated blocks made once and reused, the
 * others deflated per response at the head's level; the last segment (the frame's tail, kept deflated by its
 * text) closes the stream.
 */
export function gzipSegments(segments: readonly { bytes: Uint8Array; kept: boolean }[]): Buffer {
  const blocks = segments.map(({ bytes, kept }, i) => {
    if (i === segments.length - 1) return deflatedTail(bytes);
    if (!kept) return bytes.length < STORED_BELOW ? storedBlock(bytes) : deflateRawSync(bytes, HEAD);
    let made = deflated.get(bytes);
    if (!made) {
      made = deflateRawSync(bytes, SYNC);
      deflated.set(bytes, made);
    }
    return made;
  });
  const trailer = Buffer.alloc(8);
  // the CRC-32 of the whole from each segment's: a kept one's is made once (reading 700 KB for it per response
  // cost more than the rest of the frame)
  const crc = segments.reduce(
    (v, { bytes, kept }) => crc32Combine(v, kept ? keptCrc(bytes) : crc32(bytes), bytes.length),
    0,
  );
  const length = segments.reduce((n, { bytes }) => n + bytes.length, 0);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  return concat([GZIP_HEADER, ...blocks, trailer]);
}
