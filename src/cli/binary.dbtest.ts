// The one test of the real `gyokaku` binary (bin/gyokaku.js on the built JavaScript, building it first when
// the sources changed), started from another folder as an installed command is: the server answers, and a
// command on the same data directory is told which process holds it. Every other CLI test calls run() in
// its own process (src/testing/cli.ts).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { after, describe, test } from "node:test";
import { binScript, cliSandbox, cliSkip } from "../testing/cli.ts";

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
});
