import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  compareStages,
  DEFAULT_STAGE_LADDER,
  extendLadder,
  findStage,
  normalizeStageWord,
  stageRank,
} from "./stages.ts";

const L = DEFAULT_STAGE_LADDER;

describe("DEFAULT_STAGE_LADDER", () => {
  test("every stage word of the seeds is on it", () => {
    for (const w of [
      "検討",
      "検討・実施",
      "実施",
      "一部実施",
      "充実",
      "推進",
      "強化",
      "設置",
      "構築",
      "運用",
      "活用",
      "完了",
      "随時実施",
      "継続実施",
      "調査検討",
    ]) {
      assert.notEqual(stageRank(L, w), null, w);
    }
  });

  test("the order asked for", () => {
    const order = ["未着手", "検討", "検討・実施", "一部実施", "実施", "継続実施", "充実", "完了"];
    for (let i = 1; i < order.length; i++) {
      assert.equal(compareStages(L, order[i - 1]!, order[i]!), -1, `${order[i - 1]} < ${order[i]}`);
      assert.equal(compareStages(L, order[i]!, order[i - 1]!), 1);
    }
  });

  test("synonyms compare equal", () => {
    for (const [a, b] of [
      ["検討", "調査検討"],
      ["継続実施", "推進"],
      ["推進", "運用"],
      ["運用", "活用"],
      ["充実", "強化"],
      ["実施", "設置"],
      ["実施", "構築"],
      ["実施", "随時実施"],
    ] as const) {
      assert.equal(compareStages(L, a, b), 0, `${a} = ${b}`);
    }
  });

  test("the seeds' judgements", () => {
    // 江別: target (R1～)検討・実施, actual 検討 in R3 → short of it.
    assert.equal(compareStages(L, "検討", "検討・実施"), -1);
    // 江別: target (R3～)実施, actual 検討・実施 → short of it.
    assert.equal(compareStages(L, "検討・実施", "実施"), -1);
    // 札幌: 2022 実施 → 2027 充実: 実施 does not meet 充実.
    assert.equal(compareStages(L, "実施", "充実"), -1);
    assert.equal(compareStages(L, "完了", "充実"), 1);
  });

  test("unknown words are not judged", () => {
    assert.equal(compareStages(L, "実施", "頑張る"), null);
    assert.equal(compareStages(L, "頑張る", "実施"), null);
    assert.equal(stageRank(L, ""), null);
  });

  test("is frozen", () => {
    assert.throws(() => {
      (L.levels as string[][]).push(["x"]);
    });
  });
});

describe("findStage", () => {
  test("variants of writing", () => {
    assert.deepEqual(findStage(L, "<継続実施>"), { stage: "継続実施", rank: stageRank(L, "継続実施") });
    assert.equal(findStage(L, "＜一部実施＞")?.stage, "一部実施");
    assert.equal(findStage(L, "隨時実施")?.stage, "随時実施");
    assert.equal(findStage(L, "検討･実施")?.stage, "検討・実施");
    assert.equal(findStage(L, " 検討 ・ 実施 ")?.stage, "検討・実施");
    assert.equal(findStage(L, "実施済み")?.stage, "実施済");
  });

  test("a compound not on the ladder ranks as its highest part", () => {
    assert.deepEqual(findStage(L, "実施・完了"), { stage: "実施・完了", rank: stageRank(L, "完了") });
    assert.equal(compareStages(L, "調査・検討", "検討"), 0);
    assert.equal(findStage(L, "実施・頑張る"), null);
  });

  test("sentences are not stages", () => {
    assert.equal(findStage(L, "令和元年度に完了"), null);
    assert.equal(findStage(L, "タクシー券、ガソリン券の電子申請実施"), null);
  });
});

describe("extendLadder", () => {
  test("adds synonyms and new levels without changing the base", () => {
    const mine = extendLadder(
      L,
      { word: "見直し", sameAs: "実施" },
      { word: "本格運用", above: "運用" },
      { word: "構想", below: "検討" },
    );
    assert.equal(compareStages(mine, "見直し", "実施"), 0);
    assert.equal(compareStages(mine, "本格運用", "運用"), 1);
    assert.equal(compareStages(mine, "本格運用", "充実"), -1);
    assert.equal(compareStages(mine, "構想", "検討"), -1);
    assert.equal(compareStages(mine, "構想", "未着手"), 1);
    assert.equal(stageRank(L, "見直し"), null);
    assert.equal(mine.levels.length, L.levels.length + 2);
  });

  test("refuses duplicates and unknown references", () => {
    assert.throws(() => extendLadder(L, { word: "実施", sameAs: "完了" }), /すでに/);
    assert.throws(() => extendLadder(L, { word: "新語", above: "存在しない" }), /ありません/);
    assert.throws(() => extendLadder(L, { word: " ", sameAs: "実施" }), /空/);
  });
});

test("normalizeStageWord", () => {
  assert.equal(normalizeStageWord("＜隨時実施＞"), "随時実施");
  assert.equal(normalizeStageWord("【実施】"), "実施");
});
