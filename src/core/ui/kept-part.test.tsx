import assert from "node:assert/strict";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { contextStorage } from "hono/context-storage";
import { acceptsGzip } from "../http.ts";
import { CsrfField } from "./forms.tsx";
import {
  gzipAround,
  gzipSegments,
  htmlBytes,
  htmlWithKeptPart,
  KEPT_CSRF,
  KEPT_PART,
  keptPieces,
} from "./kept-part.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

test("head, kept part and tail make one gzip stream that decodes to the three in order", () => {
  // a part longer than deflate's 32 KB window, repeating, with Japanese text: back-references within it
  const part = bytes(
    Array.from({ length: 4000 }, (_, i) => `<tr><td>取組${i}</td><td>${(i * 7919) % 1000}件</td></tr>`).join(
      "",
    ),
  );
  // twice, and with another head before the same tail: the deflated tails kept from the first time are right
  for (const [head, tail] of [
    ["<html><body><p>山田 太郎</p>", "</body></html>"],
    ["", ""],
    ["<p>頭</p>".repeat(5000), "<p>尾</p>".repeat(5000)],
    ["<html><body><p>山田 太郎</p>", "</body></html>"],
    ["<html><body><p>佐藤 花子</p>", "</body></html>"],
    ["", ""],
  ] as const) {
    const out = gzipAround(bytes(head), part, bytes(tail));
    const text = gunzipSync(out).toString("utf8");
    assert.equal(text, head + new TextDecoder().decode(part) + tail);
    assert.ok(out.length < part.length / 3, `compressed ${out.length} of ${part.length}`);
  }
  // the part's blocks are kept: the same part with another frame is still right
  assert.equal(
    gunzipSync(gzipAround(bytes("A"), part, bytes("B")))
      .toString()
      .slice(0, 9),
    "A<tr><td>",
  );
});

test("Accept-Encoding: gzip by name or by *, never with q=0", () => {
  assert.equal(acceptsGzip("gzip, deflate, br, zstd"), true);
  assert.equal(acceptsGzip("GZIP"), true);
  assert.equal(acceptsGzip("br;q=1.0, gzip;q=0.8"), true);
  assert.equal(acceptsGzip("*"), true);
  assert.equal(acceptsGzip(undefined), false);
  assert.equal(acceptsGzip(""), false);
  assert.equal(acceptsGzip("identity"), false);
  assert.equal(acceptsGzip("br"), false);
  assert.equal(acceptsGzip("gzip;q=0"), false);
  assert.equal(acceptsGzip("*, gzip;q=0"), false);
});

test("a page with a kept part is sent gzipped to a browser that asks, plain otherwise, and says it varies", async () => {
  const part = htmlBytes("<section>計画の本体</section>".repeat(100));
  const app = new Hono().get("/", (c) =>
    htmlWithKeptPart(
      c,
      <main>
        <h1>計画</h1>
        {KEPT_PART}
      </main>,
      part,
    ),
  );
  const expected = `<main><h1>計画</h1>${"<section>計画の本体</section>".repeat(100)}</main>`;
  const zipped = await app.request("/", { headers: { "Accept-Encoding": "gzip, deflate" } });
  assert.equal(zipped.headers.get("Content-Encoding"), "gzip");
  assert.equal(zipped.headers.get("Vary"), "Accept-Encoding");
  assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString(), expected);
  const plain = await app.request("/");
  assert.equal(plain.headers.get("Content-Encoding"), null);
  assert.equal(await plain.text(), expected);
});

test("segments kept and made per response, short and long, make one gzip stream of them in order", () => {
  const kept = bytes("<tr><td>取組</td></tr>".repeat(3000));
  const segments = [
    { bytes: bytes("<html><body>"), kept: false },
    { bytes: kept, kept: true },
    { bytes: bytes("token-1234"), kept: false },
    { bytes: bytes(""), kept: false },
    { bytes: kept, kept: true },
    { bytes: bytes("<p>尾</p>".repeat(500)), kept: false },
    { bytes: bytes("</body></html>"), kept: false },
  ];
  const text = gunzipSync(gzipSegments(segments)).toString("utf8");
  assert.equal(text, segments.map((s) => new TextDecoder().decode(s.bytes)).join(""));
});

test("a kept part with a form carries each request's own CSRF token", async () => {
  const html = String(
    await (
      <form method="post" action="/x">
        <CsrfField token={KEPT_CSRF} />
        <p>{"本体".repeat(2000)}</p>
      </form>
    ).toString(),
  );
  const pieces = keptPieces(html);
  assert.equal(pieces.length, 2);
  const app = new Hono<{ Variables: { csrfToken: string } }>()
    .use(contextStorage())
    .use(async (c, next) => {
      c.set("csrfToken", c.req.header("x-token") ?? "");
      await next();
    })
    .get("/", (c) => htmlWithKeptPart(c, <main>{KEPT_PART}</main>, pieces));
  for (const token of ["token-a", "token-b"]) {
    const expected = `<main>${html.replace(KEPT_CSRF, token)}</main>`;
    const zipped = await app.request("/", { headers: { "x-token": token, "Accept-Encoding": "gzip" } });
    assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString(), expected);
    assert.equal(await (await app.request("/", { headers: { "x-token": token } })).text(), expected);
  }
});
