import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_STAGE_LADDER } from "../values/index.ts";
import { implementationStatus, type StageRecord, stageClass } from "./implementation.ts";
import { doneWords, vocabularyLadder } from "./vocabulary.ts";

const statusOf = (fiscalYear: number, records: StageRecord[]) =>
  implementationStatus({ fiscalYear, records, ladder: DEFAULT_STAGE_LADDER });

// 江別市 stage actuals, R1 = 2019.
const openData: StageRecord[] = ["検討", "検討", "実施", "実施"].map((word, i) => ({
  fiscalYear: 2019 + i,
  word,
  source: "オープンデータの共有",
}));
const cloud: StageRecord[] = [{ fiscalYear: 2019, word: "実施・完了", source: "庁内システムのクラウド化" }];

describe("implementationStatus: 着手状況 of one item", () => {
  test("検討 and 実施 are work under way: 取組中", () => {
    assert.equal(statusOf(2019, openData).status, "in_progress");
    const r = statusOf(2022, openData);
    assert.equal(r.status, "in_progress");
    assert.equal(r.explanation, "令和4年度の記録：実施：取組中");
  });

  test("実施・完了 is 完了, and stays 完了 in the later years whose cells are blank", () => {
    assert.equal(statusOf(2019, cloud).status, "completed");
    const later = statusOf(2022, cloud);
    assert.equal(later.status, "completed");
    assert.equal(later.explanation, "令和4年度の記録なし。以前の年度に完了したものを含みます：完了");
  });

  test("an item is 完了 only when each of its sources is", () => {
    assert.equal(statusOf(2022, [...openData, ...cloud]).status, "in_progress");
  });

  test("千歳 status tags: <調査検討> and <継続実施> in one year is 取組中; the tag brackets are read", () => {
    const chitose: StageRecord[] = [
      { fiscalYear: 2024, word: "<調査検討>", source: "activities" },
      { fiscalYear: 2024, word: "<継続実施>", source: "activities" },
    ];
    assert.equal(statusOf(2024, chitose).status, "in_progress");
  });

  test("未着手 / 未実施 everywhere is 未着手", () => {
    const none: StageRecord[] = [
      { fiscalYear: 2024, word: "未着手", source: "a" },
      { fiscalYear: 2024, word: "未実施", source: "b" },
    ];
    assert.equal(statusOf(2024, none).status, "not_started");
  });

  test("one source begun and one not: 取組中", () => {
    const mixed: StageRecord[] = [
      { fiscalYear: 2024, word: "未着手", source: "a" },
      { fiscalYear: 2024, word: "検討", source: "b" },
    ];
    assert.equal(statusOf(2024, mixed).status, "in_progress");
  });

  test("nothing recorded is データなし, never 未着手; an earlier 検討 does not speak for a later year", () => {
    assert.equal(statusOf(2022, []).status, "no_data");
    const r = statusOf(2023, openData);
    assert.equal(r.status, "no_data");
    assert.equal(r.explanation, "令和5年度の記録なし：データなし");
  });

  test("records after the year are ignored", () => {
    assert.equal(statusOf(2018, cloud).status, "no_data");
  });

  test("words not on the ladder are reported and left out", () => {
    const r = statusOf(2021, [
      { fiscalYear: 2021, word: "見直し", source: "a" },
      { fiscalYear: 2021, word: "検討", source: "b" },
    ]);
    assert.equal(r.status, "in_progress");
    assert.deepEqual(r.unrecognized, ["見直し"]);
    assert.match(r.explanation, /段階表にない語（見直し）は判定に使っていません/);
    assert.match(r.explanation, /この年度の記録がないものがあります/);
  });

  test("only unrecognized words: データなし", () => {
    const r = statusOf(2021, [{ fiscalYear: 2021, word: "令和元年度に完了" }]);
    assert.equal(r.status, "no_data");
    assert.deepEqual(r.unrecognized, ["令和元年度に完了"]);
  });
});

test("stageClass: which of 未着手・取組中・完了 a word stands for, with the plan's done words", () => {
  const ladder = vocabularyLadder(DEFAULT_STAGE_LADDER, [
    { label: "検討中" },
    { label: "部分実施" },
    { label: "達成", done: true },
  ]);
  const done = doneWords([{ label: "達成", done: true }]);
  assert.equal(stageClass(ladder, "未着手", done), "not_started");
  assert.equal(stageClass(ladder, "部分実施", done), "in_progress");
  assert.equal(stageClass(ladder, "達成", done), "completed");
  assert.equal(stageClass(ladder, "まだ何もない語", done), null);
});
