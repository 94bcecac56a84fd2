// The one test of the real `gyokaku` binary (bin/gyokaku.js on the built JavaScript, building it first when
// the sources changed), started from another folder as an installed command is: the server answers, and a
// command on the same data directory is told which process holds it. Every other CLI test calls run() in
// its own process (src/testing/cli.ts).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { binScript, cliSandbox, cliSkip } from "../testing/cli.ts";
import { samplePlanDocument } from "../testing/factories.ts";

/** The built command, run as a user runs it: exit code and output. */
function runBinary(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binScript, ...args], {
      cwd: tmpdir(),
      env: { ...process.env, DATABASE_URL: "", GYOKAKU_DATA: "" },
    });
    let out = "";
    child.stdout.on("data", (b) => {
      out += String(b);
    });
    child.stderr.on("data", (b) => {
      out += String(b);
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, out }));
  });
}

const sandbox = cliSandbox("binary");

describe("the gyokaku binary", { skip: cliSkip() }, () => {
  after(sandbox.cleanup);

  test("serves from any folder; a second process on its data directory is told it is in use and by whom", async () => {
    const server = spawn(
      process.execPath,
      [binScript, "serve", "--port", "0", "--no-demo", "--data", sandbox.data],
      { cwd: tmpdir(), env: { ...process.env, DATABASE_URL: "", GYOKAKU_DATA: "" } },
    );
    let output = "";
    try {
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.on("data", (b) => {
          output += String(b);
          const m = /gyokaku: (http:\/\/\S+)/.exec(output);
          if (m) resolve(m[1]!);
        });
        server.stderr.on("data", (b) => {
          output += String(b);
        });
        server.on("exit", (code) => reject(new Error(`the server exited (${code}): ${output}`)));
      });
      const health = await fetch(new URL("/healthz", url));
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: "ok", database: "pglite" });
      const r = await sandbox.gyokaku("plans");
      assert.equal(r.code, 1);
      assert.match(r.err, new RegExp(`PID ${server.pid}.*使用中`));
    } finally {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((r) => server.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
    }
    assert.equal((await sandbox.gyokaku("plans")).code, 0, "the lock is released when the server stops");
  });

  test("imports a workbook with the built worker thread (dist/plan-workbook.worker.js)", async () => {
    const data = join(sandbox.dir, "worker-data");
    const json = join(sandbox.dir, "plan.json");
    const xlsx = join(sandbox.dir, "plan.xlsx");
    writeFileSync(json, JSON.stringify(samplePlanDocument()));
    const stored = await runBinary(["import", json, "--data", data]);
    assert.equal(stored.code, 0, stored.out);
    const exported = await runBinary([
      "export",
      "--plan",
      "012173/sample",
      "--format",
      "xlsx",
      "--out",
      xlsx,
      "--data",
      data,
    ]);
    assert.equal(exported.code, 0, exported.out);
    // the workbook is read by exceljs in a worker thread of the built command
    const again = await runBinary(["import", xlsx, "--data", data]);
    assert.equal(again.code, 0, again.out);
    assert.match(again.out, /テスト行政改革計画/);
  });
});
