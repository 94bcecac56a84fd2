import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultRoundYear, isPastDeadline, lastEndedFiscalYear } from "./steps.ts";

test("the last ended fiscal year turns on 1 April", () => {
  assert.equal(lastEndedFiscalYear("2026-12-07"), 2025);
  assert.equal(lastEndedFiscalYear("2026-04-01"), 2025);
  assert.equal(lastEndedFiscalYear("2026-03-31"), 2024);
  assert.equal(lastEndedFiscalYear("2027-01-15"), 2025);
});

test("a new round defaults to the last ended year the plan covers, never a future one", () => {
  const plan = [2022, 2023, 2024, 2025, 2026, 2027];
  assert.equal(defaultRoundYear(plan, "2026-12-07"), 2025);
  assert.equal(defaultRoundYear([2026, 2027], "2026-12-07"), 2026, "a plan that has not had an ended year");
  assert.equal(defaultRoundYear([2019, 2020], "2026-12-07"), 2020);
  assert.equal(defaultRoundYear([], "2026-12-07"), undefined);
});

test("a deadline in the past is refused, today is allowed", () => {
  assert.equal(isPastDeadline("2026-12-06", "2026-12-07"), true);
  assert.equal(isPastDeadline("2026-12-07", "2026-12-07"), false);
  assert.equal(isPastDeadline("2027-06-30", "2026-12-07"), false);
});
