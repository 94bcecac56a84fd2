// gyokaku backup / restore on real data directories (the service's own tests: src/backup/backup.dbtest.ts).
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { acquireLock } from "../../db/lock.ts";
import { cliSandbox, cliSkip } from "../../testing/cli.ts";
import { samplePlanDocument } from "../../testing/factories.ts";

const sandbox = cliSandbox("backup");
const { dir, gyokaku } = sandbox;

describe("gyokaku backup and restore", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("a backup of one data directory restores into another, table by table", async () => {
    const input = join(dir, "plan.json");
    writeFileSync(input, JSON.stringify(samplePlanDocument()));
    assert.equal((await gyokaku("import", input)).code, 0);
    const file = join(dir, "b.jsonl.gz");
    const b = await gyokaku("backup", "--out", file);
    assert.equal(b.code, 0, b.err);
    assert.match(b.err, /書き出しました: .*団体 1、表 \d+、/);
    assert.ok(existsSync(file) && !existsSync(`${file}.partial`));

    const other = join(dir, "other");
    const r = await sandbox.run(["restore", file], { data: other });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /plans: 1 行/);
    assert.match(r.out, /復元しました: 012173 /);
    const plans = (data: string) => sandbox.run(["plans", "--json"], { data }).then((x) => JSON.parse(x.out));
    assert.deepEqual(await plans(other), await plans(sandbox.data));
  });

  test("a different set of municipalities needs --replace; a wrong command line is a usage error", async () => {
    const file = join(dir, "b.jsonl.gz");
    const elsewhere = join(dir, "elsewhere");
    const doc = samplePlanDocument();
    const input = join(dir, "sapporo.json");
    writeFileSync(input, JSON.stringify({ ...doc, municipality: { code: "011002", name: "札幌市" } }));
    const imported = await sandbox.run(["import", input], { data: elsewhere });
    assert.equal(imported.code, 0, imported.err);
    const refused = await sandbox.run(["restore", file], { data: elsewhere });
    assert.equal(refused.code, 1);
    assert.match(refused.err, /--replace/);
    const replaced = await sandbox.run(["restore", file, "--replace"], { data: elsewhere });
    assert.equal(replaced.code, 0, replaced.err);
    assert.equal((await gyokaku("backup")).code, 2);
    // a data directory that does not exist is neither created nor backed up as an empty database
    const missing = join(dir, "no-such-directory");
    const none = await sandbox.run(["backup", "--out", join(dir, "none.gz")], { data: missing });
    assert.equal(none.code, 1);
    assert.match(none.err, /データディレクトリ .*no-such-directory がありません/);
    assert.ok(!existsSync(missing) && !existsSync(join(dir, "none.gz")));
    assert.equal((await gyokaku("restore")).code, 2);
    assert.equal((await gyokaku("restore", join(dir, "absent.gz"))).code, 1);
  });

  test("a command on a data directory the server holds names the page that does the same", async () => {
    const held = join(dir, "held");
    const lock = acquireLock(held);
    try {
      const users = await sandbox.run(["user", "disable", "--email", "a@example.jp"], { data: held });
      assert.equal(users.code, 1);
      assert.match(users.err, /使用中/);
      assert.match(users.err, /ブラウザの「管理 → 利用者」（\/users）/);
      const backup = await sandbox.run(["backup", "--out", join(dir, "x.gz")], { data: held });
      assert.match(backup.err, /「管理 → バックアップと復元」（\/admin\/backup）/);
    } finally {
      lock.release();
    }
  });
});
