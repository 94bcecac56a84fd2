// The audit trail: who, when, what before and after; shown on the item; kept across a re-import of the plan.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { loadDepartments } from "../plans/plans.repository.ts";
import { exportDocument, importDocuments } from "../plans/plans.service.ts";
import { getItem, openRound, saveItem } from "../rounds/rounds.service.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";
import { historyOfItem, recentChanges } from "./audit.service.ts";

describe("audit trail", () => {
  let open: OpenDatabase;
  let planId: string;
  let roundId: string;
  let dept: Actor;
  let office: Actor;
  let viewerSession: TestSession;
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
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    const depts = new Map((await loadDepartments(open.db, "012173")).map((d) => [d.key, d.id]));
    const o = await signIn(open.db, "office", { name: "行革 花子" });
    const d = await signIn(open.db, "department", { departments: ["総務部/総務課"], name: "総務 一子" });
    viewerSession = await signIn(open.db, "viewer");
    office = {
      id: o.userId,
      municipalityCode: "012173",
      email: o.email,
      name: "行革 花子",
      role: "office",
      departmentIds: [],
    };
    dept = {
      id: d.userId,
      municipalityCode: "012173",
      email: d.email,
      name: "総務 一子",
      role: "department",
      departmentIds: [depts.get("総務部/総務課")!],
    };
    roundId = await openRound(open.db, office, { planId, fiscalYear: "2022", deadline: "2030-06-30" });
  });
  after(async () => open.close());

  test("a save records each changed value with who, when, before and after; unchanged values are not recorded", async () => {
    const t0 = Date.now();
    await saveItem(open.db, dept, roundId, "1-1-1", form(0, "7,000", "SNSで発信した"));
    await saveItem(open.db, dept, roundId, "1-1-1", form(1, "7,250", "SNSで発信した"));
    const events = await historyOfItem(open.db, dept, planId, "1-1-1");
    const actuals = events.filter((e) => e.action === "actual.set" && e.subject.includes("フォロワー数"));
    assert.equal(actuals.length, 2);
    assert.deepEqual(actuals[0]!.before, { text: "7,000" }, "newest first");
    assert.equal((actuals[0]!.after as { text: string }).text, "7,250");
    assert.deepEqual(actuals[1]!.before, null);
    assert.equal(actuals[0]!.actorName, "総務 一子");
    assert.ok(actuals[0]!.at.getTime() >= t0 - 1000 && actuals[0]!.at.getTime() <= Date.now() + 1000);
    assert.equal(
      events.filter((e) => e.action === "progress.set").length,
      1,
      "the narrative did not change the second time",
    );
    assert.equal(events.filter((e) => e.action === "round_item.save").length, 1, "not_started → draft once");
    assert.match(actuals[0]!.subject, /令和4年度/);
  });

  test("the history is shown on the item, and on its own page, to any signed-in user of the municipality", async () => {
    const detail = await getItem(open.db, dept, roundId, "1-1-1");
    assert.ok(detail.history.length >= 4);
    const app = createApp(open);
    const html = await (
      await app.request(`/plans/${planId}/items/1-1-1/history`, { headers: { cookie: viewerSession.cookie } })
    ).text();
    assert.match(html, /<del>7,000<\/del>.*→.*<ins>7,250<\/ins>/);
    assert.match(html, /総務 一子/);
    assert.match(html, /<time datetime="\d{4}-\d\d-\d\dT/);
    const chitose = await signIn(open.db, "viewer", { municipalityCode: "012246" });
    assert.equal(
      (await app.request(`/plans/${planId}/items/1-1-1/history`, { headers: { cookie: chitose.cookie } }))
        .status,
      404,
    );
  });

  test("history and round state survive a re-import of the plan (items get new ids, keep their keys)", async () => {
    const before = await historyOfItem(open.db, dept, planId, "1-1-1");
    await importDocuments(open.db, [await exportDocument(open.db, "012173/sample")]);
    const after = await historyOfItem(open.db, dept, planId, "1-1-1");
    assert.deepEqual(
      after.map((e) => e.id),
      before.map((e) => e.id),
    );
    assert.equal((await getItem(open.db, dept, roundId, "1-1-1")).status.state, "draft");
  });

  test("recent changes of the municipality, newest first", async () => {
    const recent = await recentChanges(open.db, office, 5);
    assert.ok(recent.length > 0 && recent.length <= 5);
    for (let i = 1; i < recent.length; i++) assert.ok(recent[i - 1]!.at >= recent[i]!.at);
  });
});
