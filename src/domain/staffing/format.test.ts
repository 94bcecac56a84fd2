import assert from "node:assert/strict";
import { test } from "node:test";
import { formatChange, formatCount, formatDecimal } from "./format.ts";

test("counts with separators and ▲ for negatives", () => {
  assert.equal(formatCount(1104), "1,104");
  assert.equal(formatCount(-10), "▲10");
  assert.equal(formatCount(undefined), "");
  assert.equal(formatChange(0), "");
  assert.equal(formatChange(-2), "▲2");
});

test("rates to one decimal", () => {
  assert.equal(formatDecimal(-33.3, 1), "▲33.3");
  assert.equal(formatDecimal(0, 1), "0.0");
  assert.equal(formatDecimal(11, 1), "11.0");
  assert.equal(formatDecimal(null, 1), "");
  assert.equal(formatDecimal(73.16, 2), "73.16");
});
