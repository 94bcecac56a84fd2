// The plan's own grades and 財政効果額 on the public pages and in open data (issue 10.4, 10.5), with the worked
// examples of docs/entering-your-plan.md: S/A/B/C with thresholds and a three-word implementation vocabulary
// (scales.json), and yearly effect amounts in 円・千円・百万円 (fiscal-effect.json). A version published
// without the plan's grades keeps showing gyokaku's statuses.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { createApp } from "../web/app.tsx";
import { publishFiscalYear } from "./publish.service.ts";

const repoRoot = join(import.meta.dirname, "..", "..");
const example = (name: string) => JSON.parse(readFileSync(join(repoRoot, "docs/examples", name), "utf8"));
/** The text of a page without tags, spaces folded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

describe("the plan's own grades and 財政効果額 on the public pages", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string) => {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    return res.text();
  };
  const scales = "/public/019992/example-scales/2025/";
  const effects = "/public/019992/example-fiscal-effect/2025/";

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    await importDocuments(open.db, [example("scales.json"), example("fiscal-effect.json")]);
    await publishFiscalYear(open.db, { plan: "019992/example-scales", fiscalYear: 2025 });
    await publishFiscalYear(open.db, { plan: "019992/example-fiscal-effect", fiscalYear: 2025 });
  });
  after(async () => open.close());

  test("the overview counts the plan's grades in its order, states its rules, and 着手状況 in its words", async () => {
    const page = text(await get(`${scales}index.html`));
    // 令和7年度: S 2 (3-1, 3-5), A 1, B 1, C 1 — as the 集計 of the same example
    assert.match(
      page,
      /◎ S 2 ○ A 1 △ B 1 × C 1 － 評価なし 0 対象の指標（系列ごと）：5件（計画の評価基準による評価）/,
    );
    assert.match(
      page,
      /評価は計画の評価基準によります：◎S（100%以上）、○A（80%以上）、△B（50%以上）、×C（50%未満）/,
    );
    assert.match(
      page,
      /着手状況 検討中 0 部分実施 0 達成 1 対象の項目：1件（計画の区分：検討中・部分実施・達成）/,
    );
    assert.doesNotMatch(page, /○ 順調|△ 遅れ|× 未達成/, "no gyokaku status in the tallies");
  });

  test("an item page shows its grade with the rule and the values table by grade", async () => {
    const page = text(await get(`${scales}items/3-2.html`));
    assert.match(page, /令和7年度の評価： ○ A/);
    assert.match(page, /令和6年度 2024年度 1,400件 △ B 令和7年度 2025年度 1,700件 ○ A/);
    assert.match(page, /計画の評価基準：達成率 85\.0%：A（80%以上）/);
    const done = text(await get(`${scales}items/3-5.html`));
    assert.match(done, /着手状況 達成/);
    assert.match(done, /令和7年度の評価： ◎ S/);
  });

  test("open data carries the plan's grades and words; the codes stay gyokaku's", async () => {
    const json = JSON.parse(await get(`${scales}opendata/evaluations.json`)) as {
      rows: {
        indicatorKey: string;
        fiscalYear: number;
        evaluation: string;
        evaluationSymbol: string;
        evaluationCode: string;
        explanation: string;
      }[];
    };
    const row = json.rows.find((r) => r.indicatorKey === "3-4-i1" && r.fiscalYear === 2025)!;
    assert.deepEqual([row.evaluation, row.evaluationSymbol, row.evaluationCode], ["C", "×", "not_achieved"]);
    assert.match(row.explanation, /達成率 40\.0%：C（50%未満）/);
    const items = JSON.parse(await get(`${scales}opendata/items.json`)) as {
      rows: { itemKey: string; implementation: string | null }[];
    };
    assert.equal(items.rows.find((r) => r.itemKey === "3-5")?.implementation, "達成");
  });

  test("a version published before grades were kept shows gyokaku's statuses, as it did", async () => {
    await publishFiscalYear(open.db, { plan: "019992/example-scales", fiscalYear: 2024 });
    // as such a version was stored: scales in the document, no grades with the results
    await sql`update publications set snapshot = snapshot - 'ownScales' where fiscal_year = 2024`.execute(
      open.db,
    );
    const page = text(await get("/public/019992/example-scales/2024/index.html"));
    assert.match(page, /◎ 達成 \d+ ○ 順調 \d+ △ 遅れ \d+ × 未達成 \d+/);
    assert.doesNotMatch(page, /計画の評価基準によります/);
    const json = JSON.parse(await get("/public/019992/example-scales/2024/opendata/evaluations.json")) as {
      rows: { evaluation: string }[];
    };
    assert.ok(json.rows.every((r) => !["S", "A", "B", "C", "評価なし"].includes(r.evaluation)));
  });

  test("the overview totals 財政効果額 by year with running sums, missing actuals not 0, later ones not shown", async () => {
    const page = text(await get(`${effects}index.html`));
    assert.match(page, /計画期間の計画額 347,500千円/);
    assert.match(
      page,
      /令和7年度までの合計 計画額 229,500千円、実績額 191,722千円。実績が未報告の計画額が 1 件あります/,
    );
    assert.match(page, /うち歳入確保 計画額 79,500千円、実績額 90,922千円（計画に対し 114\.4%）/);
    // year, planned, actual, cumulative planned, cumulative actual — as the 集計 of the same example
    assert.match(page, /令和5年度 2023年度 50,000千円 58,840千円 50,000千円 58,840千円/);
    assert.match(page, /令和6年度 2024年度 77,000千円 81,820千円 127,000千円 140,660千円/);
    assert.match(page, /令和7年度 2025年度 102,500千円 51,062千円 229,500千円 191,722千円/);
    assert.match(page, /令和8年度 2026年度 68,000千円 — 297,500千円 —/);
  });

  test("an item page shows its effect by year in the unit the plan wrote", async () => {
    const page = text(await get(`${effects}items/1-1.html`));
    assert.match(page, /令和5年度 2023年度 歳出削減 30百万円 32\.5百万円/);
    assert.match(page, /令和7年度 2025年度 歳出削減 50百万円 未報告 実績は決算確定後（令和8年9月）に報告/);
    assert.match(page, /令和8年度 2026年度 歳出削減 50百万円 —/);
    assert.match(
      page,
      /令和7年度までの合計：計画額 120百万円、実績額 70\.5百万円。実績が未報告の計画額が 1 件あります/,
    );
    const yen = text(await get(`${effects}items/2-2.html`));
    assert.match(yen, /令和7年度 2025年度 歳入確保 4,500,000円 4,812,000円/);
    // an item without effects has no section
    assert.doesNotMatch(text(await get(`${scales}items/3-1.html`)), /財政効果額/);
  });
});
