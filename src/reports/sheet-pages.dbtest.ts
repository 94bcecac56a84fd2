// The 個票 on the web in pages of 20 (issue 16.4: the first page of a 300-item plan in well under a second):
// each page shows its run of sheets and links to the others; every sheet on one page when asked; the
// judgement form leads back to the page that shows the indicator; the print document keeps every sheet.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { syntheticPlan } from "../testing/synthetic-plan.ts";
import { createApp } from "../web/app.tsx";
import { generateReport } from "./reports.service.ts";

const sheetIds = (html: string) =>
  [...html.matchAll(/<section class="sheet" id="sheet-([^"]+)"/g)].map((m) => m[1]!);

describe("the 個票 in pages", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let planId: string;
  let code: string;
  let planKey: string;
  const get = (path: string) => app.request(path, { headers: { cookie: office.cookie } });
  const sheets = (planId: string, query: string) => `/plans/${planId}/reports/sheets?fy=2019${query}`;

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    const doc = syntheticPlan({ items: 45, indicatorsPerItem: 1, years: 4, firstYear: 2016 });
    code = doc.municipality.code;
    planKey = doc.plan.key;
    planId = (await importDocuments(open.db, [doc]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: code });
  });
  after(() => open.close());

  test("page 1 shows the first 20 sheets and links to the others; page 3 the rest", async () => {
    const all = sheetIds(await (await get(sheets(planId, "&page=all"))).text());
    assert.ok(all.length > 40, `every sheet on one page (${all.length})`);
    const first = await (await get(sheets(planId, ""))).text();
    assert.deepEqual(sheetIds(first), all.slice(0, 20));
    assert.match(first, new RegExp(`全${all.length}件のうち 1〜20件目（1 / 3 ページ`));
    assert.match(first, /rel="next"/);
    assert.doesNotMatch(first, /rel="prev"/);
    assert.ok(first.includes(`&amp;page=2#sheet-${all[20]}`), "the list of items leads to an item's page");
    const last = await (await get(sheets(planId, "&page=3"))).text();
    assert.deepEqual(sheetIds(last), all.slice(40));
    assert.match(last, /rel="prev"/);
    assert.doesNotMatch(last, /rel="next"/);
    assert.match(last, /凡例|判定/, "every page has the legend");
  });

  test("a page beyond the last shows the last; a page that is not a number is refused, saying so", async () => {
    const beyond = await get(sheets(planId, "&page=99"));
    assert.equal(beyond.status, 200);
    assert.match(await beyond.text(), /3 \/ 3 ページ/);
    const wrong = await get(sheets(planId, "&page=x"));
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /ページは 1 以上の数字か all で指定してください/);
  });

  test("the print document (html download of the CLI, the PDF) keeps every sheet", async () => {
    const file = await generateReport(open.db, {
      plan: `${code}/${planKey}`,
      fiscalYear: 2019,
      kind: "sheets",
      format: "html",
    });
    assert.ok(sheetIds(String(file.body)).length > 40);
  });

  test("the judgement form leads back to the page showing the indicator", async () => {
    // the last judgement link of the last page: an indicator series shown on page 3
    const last = await (await get(sheets(planId, "&page=3"))).text();
    const link = [...last.matchAll(/href="([^"]*\/reports\/judgements\/new\?[^"]*)"/g)].at(-1)![1]!;
    const asked = new URL(link.replaceAll("&amp;", "&"), "http://x").searchParams;
    const late = asked.get("indicator")!;
    const res = await app.request(
      `/plans/${planId}/reports/judgements`,
      postForm(office, {
        indicator: late,
        ...(asked.get("series") ? { series: asked.get("series")! } : {}),
        fy: "2019",
        status: "achieved",
        reason: "担当課の説明による",
        return: "sheets",
      }),
    );
    assert.equal(res.status, 303);
    assert.equal(
      res.headers.get("location"),
      `/plans/${planId}/reports/sheets?fy=2019&page=3#${encodeURIComponent(`ind-${late}`)}`,
    );
  });
});
