// Benchmark at national scale (issue 16): N synthetic municipalities (valid 団体コード with their check
// digit), each with a plan of ~300 indicators × 10 fiscal years, three reporting rounds, reviewers'
// judgements and one publication, loaded into PGlite or PostgreSQL; then every page kind, the public pages
// and the API under 32 concurrent connections (autocannon), beside a bare Hono route and a bare SQL route
// measured in the same run. Prints req/s, p50, p99, errors, server RSS and queries per request, and the
// EXPLAIN of the slowest queries of the heaviest pages.
//   npm run bench:scale -- --municipalities 17 [--db pglite|postgres] [--duration 10] [--connections 32]
//                          [--items 150] [--url postgres://postgres@127.0.0.1:5432/postgres]
// Server and load generator share one process (the figures include autocannon's CPU and memory).
// Figures are printed, never asserted.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";
import { CompiledQuery, sql } from "kysely";
import pg from "pg";
import { SESSION_COOKIE } from "../src/auth/auth.middleware.ts";
import { createUser, startSession } from "../src/auth/auth.service.ts";
import type { Actor } from "../src/core/policy.ts";
import { type DatabaseOptions, openDatabase } from "../src/db/database.ts";
import { checkDigit } from "../src/domain/municipality-code.ts";
import { getPlan, importDocuments } from "../src/plans/plans.service.ts";
import { publishFiscalYear } from "../src/publish/publish.service.ts";
import { recordJudgement } from "../src/reports/reports.service.ts";
import { openRound } from "../src/rounds/rounds.service.ts";
import { countingDb } from "../src/testing/query-count.ts";
import { syntheticPlan } from "../src/testing/synthetic-plan.ts";
import { createApp } from "../src/web/app.tsx";

const { values: opt } = parseArgs({
  options: {
    municipalities: { type: "string", default: "17" },
    db: { type: "string", default: "pglite" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    items: { type: "string", default: "150" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const N = Number(opt.municipalities);
const kind = opt.db === "postgres" ? "postgres" : "pglite";
const DURATION = Number(opt.duration);
const CONNECTIONS = Number(opt.connections);
const FIRST = 2016;
const YEARS = 10;
const LAST = FIRST + YEARS - 1;
const PUBLISHED = LAST - 3; // the rounds ask about the last three years; the year before is published
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

/** N valid municipality codes: prefecture 01–47, then 市 numbers from 201, each with its check digit. */
function municipalities(n: number): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  for (let city = 201; out.length < n; city++)
    for (let pref = 1; pref <= 47 && out.length < n; pref++) {
      const five = `${String(pref).padStart(2, "0")}${city}`;
      out.push({ code: `${five}${checkDigit(five)}`, name: `試験${pref}県${city}市` });
    }
  return out;
}

async function openBenchDatabase(): Promise<{ options: DatabaseOptions; cleanup: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "gyokaku-bench-"));
    return {
      options: { kind: "pglite", dataDir: dir },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: opt.url });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin("drop database if exists gyokaku_bench with (force)");
  await admin("create database gyokaku_bench");
  const url = new URL(opt.url!);
  url.pathname = "/gyokaku_bench";
  return { options: { kind: "postgres", url: url.toString() }, cleanup: async () => {} };
}

console.log(
  `bench:scale — ${N} municipalities, ${kind}, ${CONNECTIONS} connections × ${DURATION} s per route; load average ${load()}`,
);
const target = await openBenchDatabase();
const open = await openDatabase(target.options);
const base = syntheticPlan({
  items: Number(opt.items),
  indicatorsPerItem: 2,
  years: YEARS,
  firstYear: FIRST,
});
const list = municipalities(N);
type Node = { indicators?: { key: string }[]; children?: Node[] };
const indicatorKeys = (nodes: Node[]): string[] =>
  nodes.flatMap((n) => [...(n.indicators ?? []).map((i) => i.key), ...indicatorKeys(n.children ?? [])]);
const judged = indicatorKeys(base.items as Node[]).slice(0, 3);
type Loaded = { code: string; key: string; planId: string; roundId: string; cookie: string };
const loaded: Loaded[] = [];
const t0 = performance.now();
let importMs = 0;
for (const [i, m] of list.entries()) {
  const ti = performance.now();
  const [stored] = await importDocuments(open.db, [{ ...base, municipality: m }]);
  importMs += performance.now() - ti;
  const user = await createUser(open.db, {
    email: `office-${m.code}@bench.example.jp`,
    name: "行革 担当",
    role: "office",
    departments: [],
    password: "bench-password-123",
    municipalityCode: m.code,
  });
  const actor: Actor = { ...user, name: "行革 担当", role: "office", departmentIds: [] };
  let roundId = "";
  for (let fy = LAST; fy > LAST - 3; fy--)
    roundId ||= await openRound(open.db, actor, {
      planId: stored!.planId,
      fiscalYear: fy,
      // a deadline in the past is refused (issue 12.4): every round is due next year
      deadline: `${new Date().getFullYear() + 1}-06-30`,
    });
  const plan = {
    planId: stored!.planId,
    municipalityCode: m.code,
    doc: (await getPlan(open.db, stored!.planId))!,
  };
  for (const indicatorKey of judged)
    await recordJudgement(open.db, actor, plan, {
      indicatorKey,
      fiscalYear: PUBLISHED,
      status: "achieved",
      reason: "担当課の説明による",
    });
  await publishFiscalYear(open.db, { plan: stored!.planId, fiscalYear: PUBLISHED });
  const session = await startSession(open.db, m.code, user.id);
  loaded.push({
    code: m.code,
    key: base.plan.key,
    planId: stored!.planId,
    roundId,
    cookie: `${SESSION_COOKIE}=${session.cookie}`,
  });
  if ((i + 1) % Math.max(1, Math.ceil(N / 20)) === 0 || i + 1 === N) {
    const s = (performance.now() - t0) / 1000;
    console.log(
      `  loaded ${i + 1}/${N} in ${s.toFixed(0)} s (import ${(((i + 1) * 1000) / importMs).toFixed(2)} plans/s; with rounds, judgements and publishing ${((i + 1) / s).toFixed(2)}/s), eta ${(((N - i - 1) * s) / (i + 1)).toFixed(0)} s, RSS ${mb(process.memoryUsage().rss)}`,
    );
  }
}
const loadSeconds = (performance.now() - t0) / 1000;
// Fresh statistics for the planner, as autovacuum would have gathered on a server in use.
await sql`analyze`.execute(open.db);

const { db, counter } = countingDb(open.db);
const me = loaded[Math.floor(loaded.length / 2)]!;
const server = new Hono();
// Requests still being answered: autocannon stops with some in flight, and they must not count for the next route.
let inFlight = 0;
let lastStart = 0;
server.use(async (_c, next) => {
  inFlight++;
  lastStart = performance.now();
  try {
    await next();
  } finally {
    inFlight--;
  }
});
const settled = async () => {
  while (inFlight > 0 || performance.now() - lastStart < 1000)
    await new Promise((done) => setTimeout(done, 100));
};
server.get("/__bench/hello", (c) => c.text("hello"));
server.get("/__bench/sql", async (c) => {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from plans where municipality_code = ${me.code}`.execute(db);
  return c.json(r.rows[0]);
});
server.route("/", createApp({ ...open, db }));
const http = serve({ fetch: server.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((done) => http.once("listening", done));
const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

const pub = `/public/${me.code}/${me.key}/${PUBLISHED}`;
const api = `/api/v1/publications/${me.code}/${me.key}/${PUBLISHED}`;
const routes: [string, string][] = [
  ["bare Hono", "/__bench/hello"],
  ["bare SQL", "/__bench/sql"],
  ["dashboard", `/dashboard?plan=${me.planId}`],
  ["rounds list", "/rounds"],
  ["round", `/rounds/${me.roundId}`],
  ["round item", `/rounds/${me.roundId}/items/1-1-1`],
  ["plan", `/plans/${me.planId}`],
  ["report 一覧", `/plans/${me.planId}/reports/summary?fy=${PUBLISHED}`],
  ["report 集計", `/plans/${me.planId}/reports/tally?fy=${PUBLISHED}`],
  ["item history", `/plans/${me.planId}/items/1-1-1/history`],
  ["public index", `${pub}/index.html`],
  ["public item", `${pub}/items/1-1-1.html`],
  ["api list", "/api/v1/publications"],
  ["api publication", api],
  ["api table", `${api}/evaluations`],
];
const headers = { cookie: me.cookie };

type Row = Record<string, string | number>;
const rows: Row[] = [];
for (const [name, path] of routes) {
  await settled();
  const first = await fetch(origin + path, { headers });
  await first.arrayBuffer();
  if (first.status !== 200) console.log(`  ${name}: HTTP ${first.status} for ${path}`);
  const queries = await counter.measure(async () => (await fetch(origin + path, { headers })).arrayBuffer());
  let rss = process.memoryUsage().rss;
  const sample = setInterval(() => {
    rss = Math.max(rss, process.memoryUsage().rss);
  }, 200);
  const r = await autocannon({ url: origin + path, connections: CONNECTIONS, duration: DURATION, headers });
  clearInterval(sample);
  rows.push({
    route: name,
    "req/s": r.requests.average.toFixed(1),
    "p50 ms": r.latency.p50,
    "p99 ms": r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    "max RSS": mb(rss),
    queries,
  });
  console.log(`  ${name}: ${rows.at(-1)!["req/s"]} req/s, p99 ${r.latency.p99} ms (load ${load()})`);
}

console.log(
  `\n${N} municipalities on ${open.describe}: loaded in ${loadSeconds.toFixed(0)} s, import ${((N * 1000) / importMs).toFixed(2)} plans/s; load average now ${load()}\n`,
);
const cols = Object.keys(rows[0]!);
console.log(`| ${cols.join(" | ")} |\n|${cols.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${cols.map((c) => r[c]).join(" | ")} |`);

// The slowest queries of the heaviest pages, with the database's plan for them.
await settled();
counter.log = [];
for (const path of [`/dashboard?plan=${me.planId}`, "/rounds", `/plans/${me.planId}`])
  await (await fetch(origin + path, { headers })).arrayBuffer();
const top = counter.log.sort((a, b) => b.ms - a.ms).slice(0, 3);
counter.log = null;
for (const q of top) {
  const compiled = db.getExecutor().compileQuery(q.node, q.queryId);
  const plan = await open.db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
  );
  console.log(`\n-- ${q.ms.toFixed(1)} ms: ${compiled.sql.slice(0, 240)}`);
  for (const line of plan.rows) console.log(`   ${String(Object.values(line)[0]).slice(0, 160)}`);
}

await settled();
http.close();
await open.close();
await target.cleanup();
