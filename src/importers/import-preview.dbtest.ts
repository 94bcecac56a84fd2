// Re-imports show their changes first, refuse removals without consent and record every change on its item.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { historyOfItem } from "../audit/audit.service.ts";
import { type AppError, isAppError } from "../core/errors.ts";
import type { OpenDatabase } from "../db/database.ts";
import { exportDocument, importDocuments } from "../plans/plans.service.ts";
import { publishFiscalYear } from "../publish/publish.service.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { seedPath, seedsSkip } from "../testing/seeds.ts";
import { importFiles } from "./import.service.ts";
import { previewImport, touchesYears } from "./import-preview.service.ts";

const json = (name: string, doc: unknown) => ({
  path: name,
  bytes: new TextEncoder().encode(JSON.stringify(doc)),
});

/** The sample with the 2019 value of 1-1-1-i1 changed and, optionally, the progress of 1-1-1 left out. */
function edited(options: { value?: string; dropProgress?: boolean } = {}) {
  const doc = samplePlanDocument();
  const leaf = doc.items![0]!.children![0]!.children![0]!;
  const actual = leaf.indicators![0]!.actuals![0]!;
  if (options.value)
    Object.assign(actual, { text: options.value, number: Number(options.value.replace(",", "")) });
  if (options.dropProgress) leaf.progress = [];
  return doc;
}

describe("import preview and consent (sample plan)", () => {
  let open: OpenDatabase;
  let planId: string;
  before(async () => {
    open = await openTestDatabase();
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    await publishFiscalYear(open.db, { plan: "sample", fiscalYear: 2019 });
  });
  after(async () => open.close());

  test("the preview lists a changed value with before → after, marks the published year, stores nothing", async () => {
    const { plans } = await previewImport(open.db, [json("s.json", edited({ value: "5,300" }))]);
    assert.equal(plans.length, 1);
    const [p] = plans;
    assert.equal(p!.planId, planId);
    assert.deepEqual(p!.tally, { added: 0, changed: 1, removed: 0 });
    const c = p!.changes[0]!;
    assert.deepEqual([c.itemKey, c.indicatorKey, c.fiscalYear], ["1-1-1", "1-1-1-i1", 2019]);
    assert.equal((c.before as { text: string }).text, "5,253");
    assert.equal((c.after as { text: string }).text, "5,300");
    assert.deepEqual(p!.publishedYears, [2019]);
    assert.ok(touchesYears(c, p!.publishedYears));
    const stored = await exportDocument(open.db, "012173/sample");
    assert.equal(stored.items[0]!.children[0]!.children[0]!.indicators[0]!.actuals[0]!.text, "5,253");
  });

  test("storing records each change on its item, with CLI as who and the value before and after", async () => {
    await importFiles(open.db, [json("s.json", edited({ value: "5,300" }))]);
    const office = {
      id: "x",
      municipalityCode: "012173",
      email: "",
      name: "",
      role: "office",
      departmentIds: [],
    } as const;
    const events = await historyOfItem(open.db, office, planId, "1-1-1");
    const change = events.find((e) => e.action === "import.change")!;
    assert.ok(change, "the change is in the item's history");
    assert.equal(change.actorName, "CLI");
    assert.equal(change.fiscalYear, 2019);
    assert.equal((change.before as { text: string }).text, "5,253");
    assert.equal((change.after as { text: string }).text, "5,300");
    assert.match(change.subject, /フォロワー数/);
    assert.match(change.note ?? "", /取込/);
  });

  test("a removal is refused with what it removes, nothing stored; with consent stored and restorable from the history", async () => {
    const doc = edited({ value: "5,300", dropProgress: true });
    await assert.rejects(importFiles(open.db, [json("s.json", doc)]), (e: unknown) => {
      assert.ok(isAppError(e, "invalid_document"));
      assert.match((e as AppError).message, /削除 .*取組状況/);
      assert.match((e as AppError).message, /--allow-removals/);
      return true;
    });
    const kept = await exportDocument(open.db, "012173/sample");
    assert.equal(kept.items[0]!.children[0]!.children[0]!.progress.length, 1, "nothing stored");
    await importFiles(open.db, [json("s.json", doc)], { allowRemovals: true });
    const office = {
      id: "x",
      municipalityCode: "012173",
      email: "",
      name: "",
      role: "office",
      departmentIds: [],
    } as const;
    const removed = (await historyOfItem(open.db, office, planId, "1-1-1")).find(
      (e) => e.action === "import.remove",
    )!;
    assert.deepEqual(
      removed.before,
      { fiscalYear: 2022, narrative: "運用を開始した", nextYearPlan: "拡充する", status: "実施" },
      "the whole progress entry, to restore it",
    );
  });

  test("a previewed import whose plan changed meanwhile is refused (conflict)", async () => {
    const { plans } = await previewImport(open.db, [json("s.json", edited({ value: "5,400" }))]);
    await importFiles(open.db, [json("s.json", edited({ value: "5,500" }))]);
    const expected = new Map(plans.map((p) => [`${p.municipalityCode}/${p.key}`, p.digest]));
    await assert.rejects(
      importFiles(open.db, [json("s.json", edited({ value: "5,400" }))], { expected }),
      (e: unknown) => isAppError(e, "conflict"),
    );
  });
});

const both = seedsSkip("000_") || seedsSkip("001_");

describe("destructive imports of Ebetsu's documents", { skip: both }, () => {
  let open: OpenDatabase;
  const file = (prefix: string) => {
    const path = seedPath(prefix)!;
    return { path, bytes: readFileSync(path) };
  };
  before(async () => {
    open = await openTestDatabase();
    await importFiles(open.db, [file("000_"), file("001_")]);
  });
  after(async () => open.close());

  test("half of 000 over the full plan is refused, the removals listed, nothing stored", async () => {
    const full = file("000_");
    const text = new TextDecoder().decode(full.bytes).split("\n");
    const half = {
      path: full.path,
      bytes: new TextEncoder().encode(text.slice(0, text.length / 2).join("\n")),
    };
    const beforeDoc = await exportDocument(open.db, "012173/ebetsu-gyokaku-2019");
    await assert.rejects(importFiles(open.db, [half, file("001_")]), (e: unknown) => {
      assert.ok(isAppError(e, "invalid_document"), String(e));
      assert.match((e as AppError).message, /削除するため、何も保存していません/);
      assert.match((e as AppError).message, /\n {2}削除 /);
      return true;
    });
    assert.deepEqual(await exportDocument(open.db, "012173/ebetsu-gyokaku-2019"), beforeDoc);
    const { plans } = await previewImport(open.db, [half, file("001_")]);
    assert.ok(plans[0]!.removals > 10, `removals: ${plans[0]!.removals}`);
  });

  test("001 alone does not silently wipe the progress entries", async () => {
    await assert.rejects(importFiles(open.db, [file("001_")]), (e: unknown) => {
      assert.ok(isAppError(e, "invalid_document"), String(e));
      assert.match((e as AppError).message, /取組状況/);
      return true;
    });
    const doc = await exportDocument(open.db, "012173/ebetsu-gyokaku-2019");
    const progress = JSON.stringify(doc).match(/"narrative"/g)?.length ?? 0;
    assert.ok(progress >= 20, `progress entries kept: ${progress}`);
  });

  test("the same files again: no changes, stored without consent", async () => {
    const { plans } = await previewImport(open.db, [file("000_"), file("001_")]);
    assert.deepEqual(plans[0]!.changes, []);
    await importFiles(open.db, [file("000_"), file("001_")]);
  });
});
