// Benchmark at national scale (issue 16): synthetic municipalities (valid 団体コード with their check digit),
// each with a plan of ~300 indicators × 10 fiscal years, three reporting rounds, reviewers' judgements and one
// publication, loaded into PGlite or PostgreSQL; then every page kind, the public pages and the API under 32
// concurrent connections (autocannon), beside a bare Hono route and a bare SQL route measured at the same time.
// Prints req/s, p50, p99, errors, server RSS, queries per request and the distance to the aims of issue 16 per
// line, the EXPLAIN of the slowest queries of the heaviest pages, and how each figure grows with the scale.
//   npm run bench:scale -- --municipalities 17,87,348 [--db postgres,pglite] [--duration 10] [--connections 32]
//                          [--items 150] [--url postgres://postgres@127.0.0.1:5432/postgres] [--database gyokaku_bench]
//                          [--reuse] [--load-only] [--routes "dashboard|report"] [--memory every|last|none]
// --reuse keeps the PostgreSQL database of an earlier run and loads only what it lacks (a full-scale load takes
// long: load once with --load-only, measure later, e.g. after a change of the code); --load-only loads and stops;
// --clone loads the first municipality through the app and the others as copies made in SQL
// (scripts/bench-scale/clone.ts): minutes instead of hours for 1,741.
// Several scales load incrementally into one database (17, then 70 more, then 261 more) and measure after each;
// several databases run one after the other. Server and load generator share one process (the figures include
// autocannon's CPU and memory). The built server's own memory (scripts/bench-scale/server-rss.ts, on PGlite also
// with GYOKAKU_LOW_MEMORY=1) is measured after each scale (--memory every, the default; --memory last: after the
// largest only; none: never), whatever --routes chose: the benchmark gives its PGlite up for it and opens it again.
// Figures are printed, never asserted.
import { parseArgs } from "node:util";
import { benchDatabase } from "./bench-scale/database.ts";
import type { Loaded } from "./bench-scale/load.ts";
import { loadMunicipalities, municipalities } from "./bench-scale/load.ts";
import {
  appAndPublicPaths,
  type BenchServer,
  load,
  type Measured,
  measureRoutes,
  startBenchServer,
} from "./bench-scale/measure.ts";
import { printComparison, printGrowth, printMemory, printTable } from "./bench-scale/report.ts";
import { measureServerMemory, type ServerMemory } from "./bench-scale/server-rss.ts";

const { values: opt } = parseArgs({
  options: {
    municipalities: { type: "string", default: "17" },
    db: { type: "string", default: "pglite" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    items: { type: "string", default: "150" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    database: { type: "string", default: "gyokaku_bench" },
    reuse: { type: "boolean", default: false },
    "load-only": { type: "boolean", default: false },
    clone: { type: "boolean", default: false },
    routes: { type: "string" },
    memory: { type: "string", default: "every" },
  },
});

const scales = opt.municipalities
  .split(",")
  .map(Number)
  .sort((a, b) => a - b);
const kinds = opt.db.split(",").map((k) => (k.trim() === "postgres" ? "postgres" : "pglite"));
if (scales.some((n) => !Number.isInteger(n) || n < 1 || n > 1741)) {
  console.error("--municipalities: 1〜1741 の整数をカンマ区切りで（例: 17,87,348）");
  process.exit(2);
}
if (!["every", "last", "none"].includes(opt.memory!)) {
  console.error("--memory: every, last または none");
  process.exit(2);
}
const settings = {
  duration: Number(opt.duration),
  connections: Number(opt.connections),
  // --routes "dashboard|round": only the routes whose name matches (the bare baselines are always measured)
  routes: opt.routes ? new RegExp(opt.routes) : null,
};
const wall0 = performance.now();
const everything: Measured[] = [];
const memory: { kind: string; municipalities: number; m: ServerMemory; load: string }[] = [];

for (const kind of kinds) {
  console.log(
    `bench:scale — ${scales.join(", ")} municipalities, ${kind}, ${settings.connections} connections × ${settings.duration} s per route; load average ${load()}`,
  );
  const bench = await benchDatabase(kind, opt.url!, opt.database!, opt.reuse);
  let server: BenchServer | null = null;
  try {
    const names = municipalities(scales.at(-1)!);
    const loaded: Loaded[] = [];
    let loadedSoFar = 0;
    for (const n of scales) {
      if (!server) {
        // first, or again after the built server had the database (a PGlite opened again)
        server = await startBenchServer(loaded.length ? await bench.reopen() : bench.open);
        server.loaded.push(...loaded);
      }
      const t0 = performance.now();
      const step = await loadMunicipalities(bench.open, names.slice(loadedSoFar, n), {
        items: Number(opt.items),
        total: n,
        reuse: opt.reuse,
        clone: opt.clone,
      });
      loadedSoFar = n;
      loaded.push(...step.loaded);
      server.loaded.push(...step.loaded);
      if (opt["load-only"]) {
        console.log(`${n} municipalities loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        continue;
      }
      const measured = await measureRoutes(server, settings);
      const m: Measured = {
        ...measured,
        kind,
        describe: bench.open.describe,
        municipalities: n,
        loadSeconds: (performance.now() - t0) / 1000,
        importRate: step.importRate,
      };
      everything.push(m);
      printTable(m);
      const me = loaded[Math.floor(loaded.length / 2)];
      if (!me || opt.memory === "none" || (opt.memory === "last" && n !== scales.at(-1))) continue;
      // The built server in a process of its own, on the same database (a PGlite directory is given up first
      // and opened again after, for the next scale).
      await server.close();
      server = null;
      await bench.release();
      const paths = appAndPublicPaths(me);
      // PGlite also as a machine short of memory runs it (GYOKAKU_LOW_MEMORY=1)
      for (const lowMemory of kind === "pglite" ? [false, true] : [false]) {
        const before = load();
        const sm = await measureServerMemory(bench.where, paths, me.cookie, {
          seconds: Math.max(1, Math.round(settings.duration / 3)),
          connections: settings.connections,
          lowMemory,
        });
        memory.push({
          kind: lowMemory ? "pglite GYOKAKU_LOW_MEMORY=1" : kind,
          municipalities: n,
          m: sm,
          load: `${before} → ${load()}`,
        });
        console.log(
          `  the server alone${lowMemory ? " (GYOKAKU_LOW_MEMORY=1)" : ""}: RSS started ${(sm.idle / 2 ** 20).toFixed(0)} MB, peak ${(sm.peak / 2 ** 20).toFixed(0)} MB (load ${load()})`,
        );
      }
    }
  } finally {
    await server?.close();
    await bench.close();
  }
}

printGrowth(everything);
printMemory(memory);
printComparison(everything);
console.log(`\nwall time ${((performance.now() - wall0) / 1000).toFixed(0)} s; load average now ${load()}`);
