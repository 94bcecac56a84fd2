import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { delayAfter, LoginLimiter, PAIR_THROTTLE } from "./rate-limit.ts";

describe("login throttling", () => {
  test("delays grow by doubling after the free failures, up to a ceiling; never a block without end", () => {
    assert.equal(delayAfter(3, PAIR_THROTTLE), 0);
    assert.equal(delayAfter(4, PAIR_THROTTLE), 1_000);
    assert.equal(delayAfter(5, PAIR_THROTTLE), 2_000);
    assert.equal(delayAfter(8, PAIR_THROTTLE), 16_000);
    assert.equal(delayAfter(1_000, PAIR_THROTTLE), 15 * 60_000);
  });

  test("failures from one source slow that source for that account, not the right password from another", () => {
    let now = 0;
    const l = new LoginLimiter(() => now);
    for (let i = 0; i < 50; i++) {
      now += l.retryAfter("a@x.jp", "203.0.113.9"); // the attacker waits as told, and keeps guessing
      l.failed("a@x.jp", "203.0.113.9");
    }
    assert.ok(now > 2 * 60 * 60_000, `50 guesses took the attacker ${now / 60_000} minutes, not seconds`);
    assert.ok(l.retryAfter("a@x.jp", "203.0.113.9") >= 60_000, "and the next one waits minutes");
    l.succeeded("a@x.jp", "198.51.100.7"); // the owner signed in from their office before
    for (let i = 0; i < 50; i++) l.failed("a@x.jp", `192.0.2.${i}`); // then many addresses guess
    assert.equal(l.retryAfter("a@x.jp", "198.51.100.7"), 0, "the owner's address is not slowed");
    assert.ok(l.retryAfter("a@x.jp", "192.0.2.200") > 0, "a new address is slowed by the account's count");
    assert.equal(l.retryAfter("b@x.jp", "198.51.100.8"), 0, "another account is not affected");
  });

  test("the wait runs from the last failure; the owner with 5 failures on another address still gets in", () => {
    let now = 0;
    const l = new LoginLimiter(() => now);
    for (let i = 0; i < 5; i++) l.failed("a@x.jp", "ip-a");
    assert.equal(l.retryAfter("a@x.jp", "ip-a"), 2_000);
    assert.equal(l.retryAfter("a@x.jp", "ip-b"), 0);
    now += 2_000;
    assert.equal(l.retryAfter("a@x.jp", "ip-a"), 0, "after the wait, the next attempt is allowed");
  });

  test("one address trying many accounts is slowed whatever the accounts", () => {
    const l = new LoginLimiter(() => 0);
    for (let i = 0; i < 21; i++) l.failed(`user${i}@x.jp`, "192.0.2.1");
    assert.ok(l.retryAfter("new@x.jp", "192.0.2.1") > 0);
    assert.equal(l.retryAfter("new@x.jp", "192.0.2.2"), 0);
  });

  test("a success clears the pair's and the account's failures", () => {
    const l = new LoginLimiter(() => 0);
    for (let i = 0; i < 9; i++) l.failed("a@x.jp", "ip");
    l.succeeded("a@x.jp", "ip");
    for (let i = 0; i < 3; i++) l.failed("a@x.jp", "ip");
    assert.equal(l.retryAfter("a@x.jp", "ip"), 0);
  });
});
