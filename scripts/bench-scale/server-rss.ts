// The server's own memory: the built server (`node bin/gyokaku.js serve`, as users run it) started in a process
// of its own on the benchmark's database, every page kind requested under the same concurrency for a short time,
// and its resident memory read from /proc (now and at its peak, VmHWM). The figures of the main table include
// the load generator and the TypeScript loader, which share the benchmark's process; these do not.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { nodeFlags } from "../../src/cli/main.ts";
import { ACCEPT_ENCODING } from "./measure.ts";

const BIN = fileURLToPath(new URL("../../bin/gyokaku.js", import.meta.url));

export type ServerMemory = {
  idle: number;
  startPeak: number;
  peak: number;
  after: number;
  errors: number;
  /** the requests answered per second, all paths together (the price of a setting that saves memory) */
  rps: number;
};

function status(pid: number): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

/**
 * Starts the built server on the database (`data`: a PGlite data directory no other process holds; `url`: a
 * PostgreSQL database), requests each path for `seconds` with `connections`, and stops it.
 */
export async function measureServerMemory(
  db: { data: string } | { url: string },
  paths: readonly string[],
  cookie: string,
  settings: {
    seconds: number;
    connections: number;
    lowMemory?: boolean;
    /** more of node's flags and environment for the server (trying settings by hand) */
    nodeArgs?: readonly string[];
    env?: Record<string, string>;
  },
): Promise<ServerMemory> {
  const secrets = "url" in db ? mkdtempSync(join(tmpdir(), "gyokaku-bench-server-")) : null;
  // GYOKAKU_LOW_MEMORY=1 makes bin/gyokaku.js start the server again with node's flags for it (--liftoff-only,
  // a smaller young generation: nodeFlags in src/cli/main.ts); given here, so that the process measured is the
  // server itself
  const env = {
    ...process.env,
    ...("url" in db ? { DATABASE_URL: db.url } : {}),
    GYOKAKU_LOW_MEMORY: settings.lowMemory ? "1" : "0",
    ...settings.env,
  };
  const flags = nodeFlags(["serve"], env);
  const child = spawn(
    process.execPath,
    [
      ...flags,
      ...(settings.nodeArgs ?? []),
      BIN,
      "serve",
      "--port",
      "0",
      "--no-demo",
      "--data",
      "data" in db ? db.data : secrets!,
    ],
    {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /gyokaku: (http:\/\/[^/\s]+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      child.stderr!.on("data", (d: Buffer) => {
        out += d.toString();
      });
      child.once("exit", (code) => reject(new Error(`the server stopped (${code}): ${out.slice(-400)}`)));
    });
    const started = status(child.pid!);
    let errors = 0;
    let requests = 0;
    const t0 = performance.now();
    for (const path of paths) {
      const r = await autocannon({
        url: origin + path,
        connections: settings.connections,
        duration: settings.seconds,
        headers: { cookie, "accept-encoding": ACCEPT_ENCODING },
      });
      errors += r.errors + r.timeouts + r.non2xx;
      requests += r.requests.total;
    }
    const rps = requests / ((performance.now() - t0) / 1000);
    const { rss, hwm } = status(child.pid!);
    return { idle: started.rss, startPeak: started.hwm, peak: hwm, after: rss, errors, rps };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    }
    if (secrets) rmSync(secrets, { recursive: true, force: true });
  }
}
