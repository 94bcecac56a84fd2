/**
 * 架空町's hiring plan saved from the retirement page: per municipality and year, in the history, used by the
 * projection and by the staffing plan report; bad input refused naming the field, nothing stored; no
 * projection (instead of a flat line) when the ages of the staff are not known.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/database.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase, testDatabaseKind } from "../testing/db.ts";
import { madeUpTownDocument } from "../testing/staffing-town.ts";
import { createApp } from "../web/app.tsx";
import { getStaffing, importStaffingDocuments } from "./staffing.service.ts";

/** 架空町 with the staff of the cohorts that retire in 2026 (born FY1964, 4 people) and 2028 (FY1965, 3). */
function townWithAges() {
  return {
    ...madeUpTownDocument(),
    retirement: {
      cohorts: [
        { birthFiscalYear: 1964, count: 4 },
        { birthFiscalYear: 1965, count: 3 },
      ],
      hiring: [{ fiscalYear: 2030, hires: 2 }],
    },
  };
}

describe(`the hiring plan on ${testDatabaseKind()}`, () => {
  let open: OpenDatabase;
  let office: TestSession;
  let viewer: TestSession;
  before(async () => {
    open = await openTestDatabase();
    await importStaffingDocuments(open.db, [{ document: townWithAges() }]);
    office = await signIn(open.db, "office", { municipalityCode: "019992" });
    viewer = await signIn(open.db, "viewer", { municipalityCode: "019992" });
  });
  after(() => open.close());
  const app = () => createApp(open);
  const get = (path: string, as = office) => app().request(path, { headers: { cookie: as.cookie } });
  const save = (as: TestSession, fields: Record<string, string>) =>
    app().request("/staffing/019992/retirement/hiring", postForm(as, { fy: "2025", ...fields }));

  test("a viewer may not save it", async () => {
    assert.equal((await save(viewer, { h2026: "9" })).status, 403);
    assert.deepEqual(
      (await getStaffing(open.db, "019992"))!.retirement.hiring.map((h) => h.fiscalYear),
      [2030],
    );
  });

  test("a bad figure is refused naming the field; nothing is stored", async () => {
    const res = await save(office, { h2026: "7", h2027: "abc", l2028: "-1" });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /2027年度の採用数「abc」は 0 以上の整数ではありません/);
    assert.match(html, /2028年度の定年以外の退職者数「-1」は 0 以上の整数ではありません/);
    assert.deepEqual(
      (await getStaffing(open.db, "019992"))!.retirement.hiring.map((h) => [h.fiscalYear, h.hires]),
      [[2030, 2]],
    );
  });

  test("saved: stored per year, in the history, used by the projection and the plan report", async () => {
    const res = await save(office, { h2026: "7", l2026: "1", h2027: "5" });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/staffing/019992/retirement?fy=2025&saved=1");
    const doc = (await getStaffing(open.db, "019992"))!;
    // 2026–2035 replaced: the earlier 2030 row is gone because the form left it empty.
    assert.deepEqual(
      doc.retirement.hiring.map((h) => [h.fiscalYear, h.hires, h.otherLeavers]),
      [
        [2026, 7, 1],
        [2027, 5, undefined],
      ],
    );
    const events = await sql<{ action: string; before: unknown; after: unknown }>`
      select action, before, after from audit_events where municipality_code = '019992' and action = 'staffing.hiring'`.execute(
      open.db,
    );
    assert.equal(events.rows.length, 1);
    assert.deepEqual(events.rows[0]!.before, [{ fiscalYear: 2030, hires: 2 }]);
    assert.deepEqual(events.rows[0]!.after, [
      { fiscalYear: 2026, hires: 7, otherLeavers: 1 },
      { fiscalYear: 2027, hires: 5 },
    ]);
    const page = await (await get("/staffing/019992/retirement?fy=2025&saved=1")).text();
    assert.match(page, /採用計画を保存しました/);
    // 2025: 189 on 1 April, nobody retires (2025 has no retirees); 2026: 189 + 7 = 196, 4 retire, 1 leaves → 191;
    // 2027: 191 + 5 = 196.
    assert.match(
      page,
      /令和8年度（2026）<\/th><td class="num">7<\/td><td class="num">196<\/td><td class="num">4<\/td><td class="num">1<\/td><td class="num">191<\/td>/,
    );
    assert.match(page, /令和9年度（2027）<\/th><td class="num">5<\/td><td class="num">196<\/td>/);
    const plan = await (await get("/staffing/019992/plan")).text();
    assert.match(
      plan,
      /令和8年度（2026）<\/th><td class="num">7<\/td><td class="num">1<\/td><td class="missing" title="2026年度の採用の実績がありません">—/,
    );
  });

  test("without the ages of the staff the page says no projection is possible", async () => {
    await importStaffingDocuments(open.db, [{ document: madeUpTownDocument() }]);
    const page = await (await get("/staffing/019992/retirement?fy=2025")).text();
    assert.match(page, /次のデータがないため、職員数の見通しは出せません: 生年度ごとの職員数/);
    assert.doesNotMatch(page, /職員数の見通し（人）/);
  });
});
