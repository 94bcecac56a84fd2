import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createUser } from "../auth/auth.service.ts";
import { parsePlanDocument, walkItems } from "../core/plan-document/document.ts";
import { listPlans } from "../plans/plans.service.ts";
import { importStaffingDocuments } from "../staffing/staffing.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { seedsSkip } from "../testing/seeds.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { demoDocuments, loadDemoIfEmpty } from "./demo.service.ts";

async function withSeeds<T>(dir: string | undefined, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.GYOKAKU_SEEDS;
  if (dir === undefined) delete process.env.GYOKAKU_SEEDS;
  else process.env.GYOKAKU_SEEDS = dir;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.GYOKAKU_SEEDS;
    else process.env.GYOKAKU_SEEDS = saved;
  }
}

test("without the seeds, the bundled demo plans load once, and they hold no prose", async () => {
  const open = await openTestDatabase();
  try {
    const empty = mkdtempSync(join(tmpdir(), "no-seeds-"));
    const first = await withSeeds(join(empty, "absent"), () => loadDemoIfEmpty(open.db));
    assert.equal(first?.from, "bundled");
    assert.equal(first?.stored.length, 4);
    assert.deepEqual(
      first?.staffing.map((s) => [s.municipalityName, s.firstYear, s.lastYear]),
      [["千歳市", 2005, 2025]],
    );
    assert.deepEqual(
      first?.published.map((p) => [p.fiscalYear, p.path]),
      [[2022, "/public/012173/ebetsu-gyokaku-2019/2022/"]],
      "the latest year with figures of each plan with actuals is published for the citizens' pages",
    );
    assert.equal(await loadDemoIfEmpty(open.db), null, "a database with plans is left alone");
    const ebetsu = (await listPlans(open.db)).find((p) => p.municipalityCode === "012173")!;
    assert.equal(ebetsu.indicatorCount, 29);
    for (const raw of demoDocuments()) {
      const doc = parsePlanDocument(raw);
      for (const { item } of walkItems(doc.items)) {
        assert.equal(item.description, undefined);
        assert.deepEqual(item.texts, {});
        assert.ok(item.progress.every((p) => p.narrative === undefined && p.nextYearPlan === undefined));
      }
    }
  } finally {
    await open.close();
  }
});

test("with the seeds at hand, the demo is read from them through the readers", {
  skip: seedsSkip("000_"),
}, async () => {
  const open = await openTestDatabase();
  try {
    const loaded = await withSeeds(undefined, () => loadDemoIfEmpty(open.db));
    assert.equal(loaded?.from, "seeds");
    assert.equal(loaded?.stored.length, 4);
    assert.deepEqual(
      loaded?.staffing.map((s) => [s.municipalityName, s.firstYear, s.lastYear, s.findings.length]),
      [["千歳市", 2005, 2025, 0]],
    );
  } finally {
    await open.close();
  }
});

test("a database with only staffing data or only an account is not empty: no demo data, no demo accounts", async () => {
  for (const fill of ["staffing", "account"] as const) {
    const open = await openTestDatabase();
    try {
      if (fill === "staffing")
        await importStaffingDocuments(open.db, [{ document: sampleStaffingDocument() }]);
      else
        await createUser(open.db, {
          email: "first-admin@city.example.jp",
          name: "最初の管理者",
          role: "admin",
          departments: [],
          municipalityCode: "012173",
          municipalityName: "江別市",
          password: "a-long-password-2026",
        });
      assert.equal(await loadDemoIfEmpty(open.db), null, fill);
      assert.equal((await listPlans(open.db)).length, 0, fill);
    } finally {
      await open.close();
    }
  }
});
