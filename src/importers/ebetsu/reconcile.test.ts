import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  actuals,
  editSeed,
  indicator,
  indicators,
  leaves,
  read,
  SHEETS,
  SUMMARY,
  seed,
  skipBoth,
} from "../../testing/ebetsu.ts";

const both = () => read([seed(SHEETS), seed(SUMMARY)]);

describe("Ebetsu sheets (000) and summary (001) together", { skip: skipBoth }, () => {
  test("the same tree as the sheets: 3 / 23 / 29, descriptions kept; order of files does not matter", () => {
    const { doc } = both();
    assert.equal(doc.items.length, 3);
    assert.equal(leaves(doc).length, 23);
    assert.equal(indicators(doc).length, 29);
    assert.ok(leaves(doc).every((i) => i.description));
    const reversed = read([seed(SUMMARY), seed(SHEETS)]);
    assert.deepEqual(reversed.doc.items, doc.items);
  });

  test("the summary fills the actuals the sheets lost, with the summary line as source", () => {
    const { doc, findings } = both();
    const furusato = indicator(doc, "3-1-2-i1");
    assert.equal(furusato.name, "ふるさと納税の収納額");
    assert.deepEqual(
      furusato.actuals.map((a) => [a.fiscalYear, a.number, a.unit]),
      [
        [2019, 130515, "千円"],
        [2020, 394921, "千円"],
        [2021, 282448, "千円"],
        [2022, 358336, "千円"],
      ],
    );
    assert.ok(furusato.actuals.every((a) => a.source?.file.includes(SUMMARY) && a.source.line === 25));
    assert.deepEqual(
      indicator(doc, "2-2-1-i1").actuals.map((a) => [a.number, a.unit]),
      [
        [7, "件"],
        [11, "件"],
        [14, "件"],
        [10, "件"],
      ],
    );
    assert.deepEqual(
      indicator(doc, "3-1-2-i2").actuals.map((a) => a.number),
      [98.1, 97.8, 98.3, 98.3],
    );
    assert.equal(indicator(doc, "3-1-2-i2").name, "市税の収納率");
    const filled = findings.filter((f) => f.code === "summary.filled").map((f) => f.line);
    for (const line of [12, 25, 26]) assert.ok(filled.includes(line), `filled from line ${line}`);
  });

  test("the 女性 series gets its baseline and target from the summary", () => {
    const { doc } = both();
    const child = indicator(doc, "2-3-1-i1");
    const base = child.baselines.find((b) => b.series === "女性");
    assert.equal(base?.number, 100);
    assert.equal(base?.fiscalYear, 2017);
    assert.equal(base?.source?.line, 15);
    assert.equal(child.targets.find((t) => t.series === "女性")?.fromFiscalYear, 2019);
  });

  test("the shifted rows are recognised by their figures, with the right lines", () => {
    const { findings } = both();
    const shifted = findings.filter((f) => f.code === "summary.shifted-row");
    assert.deepEqual(
      shifted.map((f) => f.line),
      [16, 17],
    );
    const [leave, overtime] = shifted as [(typeof shifted)[number], (typeof shifted)[number]];
    assert.match(leave.expected!, /年次休暇平均取得日数/);
    assert.match(leave.found!, /職員1人当たりの年間時間外勤務時間数/);
    assert.match(leave.message, /2-3-1-i2/);
    assert.match(overtime.message, /2-3-2-i1/);
    // The figures agree with their own indicators: no mismatch on those indicators.
    const mismatches = findings.filter((f) => f.code === "summary.mismatch");
    assert.ok(!mismatches.some((f) => f.line === 16 || f.line === 17));
    assert.deepEqual(
      findings.filter((f) => f.code === "summary.misplaced-label").map((f) => f.line),
      [9, 12],
    );
  });

  test("each figure of a shifted row ends at its own indicator (actuals blanked on the sheet)", () => {
    // Blank 年次休暇's actuals on the sheet (line 99): the summary's row 16, labelled 時間外勤務, must fill them.
    const sheets = editSeed(SHEETS, 99, (l) =>
      l
        .split("\t")
        .map((c, i) => (i >= 2 && i <= 5 ? "" : c))
        .join("\t"),
    );
    const { doc, findings } = read([sheets, seed(SUMMARY)]);
    const leave = indicator(doc, "2-3-1-i2");
    assert.deepEqual(actuals(leave), ["2019=11.7日", "2020=12.3日", "2021=12.6日", "2022=13.3日"]);
    assert.ok(leave.actuals.every((a) => a.source?.line === 16));
    const overtime = indicator(doc, "2-3-2-i1");
    assert.deepEqual(actuals(overtime), [
      "2019=149.6時間",
      "2020=143.0時間",
      "2021=143.2時間",
      "2022=157.1時間",
    ]);
    assert.ok(overtime.actuals.every((a) => a.source?.line === 107));
    const comm = indicator(doc, "2-4-1-i1");
    assert.deepEqual(actuals(comm), ["2019=70.3%", "2020=68.9%", "2021=69.4%", "2022=64.7%"]);
    assert.ok(findings.some((f) => f.code === "summary.filled" && f.line === 16));
  });

  test("a sheet value is never overwritten: the difference is a finding", () => {
    const { doc, findings } = both();
    const transfer = indicator(doc, "2-5-2-i1");
    assert.equal(transfer.actuals.find((a) => a.fiscalYear === 2021)?.text, "実施");
    const m = findings.find((f) => f.code === "summary.mismatch");
    assert.ok(m);
    assert.equal(m.line, 20);
    assert.equal(m.expected, "実施");
    assert.equal(m.found, "検討・実施");
    // A changed figure on the sheet: the sheet's value stays, the summary's is reported.
    const edited = editSeed(SHEETS, 14, (l) => l.replace("26,684", "26,000"));
    const r = read([edited, seed(SUMMARY)]);
    assert.equal(indicator(r.doc, "1-1-1-i1").actuals.find((a) => a.fiscalYear === 2022)?.number, 26000);
    const f = r.findings.find((x) => x.code === "summary.mismatch" && x.line === 6);
    assert.equal(f?.expected, "26,000");
    assert.equal(f?.found, "26,684");
  });

  test("every finding names its file and line, in Japanese", () => {
    const { findings } = both();
    assert.ok(findings.length > 0);
    for (const f of findings) {
      assert.ok(f.file.includes(SHEETS) || f.file.includes(SUMMARY), f.code);
      assert.ok(f.line && f.line > 0, `${f.code} has a line`);
      assert.match(f.message, /[\u3040-\u30FF\u4E00-\u9FFF]/);
    }
  });

  test("only the expected kinds of findings on the seeds", () => {
    const { findings } = both();
    const codes = [...new Set(findings.map((f) => f.code))].sort();
    assert.deepEqual(codes, [
      "sheet.markup-removed",
      "summary.filled",
      "summary.mismatch",
      "summary.misplaced-label",
      "summary.shifted-row",
    ]);
  });
});
