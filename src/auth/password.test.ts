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

  test("short passwords are refused with the rule; length counts characters, not bytes", () => {
    assert.match(passwordProblem("short")!, /15文字以上/);
    assert.match(passwordProblem("1234567890")!, /15文字以上/);
    assert.equal(passwordProblem("long enough password"), null);
    assert.equal(passwordProblem("ながいパスワードをおぼえやすく作る"), null, "17 characters of kana");
    assert.match(passwordProblem("あいうえおかきくけこさしす")!, /15文字以上/, "13 characters (39 bytes)");
  });

  test("no composition rules: letters only, spaces and any script are fine", () => {
    assert.equal(passwordProblem("correct horse battery staple"), null);
    assert.equal(passwordProblem("江別市の行政改革は毎年少しずつ進みます"), null);
    assert.equal(passwordProblem("271828182845904"), null, "digits only, not a run");
  });

  test("common passwords are refused, whatever their case or width", () => {
    assert.ok(passwordProblem("1234567890"), "the probe's 1234567890");
    assert.ok(passwordProblem("password12"), "the probe's password12");
    for (const p of [
      "password1234567",
      "qwertyuiop1234567",
      "PASSWORDPASSWORD",
      "ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ",
      "123456789012345",
      "aaaaaaaaaaaaaaaa",
      "abcabcabcabcabc",
      "abcdefghijklmnopq",
    ]) {
      assert.ok(passwordProblem(p), `${p} was accepted`);
    }
  });

  test("a password made of the account's own address or name is refused", () => {
    assert.match(
      passwordProblem("tanaka.taro@city.example.jp", ["tanaka.taro@city.example.jp", "田中 太郎"])!,
      /メールアドレス/,
    );
    assert.equal(passwordProblem("tanaka likes quiet mornings", ["tanaka@city.example.jp"]), null);
  });
});
