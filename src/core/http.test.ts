/** Redirect targets and the client address: the probe's open redirect and X-Forwarded-For rotation. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { Hono } from "hono";
import { html } from "hono/html";
import { clientIp, compressPages, isHttps, safeNext } from "./http.ts";

test("safeNext keeps paths on this server and refuses every way out the probe found", () => {
  assert.equal(safeNext("/plans/1?fy=2022#x"), "/plans/1?fy=2022#x");
  for (const bad of [
    "/\t/evil.example",
    decodeURIComponent("/%09/evil.example"),
    "/%09/evil.example/../..//evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /evil",
    "",
  ]) {
    const out = safeNext(bad);
    assert.ok(out.startsWith("/") && !out.startsWith("//"), `${JSON.stringify(bad)} → ${out}`);
    assert.equal(new URL(out, "https://gyokaku.example.jp").host, "gyokaku.example.jp", JSON.stringify(bad));
  }
});

test("behind N trusted proxies the client address is taken from the right of X-Forwarded-For", async () => {
  const app = new Hono();
  let env: Record<string, string> = {};
  app.get("/", (c) => c.json({ ip: clientIp(c, env), https: isHttps(c, env) }));
  const ask = async (xff: string) =>
    ((await (await app.request("/", { headers: { "x-forwarded-for": xff } })).json()) as { ip: string }).ip;
  env = { GYOKAKU_TRUST_PROXY: "1" };
  assert.equal(await ask("6.6.6.6, 203.0.113.5"), "203.0.113.5", "the forged left entry is ignored");
  assert.equal(await ask("7.7.7.7, 203.0.113.5"), "203.0.113.5", "rotating it changes nothing");
  env = { GYOKAKU_TRUST_PROXY: "2" };
  assert.equal(await ask("6.6.6.6, 203.0.113.5, 10.0.0.2"), "203.0.113.5");
  env = {};
  assert.equal(await ask("6.6.6.6"), "unknown", "no proxy trusted: the header is not believed");
});

test("HTTPS is the request's scheme, the secure-cookies setting, or a trusted proxy's X-Forwarded-Proto", async () => {
  const app = new Hono();
  let env: Record<string, string> = {};
  app.get("/", (c) => c.json({ https: isHttps(c, env) }));
  const ask = async (url: string, headers: Record<string, string> = {}) =>
    ((await (await app.request(url, { headers })).json()) as { https: boolean }).https;
  assert.equal(await ask("https://gyokaku.example.jp/"), true);
  assert.equal(await ask("http://gyokaku.example.jp/"), false);
  assert.equal(await ask("http://gyokaku.example.jp/?next=https://x"), false);
  assert.equal(await ask("http://gyokaku.example.jp/", { "x-forwarded-proto": "https" }), false, "untrusted");
  env = { GYOKAKU_TRUST_PROXY: "1" };
  assert.equal(await ask("http://gyokaku.example.jp/", { "x-forwarded-proto": "https" }), true);
  env = { GYOKAKU_SECURE_COOKIES: "1" };
  assert.equal(await ask("http://gyokaku.example.jp/"), true);
});

test("large HTML pages are gzipped for a browser that asks; small ones, other types and encoded ones are not", async () => {
  const big = `<p>${"取組の状況".repeat(2000)}</p>`;
  const app = new Hono();
  app.use(compressPages());
  app.get("/big", (c) => c.html(big));
  app.get("/small", (c) => c.html("<p>小さい</p>"));
  // a rendered template (as JSX pages are) with a status and headers of its own, and HTML made without c.html()
  app.get("/template", (c) => c.html(html`<p>${"状況 & 課題".repeat(2000)}</p>`, 404, { "X-Page": "yes" }));
  app.get("/response", () => new Response(big, { headers: { "Content-Type": "text/html; charset=UTF-8" } }));
  app.get("/csv", (c) => c.body("a,b\n".repeat(5000), 200, { "Content-Type": "text/csv" }));
  app.get("/encoded", (c) =>
    c.body(new Uint8Array(gzipSync(big)), 200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }),
  );
  const asked = { headers: { "Accept-Encoding": "gzip, deflate, br" } };
  const zipped = await app.request("/big", asked);
  assert.equal(zipped.headers.get("Content-Encoding"), "gzip");
  assert.match(zipped.headers.get("Vary") ?? "", /Accept-Encoding/);
  assert.match(zipped.headers.get("Content-Type") ?? "", /^text\/html/);
  assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString(), big);
  const plain = await app.request("/big");
  assert.equal(plain.headers.get("Content-Encoding"), null);
  assert.equal(await plain.text(), big);
  const small = await app.request("/small", asked);
  assert.equal(small.headers.get("Content-Encoding"), null);
  assert.equal(await small.text(), "<p>小さい</p>");
  assert.equal((await app.request("/csv", asked)).headers.get("Content-Encoding"), null);
  const template = await app.request("/template", asked);
  assert.equal(template.status, 404);
  assert.equal(template.headers.get("X-Page"), "yes");
  assert.equal(template.headers.get("Content-Encoding"), "gzip");
  assert.match(template.headers.get("Content-Type") ?? "", /^text\/html/);
  assert.equal(
    gunzipSync(Buffer.from(await template.arrayBuffer())).toString(),
    `<p>${"状況 &amp; 課題".repeat(2000)}</p>`,
  );
  const plainTemplate = await app.request("/template");
  assert.equal(plainTemplate.status, 404);
  assert.equal(await plainTemplate.text(), `<p>${"状況 &amp; 課題".repeat(2000)}</p>`);
  const response = await app.request("/response", asked);
  assert.equal(response.headers.get("Content-Encoding"), "gzip");
  assert.equal(gunzipSync(Buffer.from(await response.arrayBuffer())).toString(), big);
  assert.equal((await app.request("/small", asked)).headers.get("Vary"), "Accept-Encoding");
  const encoded = await app.request("/encoded", asked);
  assert.equal(gunzipSync(Buffer.from(await encoded.arrayBuffer())).toString(), big);
});
