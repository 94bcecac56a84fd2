// Plan editing through HTTP: items added, renamed, renumbered and moved; indicators and targets added with a
// preview; a stale form refused with the text kept; every change in the history.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Item } from "../core/plan-document/schema.ts";
import type { OpenDatabase } from "../db/database.ts";
import { exportDocument, importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const outline = (items: Item[], depth = 0): string[] =>
  items.flatMap((i) => [
    `${"  ".repeat(depth)}${i.number ?? ""} ${i.title}`,
    ...outline(i.children, depth + 1),
  ]);

describe("plan editing", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let planId: string;
  const get = (s: TestSession, path: string) => app.request(path, { headers: { cookie: s.cookie } });
  const post = (s: TestSession, path: string, body: Record<string, string | string[]>) =>
    app.request(path, postForm(s, body));
  const doc = () => exportDocument(open.db, "012173/sample");
  const version = async () => versionOf(await (await get(office, `/plans/${planId}/edit`)).text());

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
  });
  after(async () => open.close());

  test("only the reform office and admins edit plans", async () => {
    for (const role of ["viewer", "department"] as const) {
      const s = await signIn(open.db, role, role === "department" ? { departments: ["職員課"] } : {});
      assert.equal((await get(s, `/plans/${planId}/edit`)).status, 403);
      assert.equal(
        (await post(s, `/plans/${planId}/items`, { version: "0", title: "x", parent: "" })).status,
        403,
      );
    }
    const page = await (await get(office, `/plans/${planId}/edit`)).text();
    assert.match(page, /項目を追加/);
    assert.match(page, /<label for="f-title">名称<\/label>/);
  });

  test("an item is added last under its parent, with its department, and is then in a new round", async () => {
    const res = await post(office, `/plans/${planId}/items`, {
      version: await version(),
      parent: "1-1",
      number: "②",
      title: "オンライン申請の拡大",
      description: "",
      departments: ["職員課"],
    });
    assert.equal(res.status, 303);
    assert.match(res.headers.get("location")!, /items\/1-1-1\/edit|items\/1-1-\d+\/edit/);
    const d = await doc();
    const added = d.items[0]!.children[0]!.children[1]!;
    assert.deepEqual(
      [added.number, added.title, added.departments],
      ["②", "オンライン申請の拡大", ["職員課"]],
    );
  });

  test("rename and renumber one item; errors are named; a stale form is refused and its text kept", async () => {
    const v = await version();
    const bad = await post(office, `/plans/${planId}/items/1-1-1`, {
      version: v,
      number: "①",
      title: " ",
      description: "",
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /href="#f-title"/);
    const ok = await post(office, `/plans/${planId}/items/1-1-1`, {
      version: v,
      number: "(一)",
      title: "情報共有の双方向化",
      description: "説明",
    });
    assert.equal(ok.status, 303);
    const stale = await post(office, `/plans/${planId}/items/1-1-1`, {
      version: v,
      number: "①",
      title: "古いフォームの名称",
      description: "",
    });
    assert.equal(stale.status, 409);
    const html = await stale.text();
    assert.match(html, /ほかの人が先にこの計画の構成を変更しました/);
    assert.match(html, /古いフォームの名称/);
    assert.equal((await doc()).items[0]!.children[0]!.children[0]!.title, "情報共有の双方向化");
  });

  test("renumber the children of an item in a style", async () => {
    const res = await post(office, `/plans/${planId}/renumber`, {
      version: await version(),
      renumberParent: "1-1",
      style: "circled",
    });
    assert.equal(res.status, 303);
    assert.deepEqual(
      (await doc()).items[0]!.children[0]!.children.map((i) => i.number),
      ["①", "②"],
    );
  });

  test("move down among siblings, and to another parent with its subtree", async () => {
    assert.equal(
      (
        await post(office, `/plans/${planId}/items/1-1-1/move`, {
          version: await version(),
          direction: "down",
        })
      ).status,
      303,
    );
    assert.deepEqual(
      (await doc()).items[0]!.children[0]!.children.map((i) => i.title),
      ["オンライン申請の拡大", "情報共有の双方向化"],
    );
    const bad = await post(office, `/plans/${planId}/items/1/move`, {
      version: await version(),
      parent: "1-1",
      position: "1",
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /その下の項目の下へは移動できません/);
    const moved = await post(office, `/plans/${planId}/items/1-1/move`, {
      version: await version(),
      parent: "2",
      position: "1",
    });
    assert.equal(moved.status, 303);
    const d = await doc();
    assert.deepEqual(outline(d.items).slice(0, 8), [
      "1 市民参加と協働",
      "2 職員",
      "  (1) 情報共有",
      // moving keeps the numbers as written: renumbering is a separate, deliberate step
      "    ② オンライン申請の拡大",
      "    ① 情報共有の双方向化",
      "  (1) 働き方",
      "    ① 育児休業",
      "    ② 育児休業（再掲）",
    ]);
  });

  test("an indicator with a target: the preview reads it back, saving stores what was understood", async () => {
    const v = await version();
    const body = {
      version: v,
      indicatorName: "電子申請の件数",
      indicatorUnit: "件",
      indicatorSeries: "",
      indicatorTarget: "(R5)1,200件",
    };
    const preview = await post(office, `/plans/${planId}/items/1-1-1/indicators`, {
      ...body,
      action: "preview",
    });
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.match(html, /令和5年度までに 1,200件 に達する/);
    assert.match(html, /value="電子申請の件数"/);
    assert.equal(
      (await doc()).items[1]!.children[0]!.children[1]!.indicators.length,
      2,
      "nothing stored by a preview",
    );
    assert.equal(
      (await post(office, `/plans/${planId}/items/1-1-1/indicators`, { ...body, action: "save" })).status,
      303,
    );
    const ind = (await doc()).items[1]!.children[0]!.children[1]!.indicators.find(
      (i) => i.name === "電子申請の件数",
    )!;
    assert.deepEqual(
      [ind.unit, ind.targets[0]!.kind, ind.targets[0]!.number, ind.targets[0]!.fiscalYear],
      ["件", "value_by_year", 1200, 2023],
    );
  });

  test("a target for one series of an existing indicator", async () => {
    const target = {
      version: await version(),
      targetFor: JSON.stringify(["2-1-1-i1", "男性"]),
      targetText: "(R5～)30%以上",
    };
    const preview = await post(office, `/plans/${planId}/items/2-1-1/targets`, {
      ...target,
      action: "preview",
    });
    assert.match(await preview.text(), /令和5年度から毎年 30% 以上/);
    assert.equal(
      (await post(office, `/plans/${planId}/items/2-1-1/targets`, { ...target, action: "save" })).status,
      303,
    );
    const ind = (await doc()).items[1]!.children[1]!.children[0]!.indicators[0]!;
    const t = ind.targets.filter((x) => x.series === "男性").at(-1)!;
    assert.deepEqual([t.text, t.kind, t.number, t.fromFiscalYear], ["(R5～)30%以上", "floor", 30, 2023]);
  });

  test("a target's basis: read from the words, or chosen in the form; 累計 on a stage refused", async () => {
    const url = `/plans/${planId}/items/2-1-1/targets`;
    const words = {
      version: await version(),
      targetFor: JSON.stringify(["2-1-1-i1", "女性"]),
      targetText: "5年間で累計500%",
    };
    assert.match(
      await (await post(office, url, { ...words, action: "preview" })).text(),
      /計画期間の合計で 500% に達する/,
    );
    const chosen = { ...words, targetText: "(R5)90%", targetBasis: "cumulative", action: "save" };
    assert.equal((await post(office, url, chosen)).status, 303);
    const ind = (await doc()).items[1]!.children[1]!.children[0]!.indicators[0]!;
    const t = ind.targets.filter((x) => x.series === "女性").at(-1)!;
    assert.deepEqual([t.text, t.kind, t.number, t.basis], ["(R5)90%", "value_by_year", 90, "cumulative"]);
    const before = ind.targets.length;
    const bad = await post(office, url, {
      ...words,
      version: await version(),
      targetText: "(R3～)実施",
      targetBasis: "period_total",
      action: "save",
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /計画期間の合計は数値の目標（値・以上・以下）にだけ指定できます/);
    const after = (await doc()).items[1]!.children[1]!.children[0]!.indicators[0]!.targets.length;
    assert.equal(after, before, "nothing stored");
  });

  test("every edit is in the item's history", async () => {
    const page = await (await get(office, `/plans/${planId}/items/1-1-1/edit`)).text();
    for (const s of [
      "項目を変更",
      "番号を振り直し",
      "項目を移動",
      "指標を追加",
      "目標を追加",
      "行革 花子",
      "情報共有の双方向化",
    ])
      assert.ok(page.includes(s), `history shows ${s}`);
    const history = await (await get(office, `/plans/${planId}/items/1-1-1/history`)).text();
    assert.match(history, /履歴: /);
  });
});
