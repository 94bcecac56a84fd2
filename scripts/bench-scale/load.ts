// Loading the benchmark's municipalities: each gets the same synthetic plan (~300 indicators × 10 years), an
// office account with a session, three reporting rounds (the last three years), three reviewers' judgements and
// one publication (the year before the rounds). Prints progress as it goes.
import { sql } from "kysely";
import { SESSION_COOKIE } from "../../src/auth/auth.middleware.ts";
import { createUser, startSession } from "../../src/auth/auth.service.ts";
import type { Actor } from "../../src/core/policy.ts";
import type { OpenDatabase } from "../../src/db/database.ts";
import { checkDigit } from "../../src/domain/municipality-code.ts";
import { getPlan, importDocuments } from "../../src/plans/plans.service.ts";
import { publishFiscalYear } from "../../src/publish/publish.service.ts";
import { recordJudgement } from "../../src/reports/reports.service.ts";
import { openRound } from "../../src/rounds/rounds.service.ts";
import { syntheticPlan } from "../../src/testing/synthetic-plan.ts";
import { cloneMunicipalities } from "./clone.ts";

export const FIRST = 2016;
export const YEARS = 10;
export const LAST = FIRST + YEARS - 1;
/** the rounds ask about the last three years; the year before is published */
export const PUBLISHED = LAST - 3;

export type Loaded = { code: string; key: string; planId: string; roundId: string; cookie: string };

const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

/** n valid municipality codes: prefecture 01–47, then 市 numbers from 201, each with its check digit. */
export function municipalities(n: number): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  for (let city = 201; out.length < n; city++)
    for (let pref = 1; pref <= 47 && out.length < n; pref++) {
      const five = `${String(pref).padStart(2, "0")}${city}`;
      out.push({ code: `${five}${checkDigit(five)}`, name: `試験${pref}県${city}市` });
    }
  return out;
}

type Node = { indicators?: { key: string }[]; children?: Node[] };
const indicatorKeys = (nodes: Node[]): string[] =>
  nodes.flatMap((n) => [...(n.indicators ?? []).map((i) => i.key), ...indicatorKeys(n.children ?? [])]);

async function loadOne(
  open: OpenDatabase,
  base: ReturnType<typeof syntheticPlan>,
  m: { code: string; name: string },
): Promise<{ loaded: Loaded; importMs: number }> {
  const ti = performance.now();
  const [stored] = await importDocuments(open.db, [{ ...base, municipality: m }]);
  const importMs = performance.now() - ti;
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
  for (const indicatorKey of indicatorKeys(base.items as Node[]).slice(0, 3))
    await recordJudgement(open.db, actor, plan, {
      indicatorKey,
      fiscalYear: PUBLISHED,
      status: "achieved",
      reason: "担当課の説明による",
    });
  await publishFiscalYear(open.db, { plan: stored!.planId, fiscalYear: PUBLISHED });
  const session = await startSession(open.db, m.code, user.id);
  return {
    importMs,
    loaded: {
      code: m.code,
      key: base.plan.key,
      planId: stored!.planId,
      roundId,
      cookie: `${SESSION_COOKIE}=${session.cookie}`,
    },
  };
}

/** A municipality loaded by an earlier run into the same database (--reuse): found again, with a new session. */
export async function findLoaded(
  open: OpenDatabase,
  m: { code: string },
  key: string,
): Promise<Loaded | null> {
  const plan = await sql<{
    id: string;
  }>`select id from plans where municipality_code = ${m.code} and key = ${key}`.execute(open.db);
  const planId = plan.rows[0]?.id;
  if (!planId) return null;
  const round = await sql<{
    id: string;
  }>`select id from rounds where municipality_code = ${m.code} and plan_id = ${planId}
    order by fiscal_year desc limit 1`.execute(open.db);
  const user = await sql<{ id: string }>`select id from users where municipality_code = ${m.code}
    and email = ${`office-${m.code}@bench.example.jp`}`.execute(open.db);
  if (!round.rows[0] || !user.rows[0]) return null;
  const session = await startSession(open.db, m.code, user.rows[0].id);
  return {
    code: m.code,
    key,
    planId,
    roundId: round.rows[0].id,
    cookie: `${SESSION_COOKIE}=${session.cookie}`,
  };
}

/** Loads `list` (the next municipalities up to `total`), printing progress about 20 times. */
export async function loadMunicipalities(
  open: OpenDatabase,
  list: { code: string; name: string }[],
  options: { items: number; total: number; reuse: boolean; clone: boolean },
): Promise<{ loaded: Loaded[]; importRate: number }> {
  const base = syntheticPlan({ items: options.items, indicatorsPerItem: 2, years: YEARS, firstYear: FIRST });
  const loaded: Loaded[] = [];
  const t0 = performance.now();
  let importMs = 0;
  const before = options.total - list.length;
  let found = 0;
  let imported = 0;
  let source: { code: string; name: string } | null = null;
  const batch: { code: string; name: string }[] = [];
  for (const [i, m] of list.entries()) {
    const kept = options.reuse ? await findLoaded(open, m, base.plan.key) : null;
    if (kept) {
      loaded.push(kept);
      found++;
      source ??= m;
      continue;
    }
    if (options.clone && source) {
      // copies in batches of 25; the measured municipality is found again (with a session) after copying
      batch.push(m);
      if (batch.length === 25 || i + 1 === list.length) {
        await cloneMunicipalities(open, source, batch.splice(0));
        console.log(
          `  copied ${before + i + 1}/${options.total} from ${source.code} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
        );
      }
      continue;
    }
    const one = await loadOne(open, base, m);
    imported++;
    source ??= m;
    importMs += one.importMs;
    loaded.push(one.loaded);
    if ((i + 1) % Math.max(1, Math.ceil(list.length / 20)) === 0 || i + 1 === list.length) {
      const s = (performance.now() - t0) / 1000;
      const made = imported;
      console.log(
        `  loaded ${before + i + 1}/${options.total}${found ? ` (${found} found from an earlier run)` : ""} in ${s.toFixed(0)} s (import ${((made * 1000) / Math.max(1, importMs)).toFixed(2)} plans/s; with rounds, judgements and publishing ${(made / s).toFixed(2)}/s), eta ${(((list.length - i - 1) * s) / Math.max(1, made)).toFixed(0)} s, RSS ${mb(process.memoryUsage().rss)}`,
      );
    }
  }
  // The copies, found again with sessions of their own (their sessions are copies of the source's).
  if (options.clone) {
    const copied = list.filter((m) => !loaded.some((l) => l.code === m.code));
    for (const m of copied) {
      const l = await findLoaded(open, m, base.plan.key);
      if (l) loaded.push(l);
    }
  }
  // Fresh statistics for the planner, as autovacuum would have gathered on a server in use.
  await sql`analyze`.execute(open.db);
  return { loaded, importRate: importMs > 0 ? (imported * 1000) / importMs : 0 };
}
