import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../core/errors.ts";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import type { OpenDatabase } from "../db/database.ts";
import { openTestDatabase, testDatabaseKind } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { exportDocument, importDocuments, listPlans } from "./plans.service.ts";

describe(`plan store on ${testDatabaseKind()}`, () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
  });
  after(async () => {
    await open.close();
  });

  test("import → export gives the document back, and again the same", async () => {
    const input = samplePlanDocument();
    const [stored] = await importDocuments(open.db, [input]);
    assert.equal(stored!.items, 7);
    assert.equal(stored!.indicators, 5);
    const first = await exportDocument(open.db, stored!.planId);
    assert.deepEqual(first, parsePlanDocument(input));
    const [again] = await importDocuments(open.db, [first]);
    assert.equal(again!.planId, stored!.planId, "re-importing the same plan key replaces it in place");
    const second = await exportDocument(open.db, "012173/sample");
    assert.deepEqual(second, first);
  });

  test("lists plans with counts", async () => {
    const plans = await listPlans(open.db);
    const p = plans.find((x) => x.key === "sample")!;
    assert.equal(p.municipalityCode, "012173");
    assert.equal(p.itemCount, 7);
    assert.equal(p.indicatorCount, 5);
    assert.deepEqual([p.periodStart, p.periodEnd], [2019, 2023]);
  });

  test("a malformed document is refused naming the JSON path, and nothing is written", async () => {
    const bad = samplePlanDocument({ key: "broken" });
    // biome-ignore lint/suspicious/noExplicitAny: deliberately breaking the document
    (bad.items![0]!.children![0]!.children![0]!.indicators![0] as any).actuals[0].fiscalYear = "2019";
    await assert.rejects(
      importDocuments(open.db, [samplePlanDocument({ key: "ok-one" }), bad]),
      (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"));
        assert.match(
          e.message,
          /\$\.items\[0\]\.children\[0\]\.children\[0\]\.indicators\[0\]\.actuals\[0\]\.fiscalYear/,
        );
        return true;
      },
    );
    const keys = (await listPlans(open.db)).map((p) => p.key);
    assert.ok(!keys.includes("ok-one"), "the valid document of the same batch was not stored either");
  });

  test("a failure in the middle of storing rolls everything back", async () => {
    const doc = samplePlanDocument({ key: "half" });
    // Valid for the schema but refused by the database (PostgreSQL text cannot hold NUL), in the last
    // rows written: the plan and its items were already inserted when it fails.
    doc.items![1]!.children![0]!.children![0]!.activities![2]!.text = "bad\u0000text";
    await assert.rejects(importDocuments(open.db, [doc]));
    assert.ok(!(await listPlans(open.db)).some((p) => p.key === "half"));
  });

  test("cross-document problems are named: unknown department, duplicate key, bad cross-listing", () => {
    const doc = samplePlanDocument();
    doc.items![0]!.children![0]!.children![0]!.departments = ["無い課"];
    doc.items![1]!.children![0]!.children![1]!.crossListingOf = "9-9";
    doc.items![1]!.key = "1";
    assert.throws(
      () => parsePlanDocument(doc),
      (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"));
        const paths = e.findings.map((f) => f.subject);
        assert.ok(paths.includes("$.items[0].children[0].children[0].departments[0]"));
        assert.ok(paths.includes("$.items[1].key"));
        assert.ok(paths.includes("$.items[1].children[0].children[1].crossListingOf"));
        return true;
      },
    );
  });

  test("an invalid municipality code is refused", () => {
    const doc = samplePlanDocument();
    doc.municipality.code = "012174";
    assert.throws(() => parsePlanDocument(doc), /\$\.municipality\.code/);
  });
});
