import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../core/errors.ts";
import type { OpenDatabase } from "../db/database.ts";
import { ebetsuReader } from "../importers/ebetsu/index.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { readSeed, seedsSkip } from "../testing/seeds.ts";
import { crawl, parseTags } from "./crawl.ts";
import { getPublicationOfPlan, publishFiscalYear } from "./publish.service.ts";
import { MANIFEST, writeStaticSite } from "./static-site.service.ts";

describe("static export", () => {
  let open: OpenDatabase;
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), "gyokaku-site-"));
    dirs.push(d);
    return d;
  };
  before(async () => {
    open = await openTestDatabase();
  });
  after(async () => {
    await open.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function exportPlan(plan: string, fy: number): Promise<string> {
    await publishFiscalYear(open.db, { plan, fiscalYear: fy });
    const out = tmp();
    await writeStaticSite(await getPublicationOfPlan(open.db, plan, fy), out);
    return out;
  }

  test("the crawler finds what it must: a broken link, an absolute URL, a missing id, an orphan", () => {
    const d = tmp();
    writeFileSync(
      join(d, "index.html"),
      '<!DOCTYPE html><a href="a.html#x">a</a><img src="https://example.jp/x.png"><a href="/b.html">b</a><a href="gone.html">g</a>',
    );
    writeFileSync(join(d, "a.html"), '<!DOCTYPE html><p id="y">a</p>');
    writeFileSync(join(d, "orphan.html"), "<!DOCTYPE html>");
    const r = crawl(d);
    assert.deepEqual(
      r.problems.sort(),
      [
        "index.html: absolute URL https://example.jp/x.png",
        "index.html: broken link gone.html",
        "index.html: root-relative link /b.html (breaks in a CMS folder and on file://)",
        "index.html: a.html#x has no such id",
      ].sort(),
    );
    assert.deepEqual(r.unreachable, ["orphan.html"]);
    assert.deepEqual([...parseTags('<a href="x?a=1&amp;b=2">').at(0)!.attrs], [["href", "x?a=1&b=2"]]);
  });

  test("the sample plan's site: every link works, nothing absolute, every file reachable", async () => {
    await importDocuments(open.db, [samplePlanDocument()]);
    const out = await exportPlan("012173/sample", 2021);
    const r = crawl(out);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.unreachable, []);
    assert.ok(r.pages >= 9, `${r.pages} pages`);
    const index = readFileSync(join(out, "index.html"), "utf8");
    assert.ok(!index.includes("search.html"), "no search form without a server");
    assert.ok(index.includes('href="assets/public.css"'));
    // One self-contained stylesheet: the UI kit's tokens and shared components, then the public pages' part.
    const css = readFileSync(join(out, "assets/public.css"), "utf8");
    assert.ok(
      css.indexOf("--accent:") >= 0 && css.indexOf("--accent:") < css.indexOf(".site-nav"),
      "base.css first",
    );
    assert.doesNotMatch(css, /@import|url\((?!["']?data:)/, "nothing loaded from elsewhere");
    assert.deepEqual([...readFileSync(join(out, "opendata/values.csv")).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(readFileSync(join(out, "charts/1-1-1-1.svg"), "utf8"), /^<\?xml[^>]*>\n<svg[^>]*role="img"/);
    // The font travels with the site: one file per weight, declared in each page's head.
    for (const weight of [400, 700]) {
      const file = `assets/fonts/files/biz-udpgothic-japanese-${weight}-normal.woff2`;
      assert.ok(existsSync(join(out, file)), file);
      assert.ok(index.includes(`url("${file}")`), `${file} in @font-face`);
    }
    assert.match(index, /@font-face\{font-family:"BIZ UDPGothic"/);
  });

  test("exporting again removes the pages it wrote before (an item no longer in the plan), nothing else", async () => {
    const out = await exportPlan("012173/sample", 2021);
    // A page an earlier export wrote, of an item since removed: listed in the manifest.
    writeFileSync(join(out, "items/stale.html"), "<!DOCTYPE html>");
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), "utf8")) as { files: string[] };
    manifest.files.push("items/stale.html");
    writeFileSync(join(out, MANIFEST), JSON.stringify(manifest));
    // Files the export did not write stay, wherever they are.
    writeFileSync(join(out, "items/mine.txt"), "keep");
    writeFileSync(join(out, "README.txt"), "keep");
    const p = await getPublicationOfPlan(open.db, "012173/sample", 2021);
    await writeStaticSite(p, out);
    assert.equal(existsSync(join(out, "items/stale.html")), false);
    assert.equal(readFileSync(join(out, "items/mine.txt"), "utf8"), "keep");
    assert.equal(readFileSync(join(out, "README.txt"), "utf8"), "keep");
  });

  test("a folder with other files and no manifest is refused, untouched; a manifest pointing outside too", async () => {
    const p = await getPublicationOfPlan(open.db, "012173/sample", 2021);
    const out = tmp();
    mkdirSync(join(out, "assets"));
    writeFileSync(join(out, "assets/logo.png"), "mine");
    await assert.rejects(
      writeStaticSite(p, out),
      (e: unknown) => isAppError(e, "invalid") && /空ではなく/.test(e.message),
    );
    assert.deepEqual(readdirSync(out, { recursive: true }).sort(), ["assets", join("assets", "logo.png")]);
    const victim = tmp();
    writeFileSync(join(victim, "precious.txt"), "x");
    const site = tmp();
    writeFileSync(
      join(site, MANIFEST),
      JSON.stringify({ format: "gyokaku.static-site/1", files: [join(victim, "precious.txt"), "../x"] }),
    );
    await assert.rejects(writeStaticSite(p, site), (e: unknown) => isAppError(e, "invalid"));
    assert.ok(existsSync(join(victim, "precious.txt")));
  });

  test("the Ebetsu seeds' site: every link works", {
    skip: seedsSkip("000_") || seedsSkip("001_"),
  }, async () => {
    const files = ["000_", "001_"].map((p) => readSeed(p)!).map((s) => ({ path: s.path, text: s.text }));
    const { document } = ebetsuReader.read(files);
    const [stored] = await importDocuments(open.db, [document]);
    const out = await exportPlan(`${stored!.municipalityCode}/${stored!.key}`, 2022);
    const r = crawl(out);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.unreachable, []);
    assert.ok(r.pages > 40, `${r.pages} pages`);
    const index = readFileSync(join(out, "index.html"), "utf8");
    assert.ok(index.includes("基本目標"));
  });
});
