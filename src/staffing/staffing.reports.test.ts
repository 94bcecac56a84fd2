import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseStaffingDocument } from "../core/staffing-document/index.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { diagnosisChart, headcountChart, PALETTE } from "./staffing.charts.ts";
import { reportHtml, reportView } from "./staffing.export.tsx";
import { DiagnosisPage, HeadcountPage, RetirementPage } from "./staffing.pages.tsx";
import { diagnosisView, headcountView, populationView, retirementView } from "./staffing.reports.ts";

const doc = parseStaffingDocument(sampleStaffingDocument());

describe("headcountView", () => {
  const v = headcountView(doc);

  test("groups are computed from their units; the top group is printed last as the total", () => {
    assert.deepEqual(v.years, [2024, 2025]);
    assert.deepEqual(
      v.rows.map((r) => [r.label, r.kind, ...r.values]),
      [
        ["特別職", "unit", 3, undefined],
        ["市長部局", "group", 80, 81],
        ["うち派遣職員", "breakdown", undefined, 2],
        ["総務部", "unit", 50, 52],
        ["建設部", "unit", 30, 29],
        ["消防", "unit", 60, 61],
        ["一般職（合計）", "total", 140, 142],
      ],
    );
    assert.deepEqual(v.total.values, [140, 142]);
    assert.equal(v.total.quota, 145);
    assert.deepEqual(v.total.quotas, [undefined, 145]);
    assert.deepEqual(
      v.series.map((s) => s.name),
      ["市長部局", "消防"],
    );
  });

  test("up to a fiscal year", () => {
    assert.deepEqual(headcountView(doc, 2024).years, [2024]);
  });
});

describe("the other views", () => {
  test("population: staff per 10,000 where both are known; peers with their ratios", () => {
    const p = populationView(doc);
    assert.deepEqual(
      p.rows.map((r) => [r.fiscalYear, r.staff, r.population, r.per10k]),
      [
        [2024, 140, 20000, 70],
        [2025, 142, undefined, undefined],
      ],
    );
    assert.equal(p.peers[0]!.groupAverage!.ordinaryPer10k, 60.5);
    assert.equal(p.classifications[0]!.computed.group, "I-3");
    assert.equal(p.laspeyres.at(-1)!.againstPeers, -1);
  });

  test("diagnosis: per-10,000 averages × population", () => {
    const d = diagnosisView(doc)!;
    const general = d.lines.find((l) => l.name === "総務・企画")!;
    assert.deepEqual(
      [general.simple!.estimate, general.simple!.excess, general.corrected!.estimate],
      [41, 9, 42],
    );
    const ordinary = d.lines.find((l) => l.name === "普通会計計")!;
    assert.deepEqual([ordinary.current, ordinary.simple!.estimate, ordinary.simple!.excess], [140, 121, 19]);
    assert.equal(d.ownPer10k, 70);
    assert.equal(d.groupFullWidth, "Ⅰ－３");
  });

  test("retirement: the stored plan, or the one entered, gives the projection", () => {
    const r = retirementView(doc, 2025);
    assert.deepEqual(r.withoutRetirees, [2023, 2025, 2027, 2029, 2031]);
    assert.deepEqual(
      r.projection!.slice(0, 4).map((x) => [x.fiscalYear, x.headcount, x.retirees]),
      [
        [2025, 142, 0],
        [2026, 145, 4],
        [2027, 145, 0],
        [2028, 144, 5],
      ],
    );
    const entered = retirementView(doc, 2025, {
      hiring: [{ fiscalYear: 2026, hires: 10 }],
      startHeadcount: 150,
    });
    assert.deepEqual(
      entered.projection!.slice(1, 3).map((x) => x.headcount),
      [160, 156],
    );
    assert.deepEqual(entered.missing, []);
  });
});

describe("charts and pages", () => {
  test("charts are SVG with the Okabe–Ito colours, patterns and the values written on them", () => {
    const svg = headcountChart(headcountView(doc));
    assert.match(svg, /^<svg/);
    assert.ok(svg.includes(PALETTE[0]!.toLowerCase()) || svg.includes(PALETTE[0]!), "palette");
    assert.match(svg, /<pattern/, "decal patterns, for readers who do not see the colours");
    assert.match(svg, />142</, "the total is written");
    assert.match(svg, /定数 145/);
    assert.doesNotMatch(svg, /<script/);
    assert.match(diagnosisChart(diagnosisView(doc)!.lines), /%</);
  });

  test("pages render in Japanese with the figures", () => {
    const html = String(HeadcountPage({ view: headcountView(doc) }));
    assert.match(html, /<html lang="ja">/);
    assert.match(html, /部局別職員数の推移/);
    assert.match(html, /role="img" aria-label="[^"]*2025年度 142人/);
    const diag = String(DiagnosisPage({ view: diagnosisView(doc)! }));
    assert.match(diag, /定員管理診断表/);
    const ret = String(RetirementPage({ view: retirementView(doc, 2025) }));
    assert.match(ret, /name="h2026" aria-label="令和8年度の採用数" value="3"/);
  });

  test("a standalone report loads nothing from anywhere", () => {
    const html = reportHtml(reportView(doc, "diagnosis"), new Date("2026-01-05T00:00:00Z"));
    assert.match(html, /<style>/);
    assert.doesNotMatch(html, /<link |src="http|href="http/);
    assert.match(html, /gyokaku により作成（2026年1月5日）/);
  });
});
