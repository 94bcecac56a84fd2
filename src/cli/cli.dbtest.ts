// The command line as a user runs it: a real process on a real data directory.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cliEnv, cliSandbox, cliSkip, mainScript } from "../testing/cli.ts";
import { samplePlanDocument } from "../testing/factories.ts";

const sandbox = cliSandbox("cli");
const { dir, data, gyokaku } = sandbox;

describe("gyokaku CLI", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("help in Japanese and English", () => {
    const r = sandbox.run(["help"], { data: null });
    assert.equal(r.code, 0);
    assert.match(r.out, /使い方 \/ usage/);
    assert.match(r.out, /Imports plan documents/);
  });

  test("import → export → import → export gives the same document", () => {
    const input = join(dir, "in.json");
    writeFileSync(input, JSON.stringify(samplePlanDocument()));
    const imp = gyokaku("import", input);
    assert.equal(imp.code, 0, imp.err);
    assert.match(imp.out, /保存しました: 012173\/sample/);
    const plans = JSON.parse(gyokaku("plans", "--json").out) as {
      id: string;
      items: number;
      indicators: number;
    }[];
    assert.equal(plans.length, 1);
    assert.deepEqual([plans[0]!.items, plans[0]!.indicators], [7, 5]);
    const out1 = join(dir, "out1.json");
    assert.equal(gyokaku("export", "--plan", plans[0]!.id, "--format", "json", "--out", out1).code, 0);
    assert.equal(gyokaku("import", out1).code, 0);
    const out2 = join(dir, "out2.json");
    assert.equal(gyokaku("export", "--plan", "012173/sample", "--format", "json", "--out", out2).code, 0);
    assert.equal(readFileSync(out2, "utf8"), readFileSync(out1, "utf8"));
  });

  test("the installed command works from any folder (pages need the project's JSX settings)", () => {
    const out = join(dir, "summary.html");
    const r = sandbox.run(
      [
        "report",
        "--plan",
        "012173/sample",
        "--fy",
        "2020",
        "--kind",
        "summary",
        "--format",
        "html",
        "--out",
        out,
      ],
      { cwd: tmpdir(), viaBin: true },
    );
    assert.equal(r.code, 0, r.err);
    assert.match(readFileSync(out, "utf8"), /<table/);
  });

  test("export --format xlsx → import gives the same plan back", () => {
    const book = join(dir, "plan.xlsx");
    const before = join(dir, "before.json");
    const afterFile = join(dir, "after.json");
    assert.equal(gyokaku("export", "--plan", "012173/sample", "--format", "json", "--out", before).code, 0);
    const exp = gyokaku("export", "--plan", "012173/sample", "--format", "xlsx", "--out", book);
    assert.equal(exp.code, 0, exp.err);
    const imp = gyokaku("import", book);
    assert.equal(imp.code, 0, imp.err);
    assert.equal(
      gyokaku("export", "--plan", "012173/sample", "--format", "json", "--out", afterFile).code,
      0,
    );
    assert.deepEqual(JSON.parse(readFileSync(afterFile, "utf8")), JSON.parse(readFileSync(before, "utf8")));
  });

  test("a malformed document is refused with its JSON path and nothing is written", () => {
    const bad = samplePlanDocument({ key: "bad" });
    bad.items![0]!.title = "";
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(bad));
    const r = gyokaku("import", file);
    assert.equal(r.code, 1);
    assert.match(r.err, /\$\.items\[0\]\.title/);
    assert.ok(!gyokaku("plans", "--json").out.includes('"bad"'));
  });

  test("unknown options and plans get clear messages", () => {
    assert.equal(gyokaku("export", "--plan", "nothing").code, 1);
    assert.match(gyokaku("export", "--plan", "nothing").err, /見つかりません/);
    assert.equal(gyokaku("plans", "--bogus").code, 2);
  });

  test("a second server on the same data directory says it is in use and by which process", async () => {
    const first = spawn(
      process.execPath,
      ["--import", "tsx", mainScript, "serve", "--port", "0", "--no-demo", "--data", data],
      { env: cliEnv() },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        let out = "";
        first.stdout.on("data", (b) => {
          out += String(b);
          if (out.includes("http://")) resolve();
        });
        first.on("exit", () => reject(new Error(`server exited: ${out}`)));
      });
      const r = gyokaku("plans");
      assert.equal(r.code, 1);
      assert.match(r.err, new RegExp(`PID ${first.pid}.*使用中`));
    } finally {
      first.kill("SIGTERM");
      await new Promise((r) => first.once("exit", r));
    }
    assert.equal(gyokaku("plans").code, 0, "the lock is released when the server stops");
  });
});
