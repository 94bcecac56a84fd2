import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateIn, num, series } from "../../testing/values.ts";
import { DEFAULT_STAGE_LADDER } from "../values/index.ts";
import { evaluate } from "./evaluate.ts";
import { EVALUATION_STATUSES } from "./types.ts";

const sns = {
  target: { text: "(R5)6,000", kind: "value_by_year" as const, number: 6000, fiscalYear: 2023 },
  baseline: { ...num(1483), fiscalYear: 2017 },
  actuals: series(2019, [5253, 6825, 10602, 26684]),
  unit: "人",
};

test("the doc comment's example holds", () => {
  const r = evaluate({
    fiscalYear: 2023,
    target: { text: "(R5)6,000", kind: "value_by_year", number: 6000, fiscalYear: 2023 },
    baseline: { text: "1,483", kind: "number", number: 1483, fiscalYear: 2017 },
    actuals: [{ text: "26,684", kind: "number", number: 26684, fiscalYear: 2023 }],
    ladder: DEFAULT_STAGE_LADDER,
    unit: "人",
  });
  assert.equal(r.rule, "目標 6,000人（令和5年度）に対し 26,684人：達成（目標を大きく上回る）");
  assert.equal(r.fiscalYear, 2023);
  assert.equal(r.targetKind, "value_by_year");
  assert.equal(r.actual?.number, 26684);
  assert.equal(r.judgement, undefined);
});

describe("data that cannot be judged or is missing", () => {
  test("a missing year is データなし and a blank cell (—) is too; neither counts as zero", () => {
    const blank = {
      ...sns,
      actuals: [...sns.actuals, { text: "—", kind: "empty" as const, fiscalYear: 2023 }],
    };
    for (const input of [sns, blank]) {
      const r = evaluateIn(input, 2023);
      assert.equal(r.status, "no_data");
      assert.equal(r.comparedWith, undefined);
      assert.equal(r.progressRate, undefined);
    }
  });

  test("a target in words is 判定不可 with the reason", () => {
    const words = {
      target: { text: "窓口サービスのあり方を示す", kind: "text" as const },
      actuals: series(2019, ["検討"]),
    };
    const r = evaluateIn(words, 2019);
    assert.equal(r.status, "not_judgeable");
    assert.equal(
      r.rule,
      "目標「窓口サービスのあり方を示す」：判定不可（目標が数値や段階ではない文章のため、機械的には判定できません）",
    );
  });

  test("an unreadable target is 判定不可 with the reader's reason", () => {
    const r = evaluateIn(
      { ...sns, target: { text: "(R5)六千", kind: "value_by_year", unreadable: "数値を読めません" } },
      2022,
    );
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "目標を読み取れません（数値を読めません）");
  });

  test("an unreadable actual is 判定不可 with the reader's reason, kept as written", () => {
    const odd = { text: "約2万", kind: "text" as const, unreadable: "概数です", fiscalYear: 2022 };
    const r = evaluateIn({ ...sns, actuals: [odd] }, 2022);
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "実績値を読み取れません（概数です）");
    assert.equal(r.actual?.text, "約2万");
  });

  test("a stage as the actual of a numeric target is 判定不可", () => {
    const r = evaluateIn({ ...sns, actuals: series(2022, ["実施"]) }, 2022);
    assert.equal(r.status, "not_judgeable");
    assert.equal(r.reason, "目標は数値ですが、実績値「実施」は数値ではありません");
  });

  test("two different actuals for one year are 判定不可 rather than a guess", () => {
    const twice = { ...sns, actuals: [...series(2022, [26684]), ...series(2022, [10602])] };
    const r = evaluateIn(twice, 2022);
    assert.equal(r.status, "not_judgeable");
    assert.match(r.reason!, /令和4年度の実績値が食い違って複数あります/);
  });

  test("the same actual twice (from 000 and 001) is fine", () => {
    const twice = { ...sns, actuals: [...series(2022, [26684]), ...series(2022, [26684])] };
    assert.equal(evaluateIn(twice, 2022).status, "on_track");
  });

  test("an actual in another unit than the target is 判定不可", () => {
    const money = {
      target: {
        text: "(R5)90,000千円",
        kind: "value_by_year" as const,
        number: 90000,
        unit: "千円",
        fiscalYear: 2023,
      },
      baseline: { ...num(81571, "千円"), fiscalYear: 2017 },
      actuals: series(2022, [358336000], "円"),
    };
    assert.equal(evaluateIn(money, 2022).reason, "実績値の単位（円）が目標の単位（千円）と違います");
  });
});

test("ふるさと納税の収納額 (R5)90,000千円 from 81,571千円: R1–R4 all 順調, units printed as 千円", () => {
  const furusato = {
    target: {
      text: "(R5)90,000千円",
      kind: "value_by_year" as const,
      number: 90000,
      unit: "千円",
      fiscalYear: 2023,
    },
    baseline: { ...num(81571, "千円"), fiscalYear: 2017 },
    actuals: series(2019, [130515, 394921, 282448, 358336], "千円"),
  };
  const r = evaluateIn(furusato, 2022);
  assert.equal(r.status, "on_track");
  assert.match(
    r.rule,
    /^目標 90,000千円（令和5年度）に向けた令和4年度の目安 88,595.2千円に対し 358,336千円：順調/,
  );
});

test("every result has one of the seven statuses and a non-empty rule", () => {
  const cases = [2018, 2019, 2022, 2023, 2030].map((y) => evaluateIn(sns, y));
  for (const r of cases) {
    assert.ok(EVALUATION_STATUSES.includes(r.status));
    assert.equal(r.status, r.computedStatus);
    assert.ok(r.rule.length > 0);
  }
});
