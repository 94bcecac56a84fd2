/**
 * A 類似団体別職員数 workbook is read in a worker thread (issue 17.2; staffing.worker.ts): while the worker is
 * held inside the task (blocked as a long parse blocks it), this thread goes on; released, the table reads as
 * before, and a refusal made in the worker (the text limits of the peer table) keeps its code and message.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { isAppError } from "../core/errors.ts";
import { parsePeerTable } from "../core/staffing-document/index.ts";
import { closeWorkers, holdWorkersForTest, runningTasks } from "../core/workers/pool.ts";
import { madeUpPeerTable } from "../testing/staffing-town.ts";
import { writePeerTableWorkbook } from "./staffing.peer-table-workbook.ts";
import { readStaffingFiles } from "./staffing.service.ts";

after(() => closeWorkers());

test("an uploaded peer-table workbook is read in a worker thread, not on the request thread", async () => {
  const table = parsePeerTable(madeUpPeerTable(), "peer.json");
  const bytes = new Uint8Array(await writePeerTableWorkbook(table));
  const hold = holdWorkersForTest();
  let settled = false;
  const reading = readStaffingFiles([{ path: "peer.xlsx", bytes }]).finally(() => {
    settled = true;
  });
  try {
    await hold.waiting; // the worker thread is inside the task
    assert.equal(runningTasks(), 1);
    assert.equal(settled, false);
  } finally {
    hold.release();
  }
  const read = await reading;
  assert.deepEqual(read.peerTables, [table]);
  assert.equal(read.documents.length, 0);
});

test("a peer table's text over its limit is refused from the worker, naming the field", async () => {
  const table = parsePeerTable(madeUpPeerTable(), "peer.json");
  const bytes = new Uint8Array(await writePeerTableWorkbook({ ...table, title: "資".repeat(1_001) }));
  await assert.rejects(readStaffingFiles([{ path: "peer.xlsx", bytes }]), (e: unknown) => {
    assert.ok(isAppError(e, "invalid_document"), String(e));
    assert.match(e.message, /資料名: 1,000文字以内/);
    return true;
  });
});
