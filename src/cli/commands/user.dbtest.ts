// `gyokaku user` as a user runs it: a real process on a real data directory.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cliSandbox, cliSkip } from "../../testing/cli.ts";

const sandbox = cliSandbox("user");
const { dir } = sandbox;
const gyokaku = (args: string[], input?: string, data = join(dir, "data")) =>
  sandbox.run(args, { ...(input !== undefined ? { input } : {}), data });

describe("gyokaku user", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("the first admin of an empty database, with the password from standard input", async () => {
    const r = await gyokaku(
      [
        "user",
        "add",
        "--email",
        "Admin@City.Example.JP",
        "--name",
        "管理 一郎",
        "--role",
        "admin",
        "--municipality",
        "012173",
        "--password-stdin",
      ],
      "a-long-password-123\n",
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /登録しました: admin@city.example.jp（管理者、団体 012173）/);
    assert.doesNotMatch(r.out, /a-long-password-123/);
    const list = JSON.parse((await gyokaku(["user", "list", "--json"])).out) as {
      email: string;
      role: string;
    }[];
    assert.deepEqual(
      list.map((u) => [u.email, u.role]),
      [["admin@city.example.jp", "admin"]],
    );
  });

  test("without --password-stdin a password is made and shown once", async () => {
    const r = await gyokaku([
      "user",
      "add",
      "--email",
      "viewer@city.example.jp",
      "--name",
      "閲覧",
      "--role",
      "viewer",
    ]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /初期パスワード: [A-Za-z0-9_-]{20}/);
  });

  test("a password is set again, and an account disabled and enabled", async () => {
    const reset = await gyokaku(["user", "password", "--email", "viewer@city.example.jp"]);
    assert.equal(reset.code, 0, reset.err);
    assert.match(reset.out, /新しいパスワード: [A-Za-z0-9_-]{20}/);
    const off = await gyokaku(["user", "disable", "--email", "viewer@city.example.jp"]);
    assert.match(off.out, /無効にしました/);
    const list = JSON.parse((await gyokaku(["user", "list", "--json"])).out) as {
      email: string;
      disabled: boolean;
    }[];
    assert.equal(list.find((u) => u.email === "viewer@city.example.jp")?.disabled, true);
    assert.match(
      (await gyokaku(["user", "enable", "--email", "viewer@city.example.jp"])).out,
      /有効に戻しました/,
    );
    const unknown = await gyokaku(["user", "password", "--email", "nobody@city.example.jp"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /登録されていません/);
  });

  test("bad input gets a clear message and exit code 2", async () => {
    const noDept = await gyokaku([
      "user",
      "add",
      "--email",
      "d@city.example.jp",
      "--name",
      "D",
      "--role",
      "department",
      "--department",
      "ない課",
    ]);
    assert.equal(noDept.code, 2);
    assert.match(noDept.err, /部署が見つかりません: ない課/);
    const badRole = await gyokaku([
      "user",
      "add",
      "--email",
      "e@city.example.jp",
      "--name",
      "E",
      "--role",
      "boss",
    ]);
    assert.equal(badRole.code, 2);
    assert.match(badRole.err, /役割を選んでください/);
    const short = await gyokaku(
      ["user", "add", "--email", "f@city.example.jp", "--name", "F", "--role", "viewer", "--password-stdin"],
      "short",
    );
    assert.equal(short.code, 2);
    assert.match(short.err, /15文字以上/);
    assert.equal((await gyokaku(["user", "frobnicate"])).code, 2);
  });

  test("user demo loads the demo data into an empty database and creates one account per role", async () => {
    const data = join(dir, "demo");
    const r = await gyokaku(["user", "demo"], undefined, data);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /デモ用アカウントを作りました/);
    assert.match(r.out, /shokuin@demo.example.jp/);
    const again = await gyokaku(["user", "demo"], undefined, data);
    assert.match(again.out, /すでにあります/);
  });
});
