import assert from "node:assert/strict";
import { test } from "node:test";
import { staffPer10k } from "./population.ts";

test("staff per 10,000 people (千歳市 図表8)", () => {
  assert.equal(staffPer10k(717, 97_999), 73.16);
  assert.equal(staffPer10k(528, 97_999), 53.88);
  assert.equal(staffPer10k(511, 76_519), 66.78); // 室蘭市
  assert.equal(staffPer10k(473, 70_354), 67.23); // 恵庭市
  assert.equal(staffPer10k(418, 57_645), 72.51); // 石狩市
  assert.equal(staffPer10k(455, 56_903), 79.96); // 北広島市
  assert.equal(staffPer10k(373, 57_645), 64.71);
  assert.equal(staffPer10k(50_344, 7_683_019), 65.53, "II-3 (107団体) 普通会計");
  assert.equal(staffPer10k(40_048, 7_683_019), 52.13, "II-3 (107団体) 一般行政");
});

test("a population of zero is refused", () => {
  assert.throws(() => staffPer10k(10, 0), RangeError);
});
