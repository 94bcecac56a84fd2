import assert from "node:assert/strict";
import { test } from "node:test";
import { acceptsGzip, matchesTag } from "./tagged-body.ts";

test("Accept-Encoding: gzip when named with a weight above zero, or by * when not named", () => {
  for (const yes of [
    "gzip",
    "GZIP",
    "gzip, deflate, br",
    "br;q=1.0, gzip;q=0.8",
    "x-gzip",
    "*",
    "br, *;q=0.1",
  ])
    assert.equal(acceptsGzip(yes), true, yes);
  for (const no of [undefined, "", "identity", "br", "deflate, br, zstd", "gzip;q=0", "*, gzip;q=0", "*;q=0"])
    assert.equal(acceptsGzip(no), false, String(no));
});

test("If-None-Match: the tag, its weak form, one of a list, or *", () => {
  const tag = '"abc"';
  for (const yes of ['"abc"', 'W/"abc"', '"x", "abc"', "*"]) assert.equal(matchesTag(yes, tag), true, yes);
  for (const no of [undefined, "", '"abd"', "abc"]) assert.equal(matchesTag(no, tag), false, String(no));
});
