import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { samplePlanDocument } from "../../testing/factories.ts";
import { isAppError } from "../errors.ts";
import { readPlanDocument } from "./document.ts";
import type { PlanDocumentInput } from "./schema.ts";

/** The sample document with one indicator whose values are given as text alone. */
function withTextOnly(values: Record<string, unknown>): PlanDocumentInput {
  const doc = samplePlanDocument();
  const item = doc.items![0]!.children![0]!.children![0]!;
  item.indicators = [
    { key: "t-1", name: "財政効果額", unit: "百万円", ...values } as NonNullable<
      typeof item.indicators
    >[number],
  ];
  return doc;
}
const indicatorOf = (doc: ReturnType<typeof readPlanDocument>["document"]) =>
  doc.items[0]!.children[0]!.children[0]!.indicators[0]!;

describe("values given as text alone", () => {
  test("are read with the value reader, and what was understood is stored beside the text", () => {
    const input = withTextOnly({
      baselines: [{ text: "120百万円", fiscalYear: 2018 }],
      targets: [{ text: "5年間で累計500百万円" }, { text: "(R3～)実施" }],
      actuals: [
        { fiscalYear: 2019, text: "▲10百万円" },
        { fiscalYear: 2020, text: "検討" },
        { fiscalYear: 2021, text: "—" },
      ],
    });
    const { document, findings } = readPlanDocument(input, "hand.json");
    const ind = indicatorOf(document);
    assert.deepEqual(ind.baselines[0], {
      text: "120百万円",
      kind: "number",
      number: 120,
      unit: "百万円",
      fiscalYear: 2018,
    });
    assert.deepEqual(ind.targets[0], {
      text: "5年間で累計500百万円",
      kind: "value_by_year",
      number: 500,
      unit: "百万円",
      basis: "period_total",
    });
    assert.deepEqual(ind.targets[1], {
      text: "(R3～)実施",
      kind: "stage",
      stage: "実施",
      fromFiscalYear: 2021,
    });
    assert.deepEqual(
      ind.actuals.map((a) => [a.kind, a.number, a.stage]),
      [
        ["number", -10, undefined],
        ["stage", undefined, "検討"],
        ["empty", undefined, undefined],
      ],
    );
    assert.deepEqual(findings, []);
    assert.equal(
      (input.items![0]!.children![0]!.children![0]!.indicators![0]!.targets![0] as { kind?: string }).kind,
      undefined,
      "the input is not changed",
    );
  });

  test("a word of the plan's own stage list is a stage", () => {
    const input = withTextOnly({
      stages: ["未着手", "部分実施", "達成"],
      actuals: [{ fiscalYear: 2020, text: "部分実施" }],
    });
    const a = indicatorOf(readPlanDocument(input).document).actuals[0]!;
    assert.deepEqual([a.kind, a.stage], ["stage", "部分実施"]);
  });

  test("a text that cannot be read is kept as written, flagged, and reported with its JSON path", () => {
    const input = withTextOnly({ actuals: [{ fiscalYear: 2020, text: "約120百万円" }] });
    const { document, findings } = readPlanDocument(input, "hand.json");
    const a = indicatorOf(document).actuals[0]!;
    assert.equal(a.kind, "text");
    assert.equal(a.text, "約120百万円");
    assert.match(a.unreadable!, /概数/);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.file, "hand.json");
    assert.equal(
      findings[0]!.subject,
      "指標「財政効果額」の実績値（$.items[0].children[0].children[0].indicators[0].actuals[0]）",
    );
    assert.equal(findings[0]!.found, "約120百万円");
  });

  test("a kind given by hand wins; a cumulative basis on a stage target is refused with its path", () => {
    const kept = withTextOnly({ targets: [{ text: "累計500", kind: "text" }] });
    assert.equal(indicatorOf(readPlanDocument(kept).document).targets[0]!.kind, "text");
    const bad = withTextOnly({ targets: [{ text: "(R3～)実施", basis: "cumulative" }] });
    assert.throws(
      () => readPlanDocument(bad, "bad.json"),
      (e: unknown) =>
        isAppError(e, "invalid_document") &&
        /\$\.items\[0\]\.children\[0\]\.children\[0\]\.indicators\[0\]\.targets\[0\]\.basis: 累計・計画期間の目標は数値の目標/.test(
          e.message,
        ),
    );
  });
});
