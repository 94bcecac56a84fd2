// The dashboard's kept parts (its results per plan data version, its departments behind schedule per the open
// rounds' versions) can never be stale: after a save in a round, an import, a judgement, a round state change
// (by the service and by SQL typed by hand), a deadline change and a new audit event, the very next page shows
// the new state, and equals a page rendered with every cache emptied. Each step also checks that the change
// shows at all, so that a step which changed nothing cannot pass.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { clearPageCache } from "../plans/page-cache.ts";
import { clearPlanCache } from "../plans/plan-cache.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { clearEvaluationCache } from "../reports/evaluation-cache.ts";
import { loadPlanFor, recordJudgement } from "../reports/reports.service.ts";
import {
  changeDeadline,
  getItem,
  getRound,
  lockRound,
  saveItem,
  unlockRound,
} from "../rounds/rounds.service.ts";
import type { TestSession } from "../testing/auth.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import type { countingDb } from "../testing/query-count.ts";
import { openRoundFixture } from "../testing/round-fixture.ts";
import type { createApp } from "../web/app.tsx";
import { clearDashboardCache } from "./dashboard-cache.ts";

const FY = 2021;
const CODE = "012173";

describe("the dashboard's kept parts are never stale", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let counter: ReturnType<typeof countingDb>["counter"];
  let office: TestSession;
  let officeActor: Actor;
  let somuActor: Actor;
  let planId: string;
  let roundId: string;
  const page = async () =>
    (await app.request(`/dashboard?plan=${planId}&fy=${FY}`, { headers: { cookie: office.cookie } })).text();

  /** The page as kept, served again, and equal to one rendered with every cache emptied. */
  async function shown(): Promise<string> {
    const kept = await page();
    assert.equal(await page(), kept, "the kept page is served again");
    clearDashboardCache();
    clearPageCache();
    clearPlanCache();
    clearEvaluationCache();
    assert.equal(await page(), kept, "the page as kept equals a render without any cache");
    await page(); // kept again for the change that follows
    return kept;
  }

  /** Reads (filling the caches), changes, reads again: the new page differs and equals a cold render. */
  async function afterChange(change: () => Promise<unknown>): Promise<string> {
    const before = await shown();
    await change();
    const now = await shown();
    assert.notEqual(now, before, "the change shows");
    return now;
  }

  /** The departments behind schedule, as the page lists them. */
  const behind = (html: string) =>
    html.slice(html.indexOf("提出が遅れている所管課"), html.indexOf("最近の変更")).replace(/<[^>]+>/g, "");

  before(async () => {
    ({ open, app, counter, office, officeActor, somuActor, planId, roundId } = await openRoundFixture(
      FY,
      CODE,
    ));
  });
  after(async () => open.close());

  test("kept: the page served from what is kept needs only the session's query", async () => {
    await page();
    // the session, with the unread notifications and the municipality's state version: the body is found by it
    assert.equal(await counter.measure(page), 1);
    // without a state version (none yet), the dashboard's own query finds the body by what it read
    await sql`delete from municipality_state_versions where municipality_code = ${CODE}`.execute(open.db);
    const without = await page();
    assert.equal(await counter.measure(page), 2);
    await sql`insert into audit_events (municipality_code, id, at, actor_id, actor_name, action, subject)
        values (${CODE}, gen_random_uuid(), now(), null, '手入力', 'plan.import', '版を作り直す記録')`.execute(
      open.db,
    );
    assert.notEqual(await page(), without, "the change shows");
    assert.equal(await counter.measure(page), 1, "the change made a state version again");
  });

  test("a save in the reporting round (the results and the departments behind schedule)", async () => {
    const before = await shown();
    assert.match(behind(before), /総務課: 未提出 2 \/ 2 項目/);
    const now = await afterChange(async () => {
      const v = (await getItem(open.db, somuActor, roundId, "1-1-1")).status.version;
      await saveItem(open.db, somuActor, roundId, "1-1-1", {
        version: String(v),
        action: "submit",
        actuals: [
          { indicator: "1-1-1-i1", series: "", text: "7,000" },
          { indicator: "1-1-1-i2", series: "", text: "実施" },
        ],
        narrative: "実施した",
        nextYearPlan: "",
        status: "実施",
      });
    });
    assert.match(behind(now), /総務課: 未提出 1 \/ 2 項目/, "one item submitted");
  });

  test("a round state change by SQL typed by hand (no audit event, no plan data changed)", async () => {
    const now = await afterChange(() =>
      sql`update round_parts set state = 'returned' where municipality_code = ${CODE} and round_id = ${roundId}
           and item_key = '1-1-1'`.execute(open.db),
    );
    assert.match(behind(now), /総務課: 未提出 2 \/ 2 項目/, "returned: behind again");
  });

  test("the round locked and unlocked, its deadline moved", async () => {
    const version = async () => String((await getRound(open.db, officeActor, roundId)).round.version);
    const locked = await afterChange(async () =>
      lockRound(open.db, officeActor, roundId, { version: await version(), confirm: "yes" }),
    );
    assert.match(behind(locked), /未提出の項目がある所管課はありません/);
    const unlocked = await afterChange(async () =>
      unlockRound(open.db, officeActor, roundId, { version: await version(), reason: "直しがあるため" }),
    );
    assert.match(behind(unlocked), /総務課: 未提出/);
    const moved = await afterChange(async () =>
      changeDeadline(open.db, officeActor, roundId, { version: await version(), deadline: "2099-07-31" }),
    );
    assert.match(behind(moved), /7月31日/);
  });

  test("an import", async () => {
    const doc = samplePlanDocument();
    doc.plan.title = "取り込み直した計画";
    const now = await afterChange(() => importDocuments(open.db, [doc]));
    assert.match(now, /取り込み直した計画/);
  });

  test("a judgement", async () => {
    const plan = await loadPlanFor(open.db, officeActor, planId);
    const before = await shown();
    await recordJudgement(open.db, officeActor, plan, {
      indicatorKey: "1-1-1-i2",
      fiscalYear: FY,
      status: "not_achieved",
      reason: "担当課の説明による",
    });
    const now = await shown();
    const results = (html: string) =>
      html.slice(html.indexOf("の達成状況"), html.indexOf("提出が遅れている所管課"));
    assert.notEqual(results(now), results(before), "the tallies change");
  });

  test("a new audit event", async () => {
    const now = await afterChange(() =>
      sql`insert into audit_events (municipality_code, id, at, actor_id, actor_name, action, subject)
          values (${CODE}, gen_random_uuid(), now() + interval '1 minute', null, '手入力', 'plan.import', '手で入れた記録')`.execute(
        open.db,
      ),
    );
    assert.match(now, /手で入れた記録/);
  });
});
