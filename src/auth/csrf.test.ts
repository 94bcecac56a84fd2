import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Hono } from "hono";
import type { AuthEnv } from "../core/request.ts";
import { csrfProtection } from "./auth.middleware.ts";
import { newToken, sameOrigin, tokensMatch } from "./csrf.ts";

describe("CSRF tokens", () => {
  test("tokens are long, random and compared exactly", () => {
    const a = newToken();
    assert.ok(a.length >= 43);
    assert.notEqual(a, newToken());
    assert.equal(tokensMatch(a, a), true);
    assert.equal(tokensMatch(a, `${a}x`), false);
    assert.equal(tokensMatch(a, a.slice(0, -1)), false);
    assert.equal(tokensMatch(a, undefined), false);
    assert.equal(tokensMatch(null, a), false);
    assert.equal(tokensMatch("", ""), false);
    assert.equal(tokensMatch(a, [a]), false);
  });

  test("Origin: absent or the same host passes; another host or null fails", () => {
    assert.equal(sameOrigin(undefined, "http://gyokaku.local/x"), true);
    assert.equal(sameOrigin("http://gyokaku.local", "http://gyokaku.local/x"), true);
    assert.equal(sameOrigin("https://evil.example", "http://gyokaku.local/x"), false);
    assert.equal(sameOrigin("null", "http://gyokaku.local/x"), false);
  });
});

describe("CSRF middleware", () => {
  const token = newToken();
  const app = new Hono<AuthEnv>();
  app.use(async (c, next) => {
    c.set("user", null);
    c.set("csrfToken", c.req.header("x-test-session") ? token : null);
    await next();
  });
  app.use(csrfProtection((c) => c.text("refused", 403)));
  app.get("/thing", (c) => c.text("read"));
  app.post("/thing", async (c) => c.text(`done ${String((await c.req.parseBody({ all: true })).value)}`));
  app.post("/api/v1/thing", (c) => c.text("api"));
  const form = (body: Record<string, string>, headers: Record<string, string> = {}) => ({
    method: "POST",
    body: new URLSearchParams(body),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-test-session": "1", ...headers },
  });

  test("reads pass without a token", async () => {
    assert.equal((await app.request("/thing")).status, 200);
  });

  test("a form with the session's token passes, and the route still reads the body", async () => {
    const res = await app.request("/thing", form({ _csrf: token, value: "42" }));
    assert.equal(res.status, 200);
    assert.equal(await res.text(), "done 42");
  });

  test("a form without the token, with another token, or from another origin is refused", async () => {
    assert.equal((await app.request("/thing", form({ value: "1" }))).status, 403);
    assert.equal((await app.request("/thing", form({ _csrf: newToken() }))).status, 403);
    assert.equal(
      (await app.request("/thing", form({ _csrf: token }, { origin: "https://evil.example" }))).status,
      403,
    );
    const noSession = form({ _csrf: token });
    delete (noSession.headers as Record<string, string>)["x-test-session"];
    assert.equal((await app.request("/thing", noSession)).status, 403);
  });

  test("a JSON body cannot carry the token, the header can", async () => {
    const json = {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json", "x-test-session": "1" },
    };
    assert.equal((await app.request("/thing", json)).status, 403);
    assert.equal(
      (await app.request("/thing", { ...json, headers: { ...json.headers, "x-csrf-token": token } })).status,
      200,
    );
  });

  test("the public API (another issue's, without cookies) is not checked", async () => {
    assert.equal((await app.request("/api/v1/thing", { method: "POST" })).status, 200);
  });
});
