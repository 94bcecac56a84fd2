import assert from "node:assert/strict";
import { test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { chooseEncoding, matchesTag, taggedBody } from "./tagged-body.ts";

test("Accept-Encoding: Brotli or gzip as the client weighs them, * for those it does not name", () => {
  const cases: [string | undefined, "br" | "gzip" | null][] = [
    ["gzip", "gzip"],
    ["GZIP", "gzip"],
    ["x-gzip", "gzip"],
    ["gzip, deflate", "gzip"],
    ["gzip, deflate, br", "br"],
    ["gzip, deflate, br, zstd", "br"],
    ["br;q=0.5, gzip", "gzip"],
    ["br;q=1.0, gzip;q=0.8", "br"],
    ["br", "br"],
    ["*", "br"],
    ["gzip, *;q=0.1", "gzip"],
    ["*, br;q=0", "gzip"],
    [undefined, null],
    ["", null],
    ["identity", null],
    ["deflate, zstd", null],
    ["gzip;q=0", null],
    ["*, gzip;q=0, br;q=0", null],
    ["*;q=0", null],
    ["gzip;q=x", null],
  ];
  for (const [header, expected] of cases) assert.equal(chooseEncoding(header), expected, String(header));
});

test("a tagged body: its gzip and Brotli give the bytes back; the tag follows the bytes", () => {
  const text = "行政改革の計画、".repeat(1000);
  const t = taggedBody(text);
  assert.equal(gunzipSync(t.gzip()).toString("utf8"), text);
  assert.equal(t.gzip(), t.gzip(), "made once");
  assert.equal(brotliDecompressSync(t.br()).toString("utf8"), text);
  assert.equal(t.br(), t.br(), "made once");
  assert.equal(taggedBody(text).etag, t.etag);
  assert.notEqual(taggedBody(`${text}。`).etag, t.etag);
});

test("If-None-Match: the tag, its weak form, one of a list, or *", () => {
  const tag = '"abc"';
  for (const yes of ['"abc"', 'W/"abc"', '"x", "abc"', "*"]) assert.equal(matchesTag(yes, tag), true, yes);
  for (const no of [undefined, "", '"abd"', "abc"]) assert.equal(matchesTag(no, tag), false, String(no));
});
