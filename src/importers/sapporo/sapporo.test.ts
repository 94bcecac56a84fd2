import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isAppError } from "../../core/errors.ts";
import type { Finding } from "../../core/findings.ts";
import { type Item, type PlanDocument, planDocumentSchema } from "../../core/plan-document/schema.ts";
import { readSeed, seedsSkip } from "../../testing/seeds.ts";
import { parseDepartments } from "./bureaus.ts";
import { sapporoReader } from "./index.ts";

const SEED = "002_";

function readSeedDocument(): { doc: PlanDocument; findings: Finding[]; path: string; text: string } {
  const seed = readSeed(SEED)!;
  const { document, findings } = sapporoReader.read([seed]);
  return { doc: planDocumentSchema.parse(document), findings, ...seed };
}

function flatten(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...flatten(i.children)]);
}

function byKey(doc: PlanDocument, key: string): Item {
  const item = flatten(doc.items).find((i) => i.key === key);
  assert.ok(item, `item ${key}`);
  return item;
}

function depthCounts(items: Item[], depth = 0, counts: number[] = []): number[] {
  for (const i of items) {
    counts[depth] = (counts[depth] ?? 0) + 1;
    depthCounts(i.children, depth + 1, counts);
  }
  return counts;
}

describe("sapporoReader on seed 002", { skip: seedsSkip(SEED) }, () => {
  test("detects 002 and no other seed", () => {
    for (const prefix of ["000_", "001_", "002_", "003_", "004_"]) {
      const seed = readSeed(prefix);
      if (seed) assert.equal(sapporoReader.detect(seed), prefix === SEED, prefix);
    }
  });

  test("the document is schema-valid: 札幌市, FY2023–FY2027, four levels", () => {
    const { doc } = readSeedDocument();
    assert.deepEqual(doc.municipality, { code: "011002", name: "札幌市" });
    assert.equal(doc.plan.title, "アクションプラン2023 行財政運営の取組");
    assert.equal(doc.plan.periodStart, 2023);
    assert.equal(doc.plan.periodEnd, 2027);
    assert.deepEqual(doc.plan.levels, ["取組方針", "Ⅰ", "1", "①"]);
  });

  test("4 取組方針, each with 現状と課題, 取組の方向性 and its line of the overview", () => {
    const { doc } = readSeedDocument();
    assert.deepEqual(
      doc.items.map((i) => `${i.number} ${i.title}`),
      [
        "1 行政サービスの高度化",
        "2 不断の行政改革の推進",
        "3 多様な主体による連携・協働の推進",
        "4 職員力と組織力の向上",
      ],
    );
    for (const policy of doc.items) {
      assert.ok((policy.texts.現状と課題 ?? "").length > 50, `${policy.key} 現状と課題`);
      assert.ok((policy.texts.取組の方向性 ?? "").length > 50, `${policy.key} 取組の方向性`);
      assert.ok(policy.description, `${policy.key} description`);
    }
    // 取組方針4's 取組の方向性 goes on after the footnotes of its page: four bullets, not three.
    assert.equal(doc.items[3]!.texts.取組の方向性!.split("\n").length, 4);
  });

  test("item and indicator counts as in the seed", () => {
    const { doc, text } = readSeedDocument();
    // 4 取組方針; 12 Ⅰ/Ⅱ… headings (3 + 3 + 2 + 4); 50 numbered rows (13 + 13 + 8 + 16);
    // 44 ①/(1)/(①) rows (10 + 8 + 16 + 10).
    assert.deepEqual(depthCounts(doc.items), [4, 12, 50, 44]);
    const all = flatten(doc.items);
    assert.equal(all.length, 110);
    // 83 items carry a 目標 row: 21 + 19 + 20 + 23 per 取組方針.
    assert.deepEqual(
      doc.items.map((p) => flatten([p]).filter((i) => i.indicators.length > 0 || i.crossListingOf).length),
      [21, 19, 20, 23],
    );
    const targetRows = text.split("\n").filter((l) => l.startsWith("目標\t")).length;
    assert.equal(targetRows, 83);
    // One of the 83 rows belongs to the 再掲 copy and stays with the original.
    assert.equal(
      all.reduce((n, i) => n + i.indicators.length, 0),
      82,
    );
    assert.equal(new Set(all.map((i) => i.key)).size, all.length, "keys are unique");
    assert.deepEqual(
      byKey(doc, "1-II").children.map((c) => c.key),
      ["1-II-1", "1-II-2", "1-II-3", "1-II-4"],
    );
    assert.equal(byKey(doc, "1-II-2").children.length, 6);
  });

  test("several 所管 per item, under their bureau", () => {
    const { doc } = readSeedDocument();
    const ud = byKey(doc, "1-III-4");
    assert.deepEqual(ud.departments, [
      "総務局/行政部",
      "総務局/広報部",
      "まちづくり政策局/政策企画部",
      "保健福祉局/障がい保健福祉部",
    ]);
    assert.equal(ud.attributes.所管, "総) 行政部、総) 広報部、 政) 政策企画部、 保) 障がい保健福祉部");
    const gyosei = doc.departments.find((d) => d.key === "総務局/行政部");
    assert.deepEqual(gyosei, {
      key: "総務局/行政部",
      name: "行政部",
      kind: "部",
      parent: "総務局",
      names: [],
    });
    assert.deepEqual(
      doc.departments.find((d) => d.key === "総務局"),
      { key: "総務局", name: "総務局", kind: "局", names: [] },
    );
    // Full-width parentheses (総）行政部) and the 所管 sharing its cell with the departments.
    assert.ok(byKey(doc, "1-II-1").departments.includes("総務局/行政部"));
    assert.deepEqual(byKey(doc, "3-II-1-②").departments, [
      "デジタル戦略推進局/スマートシティ推進部",
      "まちづくり政策局/政策企画部",
      "経済観光局/経済戦略推進部",
    ]);
    // A committee's office is written without a bureau.
    assert.deepEqual(byKey(doc, "4-I-2").departments, ["人事委員会事務局"]);
    // 保) 総務部 and 水) 総務部 are different departments.
    assert.ok(doc.departments.some((d) => d.key === "保健福祉局/総務部"));
    assert.ok(doc.departments.some((d) => d.key === "水道局/総務部"));
    for (const d of doc.departments) {
      if (d.parent)
        assert.ok(
          doc.departments.some((p) => p.key === d.parent),
          `${d.key} parent`,
        );
    }
  });

  test("baselines are FY2022, targets FY2027, numbers and words", () => {
    const { doc } = readSeedDocument();
    const hp = byKey(doc, "1-III-1").indicators[0]!;
    assert.equal(hp.key, "1-III-1/目標");
    assert.deepEqual(
      { ...hp.baselines[0]!, source: undefined },
      {
        text: "2,273,760人",
        kind: "number",
        number: 2273760,
        unit: "人",
        fiscalYear: 2022,
        source: undefined,
      },
    );
    assert.equal(hp.targets[0]!.kind, "value_by_year");
    assert.equal(hp.targets[0]!.number, 2728512);
    assert.equal(hp.targets[0]!.fiscalYear, 2027);
    assert.equal(hp.baselines[0]!.source?.line, 184);

    // Values on the line under the header: 2億2千万枚 → 1億7千万枚.
    const paper = byKey(doc, "2-II-2-①").indicators[0]!;
    assert.equal(paper.baselines[0]!.number, 220_000_000);
    assert.equal(paper.targets[0]!.number, 170_000_000);
    assert.equal(paper.baselines[0]!.source?.line, 307);

    // Word targets: a stage, a direction, a relative change.
    const ud = byKey(doc, "1-III-4").indicators[0]!;
    assert.deepEqual([ud.baselines[0]!.kind, ud.baselines[0]!.stage], ["stage", "実施"]);
    assert.deepEqual(
      [ud.targets[0]!.kind, ud.targets[0]!.stage, ud.targets[0]!.fiscalYear],
      ["stage", "充実", 2027],
    );
    assert.equal(byKey(doc, "4-I-2").indicators[0]!.targets[0]!.kind, "direction");
    const engagement = byKey(doc, "4-IV-1").indicators[0]!.targets[0]!;
    assert.equal(engagement.kind, "relative");
    assert.equal(engagement.relativeToFiscalYear, 2023);
    assert.equal(byKey(doc, "1-II-2-④").indicators[0]!.targets[0]!.kind, "text");

    // — is an empty baseline.
    assert.equal(byKey(doc, "1-II-1").indicators[0]!.baselines[0]!.kind, "empty");
    for (const i of flatten(doc.items).flatMap((x) => x.indicators)) {
      assert.equal(i.baselines[0]!.fiscalYear, 2022, i.key);
    }
  });

  test("the item listed twice is a 再掲 of the first", () => {
    const { doc, findings } = readSeedDocument();
    const copy = byKey(doc, "2-II-1-①");
    assert.equal(copy.crossListingOf, "1-II-1");
    assert.equal(copy.indicators.length, 0);
    assert.equal(byKey(doc, "1-II-1").indicators.length, 1);
    assert.equal(flatten(doc.items).filter((i) => i.crossListingOf).length, 1);
    const f = findings.find((x) => x.code === "item.cross-listing");
    assert.equal(f?.line, 279);
    // The copy's title differs from the original by an extraction error (CoE / CDE).
    assert.ok(findings.some((x) => x.code === "item.cross-listing-differs" && x.line === 279));
  });

  test("findings: lost value rows, a 2023 target column, the absent 財政運営 section", () => {
    const { findings, path } = readSeedDocument();
    const lines = (code: string) => findings.filter((f) => f.code === code).map((f) => f.line);
    assert.deepEqual(lines("indicator.values-missing"), [161, 164, 167, 170, 174]);
    assert.deepEqual(lines("indicator.target-year"), [161]);
    assert.deepEqual(lines("section.absent"), [8]);
    assert.deepEqual(lines("layout.merged-cell"), [393, 396]);
    assert.deepEqual(lines("department.others"), [321, 347, 502, 517]);
    assert.ok(findings.every((f) => f.file === path));
    assert.equal(lines("value.unreadable").length, 0);
  });

  test("a lost value stays empty and flagged in the document", () => {
    const { doc } = readSeedDocument();
    const lost = byKey(doc, "1-II-3-②").indicators[0]!;
    assert.equal(lost.baselines[0]!.text, "");
    assert.ok(lost.baselines[0]!.unreadable);
    assert.ok(lost.targets[0]!.unreadable);
  });
});

describe("parseDepartments", () => {
  test("expands the bureau abbreviations and notes ほか", () => {
    assert.deepEqual(parseDepartments("総) 行政部"), {
      refs: [{ bureau: "総務局", name: "行政部" }],
      others: false,
    });
    assert.deepEqual(parseDepartments("総）行政部、 子) 子育て支援部 ほか"), {
      refs: [
        { bureau: "総務局", name: "行政部" },
        { bureau: "子ども未来局", name: "子育て支援部" },
      ],
      others: true,
    });
    assert.deepEqual(parseDepartments("謎) 何部").refs, [{ unknownAbbreviation: "謎", name: "何部" }]);
  });
});

/** A small chapter in the layout of 002, for the cases the seed does not have. */
const SYNTHETIC = [
  "第3章 行財政運営の取組",
  "1 行政運営の取組",
  "行政運営の取組方針",
  "取組方針1 テストの方針",
  "- 方針の説明。",
  "(2) 具体的な取組",
  "1 テストの方針",
  "現状と課題",
  "- 課題です。",
  "取組の方向性",
  "- 方向性です。",
  "取組内容",
  "I テストの施策",
  "1\tテストの事業\t所管\t総) 行政部、謎) 何部",
  "事業の説明。",
  "目標\tテストの指標\t2022年\t2027年",
  "\t\t1,48,3件\t約100件",
  "2\t二つ目の事業\t所管\t総) 行政部",
  "目標\t二つ目の指標\t2022年 —\t2027年 実施",
  "",
].join("\n");

describe("sapporoReader on synthetic input", () => {
  test("unreadable values stay as written, flagged, with file and line", () => {
    const { document, findings } = sapporoReader.read([{ path: "t.txt", text: SYNTHETIC }]);
    const doc = planDocumentSchema.parse(document);
    const ind = doc.items[0]!.children[0]!.children[0]!.indicators[0]!;
    assert.equal(ind.baselines[0]!.text, "1,48,3件");
    assert.ok(ind.baselines[0]!.unreadable);
    assert.equal(ind.baselines[0]!.number, undefined);
    const unreadable = findings.filter((f) => f.code === "value.unreadable");
    assert.ok(unreadable.some((f) => f.file === "t.txt" && f.line === 17 && f.found === "1,48,3件"));
    assert.ok(findings.some((f) => f.code === "department.unknown-bureau" && f.line === 14));
  });

  const cases: [string, string, RegExp][] = [
    ["empty", "  \n\n", /t\.txt 行 1: .*空/],
    [
      "binary",
      `第3章 行財政運営の取組\n取組方針1 x\n\u0000\u0001\u0002`,
      /t\.txt 行 3: .*テキストではありません/,
    ],
    [
      "another layout",
      "江別市行政改革推進計画の 取組状況\n基本目標1 市民参加\n",
      /t\.txt 行 1: .*形式ではありません/,
    ],
    [
      "truncated inside an item",
      SYNTHETIC.split("\n").slice(0, 18).join("\n"),
      /t\.txt 行 18: .*途中で終わっています/,
    ],
    [
      "truncated before a 取組方針",
      SYNTHETIC.replace("取組方針1 テストの方針", "取組方針1 テストの方針\n取組方針2 次の方針"),
      /t\.txt 行 \d+: 取組方針2 の本文がありません/,
    ],
  ];
  for (const [name, text, message] of cases) {
    test(`bad input (${name}) → refused (invalid_document) naming file and line`, () => {
      assert.throws(
        () => sapporoReader.read([{ path: "t.txt", text }]),
        (e: unknown) =>
          isAppError(e, "invalid_document") && message.test(e.message) && e.findings[0]?.file === "t.txt",
      );
    });
  }

  test("the seed cut in half is reported as truncated", { skip: seedsSkip(SEED) }, () => {
    const seed = readSeed(SEED)!;
    const half = seed.text.split("\n").slice(0, 300).join("\n");
    assert.throws(
      () => sapporoReader.read([{ path: seed.path, text: half }]),
      /取組方針3、取組方針4 の本文がありません/,
    );
  });

  test("detect is false for empty and binary text and never throws", () => {
    assert.equal(sapporoReader.detect({ path: "x", text: "" }), false);
    assert.equal(sapporoReader.detect({ path: "x", text: "\u0000\u0001" }), false);
  });
});
