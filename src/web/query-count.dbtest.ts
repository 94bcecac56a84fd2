// Queries per request are bounded by a constant: every page kind sends the same number of SQL statements
// for a small plan with one reporting round as for a plan five times bigger with three rounds (no N+1).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { getPlan, importDocuments } from "../plans/plans.service.ts";
import { publishFiscalYear } from "../publish/publish.service.ts";
import { recordJudgement } from "../reports/reports.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { countingDb } from "../testing/query-count.ts";
import { syntheticPlan } from "../testing/synthetic-plan.ts";
import { createApp } from "./app.tsx";

type Setup = { items: number; indicatorsPerItem: number; years: number; rounds: number };

const SMALL: Setup = { items: 6, indicatorsPerItem: 1, years: 4, rounds: 1 };
const BIG: Setup = { items: 30, indicatorsPerItem: 2, years: 8, rounds: 3 };
const FIRST = 2016;

/** The pages a municipality's staff and the public read, by kind. */
function pages(planId: string, roundId: string, code: string, key: string, fy: number) {
  const pub = `/public/${code}/${key}/${fy}`;
  const api = `/api/v1/publications/${code}/${key}/${fy}`;
  return {
    dashboard: `/dashboard?plan=${planId}`,
    "rounds list": "/rounds",
    round: `/rounds/${roundId}`,
    "round item": `/rounds/${roundId}/items/1-1-1`,
    "plan list": "/",
    plan: `/plans/${planId}`,
    "reports index": `/plans/${planId}/reports?fy=${fy}`,
    "report 一覧": `/plans/${planId}/reports/summary?fy=${fy}`,
    "report 個票": `/plans/${planId}/reports/sheets?fy=${fy}`,
    "report 集計": `/plans/${planId}/reports/tally?fy=${fy}`,
    judgements: `/plans/${planId}/reports/judgements?fy=${fy}`,
    "item history": `/plans/${planId}/items/1-1-1/history`,
    "item edit": `/plans/${planId}/items/1-1-1/edit`,
    "public index": `${pub}/index.html`,
    "public item": `${pub}/items/1-1-1.html`,
    "api list": "/api/v1/publications",
    "api publication": api,
    "api table": `${api}/evaluations`,
  };
}

async function measure(setup: Setup, opened: OpenDatabase[]): Promise<Record<string, number>> {
  const open = await openTestDatabase();
  opened.push(open);
  const { db, counter } = countingDb(open.db);
  const app = createApp({ ...open, db });
  const doc = syntheticPlan({
    items: setup.items,
    indicatorsPerItem: setup.indicatorsPerItem,
    years: setup.years,
    firstYear: FIRST,
  });
  const planId = (await importDocuments(open.db, [doc]))[0]!.planId;
  const office: TestSession = await signIn(open.db, "office", { municipalityCode: doc.municipality.code });
  const actor = {
    id: office.userId,
    municipalityCode: office.municipalityCode,
    email: office.email,
    name: "行革 花子",
    role: office.role,
    departmentIds: [],
  };
  let roundId = "";
  for (let r = 0; r < setup.rounds; r++) {
    const fy = FIRST + setup.years - 1 - r;
    const res = await app.request(
      "/rounds",
      postForm(office, { planId, fiscalYear: String(fy), deadline: "2099-06-30" }),
    );
    assert.equal(res.status, 303, `opening the round for ${fy}`);
    roundId ||= /\/rounds\/([0-9a-f-]{36})/.exec(res.headers.get("location")!)![1]!;
  }
  const fy = FIRST + setup.years - 1;
  await recordJudgement(
    open.db,
    actor,
    { planId, municipalityCode: doc.municipality.code, doc: (await getPlan(open.db, planId))! },
    { indicatorKey: "1-1-1-i1", fiscalYear: fy, status: "achieved", reason: "担当課の説明による" },
  );
  await publishFiscalYear(open.db, { plan: planId, fiscalYear: fy });
  const counts: Record<string, number> = {};
  for (const [kind, path] of Object.entries(
    pages(planId, roundId, doc.municipality.code, doc.plan.key, fy),
  )) {
    // Once to warm whatever is cached per process, then counted.
    await app.request(path, { headers: { cookie: office.cookie } });
    counts[kind] = await counter.measure(async () => {
      const res = await app.request(path, { headers: { cookie: office.cookie } });
      assert.equal(res.status, 200, `${kind}: ${path}`);
      await res.arrayBuffer();
    });
  }
  return counts;
}

describe("queries per request", () => {
  const opened: OpenDatabase[] = [];
  let small: Record<string, number>;
  let big: Record<string, number>;
  before(async () => {
    small = await measure(SMALL, opened);
    big = await measure(BIG, opened);
  });
  after(async () => {
    for (const o of opened) await o.close();
  });

  test("do not grow with the plan or the number of reporting rounds", () => {
    const grown = Object.keys(small).filter((k) => big[k]! > small[k]!);
    assert.deepEqual(
      grown.map((k) => `${k}: ${small[k]} → ${big[k]}`),
      [],
      `queries per request grew with the plan:\n${JSON.stringify({ small, big }, null, 1)}`,
    );
  });

  test("stay within a ceiling per page", () => {
    // Today's counts with a little room: a new query on a page is a decision, not an accident.
    // The dashboard: the session (with the unread notifications and the municipality's state version, by which
    // its kept body is found: 1 query), or, when nothing is kept under that version, one query of its own (the
    // versions of what it keeps and the latest changes: src/dashboard/dashboard.repository.ts).
    // A round's page: the session and the round with its rules (its body kept: src/rounds/round-page.ts); the
    // rounds list: the session, the rounds, the plans a round can be opened for.
    const KEPT: Record<string, number> = { dashboard: 2, round: 2, "rounds list": 3 };
    const ceiling = (kind: string) =>
      KEPT[kind] ?? (kind.startsWith("public") || kind.startsWith("api") ? 3 : 25);
    const over = Object.entries(big).filter(([kind, n]) => n > ceiling(kind));
    assert.deepEqual(over, [], JSON.stringify(big));
  });
});
