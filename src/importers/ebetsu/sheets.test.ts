import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { actuals, indicator, indicators, leaves, read, SHEETS, seed } from "../../testing/ebetsu.ts";
import { seedsSkip } from "../../testing/seeds.ts";
import { ebetsuReader } from "./index.ts";

describe("Ebetsu sheets (000) alone", { skip: seedsSkip(SHEETS) }, () => {
  test("detects the sheets", () => {
    assert.equal(ebetsuReader.detect(seed(SHEETS)), true);
  });

  test("3 基本目標, 23 取組項目, 29 指標, with readable keys", () => {
    const { doc } = read([seed(SHEETS)]);
    assert.equal(doc.items.length, 3);
    assert.deepEqual(
      doc.items.map((g) => g.children.length),
      [3, 8, 6],
    );
    assert.equal(leaves(doc).length, 23);
    assert.equal(indicators(doc).length, 29);
    assert.deepEqual(
      doc.items.map((g) => g.key),
      ["1", "2", "3"],
    );
    assert.equal(doc.items[0]!.children[0]!.key, "1-1");
    assert.equal(leaves(doc)[0]!.key, "1-1-1");
    assert.deepEqual(
      leaves(doc)[0]!.indicators.map((i) => i.key),
      ["1-1-1-i1", "1-1-1-i2", "1-1-1-i3"],
    );
    assert.equal(new Set(indicators(doc).map((i) => i.key)).size, 29);
  });

  test("municipality, plan period and levels", () => {
    const { doc } = read([seed(SHEETS)]);
    assert.deepEqual(doc.municipality, { code: "012173", name: "江別市" });
    assert.equal(doc.plan.title, "江別市行政改革推進計画");
    assert.equal(doc.plan.periodStart, 2019);
    assert.equal(doc.plan.periodEnd, 2023);
    assert.deepEqual(doc.plan.levels, ["基本目標", "取組方針", "取組項目"]);
  });

  test("every 取組項目 has its 取組内容 and one 取組状況 of FY2022 with next year's plan", () => {
    const { doc } = read([seed(SHEETS)]);
    for (const item of leaves(doc)) {
      assert.ok(item.description, item.key);
      assert.equal(item.progress.length, 1, item.key);
      assert.equal(item.progress[0]!.fiscalYear, 2022);
      assert.ok(item.progress[0]!.narrative, item.key);
      assert.ok(item.progress[0]!.nextYearPlan, item.key);
      assert.ok(item.progress[0]!.source?.line, item.key);
    }
  });

  test("育児休業取得率 has a 男性 and a 女性 series", () => {
    const { doc } = read([seed(SHEETS)]);
    const ind = indicator(doc, "2-3-1-i1");
    assert.match(ind.name, /^育児休業取得率/);
    assert.deepEqual(ind.series, ["男性", "女性"]);
    assert.deepEqual(actuals(ind, "男性"), ["2019=15.4%", "2020=36.7%", "2021=38.8%", "2022=52.8%"]);
    assert.deepEqual(actuals(ind, "女性"), ["2019=100%", "2020=100%", "2021=100%", "2022=100%"]);
    const base = ind.baselines.find((b) => b.series === "男性");
    assert.equal(base?.number, 6.9);
    assert.equal(base?.fiscalYear, 2017);
    const target = ind.targets.find((t) => t.series === "男性");
    assert.equal(target?.kind, "floor");
    assert.equal(target?.number, 13);
    assert.equal(target?.fromFiscalYear, 2019);
  });

  test("baseline with its year, target year from the column, actuals with kind, unit and source", () => {
    const { doc } = read([seed(SHEETS)]);
    const sns = indicator(doc, "1-1-1-i1");
    assert.deepEqual(
      sns.baselines.map((b) => [b.number, b.fiscalYear]),
      [[1483, 2017]],
    );
    assert.equal(sns.targets.length, 1);
    assert.equal(sns.targets[0]!.number, 6000);
    assert.equal(sns.targets[0]!.fiscalYear, 2023);
    assert.deepEqual(
      sns.actuals.map((a) => [a.fiscalYear, a.kind, a.number]),
      [
        [2019, "number", 5253],
        [2020, "number", 6825],
        [2021, "number", 10602],
        [2022, "number", 26684],
      ],
    );
    assert.equal(sns.actuals[0]!.source?.line, 14);
    // A stage indicator without baseline: 初期値 with no year, no value.
    const open = indicator(doc, "1-1-1-i2");
    assert.deepEqual(open.baselines, []);
    assert.deepEqual(
      open.actuals.map((a) => [a.kind, a.stage]),
      [
        ["stage", "検討"],
        ["stage", "検討"],
        ["stage", "実施"],
        ["stage", "実施"],
      ],
    );
    // The target row 検討 (R1) → 実施 (R3): both kept, from their years.
    assert.deepEqual(
      open.targets.map((t) => [t.stage, t.fromFiscalYear]),
      [
        ["検討", 2019],
        ["実施", 2021],
      ],
    );
    assert.equal(indicator(doc, "1-1-1-i3").unit, "回");
  });

  test("merged value rows: 初期値 + actuals + target on the 実績値 row; a lone R1 cell is the target", () => {
    const { doc } = read([seed(SHEETS)]);
    const comm = indicator(doc, "2-4-1-i1");
    assert.equal(comm.baselines[0]?.number, 70.2);
    assert.deepEqual(actuals(comm), ["2019=70.3%", "2020=68.9%", "2021=69.4%", "2022=64.7%"]);
    assert.deepEqual(
      comm.targets.map((t) => [t.number, t.fiscalYear]),
      [[77, 2023]],
    );
    const proposals = indicator(doc, "2-2-1-i1");
    assert.equal(proposals.baselines[0]?.number, 13);
    assert.deepEqual(
      proposals.targets.map((t) => [t.kind, t.direction]),
      [["direction", "increase"]],
    );
    assert.deepEqual(proposals.actuals, [], "the sheet lost the actuals of 職員提案数");
    const hiring = indicator(doc, "2-1-1-i1");
    assert.deepEqual(hiring.actuals, []);
    assert.deepEqual(
      hiring.targets.map((t) => [t.stage, t.fromFiscalYear]),
      [["検討・実施", 2019]],
    );
  });

  test("departments as written; 総) gives 総務部 as parent", () => {
    const { doc } = read([seed(SHEETS)]);
    const soumu = doc.departments.find((d) => d.key === "総)総務課");
    assert.equal(soumu?.parent, "総務部");
    assert.equal(soumu?.kind, "課");
    assert.equal(doc.departments.find((d) => d.key === "総務部")?.kind, "部");
    assert.ok(doc.departments.some((d) => d.key === "広報広聴課" && d.parent === undefined));
    assert.deepEqual(indicator(doc, "1-1-1-i2").departments, ["総)総務課"]);
    assert.deepEqual(leaves(doc).find((i) => i.key === "3-1-2")?.departments, ["契約管財課", "納税課"]);
  });

  test("HTML left in a 取組状況 is removed and reported", () => {
    const { doc, findings } = read([seed(SHEETS)]);
    const drill = leaves(doc).find((i) => i.key === "2-7-1")!;
    assert.doesNotMatch(drill.progress[0]!.narrative!, /<[a-z/]/);
    assert.ok(findings.some((f) => f.code === "sheet.markup-removed" && f.line === 161));
  });
});
