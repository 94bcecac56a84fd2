// Plausibility rules on the save path (HTTP), through the round's service API, and when approving (issue 12.1).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { historyOfItem } from "../audit/audit.service.ts";
import { isAppError } from "../core/errors.ts";
import type { Actor } from "../core/policy.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { actorOf, postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";
import { getRules, saveRule } from "./round-rules.service.ts";
import { getItem, openRound, reviewItem, saveItem } from "./rounds.service.ts";

describe("plausibility of a round's values", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let somu: TestSession;
  let roundId: string;
  let planId: string;
  let somuActor: Actor;
  let officeActor: Actor;
  const url = () => `/rounds/${roundId}/items/1-1-1`;
  const form = (text: string, action = "save", version = "0") => ({
    version,
    action,
    "actuals.0.indicator": "1-1-1-i1",
    "actuals.0.series": "",
    "actuals.0.text": text,
    "actuals.1.indicator": "1-1-1-i2",
    "actuals.1.series": "",
    "actuals.1.text": "実施",
    narrative: "実施した",
    nextYearPlan: "",
    status: "実施",
  });
  const apiForm = (text: string, action: string, version: number) => ({
    version: String(version),
    action,
    actuals: [
      { indicator: "1-1-1-i1", series: "", text },
      { indicator: "1-1-1-i2", series: "", text: "実施" },
    ],
    narrative: "実施した",
    nextYearPlan: "",
    status: "実施",
  });

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
    somu = await signIn(open.db, "department", {
      municipalityCode: "012173",
      departments: ["総務部/総務課"],
      name: "総務 一子",
    });
    officeActor = await actorOf(open.db, office, office.role);
    somuActor = await actorOf(open.db, somu, somu.role);
    // FY2021: last year's (2020) headcount is 6,825 人
    roundId = await openRound(open.db, officeActor, { planId, fiscalYear: "2021", deadline: "2099-06-30" });
  });
  after(async () => open.close());

  test("the save path refuses a negative headcount, 12.5人 and full-width ▲, naming the reason", async () => {
    for (const text of ["-5", "▲５", "12.5"]) {
      const res = await app.request(url(), postForm(somu, form(text)));
      assert.equal(res.status, 400, text);
      const html = await res.text();
      assert.match(html, /受け付けられない値があるため、保存していません/);
      assert.match(html, text === "12.5" ? /整数で入力/ : /マイナスの値は入力できません/);
    }
    const item = await getItem(open.db, somuActor, roundId, "1-1-1");
    assert.equal(item.status.version, 0, "nothing was stored");
  });

  test("0 is saved; text in a number field is a warning in a draft and refused on submitting", async () => {
    const zero = await app.request(url(), postForm(somu, form("0")));
    assert.equal(zero.status, 303);
    const draft = await app.request(url(), postForm(somu, form("abc", "save", "1")));
    assert.equal(draft.status, 303);
    const page = await (
      await app.request(draft.headers.get("location")!, { headers: { cookie: somu.cookie } })
    ).text();
    assert.match(page, /提出するには数値か「—」にしてください/);
    const submit = await app.request(url(), postForm(somu, form("約100", "submit", "2")));
    assert.equal(submit.status, 400);
    assert.match(await submit.text(), /このままでは提出できません/);
  });

  test("the round API refuses the same values; empty is refused only on submitting (every field needed)", async () => {
    const v = (await getItem(open.db, somuActor, roundId, "1-1-1")).status.version;
    await assert.rejects(
      saveItem(open.db, somuActor, roundId, "1-1-1", apiForm("-1", "save", v)),
      (e) => isAppError(e, "invalid") && /マイナス/.test(e.fields["actuals.0.text"] ?? ""),
    );
    await assert.rejects(
      saveItem(open.db, somuActor, roundId, "1-1-1", apiForm("", "submit", v)),
      (e) => isAppError(e, "invalid") && /実績値を入力してください/.test(e.fields["actuals.0.text"] ?? ""),
    );
    const r = await saveItem(open.db, somuActor, roundId, "1-1-1", apiForm("", "save", v));
    assert.equal(r.kind, "saved");
  });

  test("a jump from last year is a warning; approving over it needs a reason, kept in the history", async () => {
    let v = (await getItem(open.db, somuActor, roundId, "1-1-1")).status.version;
    await saveItem(open.db, somuActor, roundId, "1-1-1", apiForm("３０，０００", "submit", v));
    const d = await getItem(open.db, officeActor, roundId, "1-1-1");
    assert.equal(d.findings.errors.length, 0);
    assert.equal(d.findings.warnings.length, 1);
    assert.match(d.findings.warnings[0]!, /前年度（令和2年度: 6825人）の4\.4倍/);
    const page = await (await app.request(url(), { headers: { cookie: office.cookie } })).text();
    assert.match(page, /注意が 1 件あります/);
    assert.match(page, /理由を付けて承認する/);
    v = d.status.version;
    await assert.rejects(
      reviewItem(open.db, officeActor, roundId, "1-1-1", {
        version: String(v),
        decision: "approve",
        comment: "",
      }),
      (e) => isAppError(e, "invalid") && /承認する理由/.test(e.fields.reason ?? ""),
    );
    const res = await app.request(
      `${url()}/review`,
      postForm(office, { version: String(v), decision: "approve", reason: "新制度で対象が増えたため" }),
    );
    assert.equal(res.status, 303);
    const history = await historyOfItem(open.db, officeActor, planId, "1-1-1");
    const approval = history.find((h) => h.action === "round_item.approve")!;
    assert.match(approval.note ?? "", /注意 1 件を確認のうえ承認: 新制度で対象が増えたため/);
  });

  test("the office changes a rule (no whole-number or jump check); refused to a department; in the history", async () => {
    const rules = await getRules(open.db, officeActor, roundId);
    const headcount = rules.rules.find((r) => r.indicator.key === "1-1-1-i1")!;
    assert.equal(headcount.ruleText, "0人以上・整数・前年度の3倍を超える増減は注意");
    await assert.rejects(
      saveRule(open.db, somuActor, roundId, "1-1-1-i1", { action: "save", min: "", max: "", jumpFactor: "" }),
      (e) => isAppError(e, "forbidden"),
    );
    await assert.rejects(
      saveRule(open.db, officeActor, roundId, "1-1-1-i1", {
        action: "save",
        min: "0",
        max: "",
        jumpFactor: "1",
      }),
      (e) => isAppError(e, "invalid") && /1 より大きい/.test(e.fields.jumpFactor ?? ""),
    );
    await saveRule(open.db, officeActor, roundId, "1-1-1-i1", {
      action: "save",
      min: "０",
      max: "",
      jumpFactor: "",
    });
    const after = (await getRules(open.db, officeActor, roundId)).rules.find(
      (r) => r.indicator.key === "1-1-1-i1",
    )!;
    assert.equal(after.ruleText, "0人以上");
    const page = await (
      await app.request(`/rounds/${roundId}/rules`, { headers: { cookie: office.cookie } })
    ).text();
    assert.match(page, /既定: 0人以上・整数/);
  });

  test("the workbook path checks actuals by the office's rules too, as the browser save does", async () => {
    const { importFiles } = await import("../importers/import.service.ts");
    const { exportDocument } = await import("../plans/plans.service.ts");
    const { writePlanWorkbook } = await import("../core/plan-workbook/index.ts");
    const { edit, rowWhere, set } = await import("../testing/workbook.ts");
    const doc = await exportDocument(open.db, "012173/sample");
    const workbook = async (key: string, year: number, series: string | undefined, text: string, n: number) =>
      new Uint8Array(
        await edit(await writePlanWorkbook(doc), (wb) => {
          const ws = wb.getWorksheet("実績値")!;
          const r = rowWhere(ws, { 指標キー: key, 年度: year, ...(series ? { 系列: series } : {}) });
          set(ws, r, "記載", text);
          set(ws, r, "数値", n);
        }),
      );
    // The office allows a percentage above 100 for this indicator: the workbook takes 150%.
    await saveRule(open.db, officeActor, roundId, "2-1-1-i1", {
      action: "save",
      min: "0",
      max: "200",
      jumpFactor: "",
    });
    await importFiles(open.db, [
      { path: "ok.xlsx", bytes: await workbook("2-1-1-i1", 2019, "男性", "150%", 150) },
    ]);
    // The office's rule for the headcount is 0人以上 without 整数 (the test above): 12.5 is taken ...
    await importFiles(open.db, [
      { path: "ok.xlsx", bytes: await workbook("1-1-1-i1", 2020, undefined, "12.5", 12.5) },
    ]);
    // ... and a stricter upper limit of the office refuses what the derived rule would take.
    await saveRule(open.db, officeActor, roundId, "1-1-1-i1", {
      action: "save",
      min: "0",
      max: "10000",
      jumpFactor: "",
    });
    await assert.rejects(
      importFiles(open.db, [
        { path: "big.xlsx", bytes: await workbook("1-1-1-i1", 2020, undefined, "20,000", 20000) },
      ]),
      (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"), String(e));
        assert.match(e.message + e.findings.map((f) => f.found ?? "").join(" "), /10,?000|上限/);
        return true;
      },
    );
    const after = await exportDocument(open.db, "012173/sample");
    const actual = after.items[0]!.children[0]!.children[0]!.indicators[0]!.actuals.find(
      (a) => a.fiscalYear === 2020,
    );
    assert.equal(actual?.number, 12.5, "the refused workbook stored nothing");
  });
});
