/**
 * The reader on small synthetic documents (test-fixture.ts): structure, 同左, and bad or odd input.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { InputFile } from "../../core/document-reader.ts";
import { type AppError, isAppError } from "../../core/errors.ts";
import type { Finding } from "../../core/findings.ts";
import { planDocumentSchema } from "../../core/plan-document/schema.ts";
import { fixtureItems, fixtureText, itemLines, PLAN_YEARS } from "../../testing/chitose-fixture.ts";
import { readSeed, seedsSkip } from "../../testing/seeds.ts";
import { chitoseReader } from "./index.ts";
import { departmentKind, splitDepartments } from "./layout.ts";

const file = (text: string, path = "fixture.txt"): InputFile => ({ path, text });
const read = (text: string) => chitoseReader.read([file(text)]);
const codes = (fs: Finding[]) => fs.map((f) => f.code);

/** Asserts a refusal (invalid_document) whose message matches and names the file. */
function refuses(text: string, pattern: RegExp): AppError {
  let caught: unknown;
  try {
    read(text);
  } catch (e) {
    caught = e;
  }
  assert.ok(
    isAppError(caught, "invalid_document"),
    `expected a refusal (invalid_document), got ${String(caught)}`,
  );
  assert.match(caught.message, pattern);
  assert.match(caught.message, /fixture\.txt/);
  assert.ok(caught.findings.length > 0 && caught.findings.every((f) => f.file === "fixture.txt"));
  return caught;
}

describe("chitoseReader on a synthetic document", () => {
  test("id, label, detect", () => {
    assert.equal(chitoseReader.id, "chitose");
    assert.equal(chitoseReader.label, "千歳市 行政改革基本方針（重点推進項目）");
    assert.equal(chitoseReader.detect(file(fixtureText())), true);
  });

  test("reads items, departments, activities; the result is schema-valid", () => {
    const { document, findings } = read(fixtureText());
    const doc = planDocumentSchema.parse(document);
    assert.deepEqual(findings, []);
    assert.equal(doc.plan.periodStart, 2025);
    assert.equal(doc.plan.periodEnd, 2028);
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.title]),
      [
        ["(1)", "試験項目アルファ"],
        ["(2)", "試験項目ベータ"],
      ],
    );
    assert.deepEqual(
      doc.departments.map((d) => [d.name, d.kind]),
      [
        ["甲課", "課"],
        ["主幹（乙担当）", "主幹"],
        ["関係課", "総称"],
        ["丙課", "課"],
      ],
    );
    const a = doc.items[0]!;
    assert.deepEqual(
      a.activities.map((x) => [x.fiscalYear, x.yearLabel, x.kind, x.status, x.text, x.source?.line]),
      [
        [2022, "令和4年度", "plan", "調査検討", "計画よん", 40],
        [2022, "令和4年度", "result", "調査検討", "実績よん", 40],
        [2023, "令和5年度", "plan", "調査検討", "計画ご", 39],
        [2023, "令和5年度", "result", "一部実施", "実績ご", 39],
        [2024, "令和6年度", "plan", "実施", "・計画ろく", 38],
        [2024, "令和6年度", "result", "実施", "・実績ろく", 38],
        [2025, "令和7年度", "plan", "実施", "・作業いち\n・作業に", 35],
        [2026, "令和8年度", "plan", "継続実施", "・作業さん", 35],
        [2027, "令和9年度", "plan", "継続実施", "・作業さん", 35],
        [2028, "令和10年度以降", "plan", "一部実施", "・作業さん", 35],
      ],
    );
    assert.deepEqual(a.attributes, {
      "新規・継続": "継続",
      "取組計画 令和9年度": "同左",
      "取組計画 令和10年度以降": "<一部実施> 同左",
    });
    assert.equal(a.description, "試験項目アルファの内容。");
    assert.deepEqual(a.texts, { 取組効果: "・試験項目アルファの効果", 備考: "備考アルファ" });
  });

  test("sections before 5 (staffing tables) are not read as items", () => {
    const doc = read(fixtureText()).document;
    for (const it of doc.items ?? []) for (const x of it.activities ?? []) assert.ok(x.source!.line! > 29);
  });

  test("unknown status tag: reported, kept in the text, no status", () => {
    const items = fixtureItems();
    items[1]!.past[0]!.result = "<検討中> 実績B6";
    const { document, findings } = read(fixtureText(items));
    const f = findings.find((x) => x.code === "status.unknown")!;
    assert.equal(f.found, "<検討中>");
    assert.equal(f.line, 50);
    const r6 = document.items![1]!.activities!.find((x) => x.kind === "result" && x.fiscalYear === 2024)!;
    assert.equal(r6.status, undefined);
    assert.equal(r6.text, "<検討中> 実績B6");
  });

  test("a missing past year and a missing plan year are reported", () => {
    const items = fixtureItems();
    items[0]!.past.splice(1, 1); // no 令和5年度
    const base = fixtureText(items);
    const { findings } = read(base);
    const f = findings.find((x) => x.code === "year.missing")!;
    assert.equal(f.expected, "2023 年度");
    assert.equal(f.found, "令和6年度、令和4年度");
    assert.match(f.subject!, /\(1\)/);

    const noR8 = fixtureText().replace(
      `取組計画\t${PLAN_YEARS.join("\t")}\n\t<実施> ・ベータいち\t<実施> ・ベータに\t<実施> ・ベータさん\t同左`,
      "取組計画\t令和7年度\t令和9年度\t令和10年度以降\n\t<実施> ・ベータいち\t<実施> ・ベータさん\t同左",
    );
    const r = read(noR8);
    const g = r.findings.find((x) => x.code === "year.missing")!;
    assert.equal(g.expected, "2026 年度");
    assert.equal(g.found, "令和9年度");
    assert.deepEqual(
      r.document.items![1]!.activities!.filter((x) => x.fiscalYear >= 2025).map((x) => x.fiscalYear),
      [2025, 2027, 2028],
    );
  });

  test("cells in the wrong row are reported and kept", () => {
    const items = fixtureItems();
    const lines = fixtureText(items).split("\n");
    // a second row under the plan row, a row without year under the past table, a stray labelled-less row
    const planRow = lines.findIndex((l) => l.startsWith("\t<p><実施></p>"));
    lines.splice(planRow + 1, 0, "\t追記いち");
    const r6 = lines.findIndex((l) => l.startsWith("\t令和6年度\t<実施> ・計画ろく"));
    lines.splice(r6 + 1, 0, "\t\t\t続きの実績");
    const remark = lines.findIndex((l) => l.startsWith("備考\t<p>備考アルファ"));
    lines.splice(remark + 1, 0, "迷子のセル\t値");
    const { document, findings } = read(lines.join("\n"));
    const wrong = findings.filter((f) => f.code === "cell.wrong-row");
    assert.deepEqual(
      wrong.map((f) => f.line),
      [planRow + 2, r6 + 2, remark + 2],
    );
    const a = document.items![0]!;
    assert.equal(a.activities!.find((x) => x.fiscalYear === 2025)!.text, "・作業いち\n・作業に\n・追記いち");
    assert.equal(
      a.activities!.find((x) => x.fiscalYear === 2024 && x.kind === "result")!.text,
      "・実績ろく 続きの実績",
    );
    assert.equal(a.texts!.備考, "備考アルファ\n迷子のセル 値");
  });

  test("同左 in the first column has nothing on its left: kept and reported", () => {
    const items = fixtureItems();
    items[1]!.plan[0] = "同左";
    const { document, findings } = read(fixtureText(items));
    assert.ok(codes(findings).includes("same-as-left.no-left"));
    assert.equal(document.items![1]!.activities!.find((x) => x.fiscalYear === 2025)!.text, "同左");
  });

  test("a 同左 result means the same as its plan", () => {
    const items = fixtureItems();
    items[1]!.past[0]!.result = "同左";
    const { document } = read(fixtureText(items));
    const b = document.items![1]!;
    const r6 = b.activities!.filter((x) => x.fiscalYear === 2024);
    assert.equal(r6[1]!.text, r6[0]!.text);
    assert.equal(r6[1]!.status, "継続実施");
    assert.equal(b.attributes!["取組実績 令和6年度"], "同左");
  });

  test("an empty plan cell gives no activity and a finding", () => {
    const items = fixtureItems();
    items[1]!.plan[1] = "";
    const { document, findings } = read(fixtureText(items));
    const f = findings.find((x) => x.code === "activity.empty")!;
    assert.match(f.subject!, /令和8年度の取組計画/);
    assert.deepEqual(
      document.items![1]!.activities!.filter((x) => x.fiscalYear >= 2025).map((x) => x.yearLabel),
      ["令和7年度", "令和9年度", "令和10年度以降"],
    );
  });

  test("a title that differs from the 2(3) list is reported", () => {
    const text = fixtureText().replace("■ 試験項目ベータ", "■ 試験項目ガンマ");
    const { document, findings } = read(text);
    const f = findings.find((x) => x.code === "item.title-mismatch")!;
    assert.deepEqual([f.expected, f.found], ["試験項目ガンマ", "試験項目ベータ"]);
    assert.equal(document.items![1]!.attributes!.一覧での名称, "試験項目ガンマ");
  });
});

describe("chitoseReader refuses bad input", () => {
  test("empty", () => {
    refuses("", /空/);
    refuses("  \n\n\t\n", /空/);
  });

  test("binary", () => {
    refuses("PK\u0003\u0004\u0000\u0000千歳市", /バイナリ/);
    assert.equal(chitoseReader.detect(file("PK\u0003\u0004\u0000")), false);
  });

  test("not UTF-8 (replacement characters)", () => {
    refuses(fixtureText().replace("事業名", "\ufffd\ufffd\ufffd"), /UTF-8/);
  });

  test("another layout", () => {
    const other = "江別市 行政改革推進計画\n\n基本目標1\t取組項目\t指標\n";
    assert.equal(chitoseReader.detect(file(other)), false);
    refuses(other, /別の形式/);
  });

  test("the cover without section 5", () => {
    const text = fixtureText().split("\n5 令和7年度業務改革の重点推進項目")[0]!;
    assert.equal(chitoseReader.detect(file(text)), false);
    refuses(text, /事業名/);
  });

  test("truncated inside the last item", () => {
    const lines = fixtureText().split("\n");
    const at = lines.findIndex((l) => l.startsWith("事業名\t(2)"));
    refuses(lines.slice(0, at + 5).join("\n"), /途中で切れて/);
    const e = refuses(lines.slice(0, at + 5).join("\n"), /取組効果/);
    assert.ok(e.findings.some((f) => f.line === at + 5));
  });

  test("truncated after a whole item: fewer items than 2(3) announces", () => {
    const items = fixtureItems();
    const text = fixtureText(items, { announced: 3 });
    refuses(text, /2 件.*3 件/);
  });

  test("truncated inside the last past-year table", () => {
    const items = fixtureItems();
    items[1]!.past = items[1]!.past.slice(0, 1);
    delete items[1]!.remarks;
    refuses(fixtureText(items).trimEnd(), /2022年度、2023年度/);
  });

  test("truncated inside an HTML cell on the last line", () => {
    const items = fixtureItems();
    items[1]!.remarks = "<p>途中で";
    refuses(fixtureText(items).trimEnd(), /閉じていません/);
  });

  test("a 事業名 row without a numbered title", () => {
    refuses(fixtureText().replace("事業名\t(2) 試験項目ベータ", "事業名\t試験項目ベータ"), /番号付きの名称/);
  });

  test("no file, or more than one", () => {
    assert.throws(
      () => chitoseReader.read([]),
      (e: unknown) => isAppError(e, "invalid_document"),
    );
    assert.throws(
      () => chitoseReader.read([file(fixtureText()), file(fixtureText(), "b.txt")]),
      /1 つのファイル/,
    );
  });

  test("detect never throws and is specific", () => {
    for (const t of ["", "千歳市", "事業名\t(1) x", fixtureText().replace("千歳市", "恵庭市")]) {
      assert.equal(chitoseReader.detect(file(t)), false);
    }
    assert.equal(chitoseReader.detect({ path: "x", text: undefined as unknown as string }), false);
  });

  test("detect rejects the other seeds", { skip: seedsSkip("000_") }, () => {
    for (const p of ["000_", "001_", "002_", "004_"]) {
      const s = readSeed(p);
      if (s) assert.equal(chitoseReader.detect(file(s.text, s.path)), false, p);
    }
  });
});

describe("helpers", () => {
  test("splitDepartments keeps names as written; commas inside brackets do not split", () => {
    assert.deepEqual(splitDepartments("主幹（甲、乙担当）、総務課,関係課"), [
      "主幹（甲、乙担当）",
      "総務課",
      "関係課",
    ]);
  });

  test("departmentKind", () => {
    assert.equal(departmentKind("関係課"), "総称");
    assert.equal(departmentKind("その他業務所管課"), "総称");
    assert.equal(departmentKind("行政管理課"), "課");
    assert.equal(departmentKind("会計室"), "室");
    assert.equal(departmentKind("主幹（働き方改革推進担当）"), "主幹");
  });

  test("itemLines builds the layout the reader expects", () => {
    assert.match(itemLines(fixtureItems()[0]!)[0]!, /^事業名\t\(1\) /);
  });
});
