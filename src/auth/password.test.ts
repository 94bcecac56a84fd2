import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";

const FAST = { N: 2 ** 12, r: 8, p: 1 };

describe("password hashing (scrypt, salt per user)", () => {
  test("a hash verifies its password and no other", async () => {
    const h = await hashPassword("correct horse battery", FAST);
    assert.equal(await verifyPassword("correct horse battery", h), true);
    assert.equal(await verifyPassword("correct horse batterx", h), false);
    assert.equal(await verifyPassword("", h), false);
  });

  test("the same password gets a different salt and hash each time; parameters are stored", async () => {
    const [a, b] = [await hashPassword("same password", FAST), await hashPassword("same password", FAST)];
    assert.notEqual(a, b);
    const [scheme, n, r, p, salt, key] = a.split("$");
    assert.deepEqual([scheme, n, r, p], ["scrypt", "4096", "8", "1"]);
    assert.equal(Buffer.from(salt!, "base64").length, 16);
    assert.equal(Buffer.from(key!, "base64").length, 64);
    assert.ok(!a.includes("same password"));
  });

  test("the default parameters are one of OWASP's scrypt settings", async () => {
    const [, n, r, p] = (await hashPassword("x".repeat(12))).split("$").map(Number);
    const owasp = [
      [2 ** 17, 8, 1],
      [2 ** 16, 8, 2],
      [2 ** 15, 8, 3],
      [2 ** 14, 8, 5],
      [2 ** 13, 8, 10],
    ];
    assert.ok(owasp.some(([N, R, P]) => n === N && r === R && p! >= P!));
  });

  test("full-width and composed forms: NFC-normalised, so the same keys give the same password", async () => {
    const h = await hashPassword("がぎぐげご-パスワード", FAST);
    assert.equal(
      await verifyPassword("か\u3099ぎぐげご-パスワード".normalize("NFD").normalize("NFC"), h),
      true,
    );
  });

  test("a malformed or foreign hash never verifies and never throws", async () => {
    for (const bad of [
      "",
      "plain",
      "md5$abc",
      "scrypt$0$8$1$AAAA$AAAA",
      "scrypt$4096$8$1$AAAA$AAAA",
      "scrypt$999999999$8$1$A$A",
    ]) {
      assert.equal(await verifyPassword("x", bad), false, bad);
    }
  });

  test("short passwords are refused with the rule", () => {
    assert.match(passwordProblem("short")!, /10文字以上/);
    assert.equal(passwordProblem("long enough password"), null);
  });
});
