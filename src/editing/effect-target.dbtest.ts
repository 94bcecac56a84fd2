// The target for the plan's total 財政効果額: in the plan document (as text alone), set in the browser with its
// reading shown first, refused unless an amount in 円・千円・百万円, and judged like any cumulative target in the
// 集計 and on the dashboard.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { recentChanges } from "../audit/audit.service.ts";
import { isAppError } from "../core/errors.ts";
import type { PlanDocumentInput } from "../core/plan-document/schema.ts";
import type { OpenDatabase } from "../db/database.ts";
import { exportDocument, importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { createApp } from "../web/app.tsx";

const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

/** The sample plan (令和元〜5年度) with effects: 1,350 / 2,600 / 800 千円 in 令和元〜3年度, in three units. */
function withEffects(target?: PlanDocumentInput["plan"]["fiscalEffectTarget"]): PlanDocumentInput {
  const doc = samplePlanDocument(target ? { fiscalEffectTarget: target } : {});
  doc.items![0]!.children![0]!.children![0]!.fiscalEffects = [
    { fiscalYear: 2019, kind: "expenditure_reduction", planned: 1_200, actual: 1_350, unit: "千円" },
    { fiscalYear: 2020, kind: "expenditure_reduction", planned: 2.4, actual: 2.6, unit: "百万円" },
    { fiscalYear: 2021, kind: "revenue_increase", planned: 500_000, actual: 480_000, unit: "円" },
  ];
  doc.items![0]!.fiscalEffects = [
    { fiscalYear: 2021, kind: "revenue_increase", planned: 300, actual: 320, unit: "千円" },
  ];
  return doc;
}

describe("the target for the plan's total 財政効果額", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let planId: string;
  const get = (s: TestSession, path: string) => app.request(path, { headers: { cookie: s.cookie } });
  const post = (path: string, body: Record<string, string>) => app.request(path, postForm(office, body));
  const version = async () => versionOf(await (await get(office, `/plans/${planId}/edit`)).text());
  const stored = async () => (await exportDocument(open.db, "012173/sample")).plan.fiscalEffectTarget;

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [withEffects()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行革 花子" });
  });
  after(async () => open.close());

  test("in the plan document, given as its text alone, it is read and kept; a bad one is refused with its path", async () => {
    const textOnly = withEffects({ text: "5年間で累計10,000千円" } as never);
    textOnly.plan.key = "doc";
    const [r] = await importDocuments(open.db, [textOnly]);
    const doc = await exportDocument(open.db, r!.planId);
    assert.deepEqual(doc.plan.fiscalEffectTarget, {
      text: "5年間で累計10,000千円",
      kind: "value_by_year",
      number: 10000,
      unit: "千円",
      basis: "period_total",
    });
    for (const [text, path] of [
      ["5年間で累計10,000万円", /\$\.plan\.fiscalEffectTarget\.unit: .*単位は 円・千円・百万円/],
      ["(R5)達成", /\$\.plan\.fiscalEffectTarget\.kind: .*金額の目標です/],
    ] as const) {
      const bad = withEffects({ text } as never);
      bad.plan.key = "bad";
      await assert.rejects(importDocuments(open.db, [bad]), (e: unknown) => {
        assert.ok(isAppError(e, "invalid_document"), String(e));
        assert.match(e.message, path);
        return true;
      });
    }
  });

  test("set in the browser: read back first, then saved and in the history", async () => {
    const body = { effectTarget: "5年間で累計10,000千円", effectTargetBasis: "" };
    const preview = await post(`/plans/${planId}/effect-target`, {
      version: await version(),
      action: "preview",
      ...body,
    });
    assert.equal(preview.status, 200);
    assert.match(
      await preview.text(),
      /読み取り結果: <strong>計画期間の合計で 10,000千円 に達する<\/strong>/,
    );
    assert.equal(await stored(), undefined, "a preview stores nothing");
    const saved = await post(`/plans/${planId}/effect-target`, {
      version: await version(),
      action: "save",
      ...body,
    });
    assert.equal(saved.status, 303);
    assert.deepEqual(await stored(), {
      text: "5年間で累計10,000千円",
      kind: "value_by_year",
      number: 10000,
      unit: "千円",
      basis: "period_total",
    });
    const page = await (await get(office, `/plans/${planId}/edit`)).text();
    assert.match(page, /name="effectTarget" type="text" value="5年間で累計10,000千円"/);
    const actor = {
      id: office.userId,
      email: office.email,
      name: "行革 花子",
      role: office.role,
      municipalityCode: "012173",
      departmentIds: [],
    };
    const entry = (await recentChanges(open.db, actor, 10, planId)).find(
      (h) => h.action === "plan.effect_target",
    );
    assert.equal(entry?.actionLabel, "財政効果額の目標を変更");
    assert.equal(entry?.after, "5年間で累計10,000千円");
  });

  test("judged like any period total in the 集計 (page and workbook) and on the dashboard", async () => {
    // 令和3年度: the straight line to 10,000 千円 over 5 years is at 6,000; the sum is 1,350 + 2,600 + 800
    const html = await (await get(office, `/plans/${planId}/reports/tally?fy=2021`)).text();
    assert.match(html, /財政効果額の目標（令和3年度の評価）/);
    assert.match(
      html,
      /目安 6,000千円に対し 累計 4,750千円（令和元年度 1,350 \+ 令和2年度 2,600 \+ 令和3年度 800）/,
    );
    assert.match(html, /<th scope="row">5年間で累計10,000千円<\/th><td>△ 遅れ<\/td>/);
    const dashboard = await (await get(office, `/dashboard?plan=${planId}&fy=2021`)).text();
    assert.match(
      dashboard,
      /財政効果額（令和元年度〜令和3年度の累計）計画 4,400千円／実績 4,750千円／目標「5年間で累計10,000千円」：△ 遅れ/,
    );
    const xlsx = await get(office, `/plans/${planId}/reports/tally?fy=2021&format=xlsx`);
    assert.equal(xlsx.status, 200);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const cells: string[] = [];
    wb.getWorksheet("財政効果額")!.eachRow((row) => {
      cells.push(String(row.getCell(1).value));
    });
    assert.ok(cells.includes("目標「5年間で累計10,000千円」：△ 遅れ"), cells.join(" | "));
  });

  test("bad input is refused naming the field, nothing stored; a stale form is refused; empty removes it", async () => {
    const before = await stored();
    for (const [over, name, message] of [
      [{ effectTarget: "5年間で累計10,000万円" }, "effectTarget", /単位は 円・千円・百万円 のどれか/],
      [{ effectTarget: "5年間で累計300件" }, "effectTarget", /単位は 円・千円・百万円 のどれか/],
      [{ effectTarget: "(R5)達成" }, "effectTarget", /金額の目標です/],
      [{ effectTarget: "約500百万円" }, "effectTarget", /金額の目標です/],
      [{ effectTarget: "(R5)実施", effectTargetBasis: "cumulative" }, "effectTargetBasis", /数値の目標/],
      [
        { effectTarget: "500百万円", effectTargetBasis: "monthly" },
        "effectTargetBasis",
        /集計方法を選んでください/,
      ],
    ] as const) {
      const res = await post(`/plans/${planId}/effect-target`, {
        version: await version(),
        action: "save",
        effectTargetBasis: "",
        ...over,
      });
      assert.equal(res.status, 400, JSON.stringify(over));
      const html = await res.text();
      assert.match(html, message);
      assert.match(html, new RegExp(`href="#f-${name}"`));
      assert.ok(html.includes(`value="${over.effectTarget}"`), "the typed text is shown again");
    }
    assert.deepEqual(await stored(), before);
    const v = await version();
    await post(`/plans/${planId}/items/1-1-1`, {
      version: v,
      number: "①",
      title: "双方向の情報共有",
      description: "",
    });
    const stale = await post(`/plans/${planId}/effect-target`, {
      version: v,
      action: "save",
      effectTarget: "5年間で累計1百万円",
      effectTargetBasis: "",
    });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /value="5年間で累計1百万円"/);
    assert.deepEqual(await stored(), before);
    const removed = await post(`/plans/${planId}/effect-target`, {
      version: await version(),
      action: "save",
      effectTarget: "",
      effectTargetBasis: "",
    });
    assert.equal(removed.status, 303);
    assert.equal(await stored(), undefined);
  });
});
