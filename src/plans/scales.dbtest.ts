import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../core/errors.ts";
import type { OpenDatabase } from "../db/database.ts";
import { openTestDatabase, testDatabaseKind } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { sabcScales } from "../testing/scales.ts";
import { exportDocument, importDocuments, listPlans } from "./plans.service.ts";

describe(`the plan's own scales in the store on ${testDatabaseKind()}`, () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
  });
  after(async () => {
    await open.close();
  });

  test("import → export keeps the scales; a plan without them exports none", async () => {
    const doc = samplePlanDocument({ key: "scaled" });
    // biome-ignore lint/suspicious/noExplicitAny: the factory's plan type predates scales
    (doc.plan as any).scales = sabcScales();
    const [stored] = await importDocuments(open.db, [doc]);
    const out = await exportDocument(open.db, stored!.planId);
    assert.deepEqual(out.plan.scales, sabcScales());
    const [again] = await importDocuments(open.db, [out]);
    assert.deepEqual(await exportDocument(open.db, again!.planId), out);
    const [plain] = await importDocuments(open.db, [samplePlanDocument({ key: "plain" })]);
    assert.equal((await exportDocument(open.db, plain!.planId)).plan.scales, undefined);
  });

  test("a scale with unordered thresholds is refused and nothing is stored", async () => {
    const doc = samplePlanDocument({ key: "bad-scale" });
    const scales = sabcScales();
    scales.outcome.grades[1]!.rule = { atLeast: 120 };
    // biome-ignore lint/suspicious/noExplicitAny: see above
    (doc.plan as any).scales = scales;
    await assert.rejects(importDocuments(open.db, [doc]), (e: unknown) => {
      assert.ok(isAppError(e, "invalid_document"));
      assert.match(e.message, /\$\.plan\.scales\.outcome\.grades\[1\]\.rule\.atLeast/);
      return true;
    });
    assert.ok(!(await listPlans(open.db)).some((p) => p.key === "bad-scale"));
  });
});
