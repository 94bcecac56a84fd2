// Reports on a real database: the service, reviewers' judgements, the routes for every kind and format, the
// PDF (Chromium, BIZ UD fonts embedded) and the CLI command.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { historyOfItem } from "../audit/audit.service.ts";
import { reportCommand } from "../cli/commands/report.ts";
import { closeBrowser, htmlPartsToPdf, htmlToPdf } from "../core/pdf/pdf.ts";
import type { Actor } from "../core/policy.ts";
import { type OpenDatabase, openDatabase } from "../db/database.ts";
import { readers } from "../importers/registry.ts";
import { importDocuments } from "../plans/plans.service.ts";
import { postForm, signIn, type TestSession } from "../testing/auth.ts";
import { captureIo } from "../testing/cli.ts";
import { openTestDatabase } from "../testing/db.ts";
import { asPrinted, EBETSU_001, findRow } from "../testing/ebetsu-001.fixture.ts";
import { samplePlanDocument } from "../testing/factories.ts";
import { isA4, readPdf } from "../testing/pdf.ts";
import { readSeed, seedsSkip } from "../testing/seeds.ts";
import { needs } from "../testing/system.ts";
import { createApp } from "../web/app.tsx";
import { REPORT_FORMATS, REPORT_KINDS } from "./report.model.ts";
import { reportRoutes } from "./reports.routes.tsx";
import {
  evaluateStoredPlan,
  generateReport,
  listJudgements,
  loadPlan,
  loadPlanFor,
  recordJudgement,
  reportModel,
  withdrawJudgement,
} from "./reports.service.ts";
import type { SummaryModel } from "./summary.model.ts";
import { printHtml, printHtmlParts } from "./views/report.view.tsx";

const noChromium = needs("chromium");

const reviewer: Actor = {
  id: "00000000-0000-4000-8000-000000000001",
  municipalityCode: "012173",
  email: "yamada@example.jp",
  name: "行政管理課 山田",
  role: "office",
  departmentIds: [],
};

describe("reports on a database", () => {
  let open: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let sampleId: string;
  let ebetsuId: string | undefined;
  let office: TestSession;
  let viewer: TestSession;
  let stranger: TestSession;
  const get = (url: string, s: TestSession = office) => app.request(url, { headers: { cookie: s.cookie } });
  before(async () => {
    open = await openTestDatabase();
    // The app as it runs, with the session, login and CSRF middleware in front of the report routes.
    app = createApp(open);
    app.route("/", reportRoutes(open.db));
    sampleId = (await importDocuments(open.db, [samplePlanDocument()]))[0]!.planId;
    office = await signIn(open.db, "office", { municipalityCode: "012173", name: "行政管理課 山田" });
    viewer = await signIn(open.db, "viewer", { municipalityCode: "012173" });
    stranger = await signIn(open.db, "office", { municipalityCode: "012246" });
    if (!seedsSkip("000_") && !seedsSkip("001_")) {
      const read = readers.find((r) => r.id === "ebetsu")!.read([readSeed("000_")!, readSeed("001_")!]);
      ebetsuId = (await importDocuments(open.db, [read.document]))[0]!.planId;
    }
  });
  after(async () => {
    await closeBrowser();
    await open.close();
  });

  test("江別 FY2022 summary from the store holds every figure of 001 in its own indicator's row", {
    skip: seedsSkip("000_") || seedsSkip("001_"),
  }, async () => {
    const plan = await loadPlan(open.db, ebetsuId!);
    const report = await reportModel(open.db, plan, 2022, "summary");
    const model = report.model as SummaryModel;
    for (const expected of EBETSU_001) {
      const row = findRow(model, expected)!;
      assert.ok(row, expected.name);
      const printed = asPrinted(row);
      assert.equal(printed.baseline, expected.baseline, expected.name);
      assert.equal(printed.target, expected.target, expected.name);
      for (const [i, v] of expected.actuals.entries()) {
        if (expected.name.startsWith("繁忙期") && i === 2) continue; // the sheets' 実施 (see summary.test.ts)
        assert.equal(printed.actuals[i], v, `${expected.name} R${i + 1}`);
      }
    }
  });

  describe("reviewers' judgements", () => {
    const key = { indicatorKey: "1-1-1-i2", fiscalYear: 2021 };
    test("a judgement overrides the computed result; both are shown", async () => {
      const plan = await loadPlan(open.db, sampleId);
      const before = (await evaluateStoredPlan(open.db, plan, 2021)).rows.find(
        (r) => r.indicator.key === key.indicatorKey,
      )!;
      assert.equal(before.evaluation.status, "achieved");
      await recordJudgement(open.db, reviewer, plan, {
        ...key,
        status: "not_achieved",
        reason: "公開は1件のみ",
      });
      const after = (await evaluateStoredPlan(open.db, plan, 2021)).rows.find(
        (r) => r.indicator.key === key.indicatorKey,
      )!;
      assert.equal(after.evaluation.status, "not_achieved");
      assert.equal(after.evaluation.computedStatus, "achieved");
      assert.match(
        after.evaluation.explanation,
        /^評価者の判定：未達成（公開は1件のみ。行政管理課 山田、\d{4}-\d{2}-\d{2}）／計算による判定：目標 実施/,
      );
      const html = String(
        (await generateReport(open.db, { plan: sampleId, fiscalYear: 2021, kind: "summary", format: "html" }))
          .body,
      );
      for (const shown of ["評価者の判定", "計算：◎ 達成", "未達成", "公開は1件のみ"])
        assert.ok(html.includes(shown), shown);
    });

    test("a second judgement replaces the first; list; withdraw", async () => {
      const plan = await loadPlan(open.db, sampleId);
      await recordJudgement(open.db, { ...reviewer, name: "行政管理課 佐藤" }, plan, {
        ...key,
        status: "behind",
        reason: "再確認",
      });
      const list = await listJudgements(open.db, plan);
      assert.equal(list.length, 1);
      assert.equal(list[0]!.status, "behind");
      assert.equal(list[0]!.by, "行政管理課 佐藤", "recorded under the reviewer's own name");
      assert.equal(await withdrawJudgement(open.db, reviewer, plan, key), true);
      assert.equal((await listJudgements(open.db, plan)).length, 0);
      assert.equal(await withdrawJudgement(open.db, reviewer, plan, key), false);
    });

    test("a judgement survives a re-import of the plan, and recording and withdrawing are in the item's history", async () => {
      const plan = await loadPlan(open.db, sampleId);
      await recordJudgement(open.db, reviewer, plan, { ...key, status: "behind", reason: "再取込の前" });
      await importDocuments(open.db, [samplePlanDocument()]);
      const again = await loadPlan(open.db, sampleId);
      assert.deepEqual(
        (await listJudgements(open.db, again)).map((j) => [j.indicatorKey, j.fiscalYear, j.status, j.reason]),
        [[key.indicatorKey, 2021, "behind", "再取込の前"]],
      );
      assert.equal(await withdrawJudgement(open.db, reviewer, again, key), true);
      const history = await historyOfItem(open.db, reviewer, sampleId, "1-1-1");
      assert.deepEqual(
        history.slice(0, 2).map((e) => [e.action, e.subject, e.fiscalYear, e.actorName]),
        [
          ["judgement.withdraw", "指標 1-1-1-i2 の評価", 2021, reviewer.name],
          ["judgement.set", "指標 1-1-1-i2 の評価", 2021, reviewer.name],
        ],
      );
      assert.deepEqual(history[1]!.after, {
        status: "behind",
        reason: "再取込の前",
        judgedBy: reviewer.name,
      });
    });

    test("after a re-import, a judgement stays only where its indicator and series still are", async () => {
      const plan = await loadPlan(open.db, sampleId);
      const male = { indicatorKey: "2-1-1-i1", series: "男性", fiscalYear: 2019 };
      await recordJudgement(open.db, reviewer, plan, { ...male, status: "behind", reason: "系列の改名前" });
      const renamed = JSON.parse(JSON.stringify(samplePlanDocument()).replaceAll('"男性"', '"M"'));
      await importDocuments(open.db, [renamed]);
      assert.deepEqual(await listJudgements(open.db, await loadPlan(open.db, sampleId)), []);
      await importDocuments(open.db, [samplePlanDocument()]);
    });

    test("series: a judgement of 男性 leaves 女性 alone", async () => {
      const plan = await loadPlan(open.db, sampleId);
      const male = { indicatorKey: "2-1-1-i1", series: "男性", fiscalYear: 2019 };
      await recordJudgement(open.db, reviewer, plan, { ...male, status: "behind", reason: "理由" });
      const rows = (await evaluateStoredPlan(open.db, plan, 2019)).rows.filter(
        (r) => r.indicator.key === "2-1-1-i1",
      );
      assert.deepEqual(
        rows.map((r) => [r.series, r.evaluation.status]),
        [
          ["男性", "behind"],
          ["女性", "achieved"],
        ],
      );
      await withdrawJudgement(open.db, reviewer, plan, male);
    });

    test("refused: an unknown indicator, a series it does not have, no reason, a reader who is not a reviewer", async () => {
      const plan = await loadPlan(open.db, sampleId);
      const base = { fiscalYear: 2021, status: "achieved" as const, reason: "理由" };
      await assert.rejects(
        recordJudgement(open.db, reviewer, plan, { ...base, indicatorKey: "nope" }),
        /指標 "nope"/,
      );
      await assert.rejects(
        recordJudgement(open.db, reviewer, plan, { ...base, indicatorKey: "2-1-1-i1", series: "子ども" }),
        (e: Error & { fields?: Record<string, string> }) =>
          e.fields?.series === "系列を 男性・女性 から選んでください",
      );
      await assert.rejects(
        recordJudgement(open.db, reviewer, plan, { ...base, indicatorKey: "1-1-1-i1", reason: "  " }),
        (e: Error & { fields?: Record<string, string> }) => e.fields?.reason === "判定の理由を書いてください",
      );
      await assert.rejects(
        recordJudgement(open.db, { ...reviewer, role: "viewer" }, plan, {
          ...base,
          indicatorKey: "1-1-1-i1",
        }),
        /行革担当と管理者/,
      );
    });

    test("another municipality's plan is not there for its users", async () => {
      await assert.rejects(
        loadPlanFor(open.db, { ...reviewer, municipalityCode: "012246" }, sampleId),
        /見つかりません/,
      );
      const plan = await loadPlanFor(open.db, reviewer, sampleId);
      assert.equal(plan.doc.plan.key, "sample");
    });
  });

  describe("routes", () => {
    test("the index offers every kind in every format for the chosen year", async () => {
      const res = await get(`/plans/${sampleId}/reports?fy=2021`);
      assert.equal(res.status, 200);
      const html = await res.text();
      for (const kind of REPORT_KINDS) {
        assert.ok(html.includes(`/plans/${sampleId}/reports/${kind}?fy=2021`), kind);
        assert.ok(html.includes(`/plans/${sampleId}/reports/${kind}?fy=2021&amp;format=xlsx`), kind);
      }
    });

    for (const kind of REPORT_KINDS) {
      for (const format of REPORT_FORMATS) {
        test(`${kind} as ${format}`, { skip: format === "pdf" ? noChromium : false }, async () => {
          const res = await get(`/plans/${sampleId}/reports/${kind}?fy=2021&format=${format}`);
          assert.equal(res.status, 200);
          const body = Buffer.from(await res.arrayBuffer());
          if (format === "html") {
            const html = body.toString("utf8");
            assert.match(html, /^<!DOCTYPE html>/);
            assert.match(html, /<html lang="ja">/);
            assert.ok(html.includes("令和3年度"));
            // The print rules come from the UI kit's stylesheets that the page links (same server, in order).
            const hrefs = [...html.matchAll(/<link rel="stylesheet" href="(\/assets\/[\w-]+\.css)"/g)].map(
              (m) => m[1]!,
            );
            assert.ok(hrefs.includes("/assets/report.css"), hrefs.join());
            const css = (await Promise.all(hrefs.map(async (h) => (await get(h)).text()))).join("\n");
            assert.match(css, /thead\s*\{\s*display:\s*table-header-group/);
            assert.match(css, /size:\s*A4 landscape/);
            assert.match(css, /tr,[^{]*\{\s*break-inside:\s*avoid/);
            assert.doesNotMatch(html, /(src|href)="https?:\/\//, "nothing from outside (LGWAN)");
          } else {
            assert.match(
              res.headers.get("content-disposition")!,
              /attachment; filename="[\w.-]+"; filename\*=UTF-8''/,
            );
            const magic = format === "pdf" ? "%PDF-" : "PK";
            assert.equal(body.subarray(0, magic.length).toString(), magic);
          }
        });
      }
    }

    test("signed out: to the login page; another municipality: not found; bad input: 400 with a message", async () => {
      const anonymous = await app.request(`/plans/${sampleId}/reports`);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get("location")!, /^\/login\?next=/);
      assert.equal((await get(`/plans/${sampleId}/reports/summary`, stranger)).status, 404);
      const kind = await get(`/plans/${sampleId}/reports/nope`);
      assert.equal(kind.status, 400);
      assert.match(await kind.text(), /帳票の種類は summary・sheets・tally・roadmap のいずれかです/);
      assert.equal((await get(`/plans/${sampleId}/reports/summary?fy=R4`)).status, 400);
      assert.equal((await get(`/plans/${sampleId}/reports/summary?format=docx`)).status, 400);
      assert.equal((await get("/plans/00000000-0000-4000-8000-000000000000/reports")).status, 404);
      assert.equal((await get("/plans/not-a-uuid/reports/summary")).status, 404);
    });

    test("the judgement form works without JavaScript: GET the form, POST it, see both results", async () => {
      const form = await get(
        `/plans/${sampleId}/reports/judgements/new?indicator=1-1-1-i1&fy=2020&return=summary`,
      );
      assert.equal(form.status, 200);
      const page = await form.text();
      assert.match(page, /<form method="post" action="\/plans\/[^"]+\/reports\/judgements"/);
      assert.ok(page.includes(`name="_csrf" value="${office.csrf}"`), "the form carries the CSRF token");
      assert.ok(page.includes("計算による判定") && page.includes("行政管理課 山田"));

      const url = `/plans/${sampleId}/reports/judgements`;
      const bad = await app.request(
        url,
        postForm(office, { indicator: "1-1-1-i1", fy: "2020", status: "achieved", reason: "" }),
      );
      assert.equal(bad.status, 400);
      const errors = await bad.text();
      assert.ok(errors.includes("判定の理由を書いてください"));
      assert.ok(errors.includes('href="#f-reason"'), "the error summary links to the field");

      const fields = {
        indicator: "1-1-1-i1",
        fy: "2020",
        status: "on_track",
        reason: "集計方法の変更による減少",
        return: "summary",
      };
      assert.equal(
        (await app.request(url, postForm({ ...office, csrf: "forged" }, fields))).status,
        403,
        "CSRF",
      );
      const good = await app.request(url, postForm(office, fields));
      assert.equal(good.status, 303);
      assert.match(good.headers.get("location")!, /\/reports\/summary\?fy=2020#row-1-1-1-i1$/);
      const summary = await (await get(good.headers.get("location")!)).text();
      for (const shown of ["集計方法の変更による減少", "評価者の判定", "計算：", "行政管理課 山田"]) {
        assert.ok(summary.includes(shown), shown);
      }
      const list = await (await get(`/plans/${sampleId}/reports/judgements?fy=2020`)).text();
      assert.ok(list.includes("集計方法の変更による減少"));
      const withdrawn = await app.request(
        `${url}/delete`,
        postForm(office, { indicator: "1-1-1-i1", fy: "2020" }),
      );
      assert.equal(withdrawn.status, 303);
      assert.equal((await listJudgements(open.db, await loadPlan(open.db, sampleId), 2020)).length, 0);
    });

    test("readers who are not reviewers see no form and cannot post one", async () => {
      const summary = await (await get(`/plans/${sampleId}/reports/summary?fy=2020`, viewer)).text();
      assert.ok(!summary.includes("判定を記録"));
      const res = await app.request(
        `/plans/${sampleId}/reports/judgements`,
        postForm(viewer, { indicator: "1-1-1-i1", fy: "2020", status: "achieved", reason: "r" }),
      );
      assert.equal(res.status, 403);
    });

    test("a judgement of an unknown status or indicator is refused", async () => {
      const res = await app.request(
        `/plans/${sampleId}/reports/judgements`,
        postForm(office, { indicator: "1-1-1-i1", fy: "2020", status: "great", reason: "r" }),
      );
      assert.equal(res.status, 400);
      assert.ok((await res.text()).includes("判定を選んでください"));
      assert.equal(
        (await get(`/plans/${sampleId}/reports/judgements/new?indicator=zzz&fy=2020`)).status,
        404,
      );
    });
  });

  test("PDF: A4 landscape pages, BIZ UD fonts embedded, charts printed", { skip: noChromium }, async () => {
    const file = await generateReport(open.db, {
      plan: sampleId,
      fiscalYear: 2021,
      kind: "sheets",
      format: "pdf",
    });
    const pdf = file.body as Buffer;
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const read = await readPdf(pdf);
    assert.ok(read.fonts.includes("BIZUDPGothic-Regular"), read.fonts.join(", "));
    assert.ok(
      read.sizes.every((size) => isA4(size, true)),
      `A4 landscape: ${JSON.stringify(read.sizes)}`,
    );
    assert.ok(read.text.includes("目標・目安"), "the chart's legend is in the PDF");
    assert.ok(read.text.includes("6,825"), "values are printed");
  });

  for (const kind of ["sheets", "summary"] as const) {
    test(`PDF of the ${kind} in parts: the same pages as in one piece, numbered across the parts`, {
      skip: noChromium,
    }, async () => {
      const plan = await loadPlan(open.db, sampleId);
      const report = await reportModel(open.db, plan, 2021, kind);
      // 個票: one sheet a part; 一覧: one top-level section a part
      const parts = await printHtmlParts(report, 1);
      if (report.kind === "sheets") assert.equal(parts.length, report.model.sheets.length);
      assert.ok(parts.length >= (kind === "sheets" ? 3 : 2), `${parts.length} parts`);
      const footerTitle = `江別市 ${kind}`;
      const whole = await readPdf(await htmlToPdf(await printHtml(report), { footerTitle }));
      const joined = await readPdf(await htmlPartsToPdf(parts, { footerTitle }));
      assert.equal(joined.pages, whole.pages);
      assert.deepEqual(joined.fonts, whole.fonts);
      const n = joined.pages;
      const pages = joined.text.split("\n");
      const wholePages = whole.text.split("\n");
      const footer = (i: number) => `${i + 1} / ${n}`;
      pages.forEach((text, i) => {
        assert.ok(text.includes(footer(i)) && text.includes(footerTitle), `page ${i + 1}: ${text}`);
        const body = (t: string) => t.replace(footer(i), "").replace(footerTitle, "");
        assert.equal(body(text), body(wholePages[i]!), `page ${i + 1}`);
      });
    });
  }
});

test("CLI: gyokaku report writes the file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gyokaku-report-cli-"));
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    const data = join(dir, "data");
    const db = await openDatabase({ kind: "pglite", dataDir: data });
    await importDocuments(db.db, [samplePlanDocument()]);
    await db.close();
    const out = join(dir, "summary.xlsx");
    await reportCommand(
      [
        "--plan",
        "012173/sample",
        "--fy",
        "2021",
        "--kind",
        "summary",
        "--format",
        "xlsx",
        "--out",
        out,
        "--data",
        data,
      ],
      captureIo(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0]!.name, "取組状況一覧");
    await assert.rejects(
      reportCommand(["--plan", "x", "--fy", "R4", "--kind", "summary", "--data", data], captureIo()),
      /--fy/,
    );
    await assert.rejects(
      reportCommand(["--plan", "x", "--fy", "2021", "--kind", "list", "--data", data], captureIo()),
      /--kind/,
    );
    await assert.rejects(
      reportCommand(
        ["--plan", "x", "--fy", "2021", "--kind", "summary", "--format", "pdf", "--data", data],
        captureIo(),
      ),
      /--out/,
    );
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
