// The command line on a real data directory, called in this process (the binary itself: binary.dbtest.ts).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cliSandbox, cliSkip } from "../testing/cli.ts";
import { samplePlanDocument } from "../testing/factories.ts";

const sandbox = cliSandbox("cli");
const { dir, gyokaku } = sandbox;

describe("gyokaku CLI", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("help in Japanese and English", async () => {
    const r = await sandbox.run(["help"], { data: null });
    assert.equal(r.code, 0);
    assert.match(r.out, /使い方 \/ usage/);
    assert.match(r.out, /Imports plan documents/);
  });

  test("import → export → import → export gives the same document", async () => {
    const input = join(dir, "in.json");
    writeFileSync(input, JSON.stringify(samplePlanDocument()));
    const imp = await gyokaku("import", input);
    assert.equal(imp.code, 0, imp.err);
    assert.match(imp.out, /保存しました: 012173\/sample/);
    const plans = JSON.parse((await gyokaku("plans", "--json")).out) as {
      id: string;
      items: number;
      indicators: number;
    }[];
    assert.equal(plans.length, 1);
    assert.deepEqual([plans[0]!.items, plans[0]!.indicators], [7, 5]);
    const out1 = join(dir, "out1.json");
    assert.equal(
      (await gyokaku("export", "--plan", plans[0]!.id, "--format", "json", "--out", out1)).code,
      0,
    );
    assert.equal((await gyokaku("import", out1)).code, 0);
    const out2 = join(dir, "out2.json");
    assert.equal(
      (await gyokaku("export", "--plan", "012173/sample", "--format", "json", "--out", out2)).code,
      0,
    );
    assert.equal(readFileSync(out2, "utf8"), readFileSync(out1, "utf8"));
  });

  test("report --format html writes the page", async () => {
    const out = join(dir, "summary.html");
    const r = await gyokaku(
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
    );
    assert.equal(r.code, 0, r.err);
    assert.match(readFileSync(out, "utf8"), /<table/);
  });

  test("export --format xlsx → import gives the same plan back", async () => {
    const book = join(dir, "plan.xlsx");
    const before = join(dir, "before.json");
    const afterFile = join(dir, "after.json");
    assert.equal(
      (await gyokaku("export", "--plan", "012173/sample", "--format", "json", "--out", before)).code,
      0,
    );
    const exp = await gyokaku("export", "--plan", "012173/sample", "--format", "xlsx", "--out", book);
    assert.equal(exp.code, 0, exp.err);
    const imp = await gyokaku("import", book);
    assert.equal(imp.code, 0, imp.err);
    assert.equal(
      (await gyokaku("export", "--plan", "012173/sample", "--format", "json", "--out", afterFile)).code,
      0,
    );
    assert.deepEqual(JSON.parse(readFileSync(afterFile, "utf8")), JSON.parse(readFileSync(before, "utf8")));
  });

  test("a malformed document is refused with its JSON path and nothing is written", async () => {
    const bad = samplePlanDocument({ key: "bad" });
    bad.items![0]!.title = "";
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(bad));
    const r = await gyokaku("import", file);
    assert.equal(r.code, 1);
    assert.match(r.err, /\$\.items\[0\]\.title/);
    assert.ok(!(await gyokaku("plans", "--json")).out.includes('"bad"'));
  });

  test("unknown options and plans get clear messages", async () => {
    assert.equal((await gyokaku("export", "--plan", "nothing")).code, 1);
    assert.match((await gyokaku("export", "--plan", "nothing")).err, /見つかりません/);
    assert.equal((await gyokaku("plans", "--bogus")).code, 2);
  });
});
