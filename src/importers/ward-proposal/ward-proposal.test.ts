import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isAppError } from "../../core/errors.ts";
import type { Finding } from "../../core/findings.ts";
import { type Item, type PlanDocument, planDocumentSchema } from "../../core/plan-document/schema.ts";
import { readSeed, seedsSkip } from "../../testing/seeds.ts";
import { wardProposalReader } from "./index.ts";
import { listLines } from "./tables.ts";

const SEED = "004_";

function readSeedDocument(): { doc: PlanDocument; findings: Finding[]; path: string; text: string } {
  const seed = readSeed(SEED)!;
  const { document, findings } = wardProposalReader.read([seed]);
  return { doc: planDocumentSchema.parse(document), findings, ...seed };
}

function project(doc: PlanDocument, title: string): Item {
  const p = doc.items.flatMap((g) => g.children).find((c) => c.title === title);
  assert.ok(p, title);
  return p;
}

describe("wardProposalReader on seed 004", { skip: seedsSkip(SEED) }, () => {
  test("detects 004 and no other seed", () => {
    for (const prefix of ["000_", "001_", "002_", "003_", "004_"]) {
      const seed = readSeed(prefix);
      if (seed) assert.equal(wardProposalReader.detect(seed), prefix === SEED, prefix);
    }
  });

  test("the document is schema-valid: 札幌市, two levels, FY2023–FY2026 from the roadmap", () => {
    const { doc } = readSeedDocument();
    assert.deepEqual(doc.municipality, { code: "011002", name: "札幌市" });
    assert.equal(doc.plan.title, "区役所機能・整備の今後の在り方基礎調査業務 提案書");
    assert.deepEqual(doc.plan.levels, ["グループ", "プロジェクト"]);
    assert.deepEqual([doc.plan.periodStart, doc.plan.periodEnd], [2023, 2026]);
  });

  test("eight projects in two groups, each with its features and method", () => {
    const { doc } = readSeedDocument();
    assert.deepEqual(
      doc.items.map((g) => [g.title, g.children.map((c) => c.title)]),
      [
        [
          "市民サービス",
          [
            "オンライン手続推進プロジェクト",
            "窓口予約推進プロジェクト",
            "市民ニーズ把握プロジェクト",
            "業務改善プロジェクト",
          ],
        ],
        [
          "職員の働き方",
          [
            "WEB会議定着プロジェクト",
            "テレワーク推進プロジェクト",
            "書類現状把握プロジェクト",
            "ジェネレーションギャップ解消プロジェクト",
          ],
        ],
      ],
    );
    const projects = doc.items.flatMap((g) => g.children);
    assert.equal(projects.length, 8);
    for (const p of projects) {
      assert.ok((p.texts.特徴 ?? "").length > 30, p.key);
      // All eight sit in the フォアカスティング column; バックカスティング holds the steps of the groups.
      assert.equal(p.attributes.手法, "フォアキャスト", p.key);
    }
    assert.equal(project(doc, "テレワーク推進プロジェクト").key, "職員の働き方/テレワーク推進プロジェクト");
    for (const g of doc.items) assert.equal(g.texts.バックキャスト, "理想像の導出\n理想像実現のための手段");
  });

  test("problem → solution rows stay paired on the group of their project team", () => {
    const { doc } = readSeedDocument();
    const [service, work] = doc.items;
    assert.equal(service!.attributes.PT, "窓口PT");
    assert.equal(work!.attributes.PT, "働き方PT");
    const pairs = (g: Item) => Object.keys(g.texts).filter((k) => k.startsWith("現状と課題 ")).length;
    assert.equal(pairs(service!), 6);
    assert.equal(pairs(work!), 6);
    assert.match(service!.texts["想定される解決策 1（市民の利便性）"]!, /オンライン手続サービス/);
    assert.match(service!.texts["現状と課題 6（職員の業務の効率性）"]!, /転記/);
    assert.equal(
      work!.texts["想定される解決策 3（組織文化）"],
      "テレワークの推進\nWEB会議の積極活用\nペーパーレスの推進",
    );
    assert.ok(work!.texts["想定される解決策 6（人事制度）"]);
  });

  test("the window-service goals, and the projects that are one of their means", () => {
    const { doc } = readSeedDocument();
    const service = doc.items[0]!;
    assert.equal(service.attributes.窓口サービスの目標, "行かない・書かない・移動しない・待たない");
    assert.match(
      service.texts["窓口サービスの目標（移動しない）"]!,
      /^便利（移動しなくてよい）\nワンストップサービス/,
    );
    assert.equal(project(doc, "オンライン手続推進プロジェクト").attributes.窓口サービスの目標, "行かない");
    assert.equal(project(doc, "窓口予約推進プロジェクト").attributes.窓口サービスの目標, "待たない");
    assert.equal(project(doc, "業務改善プロジェクト").attributes.窓口サービスの目標, undefined);
  });

  test("roadmap: planned activities per fiscal year", () => {
    const { doc } = readSeedDocument();
    for (const g of doc.items) {
      assert.deepEqual(
        g.activities.map((a) => [a.fiscalYear, a.yearLabel, a.kind, a.source?.line]),
        [
          [2026, "2026年度まで", "plan", 922],
          [2023, "2023年度", "plan", 936],
          [2024, "2024年度以降", "plan", 937],
        ],
      );
    }
    for (const p of doc.items.flatMap((g) => g.children)) {
      assert.deepEqual(
        p.activities.map((a) => [a.fiscalYear, a.kind, a.source?.line]),
        [[2023, "plan", 938]],
      );
    }
  });

  test("findings: no project in the backcasting column", () => {
    const { findings, path } = readSeedDocument();
    assert.deepEqual(
      findings.map((f) => [f.code, f.line]),
      [["project.no-backcast", 868]],
    );
    assert.equal(findings[0]!.file, path);
  });

  test("the seed cut before the projects table is reported as truncated", () => {
    const seed = readSeed(SEED)!;
    const cut = seed.text.split("\n").slice(0, 800).join("\n");
    assert.throws(
      () => wardProposalReader.read([{ path: seed.path, text: cut }]),
      (e: unknown) => isAppError(e, "invalid_document") && /行 800: .*個別の取組/.test(e.message),
    );
  });
});

/** The projects table of 004 in small, for the cases the seed does not have. */
const SYNTHETIC = [
  "# 区役所機能・整備の今後の在り方基礎調査業務 提案書",
  "- 市民サービスは、本業務で実施した「窓口PT」の検討結果を引き継ぐ。",
  "\tバックカスティング\tフォアカスティング\t",
  "\t\t個別の取組\t特徴",
  "市民サービス\t<p>理想像の導出</p>\tAプロジェクト\tAの特徴。",
  "\t\tBプロジェクト\t",
  "",
  "## 3-4 2023年度における具体のアクション",
  "- 2023年度は、計画を策定する。",
  "",
].join("\n");

describe("wardProposalReader on synthetic input", () => {
  test("a missing feature is a finding with file and line", () => {
    const { document, findings } = wardProposalReader.read([{ path: "t.txt", text: SYNTHETIC }]);
    const doc = planDocumentSchema.parse(document);
    assert.equal(doc.items[0]!.children.length, 2);
    assert.ok(
      findings.some((f) => f.code === "project.feature-missing" && f.file === "t.txt" && f.line === 6),
    );
    assert.deepEqual([doc.plan.periodStart, doc.plan.periodEnd], [2023, 2023]);
  });

  const cases: [string, string, RegExp][] = [
    ["empty", "", /t\.txt 行 1: .*空/],
    ["binary", "# 区役所機能・整備 提案書\n\ufffd\ufffd", /t\.txt 行 2: .*テキストではありません/],
    ["another layout", "第3章 行財政運営の取組\n取組方針1 x\n", /t\.txt 行 3: .*個別の取組/],
    [
      "truncated inside the projects table",
      SYNTHETIC.split("\n").slice(0, 6).join("\n"),
      /t\.txt 行 6: .*途中/,
    ],
  ];
  for (const [name, text, message] of cases) {
    test(`bad input (${name}) → refused (invalid_document) naming file and line`, () => {
      assert.throws(
        () => wardProposalReader.read([{ path: "t.txt", text }]),
        (e: unknown) =>
          isAppError(e, "invalid_document") && message.test(e.message) && e.findings[0]?.file === "t.txt",
      );
    });
  }

  test("listLines turns list cells into lines", () => {
    assert.deepEqual(listLines('<ul style="x"> <li>✓ 窓口を<b>導入</b>する</li> <li>二つ目</li> </ul>'), [
      "窓口を導入する",
      "二つ目",
    ]);
    assert.deepEqual(listLines("<p>理想像の導出</p> <p>手段</p>"), ["理想像の導出", "手段"]);
  });
});
