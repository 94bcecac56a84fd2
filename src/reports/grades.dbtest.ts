// The plan's own grades and implementation words (docs/examples/scales.json: S/A/B/C by achievement rate,
// plus a grade D that only the reviewer sets; 検討中・部分実施・達成) in every place that shows results: the
// 集計 as web page, xlsx and PDF, the 個票, the dashboard; and a reviewer setting a grade through the form.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { recentChanges } from "../audit/audit.service.ts";
import { closeBrowser } from "../core/pdf/pdf.ts";
import type { OpenDatabase } from "../db/database.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { getPublication, publishFiscalYear } from "../publish/publish.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { openTestDatabase } from "../testing/db.ts";
import { readPdf } from "../testing/pdf.ts";
import { needs } from "../testing/system.ts";
import { createApp } from "../web/app.tsx";
import { generateReport } from "./reports.service.ts";

const noChromium = needs("chromium");
const PLAN = "019992/example-scales";
const GRADES = ["◎ S", "○ A", "△ B", "× C", "D", "－ 評価なし"];
const STATES = ["□ 未着手", "→ 検討中・部分実施", "■ 達成", "－ データなし"];

function examplePlan() {
  const doc = JSON.parse(readFileSync(new URL("../../docs/examples/scales.json", import.meta.url), "utf8"));
  doc.plan.scales.outcome.grades.push({ label: "D", rule: { reviewer: true } });
  return doc;
}

/** The texts of a workbook row from column 2 on, merged cells once. */
function rowTexts(ws: ExcelJS.Worksheet, r: number): string[] {
  const out: string[] = [];
  ws.getRow(r).eachCell((c, col) => {
    if (col > 1 && !c.isMerged) out.push(String(c.value));
    else if (col > 1 && c.master.address === c.address) out.push(String(c.value));
  });
  return out;
}

describe("the plan's own grades in every format", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let office: TestSession;
  let planId: string;
  const get = (path: string) => app.request(path, { headers: { cookie: office.cookie } });

  before(async () => {
    open = await openTestDatabase();
    app = createApp(open);
    planId = (await importDocuments(open.db, [examplePlan()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "019992", name: "行革 花子" });
  });
  after(async () => {
    await closeBrowser();
    await open.close();
  });

  test("集計 on the web: the plan's grades and its implementation words head the columns", async () => {
    const html = await (await get(`/plans/${planId}/reports/tally?fy=2025`)).text();
    const heads = [...html.matchAll(/<th scope="colgroup" colspan="2">(.*?)<\/th>/gs)].map((m) =>
      m[1]!.trim(),
    );
    assert.deepEqual(heads.slice(0, 7), [...GRADES, "合計"], "達成度");
    const at = heads.indexOf(STATES[0]!);
    assert.ok(at > 0, heads.join(" | "));
    assert.deepEqual(heads.slice(at, at + 5), [...STATES, "合計"], "着手状況");
    assert.ok(!heads.includes("→ 取組中") && !heads.includes("○ 順調"), "not gyokaku's words");
  });

  test("集計 as xlsx: the same headings on the 達成度 and 着手状況 sheets, the legend in the plan's grades", async () => {
    const file = await generateReport(open.db, {
      plan: PLAN,
      fiscalYear: 2025,
      kind: "tally",
      format: "xlsx",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    const headRow = (ws: ExcelJS.Worksheet) => {
      for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value) === "区分") return r;
      throw new Error(`no 区分 header on ${ws.name}`);
    };
    const achievement = wb.getWorksheet("達成度")!;
    assert.deepEqual(rowTexts(achievement, headRow(achievement)), [...GRADES, "合計"]);
    const implementation = wb.getWorksheet("着手状況")!;
    assert.deepEqual(rowTexts(implementation, headRow(implementation)), [...STATES, "合計"]);
    const cells: string[] = [];
    achievement.eachRow((row) => {
      row.eachCell((c) => {
        cells.push(String(c.value));
      });
    });
    assert.ok(
      cells.some((c) => c.startsWith("凡例：◎ S　○ A　△ B　× C　D　－ 評価なし")),
      cells.join(" | "),
    );
  });

  test("集計 as PDF: the same headings", { skip: noChromium }, async () => {
    const file = await generateReport(open.db, {
      plan: PLAN,
      fiscalYear: 2025,
      kind: "tally",
      format: "pdf",
    });
    const text = (await readPdf(file.body as Buffer)).text.replace(/\s+/g, "");
    for (const h of [...GRADES, ...STATES])
      assert.ok(text.includes(h.replace(/\s+/g, "")), `${h} in the PDF`);
    assert.ok(!text.includes("順調"), "gyokaku's statuses are not the columns");
  });

  test("個票: legend, result, 着手状況 word and chart labels in the plan's grades", async () => {
    const html = await (await get(`/plans/${planId}/reports/sheets?fy=2025`)).text();
    assert.match(
      html,
      /凡例：<span>◎ S<\/span><span>○ A<\/span><span>△ B<\/span><span>× C<\/span><span>D<\/span>/,
    );
    assert.doesNotMatch(html, /<span>○ 順調<\/span>/);
    // (5) 文書管理システムの導入: 達成 in 令和7年度, in the plan's word
    assert.match(
      html,
      /着手状況：\s*<span class="status"><span class="sym" aria-hidden="true">■<\/span>達成<\/span>/,
    );
    // the chart of (1): each year's grade beside its value, and in its description
    assert.match(html, /計画の評価基準による評価：令和6年度 B、令和7年度 S/);
    assert.match(html, /4,200件 ◎S/);
    const book = await generateReport(open.db, {
      plan: PLAN,
      fiscalYear: 2025,
      kind: "sheets",
      format: "xlsx",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book.body as unknown as ArrayBuffer);
    const titles = wb.worksheets.map((ws) => String(ws.getCell(2, 1).value ?? ""));
    assert.ok(
      titles.some((t) => t.includes("文書管理システムの導入") && t.includes("着手状況：■ 達成")),
      titles.join(" | "),
    );
  });

  test("the dashboard counts the plan's grades in its order", async () => {
    const html = await (await get(`/dashboard?plan=${planId}&fy=2025&level=0`)).text();
    const heads = [...html.matchAll(/<th scope="col">(.*?)<\/th>/gs)]
      .map((m) => m[1]!.replace(/<[^>]+>/g, "").trim())
      .slice(0, 10);
    assert.deepEqual(heads, [
      "基本方針",
      "◎ S",
      "○ A",
      "△ B",
      "× C",
      "D",
      "－ 評価なし",
      "計",
      "S・Aの割合",
      "所管課",
    ]);
    assert.match(html, /所管課ごと（B・Cの多い順）/);
    // 令和7年度: S 2 (3-1, 3-5), A 1, B 1, C 1 — 3 of 5 are S or A
    assert.match(
      html,
      /<th scope="row">合計<\/th><td class="num">2<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">5<\/td>/,
    );
    assert.match(html, /> 60%/);
  });

  test("a reviewer sets grade D, which no rule computes; it is in the history and every report", async () => {
    const form = await (await get(`/plans/${planId}/reports/judgements/new?indicator=3-4-i1&fy=2025`)).text();
    assert.match(form, /<option value="D">D（評価者が判定）<\/option>/);
    assert.match(form, /D は評価者だけが付ける評価です/);
    const version = { indicator: "3-4-i1", fy: "2025", return: "summary" };
    const bad = await app.request(
      `/plans/${planId}/reports/judgements`,
      postForm(office, { ...version, grade: "E", reason: "対象施設の改修中" }),
    );
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /評価「E」はこの計画の評価基準（S・A・B・C・D）にありません/);
    assert.match(badHtml, /aria-invalid="true"[^>]*name="grade"|name="grade"[^>]*aria-invalid="true"/);
    const missing = await app.request(
      `/plans/${planId}/reports/judgements`,
      postForm(office, { ...version, status: "achieved", reason: "理由" }),
    );
    assert.equal(missing.status, 400, "a plan with its own scale is judged in its grades");
    assert.match(await missing.text(), /評価を計画の評価基準（S・A・B・C・D）から選んでください/);

    const ok = await app.request(
      `/plans/${planId}/reports/judgements`,
      postForm(office, {
        ...version,
        grade: "D",
        reason: "対象施設の半数が改修で休館したため評価対象外とした",
      }),
    );
    assert.equal(ok.status, 303);
    const summary = await (await get(`/plans/${planId}/reports/summary?fy=2025`)).text();
    assert.match(summary, /<span class="sym" aria-hidden="true"><\/span>D<\/span>/);
    assert.match(summary, /計算：× C/);
    assert.match(summary, /評価者の判定：D（対象施設の半数が改修で休館したため評価対象外とした。行革 花子、/);
    assert.match(summary, /計画の評価基準：評価者が D と判定/);
    const tally = await (await get(`/plans/${planId}/reports/tally?fy=2025`)).text();
    const overall = [...tally.matchAll(/<tr><th scope="row">計画全体<\/th>(.*?)<\/tr>/gs)].map((m) =>
      [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!.trim()),
    );
    // S 2・A 1・B 1・C 0 (▲1 against 令和6年度's 2)・D 1・評価なし 0
    assert.deepEqual(
      overall[0]!.filter((_, i) => i % 2 === 0),
      ["2", "1", "1", "0", "1", "0", "5"],
    );
    const xlsx = await generateReport(open.db, {
      plan: PLAN,
      fiscalYear: 2025,
      kind: "summary",
      format: "xlsx",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      row.eachCell((c) => {
        texts.push(String(c.value));
      });
    });
    assert.ok(
      texts.some((t) => t.includes("計画の評価基準：評価者が D と判定")),
      "the xlsx summary says so",
    );
    const list = await (await get(`/plans/${planId}/reports/judgements`)).text();
    assert.match(list, /<span class="status">D<\/span>/);
    const actor = {
      id: office.userId,
      email: office.email,
      name: "行革 花子",
      role: office.role,
      municipalityCode: "019992",
      departmentIds: [],
    };
    const changes = await recentChanges(open.db, actor, 5, planId);
    const set = changes.find((e) => e.action === "judgement.set");
    assert.ok(set, "the judgement is in the history");
    assert.deepEqual(set.after, {
      grade: "D",
      reason: "対象施設の半数が改修で休館したため評価対象外とした",
      judgedBy: "行革 花子",
    });
    const stored = await open.db
      .selectFrom("indicator_judgements")
      .select(["status", "grade"])
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { status: "not_achieved", grade: "D" }, "the computed status is kept beside");
    // Published: the snapshot keeps the reviewer's grade, the grade the rule computes beside it, gyokaku's
    // status as computed, and the reason.
    await publishFiscalYear(open.db, { plan: PLAN, fiscalYear: 2025 });
    const published = await getPublication(open.db, {
      municipalityCode: "019992",
      planKey: "example-scales",
      fiscalYear: 2025,
    });
    const year = published!.snapshot.series
      .find((x) => x.indicatorKey === "3-4-i1")!
      .years.find((y) => y.fiscalYear === 2025)!;
    assert.equal(year.status, "not_achieved");
    assert.deepEqual([year.grade, year.judgement?.grade, year.computedGrade], ["D", "D", "C"]);
    assert.equal(year.judgement?.reason, "対象施設の半数が改修で休館したため評価対象外とした");
    // The plan imported again (its items rewritten): the judgement keeps its grade.
    await importDocuments(open.db, [examplePlan()]);
    const kept = await open.db.selectFrom("indicator_judgements").select(["grade"]).executeTakeFirstOrThrow();
    assert.equal(kept.grade, "D");
  });
});
