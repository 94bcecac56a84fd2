import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { LoginLimiter } from "./rate-limit.ts";

describe("login rate limiting", () => {
  test("an account is refused after 5 failures in 15 minutes, then allowed when they age out", () => {
    let now = 0;
    const l = new LoginLimiter(() => now);
    for (let i = 0; i < 5; i++) {
      assert.equal(l.retryAfter("a@x.jp", `10.0.0.${i}`), 0);
      l.failed("a@x.jp", `10.0.0.${i}`);
      now += 1000;
    }
    assert.ok(l.retryAfter("a@x.jp", "10.0.0.99") > 0, "another address does not help");
    assert.equal(l.retryAfter("b@x.jp", "10.0.0.99"), 0, "another account is not affected");
    now = 15 * 60_000 + 1;
    assert.equal(l.retryAfter("a@x.jp", "10.0.0.99"), 0);
  });

  test("an address is refused after 20 failures whatever the accounts", () => {
    let now = 0;
    const l = new LoginLimiter(() => now);
    for (let i = 0; i < 20; i++) l.failed(`user${i}@x.jp`, "192.0.2.1");
    assert.ok(l.retryAfter("new@x.jp", "192.0.2.1") > 0);
    assert.equal(l.retryAfter("new@x.jp", "192.0.2.2"), 0);
    now += 1;
  });

  test("a success clears the account's failures", () => {
    const l = new LoginLimiter(() => 0);
    for (let i = 0; i < 4; i++) l.failed("a@x.jp", "ip");
    l.succeeded("a@x.jp");
    for (let i = 0; i < 4; i++) l.failed("a@x.jp", "ip");
    assert.equal(l.retryAfter("a@x.jp", "ip2"), 0);
  });

  test("the wait is until the oldest counted failure ages out", () => {
    let now = 0;
    const l = new LoginLimiter(() => now);
    for (let i = 0; i < 5; i++) {
      l.failed("a@x.jp", "ip");
      now += 60_000;
    }
    assert.equal(l.retryAfter("a@x.jp", "other"), 15 * 60_000 - 5 * 60_000);
  });
});
