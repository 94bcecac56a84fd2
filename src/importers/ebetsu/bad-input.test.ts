import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { InputFile } from "../../core/document-reader.ts";
import { isAppError } from "../../core/errors.ts";
import { editSeed, indicator, read, SHEETS, SUMMARY, seed, skipBoth } from "../../testing/ebetsu.ts";
import { readSeed, seedsSkip } from "../../testing/seeds.ts";
import { ebetsuReader } from "./index.ts";

/** A small synthetic sheet document in the 000 layout (7 cells a row); wording made up for the test. */
function sheetsFixture(): InputFile {
  const row = (...cells: string[]) => [...cells, ...Array(7 - cells.length).fill("")].join("\t");
  const lines = [
    "",
    "江別市行政改革推進計画の 取組状況(令和4年度)",
    "",
    "基本目標1 テストの目標",
    "",
    "(1) テストの方針",
    "",
    row("取組項目", "①テストの項目"),
    row("取組内容", "テストの内容。"),
    row("指標①", "テストの件数", "", "", "", "所管課", "総)総務課"),
    row("", "初期値(2017年度)", "令和元年度", "令和2年度", "令和3年度", "令和4年度", "令和5年度"),
    row("", "10件", "", "", "", "", "20件"),
    row("実績値①", "", "11件", "12,34,5件", "13件", "14件"),
    row("令和4年度取組状況", "テストの状況。"),
    row("実績値を踏まえた令和5年度の取組内容", "テストの予定。"),
  ];
  return { path: "fixture-000.txt", text: lines.join("\n") };
}

/** The fixture with its last n lines removed, or its last line cut after k cells. */
function cut(file: InputFile, lines: number, cells?: number): InputFile {
  const all = file.text.split("\n");
  const kept = all.slice(0, all.length - lines);
  if (cells !== undefined) kept.push(all[all.length - lines]!.split("\t").slice(0, cells).join("\t"));
  return { path: file.path, text: kept.join("\n") };
}

function throwsImport(files: InputFile[], pattern: RegExp) {
  assert.throws(
    () => ebetsuReader.read(files),
    (e: unknown) => {
      assert.ok(isAppError(e, "invalid_document"), String(e));
      assert.match(e.message, pattern);
      return true;
    },
  );
}

describe("Ebetsu reader: bad input", () => {
  test("the synthetic fixture reads, and an unreadable value is kept as written, flagged and reported", () => {
    const { doc, findings } = read([sheetsFixture()]);
    const ind = indicator(doc, "1-1-1-i1");
    const odd = ind.actuals.find((a) => a.fiscalYear === 2020)!;
    assert.equal(odd.text, "12,34,5件");
    assert.equal(odd.kind, "text");
    assert.ok(odd.unreadable);
    const f = findings.find((x) => x.code === "value.unreadable");
    assert.equal(f?.file, "fixture-000.txt");
    assert.equal(f?.line, 13);
    assert.equal(f?.found, "12,34,5件");
    assert.deepEqual(
      ind.targets.map((t) => [t.number, t.fiscalYear]),
      [[20, 2023]],
    );
  });

  test("no file, an empty file, a blank file", () => {
    throwsImport([], /ファイルが指定されていません/);
    throwsImport([{ path: "empty.txt", text: "" }], /empty\.txt: ファイルが空です/);
    throwsImport([{ path: "blank.txt", text: "\n \t\n" }], /blank\.txt: ファイルが空です/);
  });

  test("binary garbage, with the line where it starts", () => {
    throwsImport(
      [{ path: "x.bin", text: "PK\u0003\u0004\u0000\u0000\uFFFD\uFFFD" }],
      /x\.bin 行 1: .*バイナリ/,
    );
    const fixture = sheetsFixture();
    const spoiled = {
      path: fixture.path,
      text: fixture.text.replace("テストの内容。", "\uFFFD\uFFFD\u0001"),
    };
    throwsImport([spoiled], /fixture-000\.txt 行 9: .*バイナリ/);
    assert.equal(ebetsuReader.detect({ path: "x.bin", text: "\u0000\u0000江別市" }), false);
  });

  test("a file of another layout", () => {
    const csv = { path: "other.csv", text: "name,value\nfoo,1\n" };
    assert.equal(ebetsuReader.detect(csv), false);
    throwsImport([csv], /other\.csv 行 1: 江別市の取組状況の個票・一覧のどちらの形式でもありません/);
    // With a good file beside it, nothing is read either.
    throwsImport([sheetsFixture(), csv], /other\.csv/);
  });

  test("a truncated sheet file: cut inside a row, or before an indicator is complete", () => {
    throwsImport(
      [cut(sheetsFixture(), 1, 1)],
      /fixture-000\.txt 行 15: 表の行の列数が 1 です（7 のはず）。ファイルが途中で切れています/,
    );
    throwsImport([cut(sheetsFixture(), 3, 4)], /行 13: 表の行の列数が 4 です.*途中で切れています/);
    throwsImport(
      [cut(sheetsFixture(), 2)],
      /取組状況・次年度の取組内容がありません。ファイルが途中で切れています/,
    );
    throwsImport([cut(sheetsFixture(), 5)], /年度の見出し行がありません。ファイルが途中で切れています/);
  });

  test("two files of one kind, or of different years", () => {
    throwsImport(
      [sheetsFixture(), { ...sheetsFixture(), path: "again.txt" }],
      /again\.txt: fixture-000\.txt と同じ個票です/,
    );
  });

  test("the other seeds are not this layout", { skip: seedsSkip("002_") }, () => {
    for (const prefix of ["002_", "003_", "004_"]) {
      const other = readSeed(prefix);
      if (!other) continue;
      assert.equal(ebetsuReader.detect(other), false, prefix);
      throwsImport([other], /どちらの形式でもありません/);
    }
  });

  test("truncated seeds", { skip: skipBoth }, () => {
    const sheets = seed(SHEETS);
    const lines = sheets.text.split("\n");
    // Cut in the middle of line 107 (an actuals row): the row is short.
    const mid = [...lines.slice(0, 106), lines[106]!.split("\t").slice(0, 3).join("\t")].join("\n");
    throwsImport(
      [{ path: sheets.path, text: mid }],
      /行 107: 表の行の列数が 3 です（7 のはず）。ファイルが途中で切れています/,
    );
    // Cut after line 105 (a year header): the indicator has no values, no 取組状況.
    throwsImport([{ path: sheets.path, text: lines.slice(0, 105).join("\n") }], /途中で切れています/);
    // With the summary beside it: still refused, never half a plan.
    throwsImport([{ path: sheets.path, text: mid }, seed(SUMMARY)], /行 107/);

    const summary = seed(SUMMARY);
    const rows = summary.text.split("\n");
    const half = [...rows.slice(0, 20), rows[20]!.split("\t").slice(0, 6).join("\t")].join("\n");
    throwsImport(
      [{ path: summary.path, text: half }],
      /行 21: 表の行の列数が 6 です（12 のはず）。ファイルが途中で切れています/,
    );
    throwsImport(
      [{ path: summary.path, text: rows.slice(0, 30).join("\n") }],
      /末尾の注記.*途中で切れています/,
    );
  });

  test("sheets and summary of different years are refused", { skip: skipBoth }, () => {
    const summary = editSeed(SUMMARY, 3, (l) => l.replace("令和4年度", "令和5年度"));
    throwsImport([seed(SHEETS), summary], /一覧は 2023年度、個票.*は 2022年度/);
  });

  test("an unreadable value on a seed is kept, flagged and reported against the summary", {
    skip: skipBoth,
  }, () => {
    const sheets = editSeed(SHEETS, 14, (l) => l.replace("26,684", "26,68,4"));
    const { doc, findings } = read([sheets, seed(SUMMARY)]);
    const a = indicator(doc, "1-1-1-i1").actuals.find((x) => x.fiscalYear === 2022)!;
    assert.equal(a.text, "26,68,4");
    assert.ok(a.unreadable);
    assert.ok(findings.some((f) => f.code === "value.unreadable" && f.line === 14 && f.file === sheets.path));
    assert.ok(findings.some((f) => f.code === "summary.mismatch" && f.line === 6 && f.found === "26,684"));
  });
});
