/**
 * A lock file in the data directory: PGlite must never be opened by two processes at once, or the directory
 * is corrupted. The lock names its holder by PID, the process's start time (on Linux, from /proc) and the
 * host. A lock is stale, and taken over, when on this host its PID no longer runs or now belongs to a process
 * started at another time (a PID reused after a restart, PID 1 in a new container). A lock from another host
 * cannot be checked from here: the message says how to make sure and clear it.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { AppError } from "../core/errors.ts";

export type LockHolder = { pid?: number; host?: string; started?: string; boot?: string; since?: string };

/** When a process started, as the kernel counts it (clock ticks since boot), or undefined off Linux. */
export function processStart(pid: number | "self"): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (2nd field) may contain spaces and parentheses: count fields after its last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the holder of a lock certainly runs ("held"), certainly does not ("stale"), or cannot be checked. */
export function holderState(
  h: LockHolder,
  here = { host: hostname(), boot: bootId() },
): "held" | "stale" | "unknown" {
  if (!h.pid) return "stale";
  if (h.host && h.host !== here.host) return "unknown";
  if (h.boot && here.boot && h.boot !== here.boot) return "stale"; // written before the machine restarted
  if (!isAlive(h.pid)) return "stale";
  if (h.started !== undefined) {
    const now = processStart(h.pid);
    if (now !== undefined && now !== h.started) return "stale"; // the PID now belongs to another process
  }
  return "held";
}

/** The data directory is held by another process, or may be: "in_use", naming the holder and the way out. */
function dataDirectoryInUse(dir: string, path: string, h: LockHolder, checked: boolean): AppError {
  const who = `PID ${h.pid}、ホスト ${h.host ?? hostname()}${h.since ? `、${h.since} から` : ""}`;
  const message = checked
    ? `データディレクトリ ${dir} は別のプロセス（${who}）が使用中です。` +
      ` そのプロセスを終了するか、--data で別のディレクトリを指定してください。`
    : `データディレクトリ ${dir} は別のホストのプロセス（${who}）が使用中と記録されています。` +
      ` そのホストで gyokaku が動いていないことを確かめてから、ロックファイル ${path} を削除してください` +
      `（動いている間に削除するとデータが壊れます）。`;
  return new AppError(
    "in_use",
    `${message} / The data directory ${dir} is locked by process ${h.pid} on ${h.host}.`,
  );
}

export type Lock = { path: string; release(): void };

export function acquireLock(dir: string): Lock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "gyokaku.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      const me: LockHolder = {
        pid: process.pid,
        host: hostname(),
        started: processStart("self"),
        boot: bootId(),
        since: new Date().toISOString(),
      };
      writeSync(fd, JSON.stringify(me));
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
      let holder: LockHolder = {};
      try {
        holder = JSON.parse(readFileSync(path, "utf8")) as LockHolder;
      } catch {
        // A lock file cut short (the holder died while writing it): stale.
      }
      const state = holderState(holder);
      if (state !== "stale") throw dataDirectoryInUse(dir, path, holder, state === "held");
      rmSync(path, { force: true });
    }
  }
  throw new AppError(
    "in_use",
    `ロックファイル ${path} を作成できません。別のプロセスが同時に開こうとしています。しばらくしてからもう一度お試しください。`,
  );
}
