/**
 * The time budget of a request (issue 17.2), with handlers the test holds up on promises it controls (no sleeps,
 * no timing assumptions: the budget is a few milliseconds and the handlers wait for the test, not for a clock).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "./app.tsx";
import { isLongRequest, timeBudgetsFromEnv } from "./time-budget.tsx";

/** A promise and the functions that settle it, for the test to hold a handler up. */
function gate<T = void>() {
  let open!: (v: T) => void;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe("every request has a time budget", () => {
  let open: OpenDatabase;
  let viewer: TestSession;
  let planId: string;
  before(async () => {
    open = await openTestDatabase();
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    viewer = await signIn(open.db, "viewer");
  });
  after(async () => open.close());

  const title = () =>
    open.db
      .selectFrom("plans")
      .select("title")
      .where("id", "=", planId)
      .executeTakeFirstOrThrow()
      .then((r) => r.title);

  test("a handler that never ends: a plain 503 page in Japanese, logged with its reference; the server answers on", async (t) => {
    const logged: string[] = [];
    t.mock.method(console, "error", (...args: unknown[]) => logged.push(args.join(" ")));
    const app = createApp(open, { budgets: { pageMs: 5, longMs: 5 } });
    app.get("/test/forever", () => new Promise<Response>(() => {}));
    const res = await app.request("/test/forever", { headers: { cookie: viewer.cookie } });
    assert.equal(res.status, 503);
    assert.equal(res.headers.get("retry-after"), "60");
    assert.equal(res.headers.get("x-frame-options"), "DENY", "the security headers are on the refusal too");
    const html = await res.text();
    assert.match(html, /<h1>時間内に終わりませんでした<\/h1>/);
    assert.match(
      html,
      /時間の上限（5 ミリ秒）までに終わらなかったため、打ち切りました。途中までの変更は保存していません/,
    );
    assert.doesNotMatch(html, /Error|at |stack|promise/i);
    const reference = /番号をお知らせください: ([0-9a-f]{8})/.exec(html)![1]!;
    assert.ok(
      logged.some((l) => l.includes(reference) && l.includes("GET /test/forever")),
      logged.join("\n"),
    );
    const generous = createApp(open, { budgets: { pageMs: 600_000, longMs: 600_000 } });
    assert.equal((await generous.request("/healthz")).status, 200);
  });

  test("past the budget the handler's transaction rolls back: nothing half-written", async (t) => {
    t.mock.method(console, "error", () => {});
    const clock = gate();
    const app = createApp(open, { budgets: { pageMs: 5, longMs: 5, clock: () => clock.promise } });
    const inside = gate();
    const release = gate();
    const finished = gate<unknown>();
    const before = await title();
    app.get("/test/slow-save", async (c) => {
      try {
        await open.db.transaction().execute(async (trx) => {
          await trx
            .updateTable("plans")
            .set({ title: "途中まで書いた表題" })
            .where("id", "=", planId)
            .execute();
          inside.open();
          await release.promise; // the test answers only after the request has been refused
          await trx.updateTable("plans").set({ title: "書き終えた表題" }).where("id", "=", planId).execute();
        });
        finished.open("committed");
      } catch (e) {
        finished.open(e);
      }
      return c.text("saved");
    });
    const answer = app.request("/test/slow-save", { headers: { cookie: viewer.cookie } });
    await inside.promise;
    clock.open(); // the budget is spent while the transaction is half-way
    const res = await answer;
    assert.equal(res.status, 503);
    release.open();
    const outcome = await finished.promise;
    assert.ok(outcome instanceof Error, `the transaction did not commit (${String(outcome)})`);
    assert.match(outcome.message, /打ち切りました/);
    assert.equal(await title(), before, "the first update was rolled back with the transaction");
  });

  test("a commit reached after the budget is refused too (the last query ran in time)", async (t) => {
    t.mock.method(console, "error", () => {});
    const clock = gate();
    const app = createApp(open, { budgets: { pageMs: 5, longMs: 5, clock: () => clock.promise } });
    const inside = gate();
    const release = gate();
    const finished = gate<unknown>();
    const before = await title();
    app.get("/test/late-commit", async (c) => {
      await open.db
        .transaction()
        .execute(async (trx) => {
          await trx.updateTable("plans").set({ title: "遅れた確定" }).where("id", "=", planId).execute();
          inside.open();
          await release.promise;
        })
        .then(
          () => finished.open("committed"),
          (e) => finished.open(e),
        );
      return c.text("saved");
    });
    const answer = app.request("/test/late-commit", { headers: { cookie: viewer.cookie } });
    await inside.promise;
    clock.open(); // every query has run; only the commit is left
    const res = await answer;
    assert.equal(res.status, 503);
    release.open();
    const outcome = await finished.promise;
    assert.ok(outcome instanceof Error, `refused at commit (${String(outcome)})`);
    assert.equal(await title(), before);
  });

  test("within the budget nothing changes; heavy work gets the longer budget", async () => {
    const app = createApp(open, { budgets: { pageMs: 600_000, longMs: 600_000 } });
    const page = await app.request(`/plans/${planId}`, { headers: { cookie: viewer.cookie } });
    assert.equal(page.status, 200);
    assert.equal(isLongRequest("/import", undefined), true);
    assert.equal(isLongRequest("/import/confirm", undefined), true);
    assert.equal(isLongRequest(`/plans/${planId}/reports/sheets`, "pdf"), true);
    assert.equal(isLongRequest(`/plans/${planId}/reports/sheets`, undefined), true);
    assert.equal(isLongRequest("/staffing/012246/template.xlsx", undefined), true);
    assert.equal(isLongRequest(`/plans/${planId}`, undefined), false);
    assert.equal(isLongRequest("/rounds", undefined), false);
    assert.deepEqual(timeBudgetsFromEnv({}), { pageMs: 60_000, longMs: 600_000 });
    assert.deepEqual(
      timeBudgetsFromEnv({ GYOKAKU_REQUEST_SECONDS: "30", GYOKAKU_LONG_REQUEST_SECONDS: "x" }),
      { pageMs: 30_000, longMs: 600_000 },
    );
  });
});
