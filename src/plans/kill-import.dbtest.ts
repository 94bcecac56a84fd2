/**
 * kill -9 during an import, on the database the tests use (PGlite in a data directory, or a PostgreSQL
 * database of its own with GYOKAKU_TEST_DB=postgres): afterwards the plan is the old one or the new one,
 * whole — never a part — and the database opens (PGlite takes over the dead process's lock).
 *
 * Killed at several points, each in a process and database of its own, run side by side: as the import
 * begins, and right after the child says it sends statement N of the import, for a few N drawn from a seeded
 * sequence (GYOKAKU_KILL_SEED to draw others; the seed is printed). No timing decides the outcome: the only
 * assertion is "old plan whole or new plan whole".
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { parsePlanDocument } from "../core/plan-document/document.ts";
import { type DatabaseOptions, openDatabase } from "../db/database.ts";
import { postgresAdminUrl, testDatabaseKind } from "../testing/db.ts";
import { killPlans } from "../testing/kill-plans.ts";
import { countDocument, listPlans } from "./plans.service.ts";

const child = fileURLToPath(new URL("../testing/import-child.ts", import.meta.url));

async function target(): Promise<{ options: DatabaseOptions; cleanup: () => Promise<void> }> {
  if (testDatabaseKind() === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "gyokaku-kill-"));
    return {
      options: { kind: "pglite", dataDir: join(dir, "data") },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `gyokaku_test_kill_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: postgresAdminUrl() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return {
    options: { kind: "postgres", url: url.toString() },
    cleanup: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** Statement numbers drawn from a seed (a small LCG): the same seed, the same kill points. */
function drawPoints(seed: number, count: number, max: number): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  while (out.length < count) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const n = 1 + ((s >>> 8) % max);
    if (!out.includes(n)) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

const SEED = Number(process.env.GYOKAKU_KILL_SEED ?? 17);
/** The larger plan's import sends about a hundred statements (see kill-plans.ts). */
const POINTS: (number | "start")[] = ["start", ...drawPoints(SEED, 2, 90)];

/** Runs the child and kills it at the point; whether the kill came before the import's end is reported. */
async function killAt(options: DatabaseOptions, point: number | "start"): Promise<"killed" | "finished"> {
  const proc = spawn(process.execPath, ["--import", "tsx", child, JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  proc.stderr.on("data", (d) => {
    err += String(d);
  });
  const wanted = point === "start" ? "importing" : `statement ${point}`;
  let started = false;
  let killed = false;
  let out = "";
  proc.stdout.on("data", (d) => {
    out += String(d);
    const lines = out.split("\n");
    out = lines.pop() ?? "";
    for (const line of lines) {
      if (line === "importing") started = true;
      if (line === wanted && !killed) {
        killed = proc.kill("SIGKILL");
      }
    }
  });
  const exit = await new Promise<NodeJS.Signals | number | null>((done) =>
    proc.on("exit", (code, signal) => done(signal ?? code)),
  );
  assert.ok(started, `the import process ended before the import (${exit}): ${err}`);
  if (exit === "SIGKILL") return "killed";
  assert.equal(exit, 0, err);
  return "finished";
}

async function assertWhole(options: DatabaseOptions, point: number | "start"): Promise<void> {
  const open = await openDatabase(options);
  try {
    const plans = await listPlans(open.db);
    assert.equal(plans.length, 1);
    const { small, large } = killPlans();
    const whole = [small, large].map((d) => countDocument(parsePlanDocument(d)));
    const got = { items: plans[0]!.itemCount, indicators: plans[0]!.indicatorCount };
    assert.ok(
      whole.some((w) => w.items === got.items && w.indicators === got.indicators),
      `killed at ${point}: a partial plan: ${JSON.stringify(got)}, expected one of ${JSON.stringify(whole)}`,
    );
  } finally {
    await open.close();
  }
}

describe("kill -9 during an import", () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups) await c();
  });

  test(`the plan is the old one or the new one, whole, wherever it is killed (${testDatabaseKind()})`, async (t) => {
    t.diagnostic(
      `seed ${SEED}: killed as the import begins and after statements ${POINTS.slice(1).join(", ")}`,
    );
    const targets = await Promise.all(POINTS.map(() => target()));
    for (const { cleanup } of targets) cleanups.push(cleanup);
    const outcomes = await Promise.all(POINTS.map((p, i) => killAt(targets[i]!.options, p)));
    t.diagnostic(`outcomes: ${POINTS.map((p, i) => `${p}: ${outcomes[i]}`).join(", ")}`);
    assert.ok(outcomes.includes("killed"), "at least one import was killed");
    await Promise.all(POINTS.map((p, i) => assertWhole(targets[i]!.options, p)));
  });
});
