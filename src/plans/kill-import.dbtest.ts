/**
 * kill -9 during an import, on the database the tests use (PGlite in a data directory, or a PostgreSQL
 * database of its own with GYOKAKU_TEST_DB=postgres): afterwards the plan is the old one or the new one,
 * whole — never a part — and the database opens (PGlite takes over the dead process's lock).
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

describe("kill -9 during an import", () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups) await c();
  });

  test(`the plan is the old one or the new one, whole (${testDatabaseKind()})`, async () => {
    const { options, cleanup } = await target();
    cleanups.push(cleanup);
    const proc = spawn(process.execPath, ["--import", "tsx", child, JSON.stringify(options)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    proc.stderr.on("data", (d) => {
      err += String(d);
    });
    const exited = new Promise<NodeJS.Signals | number | null>((done) =>
      proc.on("exit", (code, signal) => done(signal ?? code)),
    );
    // Killed as soon as the large import has begun: the answer must not depend on when exactly.
    await new Promise<void>((done, fail) => {
      let out = "";
      proc.stdout.on("data", (d) => {
        out += String(d);
        if (out.includes("importing\n")) {
          proc.kill("SIGKILL");
          done();
        }
      });
      proc.on("exit", () => fail(new Error(`the import process ended before the import: ${err}`)));
    });
    assert.equal(await exited, "SIGKILL");

    const open = await openDatabase(options);
    try {
      const plans = await listPlans(open.db);
      assert.equal(plans.length, 1);
      const { small, large } = killPlans();
      const whole = [small, large].map((d) => countDocument(parsePlanDocument(d)));
      const got = { items: plans[0]!.itemCount, indicators: plans[0]!.indicatorCount };
      assert.ok(
        whole.some((w) => w.items === got.items && w.indicators === got.indicators),
        `a partial plan: ${JSON.stringify(got)}, expected one of ${JSON.stringify(whole)}`,
      );
    } finally {
      await open.close();
    }
  });
});
