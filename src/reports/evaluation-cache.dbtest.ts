// The evaluation cache (issue 16.3) can never be stale: after a change through every path that changes a
// plan's data — a save in a reporting round, an import, an edit in the plan editor, a judgement, a scale
// change, a restore, and SQL typed by hand — the very next read shows the new evaluation, equal to one
// computed from the database without any cache. Each step also checks that the change is visible at all
// (the evaluation differs from before), so that a step which changed nothing cannot pass. The plan page's HTML
// (kept per data version, src/plans/page-cache.ts) and a report page are checked the same way: equal to a
// render without any cache.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { backupToFile, restoreFromFile } from "../backup/backup.service.ts";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { addTarget } from "../editing/indicator-edits.service.ts";
import { getPlanEditor } from "../editing/plan-editor.service.ts";
import { clearPageCache } from "../plans/page-cache.ts";
import { cachedPlanDocument, clearPlanCache } from "../plans/plan-cache.ts";
import { exportDocument, importDocuments } from "../plans/plans.service.ts";
import { getItem, openRound, saveItem } from "../rounds/rounds.service.ts";
import { actorOf, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { countingDb } from "../testing/query-count.ts";
import { sabcScales } from "../testing/scales.ts";
import { createApp } from "../web/app.tsx";
import { buildReport } from "./build-report.ts";
import { evaluatePlan } from "./evaluation.ts";
import { cachedEvaluation, clearEvaluationCache } from "./evaluation-cache.ts";
import {
  evaluateStoredPlan,
  listJudgements,
  loadPlanFor,
  recordJudgement,
  reportModel,
  withdrawJudgement,
} from "./reports.service.ts";
import { getScalesEditor, saveScales } from "./scales.service.ts";

const FY = 2021;

/** JSON of anything, Maps as their entries (the report models hold Maps). */
const json = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (x instanceof Map ? [...x.entries()] : x instanceof Set ? [...x] : x));

describe("the evaluation cache is never stale", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let officeActor: Actor;
  let somuActor: Actor;
  let planId: string;
  let backup: string;
  /** What the pages are given (through the caches), checked against a computation without any cache. */
  async function shown(): Promise<string> {
    const plan = await loadPlanFor(open.db, officeActor, planId);
    assert.ok(plan.dataVersion, "the plan has a data version, so the caches are used");
    const evaluated = await evaluateStoredPlan(open.db, plan, FY);
    const summary = await reportModel(open.db, plan, FY, "summary");
    const cached = json({ doc: plan.doc, rows: evaluated.rows, summary });
    const doc = await exportDocument(open.db, planId); // read from the tables, no cache
    const judgements = (await listJudgements(open.db, plan)).filter(
      (j) => j.fiscalYear === FY || j.fiscalYear === FY - 1,
    );
    const cold = evaluatePlan(doc, FY, judgements);
    assert.equal(cached, json({ doc, rows: cold.rows, summary: buildReport("summary", cold) }));
    // The plan page and a report page as kept, then as rendered from the tables with nothing kept: the same.
    const pages = async () =>
      (await planPage()) + (await summaryPage()) + (await page(`/plans/${planId}/reports/tally?fy=${FY}`));
    const kept = await pages();
    assert.equal(await pages(), kept, "the kept pages are served again");
    clearPageCache();
    clearPlanCache();
    clearEvaluationCache();
    assert.equal(await pages(), kept, "the pages as kept equal a render without any cache");
    return cached + kept;
  }

  const page = async (path: string) =>
    (await app.request(path, { headers: { cookie: office.cookie } })).text();
  const planPage = () => page(`/plans/${planId}`);
  const summaryPage = () => page(`/plans/${planId}/reports/summary?fy=${FY}`);
  /** The report page served right after the last change, before anything kept was forgotten. */
  let servedAfter = "";

  /**
   * Reads (filling the caches), changes, reads again: the new reading differs and matches the tables. The
   * report page (its body kept as HTML per version, report-page.ts) is read right after the change with
   * everything still kept: it shows the change.
   */
  async function afterChange(
    change: () => Promise<unknown>,
    /** whether the 一覧 shows what changes (a department's name is not on it) */
    { onSummary = true } = {},
  ): Promise<string> {
    const before = await shown();
    assert.equal(await shown(), before, "read twice without a change: the same");
    const pageBefore = await summaryPage();
    await change();
    servedAfter = await summaryPage();
    if (onSummary)
      assert.notEqual(servedAfter, pageBefore, "the report page served from what is kept shows the change");
    const now = await shown();
    assert.notEqual(now, before, "the change shows");
    assert.ok(
      now.includes(servedAfter),
      "the page served right after the change equals one made without a cache",
    );
    return now;
  }

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173" });
    const somu = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["総務部/総務課"],
    });
    officeActor = await actorOf(open.db, office);
    somuActor = await actorOf(open.db, somu);
    await shown();
    backup = join(mkdtempSync(join(tmpdir(), "gyokaku-cache-")), "before.jsonl.gz");
    await backupToFile(open.db, "all", backup);
  });
  after(async () => open.close());

  test("requests that miss together share one read of the document and one evaluation", async () => {
    const plan = await loadPlanFor(open.db, officeActor, planId);
    assert.ok(plan.dataVersion);
    const ref = { id: planId, municipalityCode: plan.municipalityCode, dataVersion: plan.dataVersion };
    const { db, counter } = countingDb(open.db);
    clearPlanCache();
    const one = await counter.measure(() => cachedPlanDocument(db, ref));
    assert.ok(one > 0, "a document not kept is read from the database");
    clearPlanCache();
    let docs: unknown[] = [];
    const eight = await counter.measure(async () => {
      docs = await Promise.all(Array.from({ length: 8 }, () => cachedPlanDocument(db, ref)));
    });
    assert.equal(eight, one, "eight readers that missed together: the queries of one read");
    assert.ok(docs.every((d) => d === docs[0]));

    const evaluated = await evaluateStoredPlan(open.db, plan, FY);
    const key = {
      municipalityCode: plan.municipalityCode,
      planId,
      fiscalYear: FY,
      dataVersion: randomUUID(),
    };
    let made = 0;
    const evaluate = async () => {
      made++;
      await new Promise((done) => setTimeout(done, 5));
      return evaluated;
    };
    await Promise.all(Array.from({ length: 8 }, () => cachedEvaluation(key, evaluate)));
    assert.equal(made, 1, "one evaluation for eight requests that missed together");
    // a shared evaluation that fails (its request's time budget spent) is made again by each that waited for it
    const failing = { ...key, dataVersion: randomUUID() };
    made = 0;
    const failsFirst = async () => {
      if (++made === 1) throw new Error("budget spent");
      return evaluated;
    };
    const got = await Promise.all(Array.from({ length: 3 }, () => cachedEvaluation(failing, failsFirst)));
    assert.ok(got.every((g) => g.rows === evaluated.rows));
    assert.equal(made, 4);
  });

  test("a save in the reporting round", async () => {
    const roundId = await openRound(open.db, officeActor, {
      planId,
      fiscalYear: String(FY),
      deadline: "2099-06-30",
    });
    // The round's item page (its plan document read through the cache, by the version read with the round).
    const itemPage = async () =>
      (await app.request(`/rounds/${roundId}/items/1-1-1`, { headers: { cookie: office.cookie } })).text();
    assert.doesNotMatch(await itemPage(), /7,000/);
    const now = await afterChange(async () => {
      const v = (await getItem(open.db, somuActor, roundId, "1-1-1")).status.version;
      await saveItem(open.db, somuActor, roundId, "1-1-1", {
        version: String(v),
        action: "save",
        actuals: [
          { indicator: "1-1-1-i1", series: "", text: "7,000" },
          { indicator: "1-1-1-i2", series: "", text: "実施" },
        ],
        narrative: "実施した",
        nextYearPlan: "",
        status: "実施",
      });
    });
    assert.match(now, /"7,000"/);
    assert.match(servedAfter, /7,000/, "the report page shows the saved value");
    assert.match(await itemPage(), /7,000/);
    // The report page a user opens shows it too.
    const page = await (
      await app.request(`/plans/${planId}/reports/summary?fy=${FY}`, { headers: { cookie: office.cookie } })
    ).text();
    assert.match(page, /7,000/);
  });

  test("an import", async () => {
    const doc = samplePlanDocument();
    const i1 = doc.items![0]!.children![0]!.children![0]!.indicators![0]!;
    i1.actuals = i1.actuals!.map((a) =>
      a.fiscalYear === FY ? { fiscalYear: FY, text: "6,500", kind: "number", number: 6500 } : a,
    );
    const now = await afterChange(() => importDocuments(open.db, [doc]));
    assert.match(now, /"6,500"/);
    assert.match(servedAfter, /6,500/, "the report page shows the imported value");
  });

  test("an edit in the plan editor", async () => {
    const now = await afterChange(async () => {
      const { version } = await getPlanEditor(open.db, officeActor, planId);
      await addTarget(open.db, officeActor, planId, "1-1-1", {
        version: String(version),
        action: "save",
        targetFor: JSON.stringify(["1-1-1-i1", ""]),
        targetText: "(R3)9,000",
      });
    });
    assert.match(now, /\(R3\)9,000/);
  });

  test("a judgement recorded and withdrawn", async () => {
    const plan = await loadPlanFor(open.db, officeActor, planId);
    const key = { indicatorKey: "1-1-1-i1", fiscalYear: FY };
    const judged = await afterChange(() =>
      recordJudgement(open.db, officeActor, plan, {
        ...key,
        status: "achieved",
        reason: "担当課の説明による",
      }),
    );
    assert.match(judged, /担当課の説明による/);
    assert.match(servedAfter, /担当課の説明による/, "the report page shows the judgement");
    // The LoadedPlan read before the change is evaluated as the plan is now (the version is read again).
    const held = await evaluateStoredPlan(open.db, plan, FY);
    assert.equal(held.rows.find((r) => r.indicator.key === "1-1-1-i1")?.evaluation.status, "achieved");
    const withdrawn = await afterChange(() => withdrawJudgement(open.db, officeActor, plan, key));
    assert.doesNotMatch(withdrawn, /担当課の説明による/);
    assert.doesNotMatch(servedAfter, /担当課の説明による/);
  });

  test("a scale change", async () => {
    const { version } = await getScalesEditor(open.db, officeActor, planId);
    const now = await afterChange(() => saveScales(open.db, officeActor, planId, sabcScales(), version));
    assert.match(now, /部分実施/);
  });

  test("SQL typed by hand (no code of ours in the way)", async () => {
    const now = await afterChange(() =>
      sql`update actual_values set text = '1,234', number = 1234
           where municipality_code = '012173' and fiscal_year = ${FY} and text = '6,500'`.execute(open.db),
    );
    assert.match(now, /"1,234"/);
    assert.match(servedAfter, /1,234/);
    // A department renamed changes every plan of the municipality (the names are in the document).
    const renamed = await afterChange(
      () =>
        sql`update department_names set name = '総務企画課' where municipality_code = '012173' and name = '総務課'`.execute(
          open.db,
        ),
      { onSummary: false },
    );
    assert.match(renamed, /総務企画課/);
  });

  test("a restore", async () => {
    const now = await afterChange(() => restoreFromFile(open.db, backup));
    assert.doesNotMatch(now, /"1,234"|部分実施|\(R3\)9,000/);
    assert.match(now, /約一万/);
  });
});
