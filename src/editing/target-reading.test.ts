import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readTargetText } from "./target-reading.ts";

describe("a target as typed, described back", () => {
  test("the notations of the seeds", () => {
    assert.equal(readTargetText("(R5)6,000", "人").description, "令和5年度までに 6,000人 に達する");
    assert.equal(readTargetText("(R1～)13%以上").description, "令和元年度から毎年 13% 以上");
    assert.equal(readTargetText("(初期値より)増加").description, "初期値より増やす");
    assert.equal(readTargetText("縮減").description, "初期値より減らす");
    assert.equal(
      readTargetText("10%増 (2023年度比)").description,
      "2023年度の値から 10% 増".replace("2023年度", "令和5年度"),
    );
    assert.equal(readTargetText("(R3～)実施").description, "令和3年度から毎年 段階「実施」");
    assert.equal(readTargetText("２０分短縮", "分").description, "初期値から 20分 減");
  });

  test("words that are no target and numbers that cannot be read are flagged", () => {
    assert.match(readTargetText("市民サービスの向上に努める").warnings[0]!, /機械的には判定されません/);
    const r = readTargetText("(R5)約6,000");
    assert.equal(r.reading.kind, "text");
    assert.ok(r.warnings.some((w) => /読み取れません/.test(w)));
  });
});
