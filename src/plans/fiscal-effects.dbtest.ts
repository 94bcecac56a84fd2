import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../core/errors.ts";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import type { PlanDocumentInput } from "../core/plan-document/schema.ts";
import type { OpenDatabase } from "../db/database.ts";
import { openTestDatabase, testDatabaseKind } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { exportDocument, importDocuments, listPlans } from "./plans.service.ts";

/** The sample plan with 財政効果額 on two items (one of them a leaf three levels down). */
function withEffects(key: string): PlanDocumentInput {
  const doc = samplePlanDocument({ key });
  const leaf = doc.items![0]!.children![0]!.children![0]!;
  leaf.fiscalEffects = [
    { fiscalYear: 2019, kind: "expenditure_reduction", planned: 1_200, actual: 1_350.5, unit: "千円" },
    {
      fiscalYear: 2020,
      kind: "expenditure_reduction",
      planned: 2.4,
      unit: "百万円",
      note: "委託料の見直し",
      source: { file: "effects.xlsx", sheet: "財政効果額", row: 3 },
    },
    { fiscalYear: 2020, kind: "revenue_increase", actual: 480_000, unit: "円" },
  ];
  doc.items![0]!.fiscalEffects = [{ fiscalYear: 2021, kind: "revenue_increase", planned: 300, unit: "千円" }];
  return doc;
}

describe(`財政効果額 in the plan store on ${testDatabaseKind()}`, () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
  });
  after(async () => {
    await open.close();
  });

  test("import → export keeps every amount, unit, kind and note; again the same", async () => {
    const input = withEffects("effects");
    const [stored] = await importDocuments(open.db, [input]);
    const first = await exportDocument(open.db, stored!.planId);
    assert.deepEqual(first, parsePlanDocument(input));
    const leaf = first!.items[0]!.children[0]!.children[0]!;
    assert.equal(leaf.fiscalEffects?.length, 3);
    assert.equal(leaf.fiscalEffects?.[0]?.actual, 1_350.5);
    assert.equal(leaf.fiscalEffects?.[1]?.actual, undefined, "a missing actual stays missing");
    assert.equal(first!.items[0]!.children[0]!.fiscalEffects, undefined, "none where none was given");
    await importDocuments(open.db, [first]);
    assert.deepEqual(await exportDocument(open.db, stored!.planId), first);
  });

  test("an unknown unit or kind is refused with its JSON path, and nothing is stored", async () => {
    const cases: [string, (d: PlanDocumentInput) => void, RegExp][] = [
      [
        "bad-unit",
        (d) => {
          // biome-ignore lint/suspicious/noExplicitAny: deliberately breaking the document
          (d.items![0]!.fiscalEffects![0] as any).unit = "万円";
        },
        /\$\.items\[0\]\.fiscalEffects\[0\]\.unit/,
      ],
      [
        "bad-kind",
        (d) => {
          // biome-ignore lint/suspicious/noExplicitAny: deliberately breaking the document
          (d.items![0]!.children![0]!.children![0]!.fiscalEffects![2] as any).kind = "歳出";
        },
        /\$\.items\[0\]\.children\[0\]\.children\[0\]\.fiscalEffects\[2\]\.kind/,
      ],
      [
        "negative",
        (d) => {
          d.items![0]!.children![0]!.children![0]!.fiscalEffects![0]!.actual = -5;
        },
        /\$\.items\[0\]\.children\[0\]\.children\[0\]\.fiscalEffects\[0\]\.actual: .*財政効果額は0以上の金額です/,
      ],
      [
        "no-amount",
        (d) => {
          delete d.items![0]!.fiscalEffects![0]!.planned;
        },
        /\$\.items\[0\]\.fiscalEffects\[0\]: planned（計画額）か actual（実績額）/,
      ],
      [
        "twice",
        (d) => {
          d.items![0]!.fiscalEffects!.push({
            fiscalYear: 2021,
            kind: "revenue_increase",
            actual: 1,
            unit: "円",
          });
        },
        /\$\.items\[0\]\.fiscalEffects\[1\]: 2021年度の財政効果額（revenue_increase）が重複/,
      ],
    ];
    for (const [key, breakIt, path] of cases) {
      const doc = withEffects(key);
      breakIt(doc);
      await assert.rejects(importDocuments(open.db, [withEffects(`${key}-ok`), doc]), (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"));
        assert.match(e.message, path);
        return true;
      });
    }
    const keys = (await listPlans(open.db)).map((p) => p.key);
    for (const [key] of cases) {
      assert.ok(!keys.includes(key) && !keys.includes(`${key}-ok`), `${key}: nothing stored`);
    }
  });
});
