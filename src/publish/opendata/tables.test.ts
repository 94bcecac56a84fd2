import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { PlanDocumentInput } from "../../core/plan-document/schema.ts";
import { testPublication } from "../../testing/publication.ts";
import { repoRoot } from "../../testing/seeds.ts";
import { tableCsv } from "./opendata.service.ts";
import { buildTables, columnsOf, TABLE_NAMES, TABLES } from "./tables.ts";

/** Parses the simple CSV the tests write (quoted cells without line breaks). */
function parse(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map((m) => m[1]!.replace(/^"|"$/g, "").replaceAll('""', '"')),
    );
}

describe("open-data tables", () => {
  const p = testPublication({ fiscalYear: 2021 });
  const t = buildTables(p);

  test("every table starts with 全国地方公共団体コード, and every 年度 column has its 和暦 beside it", () => {
    for (const name of TABLE_NAMES) {
      const titles = columnsOf(name).map((c) => c.title);
      assert.equal(titles[0], "全国地方公共団体コード", name);
      titles.forEach((title, i) => {
        if (/年度$/.test(title)) assert.equal(titles[i + 1], `${title}（和暦）`, `${name}: ${title}`);
      });
      const rows = t[name] as Record<string, unknown>[];
      for (const r of rows) TABLES[name].schema.parse(r);
    }
  });

  test("values are long: one value per row, the number and the unit apart, the text as written, the result", () => {
    const rows = parse(tableCsv(p, "values").toString("utf8"));
    const header = rows[0]!;
    const at = (row: string[], title: string) => row[header.indexOf(title)];
    const followers = rows.filter((r) => at(r, "指標名") === "フォロワー数");
    assert.deepEqual(
      followers.map((r) => [
        at(r, "区分"),
        at(r, "年度"),
        at(r, "年度（和暦）"),
        at(r, "値"),
        at(r, "単位"),
        at(r, "記載どおりの値"),
        at(r, "評価"),
      ]),
      [
        ["初期値", "2017", "平成29年度", "1483", "人", "1,483", ""],
        ["目標", "2023", "令和5年度", "6000", "人", "(R5)6,000", ""],
        ["実績値", "2019", "令和元年度", "5253", "人", "5,253", "順調"],
        ["実績値", "2020", "令和2年度", "6825", "人", "6,825", "順調"],
        ["実績値", "2021", "令和3年度", "", "", "約一万", "判定不可"],
      ],
    );
    assert.equal(at(followers[4]!, "読み取れない理由"), "数値として読めません");
    const male = rows.filter((r) => at(r, "系列") === "男性" && at(r, "区分") === "実績値");
    assert.deepEqual(
      male.map((r) => [at(r, "値"), at(r, "単位")]),
      [["15.4", "%"]],
    );
  });

  test("evaluations carry the status, its mark, the rule in words; 再掲 is not counted twice", () => {
    const e = t.evaluations.find((r) => r.indicatorName === "フォロワー数" && r.fiscalYear === 2020)!;
    assert.equal(e.evaluation, "順調");
    assert.equal(e.evaluationSymbol, "○");
    assert.equal(e.fiscalYearWareki, "令和2年度");
    assert.match(e.explanation, /6,825人：順調/);
    assert.ok(t.evaluations.every((r) => r.countedInTally));
  });

  test("items, progress, activities and departments with names as they were in the published year", () => {
    assert.equal(t.items.length, 7);
    const dept = t.responsibilities.find((r) => r.departmentKey === "総務部/総務課")!;
    assert.equal(dept.departmentName, "総務部 総務課");
    const earlier = buildTables(testPublication({ fiscalYear: 2019 }));
    assert.equal(
      earlier.responsibilities.find((r) => r.departmentKey === "総務部/総務課")!.departmentName,
      "総務部 庶務課",
    );
    assert.equal(t.items.find((r) => r.itemKey === "2-1-2")!.crossListingOf, "2-1-1");
    assert.deepEqual(
      t.activities.map((a) => [a.fiscalYearWareki, a.kind, a.yearLabel]),
      [
        ["令和7年度", "計画", "R7"],
        ["令和10年度", "計画", "R10以降"],
      ],
      "a result of a later year than the published one is not shown",
    );
  });

  test("a target's basis and the plan's yearly and cumulative values (docs/examples/plan-rows.json)", () => {
    const input = JSON.parse(
      readFileSync(join(repoRoot, "docs/examples/plan-rows.json"), "utf8"),
    ) as PlanDocumentInput;
    const example = testPublication({ input, fiscalYear: 2025 });
    const rows = parse(tableCsv(example, "values").toString("utf8"));
    const header = rows[0]!;
    const at = (row: string[], title: string) => row[header.indexOf(title)];
    const target = rows.find((r) => at(r, "区分") === "目標")!;
    assert.deepEqual(
      [at(target, "値"), at(target, "単位"), at(target, "目標の集計方法")],
      ["500", "百万円", "計画期間の合計"],
    );
    const planned = rows
      .filter((r) => at(r, "区分")!.startsWith("計画値") && at(r, "年度") === "2025")
      .map((r) => [at(r, "区分"), at(r, "値"), at(r, "記載どおりの値")]);
    assert.deepEqual(planned, [
      ["計画値", "100", "100百万円"],
      ["計画値（累計）", "3100", "3,100百万円"],
    ]);
    const evaluations = parse(tableCsv(example, "evaluations").toString("utf8"));
    const eh = evaluations[0]!;
    const e = evaluations.find((r) => r[eh.indexOf("評価年度")] === "2025")!;
    assert.equal(e[eh.indexOf("進捗率（%）")], "60.6");
  });
});
