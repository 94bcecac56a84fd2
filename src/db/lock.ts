/**
 * A lock file in the data directory: PGlite must never be opened by two processes at once,
 * or the directory is corrupted. A lock left by a process that no longer runs is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { AppError } from "../core/errors.ts";

/** The data directory is held by another live process: "in_use", naming the holder. */
function dataDirectoryInUse(dir: string, pid: number, host: string): AppError {
  return new AppError(
    "in_use",
    `データディレクトリ ${dir} は別のプロセス（PID ${pid}、ホスト ${host}）が使用中です。` +
      ` そのプロセスを終了するか、--data で別のディレクトリを指定してください。` +
      ` / The data directory ${dir} is in use by process ${pid} on ${host}.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export type Lock = { path: string; release(): void };

export function acquireLock(dir: string): Lock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "gyokaku.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        // A process that opens and closes the database many times (the tests) keeps no listener per lock.
        process.removeListener("exit", release);
        rmSync(path, { force: true });
      };
      process.once("exit", release);
      return { path, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, "utf8"));
      } catch {
        // A lock file being written or cut short: treat as held unless it is older than a moment.
      }
      const sameHost = !holder.host || holder.host === hostname();
      if (holder.pid && (!sameHost || isAlive(holder.pid))) {
        throw dataDirectoryInUse(dir, holder.pid, holder.host ?? hostname());
      }
      // The holder is gone (crashed): the lock is stale.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`ロックファイル ${path} を作成できません`);
}
