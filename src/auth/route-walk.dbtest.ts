// Walks every route of the app with every role (and anonymously) and checks the status. The routes are
// listed from the Hono app itself: a route without an expectation below fails the test, so none escapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments, loadDepartments } from "../plans/plans.service.ts";
import { publishFiscalYear } from "../publish/publish.service.ts";
import { openRound, saveItem } from "../rounds/rounds.service.ts";
import { importStaffingDocuments } from "../staffing/staffing.service.ts";
import { freshSession, postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { sampleStaffingDocument } from "../testing/staffing-documents.ts";
import { createApp } from "../web/app.tsx";

const WHO = [
  "anonymous",
  "admin",
  "office",
  "department", // 総務部/総務課: responsible for the walked items
  "otherDepartment", // 職員課: responsible for 2-1-1 only
  "viewer",
  "otherMunicipality", // reform office of 千歳市
] as const;
type Who = (typeof WHO)[number];

/** Status by who; `signedIn` stands for every signed-in role not named; `params` overrides path values. */
type Expect = Partial<Record<Who | "signedIn", number>> & { params?: Record<string, string> };

const LOGIN = 303; // anonymous → the login page
const REDIRECT = 303; // success of a form: Post/Redirect/Get
const INVALID = 400; // authorised, but the (empty) form is refused by validation
const FORBIDDEN = 403;
const NOT_FOUND = 404; // another municipality's round or item: not there for them
const CONFLICT = 409;
const reformOffice = { admin: INVALID, office: INVALID } as const;
const editing: Expect = {
  anonymous: LOGIN,
  ...reformOffice,
  otherMunicipality: NOT_FOUND,
  signedIn: FORBIDDEN,
};

// Forms are posted empty (with a valid CSRF token): a role that may act gets 400 (validation: nothing was
// filled in, not even the version), one that may not gets 403, before any input is looked at.
const EXPECTED: Record<string, Expect> = {
  "GET /healthz": { anonymous: 200, signedIn: 200 },
  "GET /favicon.ico": { anonymous: 204, signedIn: 204 },
  "GET /assets/*": { anonymous: 200, signedIn: 200 },
  "GET /assets/fonts/*": { anonymous: 200, signedIn: 200 },
  "GET /login": { anonymous: 200, signedIn: REDIRECT },
  // anonymous without the login form's CSRF cookie: refused before the form is read
  "POST /login": { anonymous: FORBIDDEN, signedIn: INVALID },
  "POST /logout": { anonymous: LOGIN, signedIn: REDIRECT },
  "GET /account/password": { anonymous: LOGIN, signedIn: 200 },
  "POST /account/password": { anonymous: LOGIN, signedIn: INVALID },
  "GET /users": { anonymous: LOGIN, admin: 200, signedIn: FORBIDDEN },
  "POST /users": { anonymous: LOGIN, admin: INVALID, signedIn: FORBIDDEN },
  // An account's page; the walk's :id is no account's (an admin's action on a real one would end the walk's
  // sessions): the admin is told it is not there, everyone else that it is not for them.
  "GET /users/:id": { anonymous: LOGIN, admin: NOT_FOUND, signedIn: FORBIDDEN },
  "POST /users/:id": { anonymous: LOGIN, admin: NOT_FOUND, signedIn: FORBIDDEN },
  "POST /users/:id/disable": { anonymous: LOGIN, admin: NOT_FOUND, signedIn: FORBIDDEN },
  "POST /users/:id/enable": { anonymous: LOGIN, admin: NOT_FOUND, signedIn: FORBIDDEN },
  "POST /users/:id/password": { anonymous: LOGIN, admin: NOT_FOUND, signedIn: FORBIDDEN },
  "GET /staffing/import": {
    anonymous: LOGIN,
    admin: 200,
    office: 200,
    otherMunicipality: 200,
    signedIn: FORBIDDEN,
  },
  "POST /staffing/import": {
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: INVALID,
    signedIn: FORBIDDEN,
  },
  "GET /admin": { anonymous: LOGIN, admin: 200, signedIn: FORBIDDEN },
  "GET /admin/municipality": { anonymous: LOGIN, admin: 200, signedIn: FORBIDDEN },
  "POST /admin/municipality": { anonymous: LOGIN, admin: INVALID, signedIn: FORBIDDEN },
  "GET /admin/backup": { anonymous: LOGIN, admin: 200, signedIn: FORBIDDEN },
  "POST /admin/backup/download": { anonymous: LOGIN, admin: 200, signedIn: FORBIDDEN },
  "POST /admin/backup/restore": { anonymous: LOGIN, admin: INVALID, signedIn: FORBIDDEN },
  "GET /": { anonymous: LOGIN, signedIn: 200 },
  "GET /plans/:id": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "GET /plans/:id/export.json": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "GET /plans/:id/export.xlsx": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "GET /templates/plan.xlsx": { anonymous: LOGIN, signedIn: 200 },
  "GET /import": { anonymous: LOGIN, admin: 200, office: 200, otherMunicipality: 200, signedIn: FORBIDDEN },
  "POST /import": { anonymous: LOGIN, ...reformOffice, otherMunicipality: INVALID, signedIn: FORBIDDEN },
  // the confirmation of a preview: without a kept upload's token, refused as expired
  "POST /import/confirm": {
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: INVALID,
    signedIn: FORBIDDEN,
  },
  // The round of the walk is open; item 1-1-1 is not started (総務課's), 2-1-1 is submitted (職員課 and 総務課).
  "GET /rounds": { anonymous: LOGIN, signedIn: 200 },
  "POST /rounds": { anonymous: LOGIN, ...reformOffice, otherMunicipality: INVALID, signedIn: FORBIDDEN },
  "GET /rounds/:roundId": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "GET /rounds/:roundId/items/:itemKey": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "POST /rounds/:roundId/items/:itemKey": {
    anonymous: LOGIN,
    ...reformOffice,
    department: INVALID,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "POST /rounds/:roundId/items/:itemKey/review": {
    params: { itemKey: "2-1-1" },
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "GET /inbox": { anonymous: LOGIN, signedIn: REDIRECT },
  "POST /rounds/:roundId/approve": {
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "GET /rounds/:roundId/rules": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "POST /rounds/:roundId/rules/:indicatorKey": {
    params: { indicatorKey: "2-1-1-i2" },
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "GET /rounds/:roundId/lock": {
    anonymous: LOGIN,
    admin: 200,
    office: 200,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "POST /rounds/:roundId/lock": {
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "POST /rounds/:roundId/deadline": {
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "POST /rounds/:roundId/unlock": {
    anonymous: LOGIN,
    admin: CONFLICT, // the round is not locked
    office: CONFLICT,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  // Conversation and evidence (issue 13): no file exists in the walk, so every file route is 404.
  "POST /rounds/:roundId/items/:itemKey/comments": {
    anonymous: LOGIN,
    ...reformOffice,
    department: INVALID,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "POST /rounds/:roundId/items/:itemKey/evidence": {
    anonymous: LOGIN,
    ...reformOffice,
    department: INVALID,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "GET /rounds/:roundId/items/:itemKey/evidence/:fileId": { anonymous: LOGIN, signedIn: NOT_FOUND },
  "POST /rounds/:roundId/items/:itemKey/evidence/:fileId/delete": { anonymous: LOGIN, signedIn: NOT_FOUND },
  "POST /rounds/:roundId/items/:itemKey/evidence/:fileId/public": { anonymous: LOGIN, signedIn: NOT_FOUND },
  "GET /public/evidence/:municipalityCode/:fileId": { anonymous: NOT_FOUND, signedIn: NOT_FOUND },
  // Notifications (src/notifications): each user's own; the mail page for the reform office, its settings for admins.
  "GET /notifications": { anonymous: LOGIN, signedIn: 200 },
  "GET /notifications/settings": { anonymous: LOGIN, signedIn: 200 },
  "POST /notifications/settings": { anonymous: LOGIN, signedIn: REDIRECT },
  "GET /notifications/:id/open": { anonymous: LOGIN, signedIn: NOT_FOUND },
  "POST /notifications/read-all": { anonymous: LOGIN, signedIn: REDIRECT },
  "GET /admin/mail": {
    anonymous: LOGIN,
    admin: 200,
    office: 200,
    otherMunicipality: 200,
    signedIn: FORBIDDEN,
  },
  "POST /admin/mail": { anonymous: LOGIN, admin: INVALID, signedIn: FORBIDDEN },
  // no mail settings in the walk: the page says so (400)
  "POST /admin/mail/test": {
    anonymous: LOGIN,
    admin: INVALID,
    otherMunicipality: FORBIDDEN,
    signedIn: FORBIDDEN,
  },
  "POST /admin/mail/retry": {
    anonymous: LOGIN,
    admin: REDIRECT,
    office: REDIRECT,
    otherMunicipality: REDIRECT,
    signedIn: FORBIDDEN,
  },
  "POST /admin/mail/reminders/:roundId": {
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "GET /plans/:planId/items/:itemKey/history": {
    anonymous: LOGIN,
    otherMunicipality: NOT_FOUND,
    signedIn: 200,
  },
  // The plan's history, and putting a removed value or item back from it (src/editing/restore.routes.tsx):
  // the walk's event is no event's.
  "GET /plans/:planId/history": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  // the restore finds the event in the user's own municipality only: another municipality's office is refused by
  // the (empty) form first, and an event of another municipality is never found for it
  "POST /plans/:planId/history/:eventId/restore": {
    params: { eventId: "00000000-0000-4000-8000-000000000000" },
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: INVALID,
    signedIn: FORBIDDEN,
  },
  // Reports (src/reports, reportRoutes): any signed-in user of the plan's municipality reads them; the reform
  // office and admins record judgements.
  "GET /plans/:id/reports": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "GET /plans/:id/reports/judgements": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "GET /plans/:id/reports/judgements/new": {
    anonymous: LOGIN,
    otherMunicipality: NOT_FOUND,
    signedIn: INVALID,
  },
  "POST /plans/:id/reports/judgements": editing,
  "POST /plans/:id/reports/judgements/delete": editing,
  "GET /plans/:id/reports/:kind": {
    params: { kind: "summary" },
    anonymous: LOGIN,
    otherMunicipality: NOT_FOUND,
    signedIn: 200,
  },
  "GET /dashboard": { anonymous: LOGIN, signedIn: 200 },
  "POST /settings/era": { anonymous: LOGIN, signedIn: INVALID },
  // Plan editing: the reform office and admins of the plan's municipality.
  "GET /plans/:planId/edit": {
    anonymous: LOGIN,
    admin: 200,
    office: 200,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "POST /plans/:planId/items": editing,
  // The plan's own grading scales (評価基準): edited by the reform office and admins.
  "GET /plans/:planId/scales": {
    anonymous: LOGIN,
    admin: 200,
    office: 200,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "POST /plans/:planId/scales": editing,
  "POST /plans/:planId/renumber": editing,
  "GET /plans/:planId/items/:itemKey/edit": {
    anonymous: LOGIN,
    admin: 200,
    office: 200,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  "POST /plans/:planId/items/:itemKey": editing,
  "POST /plans/:planId/items/:itemKey/move": editing,
  "POST /plans/:planId/items/:itemKey/indicators": editing,
  "POST /plans/:planId/items/:itemKey/targets": editing,
  "POST /plans/:planId/items/:itemKey/effects": editing,
  "POST /plans/:planId/items/:itemKey/effects/remove": editing,
  "POST /plans/:planId/items/:itemKey/planned": editing,
  "POST /plans/:planId/effect-target": editing,
  // Publishing from the app: any user of the municipality sees the versions; the reform office publishes.
  "GET /plans/:id/publish": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "POST /plans/:id/publish": editing,
  // The preview before publishing (issue 12.4): the reform office and admins; the bare form without a year is refused.
  "GET /plans/:id/publish/preview": { anonymous: LOGIN, signedIn: INVALID },
  "GET /plans/:id/publish/preview/:fy": { anonymous: LOGIN, signedIn: 301 },
  "GET /plans/:id/publish/preview/:fy/*": {
    params: { "*": "index.html" },
    anonymous: LOGIN,
    admin: 200,
    office: 200,
    otherMunicipality: NOT_FOUND,
    signedIn: FORBIDDEN,
  },
  // Staffing (src/staffing): internal figures of the user's own municipality.
  "GET /staffing": { anonymous: LOGIN, signedIn: 200 },
  "GET /staffing/template.xlsx": { anonymous: LOGIN, signedIn: 200 },
  "GET /staffing/:code": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  // the staffing upload confirmed after its preview (issue 17.3); the walk posts no upload
  "POST /staffing/import/confirm": {
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: INVALID,
    signedIn: FORBIDDEN,
  },
  "GET /staffing/:code/history": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "POST /staffing/:code/history/:eventId/restore": {
    params: { eventId: "00000000-0000-4000-8000-000000000000" },
    anonymous: LOGIN,
    ...reformOffice,
    otherMunicipality: INVALID,
    signedIn: FORBIDDEN,
  },
  "GET /staffing/:code/template.xlsx": { anonymous: LOGIN, otherMunicipality: NOT_FOUND, signedIn: 200 },
  "GET /staffing/:code/:report": {
    params: { report: "headcount" },
    anonymous: LOGIN,
    otherMunicipality: NOT_FOUND,
    signedIn: 200,
  },
  // The hiring plan: the reform office and admins of the municipality.
  "POST /staffing/:code/retirement/hiring": editing,
  // Publishing (src/publish, src/publish/opendata): open to anyone, signed in or not; the walked plan's FY2022 is
  // published in before().
  "GET /public": { anonymous: 301, signedIn: 301 },
  "GET /public/": { anonymous: 200, signedIn: 200 },
  "GET /public/index.html": { anonymous: 200, signedIn: 200 },
  "GET /public/assets/public.css": { anonymous: 200, signedIn: 200 },
  "GET /public/assets/fonts/*": { params: { "*": "400.css" }, anonymous: 200, signedIn: 200 },
  "GET /public/:code/:key/:fy": { anonymous: 301, signedIn: 301 },
  "GET /public/:code/:key/:fy/*": { params: { "*": "index.html" }, anonymous: 200, signedIn: 200 },
  "GET /public/*": { params: { "*": "nothing-here" }, anonymous: 404, signedIn: 404 },
  "GET /api/v1/openapi.json": { anonymous: 200, signedIn: 200 },
  "GET /api/v1/publications": { anonymous: 200, signedIn: 200 },
  "GET /api/v1/publications/:code/:key/:fy": { anonymous: 200, signedIn: 200 },
  "GET /api/v1/publications/:code/:key/:fy/:table": {
    params: { table: "indicators" },
    anonymous: 200,
    signedIn: 200,
  },
};

describe("every route × every role", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  const sessions = new Map<Who, TestSession>();
  let params: Record<string, string>;
  let departmentIds: Map<string, string>;
  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    const [plan] = await importDocuments(open.db, [
      samplePlanDocument(),
      { ...samplePlanDocument({ key: "chitose" }), municipality: { code: "012246", name: "千歳市" } },
    ]);
    await publishFiscalYear(open.db, { plan: plan!.planId, fiscalYear: 2022 });
    await importStaffingDocuments(open.db, [{ document: sampleStaffingDocument() }]);
    departmentIds = new Map((await loadDepartments(open.db, "012173")).map((d) => [d.key, d.id]));
    sessions.set("admin", await signIn(open.db, "admin", { municipalityCode: "012173" }));
    sessions.set("office", await signIn(open.db, "office", { municipalityCode: "012173" }));
    sessions.set(
      "department",
      await signIn(open.db, "department", { municipalityCode: "012173", departments: ["総務部/総務課"] }),
    );
    sessions.set(
      "otherDepartment",
      await signIn(open.db, "department", { municipalityCode: "012173", departments: ["職員課"] }),
    );
    sessions.set("viewer", await signIn(open.db, "viewer", { municipalityCode: "012173" }));
    sessions.set("otherMunicipality", await signIn(open.db, "office", { municipalityCode: "012246" }));
    const office = actorOf(sessions.get("office")!);
    const roundId = await openRound(open.db, office, {
      planId: plan!.planId,
      fiscalYear: "2022",
      deadline: "2030-03-31",
    });
    const actuals = [
      { indicator: "2-1-1-i1", series: "男性", text: "20%" },
      { indicator: "2-1-1-i1", series: "女性", text: "100%" },
      { indicator: "2-1-1-i2", series: "", text: "150時間" },
      { indicator: "2-1-1-i3", series: "", text: "—" },
    ];
    const form = {
      version: "0",
      action: "submit",
      actuals,
      narrative: "実施した",
      nextYearPlan: "",
      status: "実施",
    };
    await saveItem(open.db, actorOf(sessions.get("otherDepartment")!, ["職員課"]), roundId, "2-1-1", form);
    params = {
      id: plan!.planId,
      planId: plan!.planId,
      roundId,
      itemKey: "1-1-1",
      code: "012173",
      municipalityCode: "012173",
      fileId: "00000000-0000-4000-8000-000000000000",
      key: "sample",
      fy: "2022",
      "*": "app.css",
    };
  });
  after(async () => open.close());

  function actorOf(s: TestSession, departmentKeys: string[] = []): Actor {
    return {
      id: s.userId,
      municipalityCode: s.municipalityCode,
      email: s.email,
      name: s.role,
      role: s.role,
      departmentIds: departmentKeys.map((k) => departmentIds.get(k)!),
    };
  }

  function concrete(path: string, overrides: Record<string, string> = {}): string {
    if (path === "/assets/fonts/*") return "/assets/fonts/400.css";
    return path.replace(/:([A-Za-z]+)|\*/g, (m, name: string | undefined) => {
      const v = overrides[name ?? m] ?? params[name ?? m];
      assert.ok(v, `the walk has no value for ${m} in ${path}`);
      return encodeURIComponent(v);
    });
  }

  test("the app's routes are all in the walk", () => {
    const missing = routes().filter((r) => !EXPECTED[r]);
    assert.deepEqual(missing, [], "add these routes to EXPECTED in src/auth/route-walk.dbtest.ts");
  });

  function routes(): string[] {
    // app.use() middleware is listed with method ALL; handlers have their method.
    return [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];
  }

  // Issue 12.3: 2-1-1 is shared by 職員課 (its indicators) and 総務課 (its own activity text). 職員課 has
  // submitted its part; 総務課 may answer only its own part, whatever it posts.
  test("a department can never change another department's part of a shared item", async () => {
    const base = sessions.get("department")!;
    const session = await freshSession(open.db, base.municipalityCode, base.userId);
    const url = concrete("/rounds/:roundId/items/:itemKey", { itemKey: "2-1-1" });
    const theirs = await app.request(
      url,
      postForm(session, {
        version: "1",
        action: "save",
        part: "職員課",
        "actuals.0.indicator": "2-1-1-i2",
        "actuals.0.series": "",
        "actuals.0.text": "1時間",
        narrative: "上書き",
        nextYearPlan: "",
        status: "",
      }),
    );
    assert.equal(theirs.status, FORBIDDEN);
    assert.match(await theirs.text(), /この部分は職員課の回答です。ほかの課の回答は変更できません。/);
    // its own part, carrying the other part's indicator: refused, nothing stored
    const own = await app.request(
      url,
      postForm(session, {
        version: "0",
        action: "save",
        part: "総務部/総務課",
        "actuals.0.indicator": "2-1-1-i2",
        "actuals.0.series": "",
        "actuals.0.text": "1時間",
        narrative: "",
        nextYearPlan: "",
        status: "",
      }),
    );
    assert.equal(own.status, INVALID);
    await own.arrayBuffer();
    const office = sessions.get("office")!;
    const page = await (
      await app.request(`${url}?part=${encodeURIComponent("職員課")}`, { headers: { cookie: office.cookie } })
    ).text();
    assert.match(page, /150時間/, "職員課's value is unchanged");
    assert.doesNotMatch(page, /1時間/);
    // the office's review of 総務課's part, which is not submitted: refused by the state, not the form
    const review = await app.request(
      `${url}/review`,
      postForm(await freshSession(open.db, office.municipalityCode, office.userId), {
        version: "0",
        decision: "approve",
        part: "総務部/総務課",
      }),
    );
    assert.equal(review.status, FORBIDDEN);
    await review.arrayBuffer();
  });

  for (const who of WHO) {
    test(`${who}`, async () => {
      const problems: string[] = [];
      for (const route of routes()) {
        const [method, path] = route.split(" ") as [string, string];
        const expect = EXPECTED[route];
        const url = concrete(path, expect?.params);
        let session: { cookie: string; csrf: string } | null = null;
        const base = sessions.get(who);
        // A fresh session per request: logout may end it.
        if (base) session = await freshSession(open.db, base.municipalityCode, base.userId);
        const res =
          method === "GET"
            ? await app.request(url, session ? { headers: { cookie: session.cookie } } : {})
            : await app.request(url, postForm(session, {}));
        await res.arrayBuffer();
        if (!expect) continue; // routes missing from EXPECTED fail the first test
        const want = expect[who as Who] ?? (who === "anonymous" ? undefined : expect.signedIn);
        assert.ok(want !== undefined, `${route}: no expectation for ${who}`);
        if (res.status !== want) problems.push(`${route} (${url}): ${res.status}, expected ${want}`);
        if (res.status === LOGIN && who === "anonymous" && want === LOGIN)
          assert.match(res.headers.get("location") ?? "", /^\/login/);
      }
      assert.deepEqual(problems, []);
    });
  }
});
