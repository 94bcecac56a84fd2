import assert from "node:assert/strict";
import { test } from "node:test";
import { staticSvg } from "./engine.ts";
import { formatValue, indicatorChart } from "./indicator-chart.ts";
import { CUD, SERIES_COLORS } from "./palette.ts";

const input = {
  categories: ["H29", "R1", "R2", "R3", "R4", "R5"],
  unit: "人",
  actuals: [
    { name: "実績値（男性）", values: [1483, 5253, 6825, 10602, 26684, null] },
    { name: "実績値（女性）", values: [1000, 1200, null, 1500, 1600, null] },
  ],
  targets: [
    {
      name: "目標・目安",
      values: [1483, 2236, 2989, 3742, 4494, 6000],
      labels: [null, null, null, null, null, undefined],
    },
  ],
  description: "フォロワー数：実績値と目標の推移",
};

test("an SVG rendered on the server, with a title for screen readers", () => {
  const svg = indicatorChart(input);
  assert.match(svg, /^<svg[^>]* role="img"/);
  assert.match(svg, /<title>フォロワー数：実績値と目標の推移<\/title>/);
  assert.doesNotMatch(svg, /<script/);
  assert.match(svg, /<\/svg>$/);
});

test("values are printed beside the points, with the unit; the target only at its year", () => {
  const svg = indicatorChart(input);
  for (const v of ["1,483人", "5,253人", "26,684人", "6,000人", "1,600人"]) assert.ok(svg.includes(v), v);
  assert.ok(!svg.includes("2,236人"), "a point of the expected path is a guide, not a figure of the plan");
});

test("series differ by colour from the CUD set and by marker shape and line style, not by colour alone", () => {
  const svg = indicatorChart(input);
  assert.ok(svg.includes(SERIES_COLORS[0]) && svg.includes(SERIES_COLORS[1]));
  assert.equal(SERIES_COLORS[0], CUD.blue);
  assert.match(svg, /stroke-dasharray/, "targets are dashed");
  assert.ok(svg.includes("実績値（男性）") && svg.includes("目標・目安"), "legend names every line");
});

test("attribute values stay well-formed (the font name is quoted with single quotes)", () => {
  const svg = indicatorChart(input);
  assert.doesNotMatch(svg, /font-family:"/);
  assert.match(svg, /font-family:'BIZ UDPGothic'/);
});

test("formatValue groups thousands and keeps decimals", () => {
  assert.equal(formatValue(26684, "人"), "26,684人");
  assert.equal(formatValue(157.1, "時間"), "157.1時間");
  assert.equal(formatValue(-1200), "-1,200");
});

test("a chart drawn again is the same picture, reused, with ids of its own", () => {
  const once = indicatorChart({ ...input, description: "再利用の確認" });
  const again = indicatorChart({ ...input, description: "再利用の確認" });
  const ids = (svg: string) => new Set(svg.match(/\bzr\d+-/g));
  assert.equal(ids(once).size, 1);
  assert.notDeepEqual(ids(again), ids(once));
  assert.equal(again.replace(/\bzr\d+-/g, ""), once.replace(/\bzr\d+-/g, ""));
  const other = indicatorChart({ ...input, unit: "件", description: "再利用の確認" });
  assert.notEqual(other.replace(/\bzr\d+-/g, ""), once.replace(/\bzr\d+-/g, ""));
});

test("a chart carries nothing for a pointer: no hover style, no classes for it, no pointer-events", () => {
  const svg = indicatorChart({ ...input, description: "静的な SVG" });
  assert.doesNotMatch(svg, /<style/);
  assert.doesNotMatch(svg, /\bzr\d+-cls-/);
  assert.doesNotMatch(svg, /pointer-events/);
  assert.match(svg, /clip-path="url\(#zr\d+-c\d+\)"/);
  assert.match(svg, /<path d="M/);
});

test("staticSvg keeps a style element that holds more than hover rules", () => {
  const kept =
    '<svg><style ><![CDATA[\n.a { fill: red; }\n]]>\n\n</style><path class="zr1-cls-2" pointer-events="visible"/></svg>';
  assert.equal(staticSvg(kept), "<svg><style ><![CDATA[\n.a { fill: red; }\n]]>\n\n</style><path/></svg>");
});
