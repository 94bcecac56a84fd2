/**
 * A report's HTML is made in a worker thread (issue 17.2): while the worker is busy with a report page's body
 * (held by the test, blocked as hundreds of charts would block it), the server answers /healthz and other
 * pages; the report page then comes with its body. A spent budget ends the task. Ordering, not milliseconds.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { closeWorkers, holdWorkersForTest, runningTasks } from "../core/workers/pool.ts";
import type { OpenDatabase } from "../db/database.ts";
import { clearPageCache } from "../plans/page-cache.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { answersWhileWorkerHeld } from "../testing/worker-hold.ts";
import { createApp } from "../web/app.tsx";

describe("reports' HTML is made off the request thread", () => {
  let open: OpenDatabase;
  let office: TestSession;
  let planId: string;
  before(async () => {
    open = await openTestDatabase();
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office");
  });
  // A report page's body is kept per data version (report-page.ts) and then served without the worker: each
  // test starts with nothing kept, so that its request goes to the worker.
  beforeEach(() => clearPageCache());
  after(async () => {
    await closeWorkers();
    await open.close();
  });

  for (const [what, url] of [
    ["the 個票 page", (id: string) => `/plans/${id}/reports/sheets?fy=2021`],
    ["the 個票 as an html download", (id: string) => `/plans/${id}/reports/sheets?fy=2021&format=html`],
  ] as const)
    test(`/healthz and a plan page answer while the worker makes ${what}; then it comes whole`, async () => {
      const app = createApp(open);
      const res = await answersWhileWorkerHeld(
        app,
        () => app.request(url(planId), { headers: { cookie: office.cookie } }),
        [{ path: `/plans/${planId}`, cookie: office.cookie }],
      );
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<svg/, "the charts of the body are in the page");
      assert.match(html, /取組/);
      assert.equal(runningTasks(), 0);
    });

  test("when the request's budget is spent the report's task is ended and its thread given back", async (t) => {
    t.mock.method(console, "error", () => {});
    let spend!: () => void;
    const clock = new Promise<void>((resolve) => {
      spend = resolve;
    });
    const app = createApp(open, { budgets: { pageMs: 1, longMs: 1, clock: () => clock } });
    const hold = holdWorkersForTest();
    const rendering = app.request(`/plans/${planId}/reports/sheets?fy=2021`, {
      headers: { cookie: office.cookie },
    });
    try {
      await hold.waiting;
      assert.equal(runningTasks(), 1);
      spend();
      assert.equal((await rendering).status, 503);
      assert.equal(runningTasks(), 0, "the blocked thread was ended, not left running");
    } finally {
      hold.release();
    }
    const next = await createApp(open).request(`/plans/${planId}/reports/sheets?fy=2021`, {
      headers: { cookie: office.cookie },
    });
    assert.equal(next.status, 200);
  });

  test("a body made once is kept: the same page again is answered without the worker", async () => {
    const app = createApp(open);
    const url = `/plans/${planId}/reports/summary?fy=2021`;
    const first = await (await app.request(url, { headers: { cookie: office.cookie } })).text();
    const hold = holdWorkersForTest();
    try {
      const again = await app.request(url, { headers: { cookie: office.cookie } });
      assert.equal(again.status, 200);
      assert.equal(await again.text(), first);
      assert.equal(runningTasks(), 0, "nothing was asked of the worker");
    } finally {
      hold.release();
    }
  });
});
