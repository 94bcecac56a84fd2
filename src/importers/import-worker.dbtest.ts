/**
 * Reading an uploaded workbook runs in a worker thread (issue 17.2): while the worker is busy (held by the test,
 * blocked as a long parse blocks it), the server answers /healthz and pages; the import then finishes as before.
 * Ordering, not milliseconds: the test waits until the worker is inside the task, asks, then lets it go.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { readPlanDocument } from "../core/plan-document/document.ts";
import { writePlanWorkbook } from "../core/plan-workbook/index.ts";
import { closeWorkers, holdWorkersForTest, runningTasks } from "../core/workers/pool.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { answersWhileWorkerHeld } from "../testing/worker-hold.ts";
import { createApp } from "../web/app.tsx";

function upload(session: TestSession, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("_csrf", session.csrf);
  form.append("format", "");
  form.append("files", new File([new Uint8Array(bytes)], name));
  return { method: "POST", body: form, headers: { cookie: session.cookie } };
}

describe("workbook and JSON imports run off the request thread", () => {
  let open: OpenDatabase;
  let office: TestSession;
  let workbook: Uint8Array;
  let planId: string;
  before(async () => {
    open = await openTestDatabase();
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office");
    const doc = readPlanDocument(samplePlanDocument({ title: "ワーカーで読んだ表題" }), "sample").document;
    workbook = new Uint8Array(await writePlanWorkbook(doc));
  });
  after(async () => {
    await closeWorkers();
    await open.close();
  });

  test("/healthz and a plan page answer while the worker reads the workbook; then the preview is shown", async () => {
    const app = createApp(open);
    const res = await answersWhileWorkerHeld(
      app,
      () => app.request("/import", upload(office, "plan.xlsx", workbook)),
      [{ path: `/plans/${planId}`, cookie: office.cookie }],
    );
    assert.equal(res.status, 200);
    assert.match(await res.text(), /ワーカーで読んだ表題/);
  });

  test("a JSON plan document is parsed and validated in the worker: /healthz answers meanwhile", async () => {
    const app = createApp(open);
    const json = new TextEncoder().encode(
      JSON.stringify(samplePlanDocument({ title: "ワーカーで読んだJSON" })),
    );
    const res = await answersWhileWorkerHeld(app, () =>
      app.request("/import", upload(office, "plan.json", json)),
    );
    assert.equal(res.status, 200);
    assert.match(await res.text(), /ワーカーで読んだJSON/);
  });

  test("a JSON plan over the item limit is refused from the worker, naming the count and the limit", async () => {
    const doc = samplePlanDocument();
    doc.items = Array.from({ length: 5_001 }, (_, i) => ({ key: `i${i}`, title: "項目" }));
    const res = await createApp(open).request(
      "/import",
      upload(office, "large.json", new TextEncoder().encode(JSON.stringify(doc))),
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /項目が多すぎます（5,001 件。一つの計画文書は 5,000 件まで）/);
  });

  test("a refusal made in the worker reads as before: the message and where, no internal text", async () => {
    const app = createApp(open);
    const res = await app.request("/import", upload(office, "broken.xlsx", workbook.subarray(0, 2000)));
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /broken\.xlsx/);
    assert.doesNotMatch(html, /worker|at .*\.ts|Error:/);
  });

  test("when the request's budget is spent the worker's task is ended and its thread given back", async (t) => {
    t.mock.method(console, "error", () => {});
    let spend!: () => void;
    const clock = new Promise<void>((resolve) => {
      spend = resolve;
    });
    const app = createApp(open, { budgets: { pageMs: 1, longMs: 1, clock: () => clock } });
    const hold = holdWorkersForTest();
    const importing = app.request("/import", upload(office, "plan.xlsx", workbook));
    try {
      await hold.waiting;
      assert.equal(runningTasks(), 1);
      spend();
      const res = await importing;
      assert.equal(res.status, 503);
      assert.equal(runningTasks(), 0, "the blocked thread was ended, not left running");
    } finally {
      hold.release();
    }
    // the pool starts a new thread for the next import
    const next = await createApp(open).request("/import", upload(office, "plan.xlsx", workbook));
    assert.equal(next.status, 200);
  });
});
