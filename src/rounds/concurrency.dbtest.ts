// Two people saving the same item-year at the same moment: exactly one save wins, the other is refused with a
// conflict, and nothing is half-written. On PostgreSQL the two run truly in parallel (a pool of connections).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AppError } from "../core/errors.ts";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { exportDocument, importDocuments, loadDepartments } from "../plans/plans.service.ts";
import { signIn } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { getItem, lockRound, openRound, saveItem, unlockRound } from "./rounds.service.ts";

describe("concurrent edits", () => {
  let open: OpenDatabase;
  let roundId: string;
  let a: Actor;
  let b: Actor;
  let office: Actor;
  const form = (version: number, text: string, narrative: string) => ({
    version: String(version),
    action: "save",
    actuals: [
      { indicator: "1-1-1-i1", series: "", text },
      { indicator: "1-1-1-i2", series: "", text: "実施" },
    ],
    narrative,
    nextYearPlan: "",
    status: "",
  });

  before(async () => {
    open = await openTestDatabase();
    const planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    const somu = (await loadDepartments(open.db, "012173")).find((d) => d.key === "総務部/総務課")!.id;
    const actor = async (name: string, role: "department" | "office"): Promise<Actor> => {
      const s = await signIn(
        open.db,
        role,
        role === "department" ? { departments: ["総務部/総務課"], name } : { name },
      );
      return {
        id: s.userId,
        municipalityCode: "012173",
        email: s.email,
        name,
        role,
        departmentIds: role === "department" ? [somu] : [],
      };
    };
    a = await actor("甲", "department");
    b = await actor("乙", "department");
    office = await actor("行革", "office");
    roundId = await openRound(open.db, office, { planId, fiscalYear: "2022", deadline: "2030-06-30" });
  });
  after(async () => open.close());

  test("two saves of the same version at once: one wins, one is refused, nothing mixed", async () => {
    for (let round = 0; round < 5; round++) {
      const version = (await getItem(open.db, a, roundId, "1-1-1")).status.version;
      const results = await Promise.allSettled([
        saveItem(open.db, a, roundId, "1-1-1", form(version, `${round}001`, `甲の文章 ${round}`)),
        saveItem(open.db, b, roundId, "1-1-1", form(version, `${round}002`, `乙の文章 ${round}`)),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
      assert.equal(won.length, 1);
      assert.equal(lost.length, 1);
      assert.ok(lost[0]!.reason instanceof AppError && lost[0]!.reason.code === "conflict");
      // The saved actual and narrative come from the same person.
      const doc = await exportDocument(open.db, "012173/sample");
      const item = doc.items[0]!.children[0]!.children[0]!;
      const actual = item.indicators[0]!.actuals.find((x) => x.fiscalYear === 2022)!.text;
      const narrative = item.progress.find((p) => p.fiscalYear === 2022)!.narrative!;
      assert.equal(actual.endsWith("001") ? "甲" : "乙", narrative.slice(0, 1));
      assert.equal((await getItem(open.db, a, roundId, "1-1-1")).status.version, version + 1);
    }
  });

  test("a lock and a save at once: the save either lands before the lock or is refused", async () => {
    const item = await getItem(open.db, a, roundId, "1-1-1");
    const results = await Promise.allSettled([
      lockRound(open.db, office, roundId, { version: String(item.round.version), confirm: "yes" }),
      saveItem(open.db, a, roundId, "1-1-1", form(item.status.version, "9999", "ロック直前")),
    ]);
    assert.equal(results[0].status, "fulfilled");
    const after = await getItem(open.db, a, roundId, "1-1-1");
    // Whichever came first, the history has no save after the lock.
    const events = await open.db
      .selectFrom("audit_events")
      .select(["action", "at"])
      .where("action", "in", ["round.lock", "actual.set"])
      .orderBy("at")
      .execute();
    assert.equal(events.at(-1)!.action, "round.lock");
    if (results[1].status === "rejected") assert.equal((results[1].reason as AppError).code, "locked");
    assert.equal(after.round.status, "locked");
    assert.equal(after.can.edit, false);
    await assert.rejects(
      saveItem(open.db, a, roundId, "1-1-1", form(after.status.version, "1", "ロック後")),
      (e: AppError) => e.code === "locked",
    );
    await unlockRound(open.db, office, roundId, { version: String(after.round.version), reason: "テスト" });
  });
});
