/**
 * HTTP adapter for reports: validates path, query and form with zod, calls the service, renders or sends the
 * file. Signed-in users see the reports of their own municipality; the reform office and administrators
 * record judgements. Mounted by src/web/app.tsx after the session, login and CSRF middleware.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { AppError, authorize } from "../core/errors.ts";
import { canJudge } from "../core/policy.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import { htmlWithKeptPart } from "../core/ui/kept-part.ts";
import type { DB } from "../db/database.ts";
import { EVALUATION_STATUSES } from "../domain/evaluation/index.ts";
import { walkWithPath } from "./evaluation.ts";
import { JudgementFormPage, type JudgementFormValues, JudgementListPage } from "./judgements.pages.tsx";
import { defaultFiscalYear, REPORT_FORMATS, REPORT_KINDS, recordedYears } from "./report.model.ts";
import { reportPageBody } from "./report-page.ts";
import { ReportIndexPage, ReportPage, reportsPath } from "./reports.pages.tsx";
import {
  evaluateStoredPlan,
  type LoadedPlan,
  listJudgements,
  loadPlanFor,
  recordJudgement,
  renderReport,
  reportCaveats,
  reportModel,
  reportModelAsRead,
  withdrawJudgement,
} from "./reports.service.ts";
import { pageCount, pageOf, pagePart } from "./sheet-pages.ts";

const fiscalYear = z.coerce
  .number({ error: "年度は西暦の数字で指定してください（例：2022）" })
  .int({ error: "年度は西暦の数字で指定してください（例：2022）" })
  .min(1900, { error: "年度が範囲外です" })
  .max(2200, { error: "年度が範囲外です" });

const yearQuery = z.object({ fy: fiscalYear.optional() });

const reportQuery = z.object({
  kind: z.enum(REPORT_KINDS, { error: `帳票の種類は ${REPORT_KINDS.join("・")} のいずれかです` }),
  fy: fiscalYear.optional(),
  /** the page of the 個票 on the web (sheet-pages.ts) */
  page: z
    .string()
    .regex(/^(all|[1-9][0-9]{0,5})$/, { error: "ページは 1 以上の数字か all で指定してください" })
    .optional()
    .transform((p) => (p === undefined ? 1 : p === "all" ? ("all" as const) : Number(p))),
  format: z
    .enum(REPORT_FORMATS, { error: `形式は ${REPORT_FORMATS.join("・")} のいずれかです` })
    .default("html"),
});

const judgementKey = z.object({
  indicator: z
    .string({ error: "指標が指定されていません" })
    .min(1, { error: "指標が指定されていません" })
    .max(200),
  series: z
    .string()
    .max(100)
    .optional()
    .transform((s) => (s ? s : undefined)),
  fy: fiscalYear,
  return: z.enum(["summary", "sheets"]).optional(),
});

/** Empty form fields are absent ones: the service says which of 判定 and 評価 the plan needs. */
const blankless = (v: unknown) => (v === "" ? undefined : v);

const judgementForm = judgementKey.extend({
  status: z.preprocess(blankless, z.enum(EVALUATION_STATUSES, { error: "判定を選んでください" }).optional()),
  grade: z.preprocess(
    blankless,
    z.string().trim().max(100, { error: "評価は100文字以内で選んでください" }).optional(),
  ),
  reason: z
    .string({ error: "判定の理由を書いてください" })
    .trim()
    .min(1, { error: "判定の理由を書いてください" })
    .max(2000, { error: "理由は2000文字以内で書いてください" }),
});

/**
 * Parses the input with its schema or throws an `invalid` AppError that names every field and carries the
 * first problem as its message (the error page of a GET shows only the message).
 */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[issue.path.map(String).join(".") || "_form"] ??= issue.message;
  throw new AppError("invalid", r.error.issues[0]!.message, fields);
}

/** The query with empty values left out, so that 「?fy=」 means the default year. */
function query(c: Context): Record<string, string> {
  return Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ""));
}

async function form(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "_csrf"),
  );
}

/** Offered report years: those with records, the plan's period, and the one asked for. */
function offeredYears(plan: LoadedPlan, fy: number): number[] {
  const years = new Set([...recordedYears(plan.doc), fy]);
  for (let y = plan.doc.plan.periodStart; y <= plan.doc.plan.periodEnd; y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** Where the judgement form leads back to: the row of the 一覧, or the 個票 page that shows the indicator. */
async function backTo(db: DB, p: LoadedPlan, k: z.infer<typeof judgementKey>): Promise<string> {
  const kind = k.return ?? "summary";
  const anchor =
    kind === "summary" ? `row-${k.indicator}${k.series ? `-${k.series}` : ""}` : `ind-${k.indicator}`;
  let page = "";
  if (kind === "sheets") {
    const report = await reportModel(db, p, k.fy, "sheets");
    if (report.kind === "sheets") page = `&page=${pageOf(report.model, { indicator: k.indicator })}`;
  }
  return `${reportsPath(p.planId)}/${kind}?fy=${k.fy}${page}#${encodeURIComponent(anchor)}`;
}

export function reportRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  const plan = (c: Context<AuthEnv>) => loadPlanFor(db, currentUser(c), c.req.param("id") ?? "");

  app.get("/plans/:id/reports", async (c) => {
    const p = await plan(c);
    const { fy } = parseInput(yearQuery, query(c));
    const year = fy ?? defaultFiscalYear(p.doc);
    return c.html(
      <ReportIndexPage doc={p.doc} planId={p.planId} fiscalYear={year} years={offeredYears(p, year)} />,
    );
  });

  app.get("/plans/:id/reports/judgements", async (c) => {
    const p = await plan(c);
    const { fy } = parseInput(yearQuery, query(c));
    const names = new Map(
      walkWithPath(p.doc.items).flatMap(({ item }) => item.indicators.map((i) => [i.key, i.name] as const)),
    );
    return c.html(
      <JudgementListPage
        doc={p.doc}
        planId={p.planId}
        judgements={await listJudgements(db, p, fy)}
        names={names}
        fiscalYear={fy}
        canJudge={canJudge(currentUser(c), p)}
      />,
    );
  });

  /** The form for one indicator series and year, with its computed result and any recorded judgement. */
  const showForm = async (
    c: Context<AuthEnv>,
    p: LoadedPlan,
    values: JudgementFormValues,
    errors?: Readonly<Record<string, string>>,
  ) => {
    const evaluated = await evaluateStoredPlan(db, p, values.fy);
    const row = evaluated.rows.find(
      (r) => r.indicator.key === values.indicator && r.series === values.series,
    );
    if (!row) {
      const name = `${values.indicator}${values.series ? `（${values.series}）` : ""}`;
      throw new AppError("not_found", `指標 "${name}" はこの計画にありません。`);
    }
    const user = currentUser(c);
    return c.html(
      <JudgementFormPage
        doc={p.doc}
        planId={p.planId}
        row={row}
        values={values}
        errors={errors}
        reviewer={user.name}
        canJudge={canJudge(user, p)}
      />,
      errors ? 400 : 200,
    );
  };

  app.get("/plans/:id/reports/judgements/new", async (c) => {
    const p = await plan(c);
    return showForm(c, p, parseInput(judgementKey, query(c)));
  });

  // Who may judge is checked before the form is read: a reader who may not gets 403 whatever was sent.
  const reviewerOnly = (c: Context<AuthEnv>, p: LoadedPlan) =>
    authorize(canJudge(currentUser(c), p), "評価者の判定を記録できるのは行革担当と管理者です。");

  app.post("/plans/:id/reports/judgements", async (c) => {
    const p = await plan(c);
    reviewerOnly(c, p);
    const body = await form(c);
    const key = parseInput(judgementKey, body);
    const values = { ...key, status: body.status, grade: body.grade, reason: body.reason };
    try {
      const input = parseInput(judgementForm, body);
      await recordJudgement(db, currentUser(c), p, {
        indicatorKey: input.indicator,
        series: input.series,
        fiscalYear: input.fy,
        status: input.status,
        grade: input.grade,
        reason: input.reason,
      });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid") throw e;
      return showForm(c, p, values, Object.keys(e.fields).length ? e.fields : { _form: e.message });
    }
    return c.redirect(await backTo(db, p, key), 303);
  });

  app.post("/plans/:id/reports/judgements/delete", async (c) => {
    const p = await plan(c);
    reviewerOnly(c, p);
    const key = parseInput(judgementKey, await form(c));
    await withdrawJudgement(db, currentUser(c), p, {
      indicatorKey: key.indicator,
      series: key.series,
      fiscalYear: key.fy,
    });
    return c.redirect(await backTo(db, p, key), 303);
  });

  app.get("/plans/:id/reports/:kind", async (c) => {
    const p = await plan(c);
    const q = parseInput(reportQuery, { ...query(c), kind: c.req.param("kind") });
    const fy = q.fy ?? defaultFiscalYear(p.doc);
    if (q.format === "html") {
      // the plan was read in this request with its version: what is kept is keyed by it (report-page.ts)
      const [report, caveats] = await Promise.all([
        reportModelAsRead(db, p, fy, q.kind),
        reportCaveats(db, p, fy),
      ]);
      // the 個票 in pages (sheet-pages.ts); the body is made in a worker thread once per version, the page here
      const part = report.kind === "sheets" ? pagePart(report.model, q.page) : undefined;
      const body = await reportPageBody(p, report, { canJudge: canJudge(currentUser(c), p), part });
      const pager =
        report.kind === "sheets" && part
          ? {
              base: `${reportsPath(p.planId)}/sheets?fy=${fy}`,
              page: q.page === "all" ? ("all" as const) : Math.min(q.page, pageCount(report.model)),
              count: pageCount(report.model),
              part,
              sheets: report.model.sheets,
            }
          : undefined;
      return htmlWithKeptPart(
        c,
        <ReportPage
          doc={p.doc}
          planId={p.planId}
          report={report}
          pager={pager}
          years={offeredYears(p, fy)}
          caveats={caveats}
        />,
        body,
      );
    }
    const file = await renderReport(await reportModel(db, p, fy, q.kind), q.format);
    c.header(
      "Content-Disposition",
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.displayName)}`,
    );
    return c.body(new Uint8Array(file.body as Buffer), 200, { "Content-Type": file.contentType });
  });

  return app;
}
