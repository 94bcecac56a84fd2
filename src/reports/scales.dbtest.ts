// The plan-scales editor through HTTP: rows of inputs without JavaScript, a preview, refusals naming the
// field, each save in the history; published versions keep the scales they were published with.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { recentChanges } from "../audit/audit.service.ts";
import type { OpenDatabase } from "../db/database.ts";
import { exportDocument, importDocuments } from "../plans/plans.service.ts";
import { getPublication, publishFiscalYear } from "../publish/publish.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { sabcScales } from "../testing/scales.ts";
import { createApp } from "../web/app.tsx";

const SABC_FORM = {
  g0_label: "S",
  g0_symbol: "◎",
  g0_rule: "atLeast",
  g0_atLeast: "100",
  g1_label: "A",
  g1_symbol: "○",
  g1_rule: "atLeast",
  g1_atLeast: "80",
  g2_label: "B",
  g2_symbol: "△",
  g2_rule: "atLeast",
  g2_atLeast: "50",
  g3_label: "C",
  g3_symbol: "×",
  g3_rule: "otherwise",
  g3_atLeast: "",
  s0_label: "検討中",
  s1_label: "部分実施",
  s2_label: "達成",
  s2_done: "1",
};

describe("editing the plan's scales", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let planId: string;
  const get = (s: TestSession, path: string) => app.request(path, { headers: { cookie: s.cookie } });
  /** The version the page's form carries (hidden field). */
  const versionIn = (html: string) => /name="version" value="([0-9a-f]{32})"/.exec(html)?.[1] ?? "";
  const formVersion = async (s: TestSession) =>
    versionIn(await (await get(s, `/plans/${planId}/scales`)).text());
  /** Posts the form as made from the page just now (its version added unless given). */
  const post = async (s: TestSession, path: string, body: Record<string, string>) =>
    app.request(path, postForm(s, { version: await formVersion(s), ...body }));

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
  });
  after(async () => open.close());

  test("only the reform office and admins see and change the scales", async () => {
    for (const role of ["viewer", "department"] as const) {
      const s = await signIn(open.db, role, role === "department" ? { departments: ["職員課"] } : {});
      assert.equal((await get(s, `/plans/${planId}/scales`)).status, 403);
      const body = { ...SABC_FORM, version: "0".repeat(32), action: "save" };
      assert.equal((await post(s, `/plans/${planId}/scales`, body)).status, 403);
    }
    const page = await (await get(office, `/plans/${planId}/scales`)).text();
    assert.match(page, /評価基準/);
    assert.match(
      page,
      /aria-label="パンくずリスト"><ol><li><a href="\/">計画の一覧<\/a>/,
      "the breadcrumb leads to the list of plans",
    );
    assert.doesNotMatch(page, /href="\/plans"/, "/plans alone is no page");
    assert.match(page, /gyokaku の既定（達成・順調・遅れ・未達成）で評価します/);
    assert.match(page, /name="g0_label"/);
  });

  test("a preview grades the year without saving; saving stores the scales and writes the history", async () => {
    const preview = await post(office, `/plans/${planId}/scales`, { ...SABC_FORM, action: "preview" });
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.match(html, /まだ保存していません/);
    assert.match(html, /指標（系列ごと）の評価/);
    assert.equal((await exportDocument(open.db, "012173/sample")).plan.scales, undefined);

    const saved = await post(office, `/plans/${planId}/scales`, { ...SABC_FORM, action: "save" });
    assert.equal(saved.status, 303);
    assert.deepEqual((await exportDocument(open.db, "012173/sample")).plan.scales, sabcScales());
    const actor = {
      id: office.userId,
      email: office.email,
      name: "行革 花子",
      role: office.role,
      municipalityCode: "012173",
      departmentIds: [],
    };
    const history = await recentChanges(open.db, actor, 20, planId);
    const entry = history.find((h) => h.action === "plan.scales");
    assert.ok(entry, "the change is in the history");
    assert.equal(entry.actionLabel, "評価基準を変更");
    assert.equal(entry.actorName, "行革 花子");
  });

  test("unordered thresholds and a grade without a rule are refused naming the row, nothing stored", async () => {
    const before = (await exportDocument(open.db, "012173/sample")).plan.scales;
    const res = await post(office, `/plans/${planId}/scales`, {
      ...SABC_FORM,
      g2_atLeast: "90",
      action: "save",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /\$\.plan\.scales\.outcome\.grades\[2\]\.rule\.atLeast/);
    assert.match(html, /value="90"/, "the typed value is shown again");
    const noRule = await post(office, `/plans/${planId}/scales`, {
      ...SABC_FORM,
      g1_atLeast: "",
      action: "save",
    });
    assert.equal(noRule.status, 400);
    assert.match(await noRule.text(), /「A」に基準がありません/);
    assert.deepEqual((await exportDocument(open.db, "012173/sample")).plan.scales, before);
  });

  test("a published version keeps the scales it was published with", async () => {
    await publishFiscalYear(open.db, { plan: "012173/sample", fiscalYear: 2021 });
    const changed = { ...SABC_FORM, g1_label: "A+", action: "save" };
    assert.equal((await post(office, `/plans/${planId}/scales`, changed)).status, 303);
    const published = await getPublication(open.db, {
      municipalityCode: "012173",
      planKey: "sample",
      fiscalYear: 2021,
    });
    assert.deepEqual(published!.snapshot.document.plan.scales, sabcScales());
    const now = (await exportDocument(open.db, "012173/sample")).plan.scales;
    assert.equal(now?.outcome?.grades[1]?.label, "A+");
  });

  test("two offices saving at once: the second, made from the scales before the first, is refused (409), nothing overwritten", async () => {
    const other = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 次郎" });
    const before = (await exportDocument(open.db, "012173/sample")).plan.scales;
    // both open the page now
    const mine = await formVersion(office);
    const theirs = await formVersion(other);
    assert.match(mine, /^[0-9a-f]{32}$/);
    assert.equal(mine, theirs);
    // the other office previews (the preview keeps the version the form was made from), then saves first
    const preview = await post(other, `/plans/${planId}/scales`, {
      ...SABC_FORM,
      g0_label: "特A",
      version: theirs,
      action: "preview",
    });
    assert.equal(versionIn(await preview.text()), theirs);
    const first = await post(other, `/plans/${planId}/scales`, {
      ...SABC_FORM,
      g0_label: "特A",
      version: theirs,
      action: "save",
    });
    assert.equal(first.status, 303);
    // my save, made from the page before theirs, is refused and shows my input with the reason
    const second = await post(office, `/plans/${planId}/scales`, {
      ...SABC_FORM,
      g0_label: "優",
      version: mine,
      action: "save",
    });
    assert.equal(second.status, 409);
    const html = await second.text();
    assert.match(html, /ほかの人が先にこの計画の評価基準を変更しました/);
    assert.match(html, /value="優"/, "my input is kept on the page");
    const fresh = versionIn(html);
    assert.notEqual(fresh, mine, "the form now carries the current version");
    const stored = (await exportDocument(open.db, "012173/sample")).plan.scales;
    assert.equal(stored?.outcome?.grades[0]?.label, "特A", "the first save is not overwritten");
    assert.notDeepEqual(stored, before);
    // having seen the change, saving again from the page shown is accepted
    const again = await post(office, `/plans/${planId}/scales`, {
      ...SABC_FORM,
      g0_label: "優",
      version: fresh,
      action: "save",
    });
    assert.equal(again.status, 303);
    assert.equal(
      (await exportDocument(open.db, "012173/sample")).plan.scales?.outcome?.grades[0]?.label,
      "優",
    );
  });

  test("a save without the form's version (or with a made-up one) is refused, nothing stored", async () => {
    const before = (await exportDocument(open.db, "012173/sample")).plan.scales;
    for (const version of ["", "12", "x".repeat(32)]) {
      const res = await post(office, `/plans/${planId}/scales`, { ...SABC_FORM, version, action: "save" });
      assert.equal(res.status, 400, `version ${JSON.stringify(version)}`);
      assert.match(await res.text(), /フォームの版番号がありません/);
    }
    const res = await post(office, `/plans/${planId}/scales`, {
      ...SABC_FORM,
      version: "0".repeat(32),
      action: "save",
    });
    assert.equal(res.status, 409);
    assert.deepEqual((await exportDocument(open.db, "012173/sample")).plan.scales, before);
  });

  test("emptying every row returns the plan to gyokaku's own scales", async () => {
    const empty = Object.fromEntries(Object.keys(SABC_FORM).map((k) => [k, ""]));
    assert.equal((await post(office, `/plans/${planId}/scales`, { ...empty, action: "save" })).status, 303);
    assert.equal((await exportDocument(open.db, "012173/sample")).plan.scales, undefined);
  });
});
