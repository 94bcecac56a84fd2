import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_STAGE_LADDER, extendLadder } from "./stages.ts";
import { readValue } from "./values.ts";

function num(text: string): [number | undefined, string | undefined] {
  const r = readValue(text);
  assert.equal(r.kind, "number", `${text}: ${JSON.stringify(r)}`);
  assert.equal(r.unreadable, undefined);
  return [r.number, r.unit];
}

describe("readValue: numbers", () => {
  test("the notations of domain.md", () => {
    assert.deepEqual(num("1,483"), [1483, undefined]);
    assert.deepEqual(num("81,571千円"), [81571, "千円"]);
    assert.deepEqual(num("2億2千万枚"), [220_000_000, "枚"]);
    assert.deepEqual(num("1億7千万枚"), [170_000_000, "枚"]);
    assert.deepEqual(num("2,273,760人"), [2273760, "人"]);
    assert.deepEqual(num("52.8%"), [52.8, "%"]);
    assert.deepEqual(num("157.1時間"), [157.1, "時間"]);
    assert.deepEqual(num("3回/年"), [3, "回/年"]);
    assert.deepEqual(num("97回"), [97, "回"]);
    assert.deepEqual(num("▲10"), [-10, undefined]);
    assert.deepEqual(num("△42"), [-42, undefined]);
    assert.deepEqual(num("▲ 33.3"), [-33.3, undefined]);
    assert.deepEqual(num("-5"), [-5, undefined]);
    assert.deepEqual(num("－5"), [-5, undefined]);
    assert.deepEqual(num("+5"), [5, undefined]);
  });

  test("full-width digits, ％, ，, ．, ／", () => {
    assert.deepEqual(num("１２３"), [123, undefined]);
    assert.deepEqual(num("５２．８％"), [52.8, "%"]);
    assert.deepEqual(num("１，４８３件"), [1483, "件"]);
    assert.deepEqual(num("３回／年"), [3, "回/年"]);
    assert.deepEqual(num("▲１０"), [-10, undefined]);
  });

  test("spaces between number and unit (札幌 002)", () => {
    assert.deepEqual(num("34 件"), [34, "件"]);
    assert.deepEqual(num("50,861 時間"), [50861, "時間"]);
  });

  test("decimals as written are kept", () => {
    assert.equal(readValue("143.0時間").decimals, 1);
    assert.equal(readValue("143.0時間").number, 143);
    assert.equal(readValue("1,483").decimals, 0);
  });

  test("currency scales stay units; other magnitudes are expanded", () => {
    assert.deepEqual(num("1,234百万円"), [1234, "百万円"]);
    assert.deepEqual(num("12億円"), [12, "億円"]);
    assert.deepEqual(num("20,000千円"), [20000, "千円"]);
    assert.deepEqual(num("2千万円"), [20_000_000, "円"]);
    assert.deepEqual(num("3.5万人"), [35000, "人"]);
  });

  test("a series label before the number", () => {
    assert.deepEqual(readValue("男性6.9%"), {
      text: "男性6.9%",
      kind: "number",
      number: 6.9,
      unit: "%",
      decimals: 1,
      series: "男性",
    });
    assert.equal(readValue("女性100%").series, "女性");
    assert.equal(readValue("(男性) 6.9%").series, "男性");
    assert.equal(readValue("（女性）１００％").series, "女性");
    assert.equal(readValue("（女性）１００％").number, 100);
  });

  test("(18): an 内数 in parentheses is a number, flagged as parenthesized", () => {
    assert.deepEqual(readValue("(18)"), {
      text: "(18)",
      kind: "number",
      number: 18,
      decimals: 0,
      parenthesized: true,
    });
    assert.equal(readValue("(▲3)").number, -3);
  });

  test("a year label before the value", () => {
    const r = readValue("2022年 30.8%");
    assert.equal(r.number, 30.8);
    assert.equal(r.fiscalYear, 2022);
    assert.equal(readValue("2027 年 130,000 時間").number, 130000);
    assert.equal(readValue("(R5)6,000").fiscalYear, 2023);
    assert.equal(readValue("2022年 —").kind, "empty");
  });
});

describe("readValue: empty, stage, text", () => {
  test("empty marks", () => {
    for (const s of ["", " ", "\u3000", "—", "-", "－", "―", "ー", "/"]) {
      assert.deepEqual(readValue(s), { text: s, kind: "empty" }, JSON.stringify(s));
    }
  });

  test("stage words", () => {
    for (const s of [
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
      assert.deepEqual(readValue(s), { text: s, kind: "stage", stage: s });
    }
    assert.equal(readValue("隨時実施").stage, "随時実施");
    assert.equal(readValue("<継続実施>").stage, "継続実施");
    assert.equal(readValue("実施・完了").kind, "stage");
  });

  test("the ladder given is used", () => {
    assert.equal(readValue("見直し").kind, "text");
    const mine = extendLadder(DEFAULT_STAGE_LADDER, { word: "見直し", sameAs: "実施" });
    assert.deepEqual(readValue("見直し", { ladder: mine }), {
      text: "見直し",
      kind: "stage",
      stage: "見直し",
    });
  });

  test("sentences are text, with the year they name", () => {
    assert.deepEqual(readValue("令和元年度に完了"), {
      text: "令和元年度に完了",
      kind: "text",
      fiscalYear: 2019,
    });
    assert.deepEqual(readValue("タクシー券、ガソリン券の電子申請実施"), {
      text: "タクシー券、ガソリン券の電子申請実施",
      kind: "text",
    });
    assert.equal(readValue("10件の提案があった").kind, "text");
    assert.equal(readValue("10件の提案があった").unreadable, undefined);
    assert.equal(readValue("維持").kind, "text");
  });

  test("a year alone is text, not the number 2022", () => {
    assert.deepEqual(readValue("令和4年度"), { text: "令和4年度", kind: "text", fiscalYear: 2022 });
    assert.equal(readValue("2022").kind, "number");
  });

  test("同左 / 同上", () => {
    assert.deepEqual(readValue("同左"), { text: "同左", kind: "text", sameAs: "left" });
    assert.equal(readValue("同上").sameAs, "above");
  });

  test("text is always the input exactly as given", () => {
    for (const s of [" １，４８３ ", "\t—", "男性6.9%", "1,48,3"]) assert.equal(readValue(s).text, s);
  });
});

describe("readValue: unreadable, never guessed", () => {
  const cases: [string, RegExp][] = [
    ["1,48,3", /カンマの位置/],
    ["12..5", /小数点が続いて/],
    ["1.2.3", /小数点が複数/],
    ["約100", /概数/],
    ["約 100人", /概数/],
    ["おおむね100件", /概数/],
    ["100件程度", /概数/],
    ["30,000件前後", /概数/],
    ["男性約5%", /概数/],
    ["13%以上", /範囲/],
    ["12日以下", /範囲/],
    ["10%増", /増減/],
    ["20分短縮", /増減/],
    ["10～20件", /範囲/],
    ["10〜20件", /範囲/],
    ["2,290人・1,970日", /複数/],
    ["10件(見込み)", /単位として読めません/],
    ["806人※", /単位として読めません/],
    ["100%達成", /単位として読めません/],
    ["2千3千万", /並び/],
    ["99999999999999999", /桁数/],
  ];
  for (const [text, reason] of cases) {
    test(text, () => {
      const r = readValue(text);
      assert.equal(r.kind, "text");
      assert.equal(r.number, undefined, "no guessed number");
      assert.match(r.unreadable ?? "", reason);
      assert.equal(r.text, text);
    });
  }
});
