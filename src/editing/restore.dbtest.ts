// Every removed value is in the history and can be put back from it (issue 17.3): an import removes a value
// with consent → 「この値を戻す」 on the item's history → the value is back, both steps in the history; the
// button only for those who may edit the plan; POST with CSRF, version-checked, once.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments, loadPlanDocument } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

describe("restoring a removed value from the history", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let planId: string;
  let office: TestSession;
  let viewer: TestSession;
  let itemKey: string;

  before(async () => {
    open = await openTestDatabase();
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
    viewer = await signIn(open.db, "viewer", { municipalityCode: "012173" });
    app = createApp(open);
    // A truncated re-import, consented: one actual value goes.
    const doc = samplePlanDocument();
    const leaf = doc.items![0]!.children![0]!.children![0]!;
    itemKey = leaf.key;
    leaf.indicators![0]!.actuals!.splice(1, 1);
    const actor: Actor = {
      id: office.userId,
      municipalityCode: "012173",
      email: office.email,
      name: "行革 花子",
      role: "office",
      departmentIds: [],
    };
    await importDocuments(open.db, [doc], actor, { allowRemovals: true });
  });
  after(async () => open.close());

  const actual = async () => {
    const doc = await loadPlanDocument(open.db, "012173", planId);
    const leaf = doc!.items[0]!.children[0]!.children[0]!;
    return leaf.indicators[0]!.actuals.find((a) => a.fiscalYear === 2020)?.text;
  };
  const historyUrl = () => `/plans/${planId}/items/${encodeURIComponent(itemKey)}/history`;
  const removal = async () =>
    (await sql<{ id: string }>`select id from audit_events where action = 'import.remove'`.execute(open.db))
      .rows[0]!.id;

  test("the button is there for the reform office, not for a viewer", async () => {
    assert.equal(await actual(), undefined, "removed");
    const page = await (await app.request(historyUrl(), { headers: { cookie: office.cookie } })).text();
    assert.match(page, /取込で削除/);
    assert.match(page, new RegExp(`action="/plans/${planId}/history/${await removal()}/restore"`));
    assert.match(page, /この値を戻す/);
    const seen = await (await app.request(historyUrl(), { headers: { cookie: viewer.cookie } })).text();
    assert.match(seen, /取込で削除/);
    assert.doesNotMatch(seen, /この値を戻す/);
    const plan = await (
      await app.request(`/plans/${planId}/history`, { headers: { cookie: office.cookie } })
    ).text();
    assert.match(plan, /この値を戻す/);
  });

  test("refused without CSRF, for a viewer and with a stale version; then put back, once, in the history", async () => {
    const url = `/plans/${planId}/history/${await removal()}/restore`;
    const noCsrf = await app.request(url, postForm({ cookie: office.cookie, csrf: "" }, { version: "0" }));
    assert.equal(noCsrf.status, 403);
    assert.equal((await app.request(url, postForm(viewer, { version: "0" }))).status, 403);
    const stale = await app.request(url, postForm(office, { version: "7", from: "item" }));
    assert.equal(stale.status, 409);
    assert.equal(await actual(), undefined, "nothing put back");

    const ok = await app.request(url, postForm(office, { version: "0", from: "item" }));
    assert.equal(ok.status, 303, await ok.text());
    assert.equal(ok.headers.get("location"), `${historyUrl()}?restored=1`);
    assert.equal(await actual(), "6,825");
    const page = await (
      await app.request(ok.headers.get("location")!, { headers: { cookie: office.cookie } })
    ).text();
    assert.match(page, /値を戻しました/);
    assert.match(page, /履歴から戻す/);
    assert.match(page, /（履歴から戻しました）/);
    const steps = await sql<{ action: string; actor_name: string }>`
      select action, actor_name from audit_events
      where action in ('import.remove', 'history.restore') order by at`.execute(open.db);
    assert.deepEqual(
      steps.rows.map((r) => `${r.action} ${r.actor_name}`),
      ["import.remove 行革 花子", "history.restore 行革 花子"],
    );
    const again = await app.request(url, postForm(office, { version: "1", from: "item" }));
    assert.equal(again.status, 409, "once");
  });
});

// A whole item removed by an import (with consent) goes back from the plan's history with its indicators and
// values, under its parent and where it stood; a child only after its parent, never over an item using its key.
describe("restoring a removed item from the history", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let planId: string;
  let office: TestSession;
  let viewer: TestSession;
  let actor: Actor;

  const stored = async () => (await loadPlanDocument(open.db, "012173", planId))!;
  const without = (...keys: string[]) => {
    const doc = samplePlanDocument();
    const drop = (items: NonNullable<typeof doc.items>): typeof items =>
      items.filter((i) => !keys.includes(i.key)).map((i) => ({ ...i, children: drop(i.children ?? []) }));
    doc.items = drop(doc.items!);
    return doc;
  };
  const removalOf = async (key: string) =>
    (
      await sql<{ id: string }>`select id from audit_events
        where action = 'import.remove' and item_key = ${key} and place->>'target' = 'item'
        order by at desc`.execute(open.db)
    ).rows[0]!.id;
  const version = async () =>
    (
      await sql<{ version: number }>`select version from plan_versions where plan_id = ${planId}`.execute(
        open.db,
      )
    ).rows[0]?.version ?? 0;
  const restore = async (key: string) =>
    app.request(
      `/plans/${planId}/history/${await removalOf(key)}/restore`,
      postForm(office, { version: String(await version()), from: "plan" }),
    );

  before(async () => {
    open = await openTestDatabase();
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
    viewer = await signIn(open.db, "viewer", { municipalityCode: "012173" });
    actor = {
      id: office.userId,
      municipalityCode: "012173",
      email: office.email,
      name: "行革 花子",
      role: "office",
      departmentIds: [],
    };
    app = createApp(open);
  });
  after(async () => open.close());

  test("an item with its indicators and values, and a parent with its children, go back as they were", async () => {
    const original = await stored();
    // 1-1-1 (an only child, two indicators) and 2-1 with its children 2-1-1 (three indicators) and 2-1-2
    // (再掲 of 2-1-1) go, with consent.
    await importDocuments(open.db, [without("1-1-1", "2-1")], actor, { allowRemovals: true });
    const cut = await stored();
    assert.equal(cut.items[0]!.children[0]!.children.length, 0);
    assert.equal(cut.items[1]!.children.length, 0);

    const page = await (
      await app.request(`/plans/${planId}/history`, { headers: { cookie: office.cookie } })
    ).text();
    assert.match(page, new RegExp(`action="/plans/${planId}/history/${await removalOf("1-1-1")}/restore"`));
    assert.match(page, /この項目を戻す/);
    const seen = await (
      await app.request(`/plans/${planId}/history`, { headers: { cookie: viewer.cookie } })
    ).text();
    assert.match(seen, /取込で削除/);
    assert.doesNotMatch(seen, /この項目を戻す/);
    const url = `/plans/${planId}/history/${await removalOf("1-1-1")}/restore`;
    const noCsrf = await app.request(url, postForm({ cookie: office.cookie, csrf: "" }, { version: "0" }));
    assert.equal(noCsrf.status, 403);
    assert.equal((await app.request(url, postForm(viewer, { version: "0" }))).status, 403);
    const stale = await app.request(url, postForm(office, { version: "5", from: "plan" }));
    assert.equal(stale.status, 409, await stale.text());
    assert.deepEqual(await stored(), cut, "nothing put back");

    const ok = await restore("1-1-1");
    assert.equal(ok.status, 303, await ok.text());
    assert.equal(ok.headers.get("location"), `/plans/${planId}/history?restored=item`);

    // A child cannot go back before its parent, a 再掲 not before the item it repeats.
    const orphan = await restore("2-1-1");
    assert.equal(orphan.status, 409);
    assert.match(await orphan.text(), /親の項目（キー「2-1」）が今の計画にありません/);
    assert.equal((await restore("2-1")).status, 303);
    const repeat = await restore("2-1-2");
    assert.equal(repeat.status, 409);
    assert.match(await repeat.text(), /再掲元の項目（キー「2-1-1」）が今の計画にありません/);
    assert.equal((await restore("2-1-1")).status, 303);
    assert.equal((await restore("2-1-2")).status, 303);

    assert.deepEqual(await stored(), original, "items, indicators and values as they were");
    const done = await (
      await app.request(`/plans/${planId}/history?restored=item`, { headers: { cookie: office.cookie } })
    ).text();
    assert.match(done, /項目を指標・値とともに戻しました/);
    assert.match(done, /（履歴から戻しました）/);
    assert.doesNotMatch(done, /この項目を戻す/, "each put back once");
    const steps = await sql<{ action: string; item_key: string; actor_name: string }>`
      select action, item_key, actor_name from audit_events where action = 'history.restore' order by at`.execute(
      open.db,
    );
    assert.deepEqual(
      steps.rows.map((r) => `${r.item_key} ${r.actor_name}`),
      ["1-1-1 行革 花子", "2-1 行革 花子", "2-1-1 行革 花子", "2-1-2 行革 花子"],
    );
    assert.equal((await restore("1-1-1")).status, 409, "once");
  });

  test("refused when the item's key is used again; nothing changes", async () => {
    await importDocuments(open.db, [without("2-1-2")], actor, { allowRemovals: true });
    await importDocuments(open.db, [samplePlanDocument()], actor);
    const before = await stored();
    const taken = await restore("2-1-2");
    assert.equal(taken.status, 409);
    assert.match(await taken.text(), /項目のキー「2-1-2」は今の計画で使われています/);
    assert.deepEqual(await stored(), before);
  });
});
