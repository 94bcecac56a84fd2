import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { testPublication } from "../testing/publication.ts";
import type { SiteMode } from "./public.layout.tsx";
import { searchItems } from "./public.pages.tsx";
import { buildView } from "./public-view.ts";
import { renderFile, sitePaths } from "./site.tsx";

const mode: SiteMode = { assets: "../../../assets/", home: "../../../index.html", search: true };

/** Checks a page can be read without sight or mouse: WCAG 2.1 AA basics that can be read from the HTML. */
export function accessibilityProblems(html: string): string[] {
  const problems: string[] = [];
  if (!/<html lang="ja">/.test(html)) problems.push("no lang=ja");
  if ((html.match(/<h1[ >]/g) ?? []).length !== 1) problems.push("not exactly one h1");
  const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
  levels.forEach((l, i) => {
    if (i > 0 && l > levels[i - 1]! + 1) problems.push(`heading h${levels[i - 1]} → h${l}`);
  });
  for (const th of html.match(/<th[ >][^>]*>?/g) ?? []) {
    if (!/scope="(col|row)"/.test(th)) problems.push(`th without scope: ${th}`);
  }
  for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? []) {
    if (!/<caption/.test(table)) problems.push("table without caption");
  }
  for (const m of html.matchAll(/<(input|select)[^>]*id="([^"]+)"/g)) {
    if (!html.includes(`for="${m[2]}"`)) problems.push(`${m[1]} #${m[2]} without label`);
  }
  for (const svg of html.match(/<svg[^>]*>(<title>)?/g) ?? []) {
    if (!/role="img"/.test(svg) || !svg.endsWith("<title>")) problems.push("svg without role=img and title");
  }
  if (/<script/i.test(html)) problems.push("script");
  if (/(?:href|src)="https?:/.test(html)) problems.push("absolute URL");
  if (!/href="#main"/.test(html) || !/id="main"/.test(html)) problems.push("no skip link");
  return problems;
}

describe("public pages", () => {
  const view = buildView(testPublication({ fiscalYear: 2021 }));

  test("every page of a publication passes the accessibility checks", async () => {
    for (const path of sitePaths(view).filter((p) => p.endsWith(".html"))) {
      const f = await renderFile(view, mode, path);
      assert.deepEqual(accessibilityProblems(String(f!.body)), [], path);
    }
  });

  test("the overview shows results by level, the tree, search and the downloads", async () => {
    const html = String((await renderFile(view, mode, "index.html"))!.body);
    for (const s of [
      "令和3年度の取組状況と評価",
      "基本目標ごとの評価の件数",
      "取組方針ごとの評価の件数",
      'href="items/1-1-1.html"',
      'action="search.html"',
      'href="opendata/values.csv"',
      'href="../../../assets/public.css"',
    ]) {
      assert.ok(html.includes(s), s);
    }
  });

  test("an item page shows departments, the result with its reason, a chart and values by year", async () => {
    const html = String((await renderFile(view, mode, "items/1-1-1.html"))!.body);
    for (const s of [
      "総務部 総務課",
      "フォロワー数",
      "令和3年度の評価",
      "判定不可",
      "実績値を読み取れません",
      "<svg",
      "フォロワー数の実績値と目標・目安の推移",
      "5,253",
      "令和元年度",
      "2019年度",
      'href="../charts/1-1-1-1.svg"',
      'href="../index.html"',
    ]) {
      assert.ok(html.includes(s), s);
    }
  });

  test("search finds by words (width folded) and by department", () => {
    assert.deepEqual(
      searchItems(view, "フォロワー", "").map((v) => v.item.key),
      ["1-1-1"],
    );
    assert.deepEqual(
      searchItems(view, "ﾌｫﾛﾜｰ", "").map((v) => v.item.key),
      ["1-1-1"],
      "half-width katakana finds full-width",
    );
    assert.deepEqual(
      searchItems(view, "", "職員課").map((v) => v.item.key),
      ["2-1-1"],
    );
    assert.deepEqual(
      searchItems(view, "育児 休業", "職員課").map((v) => v.item.key),
      ["2-1-1"],
    );
  });

  test("text from documents is escaped, also inside charts", async () => {
    const input = testPublication().snapshot.document;
    const evil = structuredClone(input);
    evil.items[0]!.children[0]!.children[0]!.title = '<script>alert("x")</script>';
    evil.items[0]!.children[0]!.children[0]!.indicators[0]!.name = "<img src=x onerror=alert(1)>";
    const v = buildView(testPublication({ input: evil as never }));
    const html = String((await renderFile(v, mode, "items/1-1-1.html"))!.body);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<img src=x/);
  });
});
