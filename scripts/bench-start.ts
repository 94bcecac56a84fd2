// How fast gyokaku starts, as a user starts it: the built `gyokaku` command (bin/gyokaku.js) in fresh processes.
//   npm run bench:start [-- --runs 5] [-- --port 3110]
// Prints the median of the runs against the aims, the CPU time the processes used, the machine's load (on a
// shared machine the wall-clock figures follow the neighbours), and then what the remaining time is spent on:
// Node itself, loading the code, starting the embedded database, creating one, migrations, the seeds.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin/gyokaku.js");
const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, port: { type: "string" } },
});
const RUNS = Number(values.runs);
const env = { ...process.env, DATABASE_URL: "", GYOKAKU_DATA: "" };
const work = mkdtempSync(join(tmpdir(), "gyokaku-bench-start-"));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (s: number) => `${s.toFixed(2)} s`;

/** CPU seconds (user + system) of a process and its children that have ended, from /proc (Linux only). */
function cpuOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime stime cutime cstime are fields 14–17 (1-based) of the whole line; here 12–15 (0-based after ") ")
    const ticks = fields.slice(11, 15).reduce((a, b) => a + Number(b), 0);
    return ticks / 100;
  } catch {
    return null;
  }
}

/** A command to its end: wall seconds and the CPU seconds of the whole process tree (via bash's times). */
function runCommand(args: string[]): { wall: number; cpu: number | null; status: number | null } {
  const started = performance.now();
  const r = spawnSync(
    "bash",
    ["-c", 'node "$@" >/dev/null 2>&1; status=$?; times; exit $status', "bash", bin, ...args],
    { env, encoding: "utf8" },
  );
  const wall = (performance.now() - started) / 1000;
  // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.567s"
  const children = r.stdout
    .trim()
    .split("\n")
    .at(-1)
    ?.match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
  const cpu = children
    ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])
    : null;
  return { wall, cpu, status: r.status };
}

let nextPort = Number(values.port ?? 3110);

/** Starts the server and waits until it answers a page (GET /login, rendered by the app); then stops it. */
async function serveUntilReady(
  data: string,
  extra: string[] = [],
): Promise<{ wall: number; cpu: number | null }> {
  const port = nextPort++;
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "serve", "--port", String(port), "--data", data, ...extra], {
    env,
  });
  let output = "";
  child.stdout.on("data", (b) => {
    output += String(b);
  });
  child.stderr.on("data", (b) => {
    output += String(b);
  });
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
      if (output.includes("gyokaku: http")) {
        const res = await fetch(`http://127.0.0.1:${port}/login`).catch(() => null);
        if (res?.status === 200) {
          await res.arrayBuffer();
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const wall = (performance.now() - started) / 1000;
    return { wall, cpu: child.pid ? cpuOf(child.pid) : null };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

type Row = { what: string; aim: number; walls: number[]; cpus: (number | null)[] };
const rows: Row[] = [];
function report(row: Row) {
  rows.push(row);
  const m = median(row.walls);
  const cpu = row.cpus.every((c) => c !== null) ? ` · CPU ${fmt(median(row.cpus as number[]))}` : "";
  console.log(
    `${m < row.aim ? "✓" : "✗"} ${row.what.padEnd(40)} median ${fmt(m)} (aim < ${fmt(row.aim)}; runs ${row.walls.map((w) => w.toFixed(2)).join(" ")})${cpu}`,
  );
}

console.log(
  `gyokaku start-up, ${RUNS} runs each · ${cpus().length} cores · load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} · node ${process.version}`,
);
spawnSync(process.execPath, [join(root, "scripts/build.js"), "--if-stale"], { stdio: "inherit" });

// gyokaku help
{
  const runs = Array.from({ length: RUNS }, () => runCommand(["help"]));
  report({ what: "gyokaku help", aim: 0.5, walls: runs.map((r) => r.wall), cpus: runs.map((r) => r.cpu) });
}

// gyokaku plans --json on an empty database (made by the first call, not measured)
{
  const data = join(work, "empty");
  runCommand(["plans", "--json", "--data", data]);
  const runs = Array.from({ length: RUNS }, () => runCommand(["plans", "--json", "--data", data]));
  report({
    what: "gyokaku plans --json (empty database)",
    aim: 1.5,
    walls: runs.map((r) => r.wall),
    cpus: runs.map((r) => r.cpu),
  });
}

// First start with the seeds (a new data directory each time), then restarts of the last one.
const seeded = join(work, "seeded");
{
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(seeded, { recursive: true, force: true });
    runs.push(await serveUntilReady(seeded));
  }
  report({
    what: "first start with the seeds (serve)",
    aim: 15,
    walls: runs.map((r) => r.wall),
    cpus: runs.map((r) => r.cpu),
  });
}
{
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await serveUntilReady(seeded));
  report({
    what: "server ready after a restart",
    aim: 2,
    walls: runs.map((r) => r.wall),
    cpus: runs.map((r) => r.cpu),
  });
}

// Where the time goes: each part measured alone, median of the runs, in child processes like the above.
console.log("\nWhere the time goes (each part alone, median):");
function part(label: string, script: string, quick = false): void {
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(
      process.execPath,
      [...(quick ? ["--liftoff-only"] : []), "--input-type=module", "-e", script],
      {
        cwd: root,
        env,
        encoding: "utf8",
        // a part that never ends is reported as not measured, not waited for
        timeout: 120_000,
      },
    );
    const ms = Number(r.stdout.trim().split("\n").at(-1));
    if (r.status !== 0 || Number.isNaN(ms)) {
      console.log(`  ${label}: could not measure (${r.stderr.trim().split("\n").at(-1)})`);
      return;
    }
    walls.push(ms / 1000);
  }
  console.log(`  ${label.padEnd(58)} ${fmt(median(walls))}`);
}
const dist = join(root, "dist");
const mainJs = readFileSync(join(dist, "main.js"), "utf8");
const chunkOf = (command: string) =>
  [...mainJs.matchAll(/import\("\.\/(chunk-[A-Z0-9]+\.js)"\)\)\.(\w+)Command/g)].find(
    (m) => m[2] === command,
  )?.[1];
part("Node.js itself (the process around everything)", "console.log(performance.now())");
for (const [command, what] of [
  ["plans", "loading the code of `plans` (PGlite, Kysely, zod)"],
  ["serve", "loading the code of the server (Hono, pages, charts)"],
] as const) {
  const chunk = chunkOf(command);
  if (chunk)
    part(
      what,
      `const t=performance.now(); await import(${JSON.stringify(join(dist, chunk))}); console.log(performance.now()-t)`,
    );
}
const pglite = `const { PGlite } = await import("@electric-sql/pglite");`;
const params = `startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"]`;
part(
  "starting the embedded database (existing data; quick code, as commands)",
  `${pglite} const t=performance.now(); const p=new PGlite({dataDir:${JSON.stringify(join(work, "empty"))}, ${params}}); await p.waitReady; const ms=performance.now()-t; await p.close(); console.log(ms)`,
  true,
);
part(
  "creating a database with initdb (avoided by the cached template)",
  `${pglite} const t=performance.now(); const p=new PGlite({${params}}); await p.waitReady; const ms=performance.now()-t; await p.close(); console.log(ms)`,
);
part(
  "creating a database from the cached template",
  `${pglite} const { readFileSync, readdirSync } = await import("node:fs"); const dir="node_modules/.cache/gyokaku"; const f=readdirSync(dir).find(n=>n.includes("-empty")); const blob=new Blob([readFileSync(dir+"/"+f)]); const t=performance.now(); const p=new PGlite({loadDataDir: blob, ${params}}); await p.waitReady; const ms=performance.now()-t; await p.close(); console.log(ms)`,
);

// In this process (the sources through tsx; the same code as the build): migrations and the seeds.
const { migrate, openDatabase } = await import("../src/db/database.ts");
const { loadDemoIfEmpty, seedDocuments, seedStaffingDocuments } = await import("../src/demo/demo.service.ts");
const { createDemoUsers } = await import("../src/auth/demo-users.service.ts");
async function inProcess(label: string, fn: () => Promise<number>) {
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i++) walls.push(await fn());
  console.log(`  ${label.padEnd(58)} ${fmt(median(walls))}`);
}
const timed = async (f: () => unknown) => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};
await inProcess("migrations on a new database (all of them)", async () => {
  const open = await openDatabase({ kind: "pglite-memory" }, { migrate: false });
  const s = await timed(() => migrate(open.db));
  await open.close();
  return s;
});
await inProcess("migrations on an up-to-date database (the check)", async () => {
  const open = await openDatabase({ kind: "pglite-memory" });
  const s = await timed(() => migrate(open.db));
  await open.close();
  return s;
});
await inProcess("reading the seeds with the readers", () =>
  timed(() => {
    seedDocuments();
    seedStaffingDocuments();
  }),
);
await inProcess("storing the demo (plans, staffing, publishing; with reading)", async () => {
  const open = await openDatabase({ kind: "pglite-memory" });
  const s = await timed(() => loadDemoIfEmpty(open.db));
  await open.close();
  return s;
});
await inProcess("creating the demo accounts (scrypt for each password)", async () => {
  const open = await openDatabase({ kind: "pglite-memory" });
  await loadDemoIfEmpty(open.db);
  const s = await timed(() => createDemoUsers(open.db));
  await open.close();
  return s;
});
rmSync(work, { recursive: true, force: true });
