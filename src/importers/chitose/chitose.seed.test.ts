/**
 * The reader against the real document (seed 003_, read from disk; skipped when absent).
 * The expectations are facts of the document (numbers, names, years, status tags), never its prose:
 * texts are compared with other parts of the same reading or with the seed's own lines.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { isAppError } from "../../core/errors.ts";
import type { Finding } from "../../core/findings.ts";
import { type PlanDocument, planDocumentSchema } from "../../core/plan-document/schema.ts";
import { readSeed, seedsSkip } from "../../testing/seeds.ts";
import { chitoseReader } from "./index.ts";

const skip = seedsSkip("003_");

const TITLES = [
  "情報システム全体の最適化及び情報セキュリティ対策",
  "電子決裁の推進",
  "AI、RPAの利用推進",
  "デジタルツールを活用した業務改革",
  "オープンデータの推進",
  "組織・機構・執務環境の見直し",
  "職員の意識改革の推進",
  "デジタルデバインド対策の実施 (デジタル活用支援)",
  "自治体情報システムの標準化・共通化",
  "行政手続のデジタル化の推進",
];

const DEPARTMENTS = [
  ["行政管理課", "その他システム等所管課"],
  ["主幹（働き方改革推進担当）", "総務課", "会計課", "行政管理課", "その他業務所管課"],
  ["主幹（働き方改革推進担当）", "行政管理課"],
  ["行政管理課", "主幹（働き方改革推進担当）", "職員課"],
  ["行政管理課", "関係課"],
  ["行政管理課", "職員課", "関係課"],
  ["職員課", "行政管理課", "関係課"],
  ["行政管理課"],
  ["行政管理課", "その他システム等所管課"],
  ["行政管理課", "その他業務所管課"],
];

/** Status per plan year R7, R8, R9, R10以降 (undefined: no tag written). */
const PLAN_STATUS: (string | undefined)[][] = [
  ["継続実施", "継続実施", "継続実施", undefined],
  ["実施", "一部実施", "一部実施", "一部実施"],
  ["継続実施", "継続実施", "継続実施", "継続実施"],
  ["継続実施", "継続実施", "継続実施", "継続実施"],
  ["継続実施", "継続実施", "継続実施", "継続実施"],
  ["実施", "実施", "実施", "実施"],
  ["実施", "継続実施", "継続実施", "継続実施"],
  ["実施", "実施", "実施", "実施"],
  ["一部実施", "一部実施", "実施", "実施"],
  ["継続実施", "継続実施", "継続実施", "継続実施"],
];

/** Status of [plan, result] for R4, R5, R6. */
const PAST_STATUS: [string, string][][] = [
  [
    ["継続実施", "継続実施"],
    ["継続実施", "継続実施"],
    ["継続実施", "継続実施"],
  ],
  [
    ["調査検討", "調査検討"],
    ["調査検討", "調査検討"],
    ["調査検討", "調査検討"],
  ],
  [
    ["実施", "実施"],
    ["継続実施", "継続実施"],
    ["継続実施", "継続実施"],
  ],
  [
    ["実施", "実施"],
    ["継続実施", "継続実施"],
    ["継続実施", "継続実施"],
  ],
  [
    ["実施", "実施"],
    ["実施", "実施"],
    ["実施", "実施"],
  ],
  [
    ["実施", "実施"],
    ["実施", "実施"],
    ["実施", "実施"],
  ],
  [
    ["実施", "実施"],
    ["実施", "実施"],
    ["実施", "実施"],
  ],
  [
    ["実施", "実施"],
    ["実施", "実施"],
    ["実施", "実施"],
  ],
  [
    ["調査検討", "調査検討"],
    ["調査検討", "調査検討"],
    ["調査検討", "調査検討"],
  ],
  [
    ["一部実施", "一部実施"],
    ["継続実施", "継続実施"],
    ["継続実施", "継続実施"],
  ],
];

const PLAN_LABELS = ["令和7年度", "令和8年度", "令和9年度", "令和10年度以降"];
const PAST_LABELS = ["令和4年度", "令和5年度", "令和6年度"];

describe("千歳市 行政改革基本方針 (seed 003)", { skip }, () => {
  let doc: PlanDocument;
  let findings: Finding[];
  let lines: string[];
  let path: string;

  before(() => {
    const seed = readSeed("003_")!;
    path = seed.path;
    lines = seed.text.split("\n");
    const r = chitoseReader.read([{ path: seed.path, text: seed.text }]);
    doc = planDocumentSchema.parse(r.document);
    findings = r.findings;
  });

  const item = (n: number) => doc.items[n - 1]!;
  const plan = (n: number, label: string) =>
    item(n).activities.find((a) => a.kind === "plan" && a.yearLabel === label)!;

  test("detect accepts it", () => {
    const seed = readSeed("003_")!;
    assert.equal(chitoseReader.detect({ path: seed.path, text: seed.text }), true);
  });

  test("municipality, plan, period and level", () => {
    assert.deepEqual(doc.municipality, { code: "012246", name: "千歳市" });
    assert.equal(doc.plan.title, "千歳市行政改革基本方針 令和7年度");
    assert.equal(doc.plan.key, "chitose-2025");
    assert.equal(doc.plan.periodStart, 2025);
    assert.equal(doc.plan.periodEnd, 2028);
    assert.deepEqual(doc.plan.levels, ["重点推進項目"]);
    assert.deepEqual(doc.plan.sources, [path]);
  });

  test("ten 重点推進項目 with their numbers and titles", () => {
    assert.equal(doc.items.length, 10);
    assert.deepEqual(
      doc.items.map((i) => i.number),
      TITLES.map((_, i) => `(${i + 1})`),
    );
    assert.deepEqual(
      doc.items.map((i) => i.title),
      TITLES,
    );
    assert.equal(new Set(doc.items.map((i) => i.key)).size, 10);
    for (const i of doc.items) {
      assert.equal(i.attributes["新規・継続"], "継続");
      assert.ok(i.description && i.description.length > 20, `${i.number} 取組内容`);
      assert.ok(i.texts.取組効果, `${i.number} 取組効果`);
      assert.ok(i.texts.備考, `${i.number} 備考`);
      assert.deepEqual(i.children, []);
    }
  });

  test("担当課: several per item, kept as written; generic ones are departments of kind 総称", () => {
    const name = new Map(doc.departments.map((d) => [d.key, d]));
    doc.items.forEach((it, i) => {
      assert.deepEqual(
        it.departments.map((k) => name.get(k)?.name),
        DEPARTMENTS[i],
        `${it.number} 担当課`,
      );
    });
    const kinds = Object.fromEntries(doc.departments.map((d) => [d.name, d.kind]));
    assert.equal(kinds.関係課, "総称");
    assert.equal(kinds.その他システム等所管課, "総称");
    assert.equal(kinds.その他業務所管課, "総称");
    assert.equal(kinds.行政管理課, "課");
    assert.equal(kinds["主幹（働き方改革推進担当）"], "主幹");
    assert.equal(doc.departments.length, new Set(DEPARTMENTS.flat()).size);
  });

  test("plan activities R7, R8, R9, R10以降 per item, with years, labels, statuses and sources", () => {
    doc.items.forEach((it, i) => {
      const plans = it.activities.filter((a) => a.kind === "plan" && a.fiscalYear >= 2025);
      assert.deepEqual(
        plans.map((a) => [a.fiscalYear, a.yearLabel, a.status]),
        PLAN_LABELS.map((l, k) => [2025 + k, l, PLAN_STATUS[i]![k]]),
        `${it.number} 取組計画`,
      );
      for (const a of plans) {
        assert.ok(a.text.length > 0 && a.text !== "同左", `${it.number} ${a.yearLabel} text`);
        assert.doesNotMatch(a.text, /^<(実施|継続実施|一部実施|調査検討)>/);
        assert.equal(a.source?.file, path);
        // the source line is the plan row: it starts with an empty cell and has a cell per year
        const row = lines[a.source!.line! - 1]!;
        assert.ok(row.startsWith("\t"), `${it.number} ${a.yearLabel} source line`);
        assert.match(lines[a.source!.line! - 2]!, /^取組計画\t令和7年度/);
      }
    });
  });

  test("R4–R6: a plan and a result per year, with their tags", () => {
    doc.items.forEach((it, i) => {
      const past = it.activities.filter((a) => a.fiscalYear < 2025);
      assert.deepEqual(
        past.map((a) => [a.fiscalYear, a.yearLabel, a.kind, a.status]),
        PAST_LABELS.flatMap((l, k) => [
          [2022 + k, l, "plan", PAST_STATUS[i]![k]![0]],
          [2022 + k, l, "result", PAST_STATUS[i]![k]![1]],
        ]),
        `${it.number} これまでの取組`,
      );
      for (const a of past) {
        const row = lines[a.source!.line! - 1]!.split("\t");
        assert.equal(row[1], a.yearLabel, `${it.number} ${a.yearLabel} source line`);
        assert.ok(a.text.length > 0);
      }
    });
  });

  test("同左 takes the text (and, without its own tag, the status) of the column on its left; attributes keep it", () => {
    // (2) R10以降 is 同左
    assert.equal(plan(2, "令和10年度以降").text, plan(2, "令和9年度").text);
    assert.equal(item(2).attributes["取組計画 令和10年度以降"], "同左");
    // (5) R9 and R10以降 are both 同左: a chain back to R8
    assert.equal(plan(5, "令和9年度").text, plan(5, "令和8年度").text);
    assert.equal(plan(5, "令和10年度以降").text, plan(5, "令和8年度").text);
    assert.equal(plan(5, "令和10年度以降").status, "継続実施");
    assert.equal(item(5).attributes["取組計画 令和9年度"], "同左");
    // (6) R9 is <実施> 同左: its own tag, the text of R8
    assert.equal(plan(6, "令和9年度").text, plan(6, "令和8年度").text);
    assert.equal(item(6).attributes["取組計画 令和9年度"], "<実施> 同左");
    // (7) R8 is <継続実施> 同左 after an R7 tagged 実施: status its own, text from R7
    assert.equal(plan(7, "令和8年度").text, plan(7, "令和7年度").text);
    assert.equal(plan(7, "令和8年度").status, "継続実施");
    assert.equal(plan(7, "令和7年度").status, "実施");
    // no text stays 同左, and only cells written 同左 are marked
    for (const it of doc.items) {
      for (const a of it.activities) assert.notEqual(a.text, "同左");
      for (const [k, v] of Object.entries(it.attributes)) {
        if (k.startsWith("取組計画 ")) assert.match(v, /同左$/);
      }
    }
    const marked = doc.items.flatMap((it) =>
      Object.keys(it.attributes).filter((k) => k.startsWith("取組計画 ")),
    );
    assert.equal(marked.length, 13);
  });

  test("HTML fragments become plain text; list items are lines starting with ・", () => {
    const html = /<\/?(p|ul|li|div|table|tr|td|th|small|span)\b/;
    for (const it of doc.items) {
      assert.doesNotMatch(it.description ?? "", html, `${it.number} 取組内容`);
      for (const [k, v] of Object.entries(it.texts)) assert.doesNotMatch(v, html, `${it.number} ${k}`);
      for (const a of it.activities)
        assert.doesNotMatch(a.text, html, `${it.number} ${a.yearLabel} ${a.kind}`);
    }
    // (1) R7: an unclosed <ul> of five items without markers
    const r7 = plan(1, "令和7年度").text.split("\n");
    assert.equal(r7.length, 5);
    for (const l of r7) assert.match(l, /^・/);
    // the item with a space inside its brackets stays one item
    const r4 = item(1).activities.find((a) => a.kind === "result" && a.fiscalYear === 2022)!;
    assert.equal(r4.text.split("\n").length, 5);
    // 取組内容 of (1): three paragraphs, three lines
    assert.equal(item(1).description!.split("\n").length, 3);
    // the 備考 table of (1) is held once, as rows
    assert.equal((item(1).texts.備考!.match(/ \| /g) ?? []).length >= 6, true);
  });

  test("findings: title differences with the 2(3) list, table rows extracted twice, a caption in its own row", () => {
    const by = (code: string) => findings.filter((f) => f.code === code);
    assert.deepEqual(
      by("item.title-mismatch").map((f) => [f.line, f.expected, f.found]),
      [
        [390, "デジタルツールを活用した業務改善", "デジタルツールを活用した業務改革"],
        [
          443,
          "デジタルデバイド対策の推進（デジタル活用支援）",
          "デジタルデバインド対策の実施 (デジタル活用支援)",
        ],
      ],
    );
    assert.equal(item(4).attributes.一覧での名称, "デジタルツールを活用した業務改善");
    assert.deepEqual(
      by("row.duplicate-table").map((f) => f.line),
      [358, 359, 360, 361, 362, 400, 401, 402, 403, 404, 405],
    );
    assert.deepEqual(
      by("cell.wrong-row").map((f) => f.line),
      [363],
    );
    assert.match(item(1).texts.備考!, /イメージ/);
    assert.deepEqual(
      by("status.missing").map((f) => f.line),
      [352],
    );
    assert.deepEqual(
      findings.filter((f) => f.severity === "error"),
      [],
    );
    for (const f of findings) {
      assert.equal(f.file, path);
      assert.ok(f.line && f.line > 0);
    }
  });

  test("sections 1–4 are left alone: no item or activity comes from before section 5", () => {
    const section5 = lines.findIndex((l) => /^5 令和7年度業務改革の重点推進項目/.test(l)) + 1;
    assert.ok(section5 > 300);
    for (const it of doc.items) for (const a of it.activities) assert.ok(a.source!.line! > section5);
  });

  test("a truncated copy of the seed is refused, with the line", () => {
    const seed = readSeed("003_")!;
    const cut = (n: number) => seed.text.split("\n").slice(0, n).join("\n");
    // cut inside item (10), after its 取組計画 row
    assert.throws(
      () => chitoseReader.read([{ path: "cut.txt", text: cut(471) }]),
      (e: Error) =>
        isAppError(e, "invalid_document") &&
        /途中で切れて/.test(e.message) &&
        /cut\.txt 行 \d+/.test(e.message),
    );
    // cut after the R6 row of the last item: R5 and R4 missing at the end of the file
    assert.throws(
      () => chitoseReader.read([{ path: "cut.txt", text: cut(474) }]),
      (e: unknown) => isAppError(e, "invalid_document") && /2023年度/.test(e.message),
    );
    // cut before section 5's eighth item: 2(3) announces ten
    assert.throws(
      () => chitoseReader.read([{ path: "cut.txt", text: cut(441) }]),
      (e: unknown) => isAppError(e, "invalid_document") && /7 件/.test(e.message),
    );
    // cut in the middle of the last line's HTML
    const text = seed.text.slice(0, seed.text.lastIndexOf("</p>"));
    assert.throws(
      () => chitoseReader.read([{ path: "cut.txt", text }]),
      (e: unknown) => isAppError(e, "invalid_document") && /閉じていません/.test(e.message),
    );
  });
});
