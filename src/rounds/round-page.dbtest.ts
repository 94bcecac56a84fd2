// The rounds' kept pages (the list of rounds, a round's body: src/rounds/round-page.ts) can never be stale: after
// a department's save, a submission, a return, an approval, a lock and an unlock, a deadline change, a plan import
// and edit, a judgement, a change of the plausibility rules, SQL typed by hand on round_items, round_parts,
// rounds and indicator_rules, and a new day, the very next page is made again (it is not served from what was
// kept), shows the change and equals a page rendered with every cache emptied, for the office and for a
// department. Each step checks that the change shows at all (or, for a judgement, which the pages do not show,
// that the body was made again), so a step that changed nothing cannot pass.
import assert from "node:assert/strict";
import { after, before, describe, mock, test } from "node:test";
import { sql } from "kysely";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { clearPageCache } from "../plans/page-cache.ts";
import { clearPlanCache } from "../plans/plan-cache.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { clearEvaluationCache } from "../reports/evaluation-cache.ts";
import { loadPlanFor, recordJudgement } from "../reports/reports.service.ts";
import { freshSession, signIn, type TestSession } from "../testing/auth.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import type { countingDb } from "../testing/query-count.ts";
import { openRoundFixture } from "../testing/round-fixture.ts";
import type { createApp } from "../web/app.tsx";
import { clearRoundPageCache } from "./round-page.ts";
import { saveRule } from "./round-rules.service.ts";
import {
  changeDeadline,
  getItem,
  getRound,
  lockRound,
  reviewItem,
  saveItem,
  todayInJapan,
  unlockRound,
} from "./rounds.service.ts";

const CODE = "012173";
const FY = 2021;

describe("the rounds' kept pages are never stale", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let counter: ReturnType<typeof countingDb>["counter"];
  let office: TestSession;
  let somu: TestSession;
  let officeActor: Actor;
  let somuActor: Actor;
  let planId: string;
  let roundId: string;
  const roundPath = () => `/rounds/${roundId}`;
  /** Every page kept, by whom it is read. */
  const readings = () =>
    [
      [office, "/rounds"],
      [office, roundPath()],
      [office, `${roundPath()}?warnings=1&sort=updated`],
      [somu, "/rounds"],
      [somu, roundPath()],
    ] as const;

  const get = async (s: TestSession, path: string) => {
    const res = await app.request(path, { headers: { cookie: s.cookie } });
    assert.equal(res.status, 200, path);
    return res.text();
  };

  /** Every page as kept, served again, and equal to one rendered with every cache emptied. */
  async function shown(): Promise<string[]> {
    const pages: string[] = [];
    for (const [s, path] of readings()) pages.push(await get(s, path));
    for (const [i, [s, path]] of readings().entries())
      assert.equal(await get(s, path), pages[i], `the kept page is served again: ${path}`);
    clearRoundPageCache();
    clearPageCache();
    clearPlanCache();
    clearEvaluationCache();
    for (const [i, [s, path]] of readings().entries())
      assert.equal(
        await get(s, path),
        pages[i],
        `the page as kept equals a render without any cache: ${path}`,
      );
    for (const [s, path] of readings()) await get(s, path); // kept again for the change that follows
    return pages;
  }

  /** Queries of a page served from what is kept: the session and the page's one query. */
  const KEPT_QUERIES = 2;

  /**
   * Reads (filling the caches), changes, reads again: the office's round page is made again (more queries than a
   * kept one), and every page equals a cold render. Answers the pages before and after.
   */
  async function afterChange(change: () => Promise<unknown>): Promise<{ before: string[]; now: string[] }> {
    const before = await shown();
    await change();
    const queries = await counter.measure(() => get(office, roundPath()));
    assert.ok(queries > KEPT_QUERIES, `the round's body is made again after the change (${queries} queries)`);
    return { before, now: await shown() };
  }

  /** The row of an item in the round's table, as text. */
  const row = (html: string, title: string) => {
    const at = html.indexOf(title, html.indexOf("項目と回答の状態"));
    assert.ok(at >= 0, `${title} is in the table`);
    return html.slice(at, html.indexOf("</tr>", at)).replace(/<[^>]+>/g, " ");
  };
  const itemVersion = async (key: string, as = somuActor) =>
    String((await getItem(open.db, as, roundId, key)).part.version);
  const roundVersion = async () => String((await getRound(open.db, officeActor, roundId)).round.version);
  const answer = (version: string, action: "save" | "submit", text = "7,000") => ({
    version,
    action,
    actuals: [
      { indicator: "1-1-1-i1", series: "", text },
      { indicator: "1-1-1-i2", series: "", text: "実施" },
    ],
    narrative: "実施した",
    nextYearPlan: "継続する",
    status: "実施",
  });

  before(async () => {
    ({ open, app, counter, office, somu, officeActor, somuActor, planId, roundId } = await openRoundFixture(
      FY,
      CODE,
    ));
  });
  after(async () => open.close());

  test("kept: a kept page reads the session and one query; the reader's name and token are its own", async () => {
    await get(office, roundPath());
    assert.equal(await counter.measure(() => get(office, roundPath())), KEPT_QUERIES);
    await get(office, "/rounds");
    // the list: the session, the rounds, the plans a round can be opened for (the form)
    assert.equal(await counter.measure(() => get(office, "/rounds")), 3);
    const other = await signIn(open.db, "office", { municipalityCode: CODE, name: "行革 次郎" });
    const page = await get(other, roundPath());
    assert.match(page, /行革 次郎/);
    assert.doesNotMatch(page, /行革 花子/);
    assert.ok(page.includes(other.csrf) && !page.includes(office.csrf), "the other reader's own token");
  });

  test("a department saves an answer, then submits it", async () => {
    const saved = await afterChange(async () =>
      saveItem(open.db, somuActor, roundId, "1-1-1", answer(await itemVersion("1-1-1"), "save")),
    );
    assert.match(row(saved.now[1]!, "双方向の情報共有"), /下書き/);
    const submitted = await afterChange(async () =>
      saveItem(open.db, somuActor, roundId, "1-1-1", answer(await itemVersion("1-1-1"), "submit")),
    );
    assert.match(row(submitted.now[1]!, "双方向の情報共有"), /提出済/);
    // the office may now approve in bulk: the kept form carries each reader's own CSRF token
    assert.match(submitted.now[1]!, /まとめて承認する/);
    assert.ok(submitted.now[1]!.includes(`name="_csrf" value="${office.csrf}"`));
    assert.notEqual(submitted.now[3], submitted.before[3], "the department's list: one item fewer to answer");
  });

  test("the office returns the item, the department submits again, the office approves", async () => {
    const returned = await afterChange(async () =>
      reviewItem(open.db, officeActor, roundId, "1-1-1", {
        version: await itemVersion("1-1-1", officeActor),
        decision: "return",
        comment: "値を確かめてください",
        part: "",
      }),
    );
    assert.match(row(returned.now[1]!, "双方向の情報共有"), /差戻し/);
    await afterChange(async () =>
      saveItem(open.db, somuActor, roundId, "1-1-1", answer(await itemVersion("1-1-1"), "submit")),
    );
    const approved = await afterChange(async () =>
      reviewItem(open.db, officeActor, roundId, "1-1-1", {
        version: await itemVersion("1-1-1", officeActor),
        decision: "approve",
        comment: "確認済み",
        part: "",
      }),
    );
    assert.match(row(approved.now[1]!, "双方向の情報共有"), /承認済/);
  });

  test("SQL typed by hand on round_parts and round_items", async () => {
    const parts = await afterChange(() =>
      sql`update round_parts set state = 'returned' where municipality_code = ${CODE} and round_id = ${roundId}
           and item_key = '1-1-1'`.execute(open.db),
    );
    assert.match(row(parts.now[1]!, "双方向の情報共有"), /差戻し/);
    const items = await afterChange(() =>
      sql`update round_items set updated_by = '手で直した人' where municipality_code = ${CODE}
           and round_id = ${roundId} and item_key = '1-1-1'`.execute(open.db),
    );
    assert.match(items.now[1]!, /手で直した人/);
  });

  test("the round locked and unlocked, its deadline moved (and by hand)", async () => {
    const locked = await afterChange(async () =>
      lockRound(open.db, officeActor, roundId, { version: await roundVersion(), confirm: "yes" }),
    );
    assert.match(locked.now[1]!, /ロックしました。この年度の値は変更できません/);
    assert.match(locked.now[0]!, /ロック中/);
    const unlocked = await afterChange(async () =>
      unlockRound(open.db, officeActor, roundId, { version: await roundVersion(), reason: "直しがあるため" }),
    );
    assert.doesNotMatch(unlocked.now[1]!, /この年度の値は変更できません/);
    const moved = await afterChange(async () =>
      changeDeadline(open.db, officeActor, roundId, {
        version: await roundVersion(),
        deadline: "2099-07-31",
      }),
    );
    assert.match(moved.now[1]!, /7月31日/);
    assert.match(moved.now[0]!, /7月31日/);
    const byHand = await afterChange(() =>
      sql`update rounds set deadline = '2099-08-15' where municipality_code = ${CODE} and id = ${roundId}`.execute(
        open.db,
      ),
    );
    assert.match(byHand.now[1]!, /8月15日/);
    assert.match(byHand.now[4]!, /8月15日/);
  });

  test("the plausibility rules changed by the office and by hand", async () => {
    const before = row((await shown())[1]!, "双方向の情報共有");
    assert.doesNotMatch(before, /⚠/);
    const ruled = await afterChange(() =>
      saveRule(open.db, officeActor, roundId, "1-1-1-i1", {
        action: "save",
        max: "100",
        min: "",
        integer: "",
        jumpFactor: "",
      }),
    );
    assert.match(row(ruled.now[1]!, "双方向の情報共有"), /⚠ \d+件/);
    assert.notEqual(ruled.now[2], ruled.before[2], "the filtered page lists the item with a warning");
    const dropped = await afterChange(() =>
      sql`delete from indicator_rules where municipality_code = ${CODE} and plan_id = ${planId}`.execute(
        open.db,
      ),
    );
    assert.doesNotMatch(row(dropped.now[1]!, "双方向の情報共有"), /⚠/);
  });

  test("a plan import and an edit of the plan by hand", async () => {
    const doc = samplePlanDocument();
    doc.plan.title = "取り込み直した計画";
    const imported = await afterChange(() => importDocuments(open.db, [doc]));
    assert.match(imported.now[0]!, /取り込み直した計画/);
    assert.match(imported.now[1]!, /取り込み直した計画/);
    const edited = await afterChange(() =>
      sql`update plan_items set title = '手で直した取組' where municipality_code = ${CODE} and plan_id = ${planId}
           and key = '1-1-1'`.execute(open.db),
    );
    assert.match(edited.now[1]!, /手で直した取組/);
    assert.match(edited.now[4]!, /手で直した取組/);
  });

  test("a judgement (not shown by the pages: their bodies are made again all the same)", async () => {
    const plan = await loadPlanFor(open.db, officeActor, planId);
    await afterChange(() =>
      recordJudgement(open.db, officeActor, plan, {
        indicatorKey: "1-1-1-i2",
        fiscalYear: FY,
        status: "not_achieved",
        reason: "担当課の説明による",
      }),
    );
  });

  test("a new day: the days left are counted from today in Japan", async () => {
    const today = todayInJapan();
    const { now } = await afterChange(async () =>
      changeDeadline(open.db, officeActor, roundId, { version: await roundVersion(), deadline: today }),
    );
    assert.match(now[1]!, /あと0日/);
    mock.timers.enable({ apis: ["Date"], now: Date.now() + 24 * 60 * 60_000 });
    try {
      assert.notEqual(todayInJapan(), today);
      // sessions are idle-limited by the clock: the readers sign in again on the new day
      office = { ...office, ...(await freshSession(open.db, CODE, office.userId)) };
      somu = { ...somu, ...(await freshSession(open.db, CODE, somu.userId)) };
      const queries = await counter.measure(() => get(office, roundPath()));
      assert.ok(queries > KEPT_QUERIES, "made again on the new day");
      const pages = await shown();
      assert.match(pages[1]!, /期限を1日過ぎています/);
      assert.match(pages[0]!, /期限を1日過ぎています/);
      assert.match(pages[1]!, /期限超過 \d+件/);
    } finally {
      mock.timers.reset();
    }
  });
});
