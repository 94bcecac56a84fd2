// A staffing import that would drop stored records (a truncated file) is refused unless consented; the dropped
// records are kept in the history. A corrected count is no removal.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AppError } from "../core/errors.ts";
import type { OpenDatabase } from "../db/database.ts";
import { openTestDatabase } from "../testing/db.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { getStaffing, importStaffingFiles } from "./staffing.service.ts";

const file = (doc: unknown) => ({
  path: "staffing.json",
  bytes: new TextEncoder().encode(JSON.stringify(doc)),
});

describe("staffing imports need consent to remove", () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
    await importStaffingFiles(open.db, [file(sampleStaffingDocument())]);
  });
  after(async () => open.close());

  test("a corrected count is stored without consent", async () => {
    const doc = sampleStaffingDocument();
    doc.headcounts![0]!.count += 1;
    await importStaffingFiles(open.db, [file(doc)]);
    const stored = await getStaffing(open.db, "012173");
    assert.equal(stored!.headcounts.length, doc.headcounts!.length);
  });

  test("a truncated document is refused with what it removes; with consent stored, the removed records in the history", async () => {
    const doc = sampleStaffingDocument();
    const full = doc.headcounts!.length;
    assert.ok(full >= 2);
    doc.headcounts = doc.headcounts!.slice(0, 1);
    await assert.rejects(importStaffingFiles(open.db, [file(doc)]), (e: unknown) => {
      assert.ok(e instanceof AppError && e.code === "invalid_document", String(e));
      assert.match(e.message, new RegExp(`職員数: ${full - 1} 件`));
      assert.match(e.message, /--allow-removals/);
      return true;
    });
    assert.equal((await getStaffing(open.db, "012173"))!.headcounts.length, full, "nothing stored");
    await importStaffingFiles(open.db, [file(doc)], { allowRemovals: true });
    assert.equal((await getStaffing(open.db, "012173"))!.headcounts.length, 1);
    const event = await open.db
      .selectFrom("audit_events")
      .select(["actor_name", "before", "subject"])
      .where("action", "=", "import.remove")
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_name, "CLI");
    assert.match(event.subject, /職員数/);
    assert.equal((event.before as unknown[]).length, full - 1);
  });
});
