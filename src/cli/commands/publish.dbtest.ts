// `gyokaku publish` and `gyokaku opendata` as a user runs them: a real process on a real data directory.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import iconv from "iconv-lite";
import { crawl } from "../../publish/crawl.ts";
import { cliSandbox, cliSkip } from "../../testing/cli.ts";
import { samplePlanDocument } from "../../testing/factories.ts";

const sandbox = cliSandbox("publish-cli");
const { dir, gyokaku } = sandbox;

describe("gyokaku publish / opendata", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("help in Japanese and English", async () => {
    for (const c of ["publish", "opendata"]) {
      const r = await gyokaku("help", c);
      assert.equal(r.code, 0);
      assert.match(r.out, /Shift_JIS|静的サイト/);
      assert.match(r.out, /Publishes|Writes the open data/);
    }
  });

  test("publish with --out writes a site that crawls clean; opendata writes UTF-8 and Shift_JIS CSV", async () => {
    const input = join(dir, "in.json");
    writeFileSync(input, JSON.stringify(samplePlanDocument()));
    assert.equal((await gyokaku("import", input)).code, 0);

    const none = await gyokaku("opendata", "--plan", "sample", "--fy", "2021", "--out", join(dir, "od"));
    assert.equal(none.code, 1);
    assert.match(none.err, /まだ公表されていません/);

    const site = join(dir, "site");
    const pub = await gyokaku("publish", "--plan", "012173/sample", "--fy", "2021", "--out", site);
    assert.equal(pub.code, 0, pub.err);
    assert.match(pub.err, /公表しました: .*令和3年度 第1版/);
    assert.deepEqual(crawl(site).problems, []);

    const again = await gyokaku("publish", "--plan", "sample", "--fy", "2021");
    assert.match(again.err, /第2版/);
    const old = join(dir, "v1");
    assert.equal(
      (
        await gyokaku(
          "publish",
          "--plan",
          "sample",
          "--fy",
          "2021",
          "--export-only",
          "--version",
          "1",
          "--out",
          old,
        )
      ).code,
      0,
    );
    assert.ok(existsSync(join(old, "index.html")));
    assert.match(readFileSync(join(old, "index.html"), "utf8"), /第1版/);

    const od = join(dir, "od");
    assert.equal((await gyokaku("opendata", "--plan", "sample", "--fy", "2021", "--out", od)).code, 0);
    assert.deepEqual([...readFileSync(join(od, "values.csv")).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const sj = join(dir, "od-sjis");
    assert.equal(
      (await gyokaku("opendata", "--plan", "sample", "--fy", "2021", "--encoding", "sjis", "--out", sj)).code,
      0,
    );
    assert.match(iconv.decode(readFileSync(join(sj, "items.csv")), "cp932"), /^全国地方公共団体コード,/);
    const js = join(dir, "od-json");
    assert.equal(
      (await gyokaku("opendata", "--plan", "sample", "--fy", "2021", "--format", "json", "--out", js)).code,
      0,
    );
    assert.equal(JSON.parse(readFileSync(join(js, "values.json"), "utf8")).table, "values");
  });

  test("a character Shift_JIS cannot hold stops the export with where it is", async () => {
    const input = join(dir, "wave.json");
    writeFileSync(input, JSON.stringify(samplePlanDocument({ title: "計画〜改訂版" })));
    assert.equal((await gyokaku("import", input)).code, 0);
    assert.equal((await gyokaku("publish", "--plan", "sample", "--fy", "2021")).code, 0);
    const r = await gyokaku(
      "opendata",
      "--plan",
      "sample",
      "--fy",
      "2021",
      "--encoding",
      "sjis",
      "--out",
      join(dir, "bad"),
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /items\.csv 2行目「計画名」列: 「〜」（U\+301C）/);
  });

  test("wrong options are usage errors", async () => {
    assert.equal((await gyokaku("publish", "--plan", "sample")).code, 2);
    assert.equal((await gyokaku("publish", "--plan", "sample", "--fy", "R3")).code, 2);
    assert.equal(
      (await gyokaku("opendata", "--plan", "sample", "--fy", "2021", "--out", dir, "--encoding", "euc")).code,
      2,
    );
  });
});
