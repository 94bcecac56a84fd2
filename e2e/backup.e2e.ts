// Growing from one machine to a server: the embedded database (PGlite) backed up with `gyokaku backup`,
// restored into a PostgreSQL server, and the two servers side by side show the same plans, rounds and history
// in the browser. Skipped without Chromium or without a PostgreSQL server (GYOKAKU_TEST_POSTGRES_URL).
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import pg from "pg";
import { type Browser, chromium, type Page } from "playwright-core";
import { restoreFromFile } from "../src/backup/backup.service.ts";
import { chromiumArgs, findChromium } from "../src/core/pdf/chromium.ts";
import { openDatabase } from "../src/db/database.ts";
import { openRound } from "../src/rounds/rounds.service.ts";
import { gyokakuInProcess } from "../src/testing/cli.ts";
import { postgresAdminUrl, postgresAvailable } from "../src/testing/db.ts";
import { needs } from "../src/testing/system.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OFFICE = { email: "office@demo.example.jp", password: "demo-office-2026" };
const skip = needs("chromium") || ((await postgresAvailable()) ? false : "no PostgreSQL server");

function serve(args: string[], env: NodeJS.ProcessEnv): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(
    process.execPath,
    [join(root, "bin/gyokaku.js"), "serve", "--port", "0", "--no-demo", ...args],
    {
      env,
    },
  );
  return new Promise((ok, fail) => {
    let out = "";
    server.stdout!.on("data", (b) => {
      out += String(b);
      const m = /gyokaku: (http:\/\/[^/\s]+)\//.exec(out);
      if (m) ok({ server, base: m[1]! });
    });
    server.stderr!.on("data", (b) => {
      out += String(b);
    });
    server.on("exit", () => fail(new Error(`the server exited: ${out}`)));
  });
}

describe("a PGlite backup restored into PostgreSQL shows the same in the browser", { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), "gyokaku-e2e-backup-"));
  const data = join(dir, "data");
  const database = `gyokaku_e2e_${randomBytes(6).toString("hex")}`;
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${database}`;
  const servers: ChildProcess[] = [];
  const bases: string[] = [];
  let browser: Browser;
  let roundId = "";

  before(async () => {
    const demo = await gyokakuInProcess(["user", "demo", "--data", data]);
    assert.equal(demo.code, 0, demo.err);
    // A round, so that there are rounds and history to compare.
    const embedded = await openDatabase({ kind: "pglite", dataDir: data });
    try {
      const office = await sql<{ id: string; name: string }>`
        select id, name from users where email = ${OFFICE.email}`.execute(embedded.db);
      const plan = await sql<{ id: string }>`
        select id from plans where municipality_code = '012173' order by key limit 1`.execute(embedded.db);
      const actor = {
        id: office.rows[0]!.id,
        municipalityCode: "012173",
        email: OFFICE.email,
        name: office.rows[0]!.name,
        role: "office" as const,
        departmentIds: [],
      };
      roundId = await openRound(embedded.db, actor, {
        planId: plan.rows[0]!.id,
        fiscalYear: "2022",
        deadline: "2030-06-30",
      });
    } finally {
      await embedded.close();
    }
    const file = join(dir, "move.jsonl.gz");
    const backup = await gyokakuInProcess(["backup", "--out", file, "--data", data]);
    assert.equal(backup.code, 0, backup.err);

    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const server = await openDatabase({ kind: "postgres", url: url.toString() });
    try {
      await restoreFromFile(server.db, file);
    } finally {
      await server.close();
    }

    const env = { ...process.env, DATABASE_URL: "", GYOKAKU_DATA: "" };
    for (const s of [
      await serve(["--data", data], env),
      await serve([], { ...env, DATABASE_URL: url.toString() }),
    ]) {
      servers.push(s.server);
      bases.push(s.base);
    }
    const found = findChromium();
    assert.ok(found.ok);
    browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs() });
  });

  after(async () => {
    await browser?.close();
    for (const s of servers) {
      if (s.exitCode === null) {
        s.kill("SIGTERM");
        await new Promise((r) => s.once("exit", r));
      }
    }
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(base: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    // Generous, for a loaded machine, but finite: a step that waits for what never comes fails naming it.
    context.setDefaultTimeout(180_000);
    context.setDefaultNavigationTimeout(180_000);
    const page = await context.newPage();
    await page.goto(`${base}/login?municipality=012173`);
    await page.getByLabel("メールアドレス").fill(OFFICE.email);
    await page.getByLabel("パスワード").fill(OFFICE.password);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL(`${base}/`);
    return page;
  }

  test("the plans, the rounds, a round and the recent changes read the same on both servers", async () => {
    const [embedded, server] = [await signedIn(bases[0]!), await signedIn(bases[1]!)];
    const text = async (page: Page, base: string, path: string) => {
      await page.goto(`${base}${path}`);
      return ((await page.textContent("main")) ?? "").replace(/\s+/g, " ").trim();
    };
    for (const path of ["/", "/rounds", `/rounds/${roundId}`, "/dashboard"]) {
      const a = await text(embedded, bases[0]!, path);
      const b = await text(server, bases[1]!, path);
      assert.ok(a.length > 100, `${path} shows something`);
      assert.equal(b, a, `${path} reads the same`);
    }
    const dashboard = await text(server, bases[1]!, "/dashboard");
    assert.match(dashboard, /照会を開始/, "the history came along");
    assert.match(await text(server, bases[1]!, "/"), /江別市/);
  });
});
