// 財政効果額 and yearly plan values (年度別計画値) in the item editor through HTTP: stored as typed, refused with
// the field named (unknown unit, negative amount, text in a number field, a year outside the plan), a stale form
// refused with the input kept, every change in the history; the cumulative plan row checked as on import.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { recentChanges } from "../audit/audit.service.ts";
import { walkItems } from "../core/plan-document/document.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import type { OpenDatabase } from "../db/database.ts";
import { exportDocument, importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const itemOf = (d: PlanDocument, key: string) =>
  [...walkItems(d.items)].find((w) => w.item.key === key)!.item;

describe("財政効果額 and 年度別計画値 in the item editor", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let planId: string;
  const get = (s: TestSession, path: string) => app.request(path, { headers: { cookie: s.cookie } });
  const post = (s: TestSession, path: string, body: Record<string, string>) =>
    app.request(path, postForm(s, body));
  const doc = () => exportDocument(open.db, "012173/sample");
  const itemPath = () => `/plans/${planId}/items/1-1-1`;
  const version = async () => versionOf(await (await get(office, `${itemPath()}/edit`)).text());
  const effect = (over: Record<string, string>) => ({
    effectYear: "2021",
    effectKind: "expenditure_reduction",
    effectPlanned: "1,200",
    effectActual: "",
    effectUnit: "千円",
    effectNote: "",
    ...over,
  });
  const actor = () => ({
    id: office.userId,
    email: office.email,
    name: "行革 花子",
    role: office.role,
    municipalityCode: "012173",
    departmentIds: [],
  });

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
  });
  after(async () => open.close());

  test("only the reform office and admins enter them", async () => {
    for (const role of ["viewer", "department"] as const) {
      const s = await signIn(open.db, role, role === "department" ? { departments: ["職員課"] } : {});
      const v = await version();
      assert.equal((await post(s, `${itemPath()}/effects`, { version: v, ...effect({}) })).status, 403);
      assert.equal(
        (await post(s, `${itemPath()}/planned`, { version: v, plannedFor: "1-1-1-i1" })).status,
        403,
      );
    }
    assert.equal(itemOf(await doc(), "1-1-1").fiscalEffects, undefined);
  });

  test("an effect is stored as typed (full-width digits, commas), changed in place, removed; each in the history", async () => {
    const page = await (await get(office, `${itemPath()}/edit`)).text();
    assert.match(page, /財政効果額はまだありません/);
    assert.match(page, /<label for="f-effectPlanned">計画額<\/label>/);
    const saved = await post(office, `${itemPath()}/effects`, {
      version: versionOf(page),
      ...effect({ effectPlanned: "１，２００", effectActual: "1,350.5", effectNote: "委託化" }),
    });
    assert.equal(saved.status, 303);
    assert.match(saved.headers.get("location")!, /done=effect/);
    await post(office, `${itemPath()}/effects`, {
      version: await version(),
      ...effect({ effectYear: "2022", effectKind: "revenue_increase", effectPlanned: "", effectActual: "0" }),
    });
    assert.deepEqual(itemOf(await doc(), "1-1-1").fiscalEffects, [
      {
        fiscalYear: 2021,
        kind: "expenditure_reduction",
        planned: 1200,
        actual: 1350.5,
        unit: "千円",
        note: "委託化",
      },
      { fiscalYear: 2022, kind: "revenue_increase", actual: 0, unit: "千円" },
    ]);
    // the list shows it, and 変更 puts it into the form
    const listed = await (await get(office, `${itemPath()}/edit?effect=2021-expenditure_reduction`)).text();
    assert.match(
      listed,
      /令和3年度<\/th><td>歳出削減<\/td><td class="num">1,200<\/td><td class="num">1,350.5<\/td>/,
    );
    assert.match(listed, /name="effectActual" type="text" value="1350.5"/);
    // the same year and kind replaces it (no second row)
    await post(office, `${itemPath()}/effects`, {
      version: await version(),
      ...effect({ effectPlanned: "1.5", effectActual: "", effectUnit: "百万円" }),
    });
    const replaced = itemOf(await doc(), "1-1-1").fiscalEffects!;
    assert.deepEqual(replaced[0], {
      fiscalYear: 2021,
      kind: "expenditure_reduction",
      planned: 1.5,
      unit: "百万円",
    });
    assert.equal(replaced.length, 2);
    const removed = await post(office, `${itemPath()}/effects/remove`, {
      version: await version(),
      effectYear: "2022",
      effectKind: "revenue_increase",
    });
    assert.equal(removed.status, 303);
    assert.equal(itemOf(await doc(), "1-1-1").fiscalEffects!.length, 1);
    const history = (await recentChanges(open.db, actor(), 20, planId)).filter((h) =>
      h.action.startsWith("fiscal_effect."),
    );
    assert.deepEqual(history.map((h) => [h.actionLabel, h.subject]).reverse(), [
      ["財政効果額を登録", "① 双方向の情報共有 / 財政効果額 令和3年度 歳出削減"],
      ["財政効果額を登録", "① 双方向の情報共有 / 財政効果額 令和4年度 歳入確保"],
      ["財政効果額を登録", "① 双方向の情報共有 / 財政効果額 令和3年度 歳出削減"],
      ["財政効果額を削除", "① 双方向の情報共有 / 財政効果額 令和4年度 歳入確保"],
    ]);
    assert.deepEqual(history[1]!.before, { planned: "1,200千円", actual: "1,350.5千円", note: "委託化" });
    assert.deepEqual(history[1]!.after, { planned: "1.5百万円", actual: null, note: null });
  });

  test("bad input is refused naming the field, the typed text is shown again and nothing is stored", async () => {
    const before = itemOf(await doc(), "1-1-1").fiscalEffects;
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ effectUnit: "万円" }, "effectUnit", /単位は 円・千円・百万円 から選んでください/],
      [{ effectUnit: "ドル" }, "effectUnit", /単位は 円・千円・百万円 から選んでください/],
      [{ effectPlanned: "-100" }, "effectPlanned", /計画額は0以上で入力してください/],
      [{ effectActual: "▲5" }, "effectActual", /実績額は0以上で入力してください/],
      [{ effectPlanned: "約100" }, "effectPlanned", /計画額は数値で入力してください.*「約100」/],
      [{ effectPlanned: "百二十" }, "effectPlanned", /計画額は数値で入力してください/],
      [{ effectActual: "未定" }, "effectActual", /実績額は数値で入力してください/],
      [{ effectPlanned: "30百万円" }, "effectPlanned", /単位「百万円」が書かれていますが、単位欄は「千円」/],
      [{ effectPlanned: "", effectActual: "" }, "effectPlanned", /計画額か実績額のどちらかを入力/],
      [{ effectYear: "2031" }, "effectYear", /計画期間（令和元年度〜令和5年度）の中から選んでください/],
      [{ effectYear: "R3" }, "effectYear", /年度を選んでください/],
      [{ effectKind: "cost" }, "effectKind", /種別（歳出削減・歳入確保）を選んでください/],
    ];
    for (const [over, name, message] of cases) {
      const res = await post(office, `${itemPath()}/effects`, { version: await version(), ...effect(over) });
      assert.equal(res.status, 400, JSON.stringify(over));
      const html = await res.text();
      assert.match(html, message, JSON.stringify(over));
      assert.match(html, new RegExp(`href="#f-${name}"`), `${JSON.stringify(over)} links to its field`);
      const typed = over.effectPlanned ?? over.effectActual;
      if (typed) assert.ok(html.includes(`value="${typed}"`), `${typed} is shown again`);
    }
    assert.deepEqual(itemOf(await doc(), "1-1-1").fiscalEffects, before);
  });

  test("a stale form (the plan changed since it was made) is refused with the input kept", async () => {
    const v = await version();
    await post(office, `/plans/${planId}/items/1-1-1`, {
      version: v,
      number: "①",
      title: "双方向の情報共有",
      description: "更新",
    });
    const stale = await post(office, `${itemPath()}/effects`, {
      version: v,
      ...effect({ effectYear: "2023", effectPlanned: "777" }),
    });
    assert.equal(stale.status, 409);
    const html = await stale.text();
    assert.match(html, /ほかの人が先にこの計画の構成を変更しました/);
    assert.match(html, /value="777"/);
    assert.ok(!itemOf(await doc(), "1-1-1").fiscalEffects!.some((e) => e.fiscalYear === 2023));
    const staleRemove = await post(office, `${itemPath()}/effects/remove`, {
      version: v,
      effectYear: "2021",
      effectKind: "expenditure_reduction",
    });
    assert.equal(staleRemove.status, 409);
    assert.equal(itemOf(await doc(), "1-1-1").fiscalEffects!.length, 1);
  });

  test("yearly plan values: stored as typed, a cumulative cell off the running sum is shown as a finding, not corrected", async () => {
    const res = await post(office, `${itemPath()}/planned`, {
      version: await version(),
      plannedFor: "1-1-1-i1",
      plannedSeries: "",
      planned_2019: "1,000人",
      planned_2020: "1,200人",
      planned_2021: "1,500人",
      cumulative_2019: "1,000人",
      cumulative_2020: "2,200人",
      cumulative_2021: "37,000人",
    });
    assert.equal(res.status, 303);
    assert.match(res.headers.get("location")!, /done=planned-check/);
    const ind = itemOf(await doc(), "1-1-1").indicators[0]!;
    assert.deepEqual(
      ind.plannedValues!.map((v) => [v.fiscalYear, v.number, v.unit, v.cumulative === true]),
      [
        [2019, 1000, "人", false],
        [2020, 1200, "人", false],
        [2021, 1500, "人", false],
        [2019, 1000, "人", true],
        [2020, 2200, "人", true],
        [2021, 37000, "人", true],
      ],
    );
    const page = await (await get(office, `${res.headers.get("location")}`)).text();
    assert.match(page, /累計の計画値に、単年度の合計と合わないセル/);
    assert.match(
      page,
      /令和3年度の累計の計画値が、単年度の計画値の令和元年度からの合計（3,700人）と合いません（期待: 3,700人 \/ 実際: 37,000人）/,
    );
    assert.match(page, /name="cumulative_2021" value="37,000人"/);
    // corrected: no finding any more; a blank cell removes that year's value
    const fixed = await post(office, `${itemPath()}/planned`, {
      version: await version(),
      plannedFor: "1-1-1-i1",
      plannedSeries: "",
      planned_2019: "1,000人",
      planned_2020: "1,200人",
      planned_2021: "1,500人",
      cumulative_2019: "",
      cumulative_2020: "2,200人",
      cumulative_2021: "3,700人",
    });
    assert.match(fixed.headers.get("location")!, /done=planned$/);
    const after = itemOf(await doc(), "1-1-1").indicators[0]!.plannedValues!;
    assert.equal(after.length, 5);
    assert.doesNotMatch(await (await get(office, `${itemPath()}/edit`)).text(), /期待: /);
    const history = (await recentChanges(open.db, actor(), 30, planId)).filter(
      (h) => h.action === "planned_values.set",
    );
    assert.equal(history.length, 2);
    assert.equal(history[0]!.actionLabel, "年度別計画値を変更");
    assert.match(String(history[0]!.before), /令和3年度（累計） 37,000人/);
    assert.match(String(history[0]!.after), /令和3年度（累計） 3,700人/);
  });

  test("yearly plan values: unreadable text, text in the cumulative row, a stale form and an unknown indicator are refused", async () => {
    const before = itemOf(await doc(), "1-1-1").indicators[0]!.plannedValues;
    const base = { plannedFor: "1-1-1-i1", plannedSeries: "" };
    const bad = await post(office, `${itemPath()}/planned`, {
      version: await version(),
      ...base,
      planned_2020: "約1,200人",
      cumulative_2021: "検討",
    });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /令和2年度の計画値（単年度）「約1,200人」を読み取れません/);
    assert.match(html, /令和3年度の計画値（累計）は数値で入力してください/);
    assert.match(html, /href="#f-planned_2020"/);
    assert.match(html, /name="planned_2020" value="約1,200人"/);
    const v = await version();
    const same = {
      planned_2019: "1,000人",
      planned_2020: "1,200人",
      planned_2021: "1,500人",
      cumulative_2020: "2,200人",
      cumulative_2021: "3,700人",
    };
    assert.equal((await post(office, `${itemPath()}/planned`, { version: v, ...base, ...same })).status, 303);
    const stale = await post(office, `${itemPath()}/planned`, {
      version: v,
      ...base,
      ...same,
      planned_2019: "9人",
    });
    assert.equal(stale.status, 409);
    const unknown = await post(office, `${itemPath()}/planned`, {
      version: await version(),
      plannedFor: "nope",
      plannedSeries: "",
    });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /指標が見つかりません/);
    const after = itemOf(await doc(), "1-1-1").indicators[0]!.plannedValues;
    assert.deepEqual(after, before);
  });
});
