/**
 * A page whose heavy part is kept as UTF-8 bytes (a plan's tree, a report's body: hundreds of kilobytes, the
 * same for every reader until the plan changes) and whose frame is rendered per request (the reader's name,
 * notifications, the CSRF token). The frame is rendered with KEPT_PART where the part goes; the response is the
 * frame's bytes around the part's, so the part is neither put into a string nor encoded again per request
 * (turning a 400 KB string into bytes for every response cost more than the rest of the page).
 *
 * The place is an HTML comment put in with raw(): text and attributes written by anyone are escaped by JSX
 * (`<` becomes `&lt;`), so no data can make another one; a page with none or two is refused.
 */
import type { Context } from "hono";
import { raw } from "hono/html";

const MARK = "<!--gyokaku:kept-part-->";
const encoder = new TextEncoder();

/** Where the kept part goes in the frame. */
export const KEPT_PART = raw(MARK);

/** HTML as the bytes a kept part is held in. */
export const htmlBytes = (html: string): Uint8Array => encoder.encode(html);

/** The frame (a JSX page with KEPT_PART in it once) with `part` in its place, as an HTML response. */
export async function htmlWithKeptPart(
  c: Context,
  frame: { toString(): string | Promise<string> },
  part: Uint8Array,
  status: 200 | 400 = 200,
): Promise<Response> {
  const html = String(await frame.toString());
  const at = html.indexOf(MARK);
  if (at < 0 || html.indexOf(MARK, at + MARK.length) >= 0)
    throw new Error("htmlWithKeptPart: the page must hold KEPT_PART exactly once");
  const head = encoder.encode(html.slice(0, at));
  const tail = encoder.encode(html.slice(at + MARK.length));
  // not zero-filled first: every byte is written below
  const body = Buffer.allocUnsafe(head.length + part.length + tail.length);
  body.set(head, 0);
  body.set(part, head.length);
  body.set(tail, head.length + part.length);
  return c.body(body as Uint8Array<ArrayBuffer>, status, { "Content-Type": "text/html; charset=UTF-8" });
}
