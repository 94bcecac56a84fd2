import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readValue } from "../values/index.ts";
import {
  checkActual,
  DEFAULT_JUMP_FACTOR,
  derivedRule,
  describeRule,
  effectiveRule,
  errorsOf,
  indicatorKind,
  type PlausibilityRule,
  unitKey,
  warningsOf,
} from "./plausibility.ts";

const people = derivedRule({ unit: "人", kind: "number" });
const rate = derivedRule({ unit: "％", kind: "number" });
const hours = derivedRule({ unit: "時間", kind: "number" });

function check(rule: PlausibilityRule, text: string, unit: string, submitting = false, previous?: number) {
  return checkActual(rule, readValue(text), {
    unit,
    submitting,
    previous: previous === undefined ? undefined : { fiscalYear: "令和4年度", number: previous },
  });
}
const severities = (f: { severity: string }[]) => f.map((x) => x.severity);

describe("derived rules", () => {
  test("counted units: whole numbers, never negative", () => {
    assert.deepEqual(people, {
      numeric: true,
      min: 0,
      max: undefined,
      integer: true,
      jumpFactor: DEFAULT_JUMP_FACTOR,
    });
    assert.equal(derivedRule({ unit: "件（累計）", kind: "number" }).integer, true);
    assert.equal(derivedRule({ unit: "千円", kind: "number" }).min, 0);
  });
  test("percentages: 0 to 100, decimals allowed", () => {
    assert.deepEqual([rate.min, rate.max, rate.integer], [0, 100, false]);
    assert.equal(unitKey("％"), "%");
  });
  test("measures: never negative, decimals allowed; unknown units: no limit", () => {
    assert.deepEqual([hours.min, hours.integer], [0, false]);
    const other = derivedRule({ unit: "ポイント", kind: "number" });
    assert.deepEqual([other.min, other.max, other.integer], [undefined, undefined, false]);
  });
  test("stage and text indicators are not checked", () => {
    const stage = derivedRule({ unit: undefined, kind: "stage" });
    assert.equal(stage.numeric, false);
    assert.deepEqual(check(stage, "-5", ""), []);
  });
  test("kind of an indicator", () => {
    assert.equal(indicatorKind({ unit: "人" }), "number");
    assert.equal(indicatorKind({ unit: "人", stages: ["検討", "実施"] }), "stage");
    assert.equal(indicatorKind({ actuals: [{ kind: "number" }] }), "number");
    assert.equal(indicatorKind({ actuals: [{ kind: "text" }] }), "text");
  });
});

describe("the office's changes", () => {
  test("a percentage allowed over 100, a headcount without jump check", () => {
    const more = effectiveRule(rate, { max: null });
    assert.equal(more.max, undefined);
    assert.deepEqual(check(more, "120%", "%"), []);
    assert.equal(effectiveRule(people, { jumpFactor: null }).jumpFactor, undefined);
    assert.equal(effectiveRule(people, { jumpFactor: 1.5 }).jumpFactor, 1.5);
    assert.equal(effectiveRule(people, {}).min, 0);
  });
  test("described in words", () => {
    assert.equal(describeRule(rate, "%"), "0%以上・100%以下・前年度の3倍を超える増減は注意");
    assert.equal(describeRule(derivedRule({ kind: "text" })), "数値の指標ではありません（確認なし）");
  });
});

describe("boundary values", () => {
  test("0 is allowed, a negative headcount is refused with the reason", () => {
    assert.deepEqual(check(people, "0", "人"), []);
    const f = check(people, "-5", "人");
    assert.deepEqual(severities(f), ["error"]);
    assert.match(f[0]!.message, /マイナス/);
    assert.deepEqual(severities(check(people, "▲5", "人")), ["error"]);
  });
  test("100% is allowed, 100.1% is refused", () => {
    assert.deepEqual(check(rate, "100", "%"), []);
    assert.deepEqual(check(rate, "100%", "%"), []);
    const f = check(rate, "100.1", "%");
    assert.deepEqual(severities(f), ["error"]);
    assert.match(f[0]!.message, /上限（100%）/);
  });
  test("full-width digits are read: １２３ for a rate is refused, １２ for a count passes", () => {
    assert.deepEqual(severities(check(rate, "１２３", "%")), ["error"]);
    assert.deepEqual(check(people, "１２", "人"), []);
  });
  test("a fraction of a counted unit is refused", () => {
    assert.deepEqual(severities(check(people, "12.5", "人")), ["error"]);
    assert.deepEqual(check(hours, "150.5", "時間"), []);
  });
  test("empty and 「—」 pass, even on submitting", () => {
    assert.deepEqual(check(people, "", "人", true), []);
    assert.deepEqual(check(people, "—", "人", true), []);
  });
  test("text in a number field: a warning in a draft, an error on submitting", () => {
    for (const text of ["abc", "約100", "検討中"]) {
      assert.deepEqual(severities(check(people, text, "人")), ["warning"], text);
      const f = check(people, text, "人", true);
      assert.deepEqual(severities(f), ["error"], text);
      assert.match(f[0]!.message, /提出できません/);
    }
  });
  test("a jump from last year beyond the factor is a warning, within it nothing", () => {
    assert.deepEqual(check(people, "30", "人", false, 10), []);
    const up = check(people, "31", "人", false, 10);
    assert.deepEqual(severities(up), ["warning"]);
    assert.match(up[0]!.message, /3\.1倍/);
    assert.deepEqual(severities(check(people, "3", "人", false, 10)), ["warning"]);
    assert.deepEqual(check(people, "5", "人", false, 0), []);
  });
  test("limits in another unit are not compared, but negative is negative in any unit", () => {
    const yen = derivedRule({ unit: "円", kind: "number" });
    assert.deepEqual(check(yen, "81,571.5千円", "円"), []);
    assert.deepEqual(severities(check(yen, "▲10千円", "円")), ["error"]);
  });
  test("errors and warnings apart", () => {
    const f = [
      { severity: "error" as const, message: "a" },
      { severity: "warning" as const, message: "b" },
    ];
    assert.equal(errorsOf(f).length, 1);
    assert.equal(warningsOf(f).length, 1);
  });
});
