import assert from "node:assert/strict";
import { test } from "node:test";
import { IMPLEMENTATION_STATUSES } from "./implementation.ts";
import {
  formatChange,
  IMPLEMENTATION_LABELS,
  IMPLEMENTATION_SYMBOLS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  statusText,
} from "./labels.ts";
import { EVALUATION_STATUSES } from "./types.ts";

test("each evaluation status has its Japanese label", () => {
  assert.deepEqual(
    EVALUATION_STATUSES.map((s) => STATUS_LABELS[s]),
    ["達成", "順調", "遅れ", "未達成", "未着手", "データなし", "判定不可"],
  );
});

test("symbols are distinct shapes, so a status never depends on colour alone", () => {
  const symbols = EVALUATION_STATUSES.map((s) => STATUS_SYMBOLS[s]);
  assert.deepEqual(symbols, ["◎", "○", "△", "×", "□", "－", "※"]);
  assert.equal(new Set(symbols).size, symbols.length);
  assert.equal(
    new Set(IMPLEMENTATION_STATUSES.map((s) => IMPLEMENTATION_SYMBOLS[s])).size,
    IMPLEMENTATION_STATUSES.length,
  );
});

test("statusText pairs the symbol with the label", () => {
  assert.equal(statusText("achieved"), "◎ 達成");
  assert.equal(statusText("not_judgeable"), "※ 判定不可");
});

test("着手状況 labels", () => {
  assert.deepEqual(
    IMPLEMENTATION_STATUSES.map((s) => IMPLEMENTATION_LABELS[s]),
    ["未着手", "取組中", "完了", "データなし"],
  );
});

test("増減 is printed with + , ▲ and ±0", () => {
  assert.deepEqual([2, -1, 0].map(formatChange), ["+2", "▲1", "±0"]);
});

test("progress notes: capped beyond 200%, never negative", async () => {
  const { progressNote } = await import("./format.ts");
  assert.equal(progressNote(0.581), "進捗率 58.1%");
  assert.equal(progressNote(2), "進捗率 200%");
  assert.equal(progressNote(8.393), "目標を大きく上回る");
  assert.equal(progressNote(-0.735), "初期値から後退（進捗なし）");
  assert.equal(progressNote(undefined), undefined);
});
