// Several departments on one item (issue 12.3): each department answers and submits its own part, the office
// returns or approves each part, the item is approved when every part is; inboxes and events by part; the
// migration that turns existing rounds into parts.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { historyOfItem } from "../audit/audit.service.ts";
import { isAppError } from "../core/errors.ts";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import * as migration from "../db/migrations/2026-12-07T0213-rounds-parts.ts";
import { fanOut } from "../notifications/delivery.service.ts";
import { importDocuments, loadDepartments } from "../plans/plans.service.ts";
import { signIn } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { getItem, getRound, openRound, reviewItem, saveItem } from "./rounds.service.ts";

const SOMU = "総務部/総務課";
const SHOKUIN = "職員課";

describe("an item answered by several departments", () => {
  let open: OpenDatabase;
  let roundId: string;
  let planId: string;
  let ids: Map<string, string>;
  const actor = (role: Actor["role"], name: string, depts: string[] = []): Actor => ({
    id: crypto.randomUUID(),
    municipalityCode: "012173",
    email: `${name}@example.jp`,
    name,
    role,
    departmentIds: depts.map((d) => ids.get(d)!),
  });
  let office: Actor;
  let somu: Actor;
  let shokuin: Actor;
  const indicators = [
    { indicator: "2-1-1-i1", series: "男性", text: "20%" },
    { indicator: "2-1-1-i1", series: "女性", text: "100%" },
    { indicator: "2-1-1-i2", series: "", text: "150時間" },
    { indicator: "2-1-1-i3", series: "", text: "—" },
  ];
  const answer = (
    part: string,
    version: number,
    action: string,
    narrative: string,
    actuals = indicators,
  ) => ({
    version: String(version),
    action,
    part,
    actuals,
    narrative,
    nextYearPlan: "",
    status: "実施",
  });
  const progress = async () =>
    (
      await sql<{ narrative: string | null }>`select p.narrative from item_progress p join plan_items i
        on i.municipality_code = p.municipality_code and i.id = p.item_id
        where i.key = '2-1-1' and p.fiscal_year = 2021`.execute(open.db)
    ).rows[0]?.narrative;

  before(async () => {
    open = await openTestDatabase();
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    ids = new Map((await loadDepartments(open.db, "012173")).map((d) => [d.key, d.id]));
    office = actor("office", "行革 花子");
    somu = actor("department", "総務 一子", [SOMU]);
    shokuin = actor("department", "職員 二郎", [SHOKUIN]);
    roundId = await openRound(open.db, office, { planId, fiscalYear: "2021", deadline: "2099-06-30" });
  });
  after(async () => open.close());

  test("each department sees its own part: its indicators, its text", async () => {
    const a = await getItem(open.db, shokuin, roundId, "2-1-1");
    const b = await getItem(open.db, somu, roundId, "2-1-1");
    assert.equal(a.part.departmentKey, SHOKUIN);
    assert.equal(a.entries.length, 4, "the item's indicators are its first department's");
    assert.equal(b.part.departmentKey, SOMU);
    assert.equal(b.entries.length, 0);
    assert.deepEqual(
      a.parts.map((p) => [p.name, p.indicators.length, p.mine]),
      [
        ["職員課", 3, true],
        ["総務部 総務課", 0, false],
      ],
    );
    assert.equal(a.can.edit, true);
    assert.equal((await getItem(open.db, somu, roundId, "2-1-1", SHOKUIN)).can.edit, false);
  });

  test("a department cannot change another's part, not even by naming its indicators", async () => {
    await assert.rejects(
      saveItem(open.db, somu, roundId, "2-1-1", answer(SHOKUIN, 0, "save", "上書き")),
      (e) => isAppError(e, "forbidden") && /職員課の回答です。ほかの課の回答は変更できません/.test(e.message),
    );
    await assert.rejects(saveItem(open.db, somu, roundId, "2-1-1", answer(SOMU, 0, "save", "上書き")), (e) =>
      isAppError(e, "invalid"),
    );
    assert.equal((await getItem(open.db, office, roundId, "2-1-1", SHOKUIN)).entries[2]?.current, undefined);
  });

  test("each part is submitted on its own; the item's text is made of both", async () => {
    await saveItem(open.db, shokuin, roundId, "2-1-1", answer(SHOKUIN, 0, "submit", "研修を実施した"));
    let item = await getItem(open.db, office, roundId, "2-1-1");
    assert.equal(item.status.state, "draft", "one part submitted, the other not started");
    assert.equal(await progress(), "研修を実施した");
    await saveItem(open.db, somu, roundId, "2-1-1", answer(SOMU, 0, "submit", "規程を改正した", []));
    item = await getItem(open.db, office, roundId, "2-1-1");
    assert.equal(item.status.state, "submitted");
    assert.equal(await progress(), "【職員課】\n研修を実施した\n\n【総務部 総務課】\n規程を改正した");
    assert.equal((await getItem(open.db, somu, roundId, "2-1-1")).progress.narrative, "規程を改正した");
  });

  test("the office returns one part with its reason; the inbox shows each department its own part", async () => {
    const part = (await getItem(open.db, office, roundId, "2-1-1", SOMU)).part;
    await reviewItem(open.db, office, roundId, "2-1-1", {
      version: String(part.version),
      decision: "return",
      comment: "改正の日付を書いてください",
      part: SOMU,
    });
    const a = await getItem(open.db, shokuin, roundId, "2-1-1");
    const b = await getItem(open.db, somu, roundId, "2-1-1");
    assert.equal(a.part.state, "submitted");
    assert.equal(a.part.returnComment, null);
    assert.equal(b.part.state, "returned");
    assert.equal(b.part.returnComment, "改正の日付を書いてください");
    assert.equal(a.status.state, "returned", "the item waits for the returned part");
    const inbox = (u: Actor) =>
      getRound(open.db, u, roundId).then((o) => o.items.find((i) => i.item.key === "2-1-1")?.state);
    assert.equal(await inbox(shokuin), "submitted");
    assert.equal(await inbox(somu), "returned");
    const events = await sql<{ kind: string; department_key: string | null }>`
      select kind, department_key from round_events where item_key = '2-1-1'`.execute(open.db);
    assert.deepEqual(events.rows, [{ kind: "returned", department_key: SOMU }]);
  });

  test("the item is approved when every part is", async () => {
    const v = (await getItem(open.db, somu, roundId, "2-1-1")).part.version;
    await saveItem(open.db, somu, roundId, "2-1-1", answer(SOMU, v, "submit", "4月1日に規程を改正した", []));
    for (const [i, d] of [SHOKUIN, SOMU].entries()) {
      const p = (await getItem(open.db, office, roundId, "2-1-1", d)).part;
      await reviewItem(open.db, office, roundId, "2-1-1", {
        version: String(p.version),
        decision: "approve",
        comment: "",
        part: d,
      });
      const item = await getItem(open.db, office, roundId, "2-1-1");
      assert.equal(item.status.state, i === 0 ? "submitted" : "approved");
    }
    const row = await sql<{ state: string }>`select state from round_items where item_key = '2-1-1'`.execute(
      open.db,
    );
    assert.equal(row.rows[0]?.state, "approved", "the item's row follows its parts");
    const h = await historyOfItem(open.db, office, planId, "2-1-1");
    assert.equal(h.filter((e) => e.action === "round_item.approve").length, 2);
    assert.ok(h.some((e) => e.subject.includes("（総務部 総務課の回答）")));
  });

  test("a return or an approval reaches the part's department only", async () => {
    const somuUser = await signIn(open.db, "department", { municipalityCode: "012173", departments: [SOMU] });
    const shokuinUser = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: [SHOKUIN],
    });
    await fanOut(open.db, new Date(), {}, () => {});
    const got = async (userId: string) =>
      (
        await sql<{ kind: string; link: string }>`select kind, link from notifications
          where user_id = ${userId} and kind in ('returned', 'approved') order by kind desc`.execute(open.db)
      ).rows;
    const somuGot = await got(somuUser.userId);
    assert.deepEqual(
      somuGot.map((n) => n.kind),
      ["returned", "approved"],
    );
    assert.equal(somuGot[0]!.kind, "returned");
    assert.match(somuGot[0]!.link, /items\/2-1-1\?part=%E7%B7%8F/, "the link opens 総務課's part");
    assert.deepEqual(
      (await got(shokuinUser.userId)).map((n) => n.kind),
      ["approved"],
      "職員課 is not told of 総務課's return",
    );
  });

  test("the migration makes one part per department of each item, with the item's state and version", async () => {
    await sql`update round_items set state = 'submitted', version = 7, return_comment = null
      where item_key = '1-1-1'`.execute(open.db);
    await migration.down(open.db);
    await migration.up(open.db);
    const parts = await sql<{ item_key: string; department_key: string; state: string; version: number }>`
      select item_key, department_key, state, version from round_parts order by item_key, department_key`.execute(
      open.db,
    );
    assert.deepEqual(
      parts.rows.map((r) => [r.item_key, r.department_key, r.state, r.version]),
      [
        ["1-1-1", SOMU, "submitted", 7],
        ["2-1-1", SOMU, "approved", await getItemVersion("2-1-1")],
        ["2-1-1", SHOKUIN, "approved", await getItemVersion("2-1-1")],
      ],
    );
    const h = await historyOfItem(open.db, office, planId, "2-1-1");
    assert.ok(h.length > 0, "the history is kept");
  });

  async function getItemVersion(key: string): Promise<number> {
    const r = await sql<{ version: number }>`select version from round_items where item_key = ${key}`.execute(
      open.db,
    );
    return Number(r.rows[0]!.version);
  }
});
