/** The data directory's lock: stale locks recognised by PID, start time and host (issue 17, finding 9). */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { isAppError } from "../core/errors.ts";
import { acquireLock, processStart } from "./lock.ts";

const dirs: string[] = [];
function dirWithLock(content: string): string {
  const d = mkdtempSync(join(tmpdir(), "gyokaku-lock-"));
  dirs.push(d);
  writeFileSync(join(d, "gyokaku.lock"), content);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test("a lock whose PID now belongs to another live process (PID 1 in a container) is taken over", {
  skip: processStart(1) === undefined ? "needs /proc (Linux)" : false,
}, () => {
  const d = dirWithLock(
    JSON.stringify({ pid: 1, host: hostname(), started: "1", since: "2026-01-01T00:00:00Z" }),
  );
  const lock = acquireLock(d);
  assert.equal(JSON.parse(readFileSync(lock.path, "utf8")).pid, process.pid);
  lock.release();
});

test("a lock held by a live process started when it says is respected", () => {
  const d = dirWithLock(
    JSON.stringify({ pid: process.pid, host: hostname(), started: processStart("self"), since: "now" }),
  );
  assert.throws(
    () => acquireLock(d),
    (e: unknown) => isAppError(e, "in_use") && e.message.includes(`PID ${process.pid}`),
  );
});

test("a lock from another host names the lock file and says to check that host before deleting it", () => {
  const d = dirWithLock(JSON.stringify({ pid: 4242, host: "other-host.example", started: "99" }));
  assert.throws(
    () => acquireLock(d),
    (e: unknown) =>
      isAppError(e, "in_use") &&
      e.message.includes("other-host.example") &&
      e.message.includes(join(d, "gyokaku.lock")) &&
      /動いていないことを確かめてから.*削除/.test(e.message),
  );
});

test("a lock file cut short, or of a process gone, is taken over", () => {
  for (const content of ['{"pid": 12', JSON.stringify({ pid: 2 ** 22 + 17, host: hostname() })]) {
    const lock = acquireLock(dirWithLock(content));
    lock.release();
  }
});
