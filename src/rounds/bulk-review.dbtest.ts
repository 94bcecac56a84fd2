// Reviewing in bulk (issue 13.5): filters, approving several items at once, the next item, the landing page.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { historyOfItem } from "../audit/audit.service.ts";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { actorOf, postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";
import { getItem, openRound, saveItem } from "./rounds.service.ts";

describe("reviewing in bulk", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let somu: TestSession;
  let somuActor: Actor;
  let shokuinActor: Actor;
  let officeActor: Actor;
  let roundId: string;
  let planId: string;
  const get = (s: TestSession, path: string) => app.request(path, { headers: { cookie: s.cookie } });

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173" });
    somu = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["総務部/総務課"],
    });
    officeActor = await actorOf(open.db, office, office.role);
    somuActor = await actorOf(open.db, somu, somu.role);
    const shokuin = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["職員課"],
    });
    shokuinActor = await actorOf(open.db, shokuin, shokuin.role);
    roundId = await openRound(open.db, officeActor, { planId, fiscalYear: "2021", deadline: "2099-06-30" });
  });
  after(async () => open.close());

  test("after a submit the department goes on to its next unanswered item", async () => {
    const page = await (await get(somu, `/rounds/${roundId}/items/1-1-1`)).text();
    assert.match(page, /name="version" value="0"/);
    const res = await app.request(
      `/rounds/${roundId}/items/1-1-1`,
      postForm(somu, {
        version: "0",
        action: "submit",
        "actuals.0.indicator": "1-1-1-i1",
        "actuals.0.series": "",
        "actuals.0.text": "30,000",
        "actuals.1.indicator": "1-1-1-i2",
        "actuals.1.series": "",
        "actuals.1.text": "実施",
        narrative: "実施した",
        nextYearPlan: "",
        status: "実施",
      }),
    );
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/rounds/${roundId}/items/2-1-1?done=next`);
  });

  test("the office filters by department, state and warnings", async () => {
    // 2-1-1 is shared: 総務課 answers its activity text, 職員課 (the item's first department) the indicators
    const mine = await getItem(open.db, somuActor, roundId, "2-1-1");
    assert.equal(mine.part.departmentKey, "総務部/総務課");
    assert.deepEqual(mine.entries, [], "総務課 answers none of 2-1-1's indicators");
    await saveItem(open.db, somuActor, roundId, "2-1-1", {
      version: String(mine.part.version),
      action: "submit",
      part: "総務部/総務課",
      actuals: [],
      narrative: "総務課として実施した",
      nextYearPlan: "",
      status: "実施",
    });
    const v = (await getItem(open.db, shokuinActor, roundId, "2-1-1")).part.version;
    await saveItem(open.db, shokuinActor, roundId, "2-1-1", {
      version: String(v),
      action: "submit",
      part: "職員課",
      actuals: [
        { indicator: "2-1-1-i1", series: "男性", text: "20%" },
        { indicator: "2-1-1-i1", series: "女性", text: "100%" },
        { indicator: "2-1-1-i2", series: "", text: "150時間" },
        { indicator: "2-1-1-i3", series: "", text: "—" },
      ],
      narrative: "実施した",
      nextYearPlan: "",
      status: "実施",
    });
    const warned = await (await get(office, `/rounds/${roundId}?warnings=1`)).text();
    assert.match(warned, /items\/1-1-1"/, "30,000 人 is over 3 times last year's 6,825");
    assert.doesNotMatch(warned, /items\/2-1-1"/);
    const byDept = await (
      await get(office, `/rounds/${roundId}?department=${encodeURIComponent("職員課")}`)
    ).text();
    assert.match(byDept, /items\/2-1-1"/);
    assert.doesNotMatch(byDept, /items\/1-1-1"/);
    const drafts = await (await get(office, `/rounds/${roundId}?state=draft&sort=updated`)).text();
    assert.match(drafts, /該当する項目はありません/);
  });

  test("several items approved at once; one with a warning needs the reason; each approval in the history", async () => {
    const round = await (await get(office, `/rounds/${roundId}`)).text();
    const version = (key: string) =>
      new RegExp(`name="version\\.${key.replace(/[|%]/g, "\\$&")}" value="(\\d+)"`).exec(round)![1]!;
    // 2-1-1 has a checkbox per submitted part: `key|department` (URI-encoded)
    const parts = ["職員課", "総務部/総務課"].map((d) => `2-1-1|${encodeURIComponent(d)}`);
    const body = new URLSearchParams();
    body.append("_csrf", office.csrf);
    body.append("items", "1-1-1");
    for (const p of parts) body.append("items", p);
    body.append("version.1-1-1", version("1-1-1"));
    for (const p of parts) body.append(`version.${p}`, version(p));
    body.append("reason", "");
    const post = (b: URLSearchParams) =>
      app.request(`/rounds/${roundId}/approve`, {
        method: "POST",
        headers: { cookie: office.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: b,
      });
    const none = new URLSearchParams({ _csrf: office.csrf, reason: "" });
    const empty = await post(none);
    assert.equal(empty.status, 400, "nothing selected: the round page again, with what to do");
    assert.match(await empty.text(), /承認する項目が選ばれていません/);
    // Post/Redirect/Get: the result is on the round's page; a reload approves nothing again
    const posted = await post(body);
    assert.equal(posted.status, 303);
    const result = posted.headers.get("location")!;
    const first = await (await get(office, result)).text();
    assert.match(first, /2 件を承認しました/);
    assert.match(first, /承認しなかった項目:[\s\S]*href="\/rounds\/[^"]+\/items\/1-1-1"[\s\S]*承認する理由/);
    assert.equal((await getItem(open.db, officeActor, roundId, "2-1-1")).status.state, "approved");
    assert.equal((await getItem(open.db, officeActor, roundId, "1-1-1")).status.state, "submitted");
    const again = new URLSearchParams();
    again.append("_csrf", office.csrf);
    again.append("items", "1-1-1");
    again.append("version.1-1-1", version("1-1-1"));
    again.append("reason", "制度改正で対象者が増えた");
    const second = await post(again);
    assert.match(await (await get(office, second.headers.get("location")!)).text(), /1 件を承認しました/);
    for (const [key, n] of [
      ["1-1-1", 1],
      ["2-1-1", 2],
    ] as const) {
      const h = await historyOfItem(open.db, officeActor, planId, key);
      assert.equal(h.filter((e) => e.action === "round_item.approve").length, n, key);
    }
  });

  test("a department lands on its inbox after login", async () => {
    const res = await get(somu, "/inbox");
    assert.equal(res.headers.get("location"), `/rounds/${roundId}`);
    assert.equal((await get(office, "/inbox")).headers.get("location"), "/rounds");
  });
});
