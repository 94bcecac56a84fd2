import assert from "node:assert/strict";
import { test } from "node:test";
import { laspeyresSeries } from "./laspeyres.ts";

test("千歳市 R6.4.1: 97.2 against 類似団体平均 98.2 and 全国市平均 98.6", () => {
  const [row] = laspeyresSeries([{ fiscalYear: 2024, own: 97.2, peerAverage: 98.2, nationalAverage: 98.6 }]);
  assert.equal(row!.againstPeers, -1);
  assert.equal(row!.againstNation, -1.4);
  assert.equal(row!.againstState, -2.8);
});

test("sorted by year; missing averages stay missing", () => {
  const rows = laspeyresSeries([
    { fiscalYear: 2024, own: 97.2 },
    { fiscalYear: 2021, own: 98.1, peerAverage: 98.1 },
  ]);
  assert.deepEqual(
    rows.map((r) => [r.fiscalYear, r.againstPeers, r.againstNation]),
    [
      [2021, 0, undefined],
      [2024, undefined, undefined],
    ],
  );
});
