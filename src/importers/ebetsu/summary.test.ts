import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { actuals, indicator, indicators, leaves, read, SUMMARY, seed } from "../../testing/ebetsu.ts";
import { seedsSkip } from "../../testing/seeds.ts";
import { ebetsuReader } from "./index.ts";

describe("Ebetsu summary (001) alone", { skip: seedsSkip(SUMMARY) }, () => {
  test("detects the summary", () => {
    assert.equal(ebetsuReader.detect(seed(SUMMARY)), true);
  });

  test("the tree from the numbering: 3 基本目標, 17 取組方針, 23 取組項目, no descriptions", () => {
    const { doc } = read([seed(SUMMARY)]);
    assert.deepEqual(
      doc.items.map((g) => [g.key, g.children.length]),
      [
        ["1", 3],
        ["2", 8],
        ["3", 6],
      ],
    );
    assert.equal(doc.items[1]!.title, "意識と能力の高い職員による柔軟な行政運営");
    assert.equal(leaves(doc).length, 23);
    // ① 事務事業評価 stands above the (3) label: it still opens 取組方針 (3).
    assert.equal(leaves(doc).find((i) => i.key === "3-3-1")?.title, "事務事業評価による事務改善等");
    assert.equal(leaves(doc).find((i) => i.key === "3-2-1")?.indicators.length, 1);
    for (const item of leaves(doc)) {
      assert.equal(item.description, undefined);
      assert.deepEqual(item.progress, []);
    }
    assert.deepEqual(doc.departments, []);
  });

  test("figures of the summary, with series and the summary as source", () => {
    const { doc } = read([seed(SUMMARY)]);
    const child = indicator(doc, "2-3-1-i1");
    assert.deepEqual(child.series, ["男性", "女性"]);
    assert.deepEqual(actuals(child, "女性"), ["2019=100%", "2020=100%", "2021=100%", "2022=100%"]);
    const furusato = indicators(doc).find((i) => i.name === "ふるさと納税の収納額")!;
    assert.deepEqual(
      furusato.actuals.map((a) => [a.number, a.unit]),
      [
        [130515, "千円"],
        [394921, "千円"],
        [282448, "千円"],
        [358336, "千円"],
      ],
    );
    assert.equal(furusato.actuals[0]!.source?.line, 25);
    assert.equal(furusato.targets[0]?.fiscalYear, 2023);
    assert.equal(furusato.baselines[0]?.fiscalYear, undefined, "the summary does not say the baseline year");
  });

  test("the shifted rows cannot be resolved alone: flagged as suspect, misplaced 基本目標 labels noted", () => {
    const { findings } = read([seed(SUMMARY)]);
    const suspect = findings.filter((f) => f.code === "summary.suspect-row");
    assert.deepEqual(
      suspect.map((f) => f.line),
      [16, 17],
    );
    const misplaced = findings.filter((f) => f.code === "summary.misplaced-label");
    assert.deepEqual(
      misplaced.map((f) => f.line),
      [9, 12],
    );
    for (const f of findings) {
      assert.ok(f.file.endsWith(".txt"), f.code);
      assert.ok(f.line, f.code);
    }
  });
});
