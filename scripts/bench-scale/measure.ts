// The benchmark's server (the app beside a bare Hono route and a bare SQL route) and the measurement of every
// route under fixed concurrency with autocannon, plus the EXPLAIN of the slowest queries of the heaviest pages.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";
import { CompiledQuery, sql } from "kysely";
import type { OpenDatabase } from "../../src/db/database.ts";
import { countingDb } from "../../src/testing/query-count.ts";
import { createApp } from "../../src/web/app.tsx";
import { type Loaded, PUBLISHED } from "./load.ts";

/** What Chromium and Firefox send. */
export const ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** What a route is held to (issue 16.2): app pages p99 < 100 ms, public pages and the API p99 < 30 ms. */
export type RouteKind = "bare" | "app" | "public";

export type Row = {
  route: string;
  kind: RouteKind;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  maxRss: number;
  queries: number;
  /** bytes a response, as sent (compressed where the server compressed it), headers included */
  bytes: number;
};

export type Measured = {
  kind: "pglite" | "postgres";
  describe: string;
  municipalities: number;
  loadSeconds: number;
  importRate: number;
  rows: Row[];
  explain: string[];
};

export type BenchServer = {
  open: OpenDatabase;
  loaded: Loaded[];
  origin: string;
  counter: ReturnType<typeof countingDb>["counter"];
  db: ReturnType<typeof countingDb>["db"];
  settled: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startBenchServer(open: OpenDatabase): Promise<BenchServer> {
  const { db, counter } = countingDb(open.db);
  const loaded: Loaded[] = [];
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
  // the floor of a large answer: as many bytes as the API's table sends (made once, written as they are)
  const bytes = new Map<number, Uint8Array<ArrayBuffer>>();
  server.get("/__bench/bytes/:kb", (c) => {
    const kb = Math.min(1024, Number(c.req.param("kb")) || 1);
    const body = bytes.get(kb) ?? new Uint8Array(randomBytes(kb * 1024));
    bytes.set(kb, body);
    return c.body(body, 200, { "Content-Type": "application/octet-stream" });
  });
  server.get("/__bench/sql", async (c) => {
    const code = loaded[Math.floor(loaded.length / 2)]?.code ?? "";
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from plans where municipality_code = ${code}`.execute(db);
    return c.json(r.rows[0]);
  });
  server.route("/", createApp({ ...open, db }));
  const http = serve({ fetch: server.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((done) => http.once("listening", done));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    open,
    loaded,
    origin,
    counter,
    db,
    settled,
    close: async () => {
      await settled();
      await new Promise((done) => http.close(done));
    },
  };
}

function routesOf(me: Loaded): [string, RouteKind, string][] {
  const pub = `/public/${me.code}/${me.key}/${PUBLISHED}`;
  const api = `/api/v1/publications/${me.code}/${me.key}/${PUBLISHED}`;
  return [
    ["bare Hono", "bare", "/__bench/hello"],
    ["bare SQL", "bare", "/__bench/sql"],
    ["bare Hono 52 KB", "bare", "/__bench/bytes/52"],
    ["dashboard", "app", `/dashboard?plan=${me.planId}`],
    ["rounds list", "app", "/rounds"],
    ["round", "app", `/rounds/${me.roundId}`],
    ["round item", "app", `/rounds/${me.roundId}/items/1-1-1`],
    ["plan", "app", `/plans/${me.planId}`],
    ["report 一覧", "app", `/plans/${me.planId}/reports/summary?fy=${PUBLISHED}`],
    ["report 集計", "app", `/plans/${me.planId}/reports/tally?fy=${PUBLISHED}`],
    ["item history", "app", `/plans/${me.planId}/items/1-1-1/history`],
    ["public index", "public", `${pub}/index.html`],
    ["public item", "public", `${pub}/items/1-1-1.html`],
    ["api list", "public", "/api/v1/publications"],
    ["api publication", "public", api],
    ["api table", "public", `${api}/evaluations`],
  ];
}

/**
 * fetch, once more after a reset connection: after a pause (loading the next scale) the server may close a kept-alive
 * connection just as the next request goes out on it (ECONNRESET), which is not the page's error.
 */
async function fetchAgain(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

/** The paths of the app's pages, the public pages and the API (no bare routes). */
export const appAndPublicPaths = (me: Loaded): string[] =>
  routesOf(me)
    .filter(([, kind]) => kind !== "bare")
    .map(([, , path]) => path);

/** Every route, one after the other, for the municipality in the middle of those loaded so far. */
export async function measureRoutes(
  s: BenchServer,
  settings: { duration: number; connections: number; routes?: RegExp | null },
): Promise<{ rows: Row[]; explain: string[] }> {
  const me = s.loaded[Math.floor(s.loaded.length / 2)]!;
  // as a browser asks: compressed answers where the server gives them
  const headers = { cookie: me.cookie, "accept-encoding": ACCEPT_ENCODING };
  const rows: Row[] = [];
  for (const [route, kind, path] of routesOf(me)) {
    if (kind !== "bare" && settings.routes && !settings.routes.test(route)) continue;
    await s.settled();
    const first = await fetchAgain(s.origin + path, { headers });
    await first.arrayBuffer();
    if (first.status !== 200) console.log(`  ${route}: HTTP ${first.status} for ${path}`);
    const queries = await s.counter.measure(async () =>
      (await fetchAgain(s.origin + path, { headers })).arrayBuffer(),
    );
    let maxRss = process.memoryUsage().rss;
    const sample = setInterval(() => {
      maxRss = Math.max(maxRss, process.memoryUsage().rss);
    }, 200);
    // The load generator in a thread of its own: reading 32 connections' answers (pages of hundreds of KB) on the
    // server's event loop would delay the server's own work and count the generator's time as the page's.
    const r = await autocannon({
      url: s.origin + path,
      connections: settings.connections,
      duration: settings.duration,
      headers,
      workers: 1,
    });
    clearInterval(sample);
    rows.push({
      route,
      kind,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      maxRss,
      queries,
      bytes: r.throughput.total / Math.max(1, r.requests.total),
    });
    console.log(
      `  ${route}: ${r.requests.average.toFixed(1)} req/s, p99 ${r.latency.p99} ms (load ${load()})`,
    );
  }
  return { rows, explain: await explainSlowest(s, me) };
}

/** The slowest queries of the heaviest pages, with the database's plan for them. */
async function explainSlowest(s: BenchServer, me: Loaded): Promise<string[]> {
  await s.settled();
  s.counter.log = [];
  for (const path of [`/dashboard?plan=${me.planId}`, "/rounds", `/plans/${me.planId}`])
    await (await fetchAgain(s.origin + path, { headers: { cookie: me.cookie } })).arrayBuffer();
  const top = s.counter.log.sort((a, b) => b.ms - a.ms).slice(0, 3);
  s.counter.log = null;
  const out: string[] = [];
  for (const q of top) {
    const compiled = s.db.getExecutor().compileQuery(q.node, q.queryId);
    const plan = await s.open.db.executeQuery<Record<string, string>>(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    );
    out.push(`-- ${q.ms.toFixed(1)} ms: ${compiled.sql.slice(0, 240)}`);
    for (const line of plan.rows) out.push(`   ${String(Object.values(line)[0]).slice(0, 160)}`);
  }
  return out;
}
