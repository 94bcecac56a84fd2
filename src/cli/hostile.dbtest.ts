/** The command line under hostile input: one line, the field named, exit code 1, never a stack or SQL. */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cliSandbox, cliSkip } from "../testing/cli.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { madeUpPeerTable } from "../testing/staffing-town.ts";

const sandbox = cliSandbox("hostile");
const { dir, gyokaku } = sandbox;

/** Nothing internal in what a person reads. */
function plain(err: string): void {
  assert.doesNotMatch(err, /^\s+at /m, "no stack trace");
  assert.doesNotMatch(err, /\b(Error|TypeError|RangeError):|SQLSTATE|syntax error at|invalid byte sequence/);
}

describe("gyokaku CLI under hostile input", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("a fault that is not a refusal (the data directory is a file): one line, exit 1", async () => {
    const file = join(dir, "not-a-directory");
    writeFileSync(file, "x");
    const r = await sandbox.run(["plans"], { data: join(file, "data") });
    assert.equal(r.code, 1);
    assert.equal(r.err.trim().split("\n").length, 1, r.err);
    assert.match(r.err, /^gyokaku plans: 処理を完了できませんでした（ENOTDIR）。GYOKAKU_DEBUG=1/);
    plain(r.err);
  });

  test("a NUL in a title and a document nested 1,000 deep are refused naming where, exit 1", async () => {
    const nul = samplePlanDocument();
    nul.plan.title = "計画\u0000";
    writeFileSync(join(dir, "nul.json"), JSON.stringify(nul));
    const r = await gyokaku("import", join(dir, "nul.json"));
    assert.equal(r.code, 1);
    assert.match(r.err, /\$\.plan\.title: 制御文字（U\+0000）は使えません/);
    plain(r.err);

    const deep = samplePlanDocument();
    let items: typeof deep.items = [];
    for (let i = 0; i < 1_000; i++) items = [{ key: `k${i}`, title: "x", children: items }];
    deep.items = items;
    writeFileSync(join(dir, "deep.json"), JSON.stringify(deep));
    const d = await gyokaku("import", join(dir, "deep.json"));
    assert.equal(d.code, 1);
    assert.match(d.err, /入れ子が深すぎます/);
    plain(d.err);
  });

  test("a peer table with a NUL in its title or a huge 類型 is refused naming the field, exit 1", async () => {
    const nul = { ...madeUpPeerTable(), title: "類似団体\u0000別職員数" };
    writeFileSync(join(dir, "peer-nul.json"), JSON.stringify(nul));
    const r = await gyokaku("staffing", "import", join(dir, "peer-nul.json"));
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /資料名: 制御文字（U\+0000）は使えません/);
    assert.doesNotMatch(r.err, /処理を完了できませんでした/);
    plain(r.err);

    const huge = { ...madeUpPeerTable(), group: "IV".repeat(100_000) };
    writeFileSync(join(dir, "peer-huge.json"), JSON.stringify(huge));
    const h = await gyokaku("staffing", "import", join(dir, "peer-huge.json"));
    assert.equal(h.code, 1, h.err);
    assert.match(h.err, /類型: 200文字以内にしてください/);
    assert.ok(h.err.length < 2_000, "the huge value is not echoed");
    plain(h.err);
  });
});
