// The 財政効果額 example of docs/entering-your-plan.md (docs/examples/fiscal-effect.json): accepted by
// `gyokaku import`, and its 集計 (FY2025) and 一覧 give the figures the guide shows, figure by figure.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cliSandbox, cliSkip } from "../testing/cli.ts";
import { repoRoot } from "../testing/seeds.ts";

const sandbox = cliSandbox("examples-fiscal");
const { dir, gyokaku } = sandbox;
const plan = "019992/example-fiscal-effect";

/** The tables of the 財政効果額 section by caption: each row's cells as text. */
function effectTables(html: string): Map<string, string[][]> {
  const section = html.slice(html.indexOf('<section class="fiscal-effects">'));
  const tables = new Map<string, string[][]>();
  for (const t of section.matchAll(/<caption>(.*?)<span.*?<\/caption>.*?<tbody>(.*?)<\/tbody>/gs)) {
    const rows = [...t[2]!.matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) =>
      [...r[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim()),
    );
    tables.set(t[1]!.trim(), rows);
  }
  return tables;
}

async function report(kind: string): Promise<string> {
  const out = join(dir, `${kind}.html`);
  const rep = await gyokaku(
    "report",
    ...["--plan", plan, "--fy", "2025", "--kind", kind, "--format", "html", "--out", out],
  );
  assert.equal(rep.code, 0, rep.err);
  return readFileSync(out, "utf8");
}

describe("the 財政効果額 example of docs/entering-your-plan.md", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("imports, and the 集計 and 一覧 of FY2025 add it up in 千円, missing actuals not counted as 0", async () => {
    const imp = await gyokaku("import", join(repoRoot, "docs/examples/fiscal-effect.json"));
    assert.equal(imp.code, 0, imp.err);
    assert.match(imp.out, new RegExp(`保存しました: ${plan}`));

    const tables = effectTables(await report("tally"));
    assert.deepEqual(tables.get("計画全体"), [
      ["合計", "229,500", "191,722", "—", "1件"],
      ["歳出削減", "150,000", "100,800", "—", "1件"],
      ["歳入確保", "79,500", "90,922", "114.4%", ""],
    ]);
    assert.deepEqual(tables.get("基本方針別"), [
      ["1 歳出の見直し", "150,000", "100,800", "—", "1件"],
      ["2 歳入の確保", "79,500", "90,922", "114.4%", ""],
    ]);
    assert.deepEqual(tables.get("取組項目別")?.[0], [
      "(1) 事務事業の見直し",
      "120,000",
      "70,500",
      "—",
      "1件",
    ]);
    assert.deepEqual(tables.get("所管課別"), [
      ["財政課", "124,500", "75,312", "—", "1件"],
      ["資産管理課", "30,000", "30,300", "101.0%", ""],
      ["企画課", "75,000", "86,110", "114.8%", ""],
    ]);
    assert.deepEqual(tables.get("年度別"), [
      ["令和5年度", "50,000", "58,840", "50,000", "58,840"],
      ["令和6年度", "77,000", "81,820", "127,000", "140,660"],
      ["令和7年度", "102,500", "51,062（未報告 1件）", "229,500", "191,722"],
      ["令和8年度", "68,000", "—", "297,500", "—"],
      ["令和9年度", "50,000", "—", "347,500", "—"],
    ]);

    const summary = (await report("summary")).replace(/<[^>]+>/g, "");
    assert.match(
      summary,
      /財政効果額（令和5年度〜令和7年度の累計）計画 229,500千円／実績 191,722千円（実績未報告 1件）/,
    );
  });
});
