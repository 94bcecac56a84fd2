/**
 * Heavy work off the request thread (issue 17.2), tested by ordering, not milliseconds: the request's task is held
 * inside its worker thread (holdWorkersForTest, blocked as a long parse or render blocks it) while /healthz and the
 * given pages must answer; then the task is released and the request's response returned.
 */
import assert from "node:assert/strict";
import { holdWorkersForTest, runningTasks } from "../core/workers/pool.ts";

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export async function answersWhileWorkerHeld(
  app: App,
  heavy: () => Response | Promise<Response>,
  /** pages that must answer too (200), each with its reader's cookie */
  pages: readonly { path: string; cookie: string }[] = [],
): Promise<Response> {
  const hold = holdWorkersForTest();
  let settled = false;
  const running = Promise.resolve(heavy()).finally(() => {
    settled = true;
  });
  try {
    // the worker thread is inside the task (a request answered without the worker fails, never hangs)
    await Promise.race([
      hold.waiting,
      running.then(() => assert.fail("the request was answered without a task in the worker")),
    ]);
    assert.equal((await app.request("/healthz")).status, 200);
    for (const p of pages)
      assert.equal((await app.request(p.path, { headers: { cookie: p.cookie } })).status, 200);
    assert.equal(settled, false, "the task was still in the worker when they answered");
    assert.equal(runningTasks(), 1);
  } finally {
    hold.release();
  }
  const res = await running;
  assert.equal(runningTasks(), 0);
  return res;
}
