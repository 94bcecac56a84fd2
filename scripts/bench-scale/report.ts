// The benchmark's tables: per run (with the distance to issue 16's aims on each line), the growth of each figure
// over the scales, and PGlite against PostgreSQL at the same scale.
import type { Measured, Row } from "./measure.ts";
import { load } from "./measure.ts";

const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
const num = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** The distance to the aim of a route: app p99 < 100 ms, public/API p99 < 30 ms, the dashboard ≥ 25 % of bare SQL. */
function distance(r: Row, bareSql: number, floor: Row | undefined): string {
  if (r.kind === "bare") return "baseline";
  const aim = r.kind === "app" ? 100 : 30;
  const parts = [
    r.p99 < aim ? `p99 ✓ (< ${aim} ms)` : `p99 ${(r.p99 / aim).toFixed(1)}× the aim of ${aim} ms`,
  ];
  if (r.route === "dashboard") {
    const share = (100 * r.rps) / bareSql;
    parts.push(`${share.toFixed(1)} % of bare SQL (aim 25 %) ${share >= 25 ? "✓" : "✗"}`);
  }
  // a large answer beside the bare route that sends as many bytes: how much of its p99 the bytes alone take
  if (floor && r.bytes > 20 * 1024)
    parts.push(
      `bare route sending ${(floor.bytes / 1024).toFixed(0)} KB: p99 ${floor.p99} ms, ${num(floor.rps)} req/s`,
    );
  if (r.errors > 0) parts.push(`${r.errors} errors ✗`);
  return parts.join("; ");
}

const bareSqlOf = (m: Measured) => m.rows.find((r) => r.route === "bare SQL")?.rps ?? 1;

export function printTable(m: Measured): void {
  console.log(
    `\n${m.municipalities} municipalities on ${m.describe}: this step loaded in ${m.loadSeconds.toFixed(0)} s, import ${m.importRate.toFixed(2)} plans/s; load average now ${load()}\n`,
  );
  console.log(
    "| route | req/s | p50 ms | p99 ms | errors | KB sent | max RSS | queries | distance to the aim |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  const bare = bareSqlOf(m);
  const floor = m.rows.find((r) => r.route.startsWith("bare Hono ") && r.route.endsWith(" KB"));
  for (const r of m.rows)
    console.log(
      `| ${r.route} | ${num(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${(r.bytes / 1024).toFixed(r.bytes < 10240 ? 1 : 0)} | ${mb(r.maxRss)} | ${r.queries} | ${distance(r, bare, floor)} |`,
    );
  if (m.explain.length) console.log(`\n${m.explain.join("\n")}`);
}

/** Per database: each route's req/s and p99 at every scale, and the ratio of the largest to the smallest. */
export function printGrowth(all: Measured[]): void {
  for (const kind of new Set(all.map((m) => m.kind))) {
    const runs = all.filter((m) => m.kind === kind);
    if (runs.length < 2) continue;
    console.log(`\nGrowth on ${kind} (req/s / p99 ms at each scale; max RSS; queries per request):\n`);
    console.log(
      `| route | ${runs.map((m) => `${m.municipalities} municipalities`).join(" | ")} | p99 growth | queries |`,
    );
    console.log(`|---|${runs.map(() => "---").join("|")}|---|---|`);
    for (const route of runs[0]!.rows.map((r) => r.route)) {
      const cells = runs.map((m) => m.rows.find((r) => r.route === route)!);
      const growth = cells.at(-1)!.p99 / Math.max(1, cells[0]!.p99);
      const queries = [...new Set(cells.map((c) => c.queries))].join(" → ");
      console.log(
        `| ${route} | ${cells.map((c) => `${num(c.rps)} / ${c.p99}`).join(" | ")} | ${growth.toFixed(2)}× | ${queries} |`,
      );
    }
    const rss = runs.map((m) => mb(Math.max(...m.rows.map((r) => r.maxRss))));
    const loads = runs.map((m) => `${m.importRate.toFixed(2)} plans/s`);
    console.log(`| max RSS | ${rss.join(" | ")} | | |`);
    console.log(`| import | ${loads.join(" | ")} | | |`);
  }
}

/** PGlite against PostgreSQL at each scale run on both (aim: PGlite within 3× on the same pages). */
export function printComparison(all: Measured[]): void {
  const pairs = all
    .filter((m) => m.kind === "pglite")
    .map(
      (lite) =>
        [lite, all.find((m) => m.kind === "postgres" && m.municipalities === lite.municipalities)] as const,
    )
    .filter((p): p is readonly [Measured, Measured] => p[1] !== undefined);
  for (const [lite, pgsql] of pairs) {
    console.log(
      `\nPGlite against PostgreSQL, ${lite.municipalities} municipalities (p99 ratio; aim ≤ 3×):\n`,
    );
    console.log("| route | PGlite req/s / p99 | PostgreSQL req/s / p99 | p99 ratio |");
    console.log("|---|---|---|---|");
    for (const r of lite.rows) {
      const p = pgsql.rows.find((x) => x.route === r.route)!;
      const ratio = r.p99 / Math.max(1, p.p99);
      console.log(
        `| ${r.route} | ${num(r.rps)} / ${r.p99} | ${num(p.rps)} / ${p.p99} | ${ratio.toFixed(1)}× ${ratio <= 3 ? "✓" : "✗"} |`,
      );
    }
  }
}

/** The built server's own memory (aim: < 400 MB on PGlite at 5 % of Japan, 87 municipalities). */
export function printMemory(
  runs: {
    kind: string;
    municipalities: number;
    m: { idle: number; startPeak: number; peak: number; after: number; errors: number; rps: number };
    load: string;
  }[],
): void {
  if (runs.length === 0) return;
  console.log(
    "\nThe built server in a process of its own (node bin/gyokaku.js serve), every page kind requested:\n",
  );
  console.log(
    "| database | municipalities | RSS started (peak while starting) | RSS peak | RSS after | req/s (all pages) | errors | load average | aim (PGlite, 5 %: < 400 MB) |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of runs) {
    const aim = r.kind.startsWith("pglite")
      ? r.m.peak < 400 * 2 ** 20
        ? "✓"
        : `${(r.m.peak / (400 * 2 ** 20)).toFixed(1)}× ✗`
      : "";
    console.log(
      `| ${r.kind} | ${r.municipalities} | ${mb(r.m.idle)} (${mb(r.m.startPeak)}) | ${mb(r.m.peak)} | ${mb(r.m.after)} | ${num(r.m.rps)} | ${r.m.errors} | ${r.load} | ${aim} |`,
    );
  }
}
