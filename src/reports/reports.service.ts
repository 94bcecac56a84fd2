/**
 * Reports: a plan evaluated for a fiscal year, with the reviewers' judgements, turned into the tables
 * municipalities publish — as HTML, xlsx or PDF. Also records and withdraws judgements. Callers are the
 * HTTP and CLI adapters.
 */

import { record } from "../audit/audit.service.ts";
import { authorize, invalid, isAppError, notFound } from "../core/errors.ts";
import { htmlPartsToPdf } from "../core/pdf/pdf.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canJudge, canView } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { EVALUATION_STATUSES, type EvaluationStatus } from "../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { getPlan, planNotFound, resolvePlan } from "../plans/plans.service.ts";
import { findRoundByPlanYear } from "../rounds/rounds.service.ts";
import { buildReport, type ReportModel } from "./build-report.ts";
import { type EvaluatedPlan, evaluatePlan, type StoredJudgement } from "./evaluation.ts";
import { buildFiscalEffects } from "./fiscal-effect.model.ts";
import * as repo from "./judgements.repository.ts";
import { KIND_LABELS, type ReportFormat, type ReportKind } from "./report.model.ts";
import { effectTotalText } from "./views/fiscal-effect.view.tsx";
import { printHtml, printHtmlParts } from "./views/report.view.tsx";
import { reportXlsxOffThread } from "./xlsx-off-thread.ts";

export type LoadedPlan = { planId: string; municipalityCode: string; doc: PlanDocument };

/** The plan by id, "municipality-code/key" or key, as the CLI (run by whoever runs the server) names it. */
export async function loadPlan(db: DB, ref: string): Promise<LoadedPlan> {
  const { id, municipalityCode } = await resolvePlan(db, ref);
  const doc = await getPlan(db, id);
  if (!doc) throw planNotFound(ref);
  return { planId: id, municipalityCode, doc };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The plan by id for a signed-in user: another municipality's plan is not there for them (404, not 403). */
export async function loadPlanFor(db: DB, user: Actor, planId: string): Promise<LoadedPlan> {
  const missing = () => notFound("指定された計画は見つかりません。");
  if (!UUID.test(planId)) throw missing();
  const found = await resolvePlan(db, planId).catch((e) => {
    if (isAppError(e, "not_found")) return null;
    throw e;
  });
  if (!found || !canView(user, { municipalityCode: found.municipalityCode })) throw missing();
  const doc = await getPlan(db, found.id);
  if (!doc) throw missing();
  return { planId: found.id, municipalityCode: found.municipalityCode, doc };
}

/** Judgement dates as the reviewer saw the calendar: 「2023-05-10」 in Japan time. */
const JST_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" });

function toStored(rows: repo.JudgementRow[]): StoredJudgement[] {
  return rows
    .filter((r): r is repo.JudgementRow & { status: EvaluationStatus } =>
      (EVALUATION_STATUSES as readonly string[]).includes(r.status),
    )
    .map((r) => ({
      indicatorKey: r.indicatorKey,
      series: r.series === "" ? undefined : r.series,
      fiscalYear: r.fiscalYear,
      status: r.status,
      reason: r.reason,
      by: r.judgedBy,
      at: JST_DATE.format(r.judgedAt),
    }));
}

/** The plan evaluated in the fiscal year (and the year before), with judgements of both years applied. */
export async function evaluateStoredPlan(
  db: DB,
  plan: LoadedPlan,
  fiscalYear: number,
): Promise<EvaluatedPlan> {
  const rows = await repo.listJudgements(db, plan.municipalityCode, plan.planId);
  const judgements = toStored(rows).filter(
    (j) => j.fiscalYear === fiscalYear || j.fiscalYear === fiscalYear - 1,
  );
  return evaluatePlan(plan.doc, fiscalYear, judgements);
}

export async function reportModel(
  db: DB,
  plan: LoadedPlan,
  fiscalYear: number,
  kind: ReportKind,
): Promise<ReportModel> {
  return buildReport(kind, await evaluateStoredPlan(db, plan, fiscalYear));
}

export type RenderedReport = {
  body: string | Buffer;
  contentType: string;
  /** 「012173-ebetsu-gyokaku-2019-summary-2022.xlsx」 */
  fileName: string;
  /** 「江別市行政改革推進計画の取組状況一覧（令和4年度）.xlsx」, for Content-Disposition filename*. */
  displayName: string;
  title: string;
};

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** A report as a file: the print HTML (self-contained), an xlsx workbook, or a PDF printed from the HTML. */
export async function renderReport(report: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  const m = report.model;
  const meta = {
    contentType: CONTENT_TYPES[format],
    fileName: `${m.municipalityCode}-${m.planKey}-${report.kind}-${m.fiscalYear}.${format}`.replace(
      /[^\w.-]+/g,
      "_",
    ),
    displayName: `${m.title}.${format}`,
    title: m.title,
  };
  switch (format) {
    case "html":
      return { ...meta, body: await printHtml(report) };
    case "xlsx":
      // made in a worker thread: a large report never blocks the other requests
      return { ...meta, body: await reportXlsxOffThread(report) };
    case "pdf":
      return {
        ...meta,
        body: await htmlPartsToPdf(await printHtmlParts(report), {
          landscape: true,
          footerTitle: `${m.municipality} ${m.planTitle} ${KIND_LABELS[report.kind]}（${m.fiscalYear}年度）`,
        }),
      };
  }
}

/** What the CLI and the routes call: load, evaluate, build, render. */
export async function generateReport(
  db: DB,
  input: { plan: string; fiscalYear: number; kind: ReportKind; format: ReportFormat },
): Promise<RenderedReport> {
  const plan = await loadPlan(db, input.plan);
  return renderReport(await reportModel(db, plan, input.fiscalYear, input.kind), input.format);
}

// ---------------------------------------------------------------------------------------------- judgements

export type JudgementInput = {
  indicatorKey: string;
  series?: string | undefined;
  fiscalYear: number;
  status: EvaluationStatus;
  reason: string;
};

/** An `invalid` error whose message is the field's, for pages that show only the message. */
const refuse = (field: string, message: string) => invalid({ [field]: message }, message);

async function indicatorOf(db: DB, plan: LoadedPlan, key: string, series: string | undefined) {
  const ind = await repo.findIndicator(db, plan.municipalityCode, plan.planId, key);
  if (!ind) throw refuse("indicator", `指標 "${key}" はこの計画にありません`);
  const s = series ?? "";
  if (ind.series.length > 0 ? !ind.series.includes(s) : s !== "") {
    throw refuse(
      "series",
      ind.series.length > 0
        ? `系列を ${ind.series.join("・")} から選んでください`
        : `指標 "${key}" には系列がありません`,
    );
  }
  return { id: ind.id, series: s, itemKey: ind.itemKey };
}

/**
 * Records a reviewer's judgement under the reviewer's own name; the reason is required. A later judgement
 * of the same indicator, series and year replaces the earlier one.
 */
export async function recordJudgement(
  db: DB,
  actor: Actor,
  plan: LoadedPlan,
  input: JudgementInput,
): Promise<void> {
  authorize(canJudge(actor, plan), "評価者の判定を記録できるのは行革担当と管理者です。");
  const reason = input.reason.trim();
  if (!reason) throw refuse("reason", "判定の理由を書いてください");
  const ind = await indicatorOf(db, plan, input.indicatorKey, input.series);
  const key = {
    code: plan.municipalityCode,
    indicatorId: ind.id,
    series: ind.series,
    fiscalYear: input.fiscalYear,
  };
  await db.transaction().execute(async (trx) => {
    const before = await repo.findJudgement(trx, key);
    await repo.upsertJudgement(trx, { ...key, status: input.status, reason, judgedBy: actor.name });
    await record(trx, actor, [
      {
        action: "judgement.set",
        subject: judgementSubject(input.indicatorKey, ind.series),
        planId: plan.planId,
        itemKey: ind.itemKey,
        fiscalYear: input.fiscalYear,
        before,
        after: { status: input.status, reason, judgedBy: actor.name },
      },
    ]);
  });
}

const judgementSubject = (indicatorKey: string, series: string) =>
  `指標 ${indicatorKey}${series ? `（${series}）` : ""} の評価`;

/** Withdraws a judgement, so that the computed result speaks again. Returns whether there was one. */
export async function withdrawJudgement(
  db: DB,
  actor: Actor,
  plan: LoadedPlan,
  key: { indicatorKey: string; series?: string | undefined; fiscalYear: number },
): Promise<boolean> {
  authorize(canJudge(actor, plan), "評価者の判定を取り消せるのは行革担当と管理者です。");
  const ind = await indicatorOf(db, plan, key.indicatorKey, key.series);
  const ref = {
    code: plan.municipalityCode,
    indicatorId: ind.id,
    series: ind.series,
    fiscalYear: key.fiscalYear,
  };
  return db.transaction().execute(async (trx) => {
    const before = await repo.findJudgement(trx, ref);
    if (!before) return false;
    await repo.deleteJudgement(trx, ref);
    await record(trx, actor, [
      {
        action: "judgement.withdraw",
        subject: judgementSubject(key.indicatorKey, ind.series),
        planId: plan.planId,
        itemKey: ind.itemKey,
        fiscalYear: key.fiscalYear,
        before,
      },
    ]);
    return true;
  });
}

export async function listJudgements(
  db: DB,
  plan: LoadedPlan,
  fiscalYear?: number,
): Promise<StoredJudgement[]> {
  return toStored(await repo.listJudgements(db, plan.municipalityCode, plan.planId, fiscalYear));
}

/**
 * What a reader of the year's report should know about the reporting round: while it is open, the figures
 * include departments' answers that the reform office has not approved yet (nothing to say when there is no
 * round or it is locked). A year outside the plan's period is said too.
 */
export async function reportCaveats(db: DB, plan: LoadedPlan, fiscalYear: number): Promise<string[]> {
  const out: string[] = [];
  const { periodStart, periodEnd } = plan.doc.plan;
  if (fiscalYear < periodStart || fiscalYear > periodEnd)
    out.push(
      `${warekiFiscalYear(fiscalYear)}は計画期間（${warekiFiscalYear(periodStart)}〜${warekiFiscalYear(periodEnd)}）の外です。`,
    );
  const round = await findRoundByPlanYear(db, plan.municipalityCode, plan.planId, fiscalYear);
  if (round?.status === "open")
    out.push(
      `${warekiFiscalYear(fiscalYear)}の照会は受付中です（回答期限 ${round.deadline}）。この帳票には、行革担当が承認する前の回答も含まれています。確定版は照会をロックしてから作成してください。`,
    );
  return out;
}

export { type EvaluatedPlan, evaluatePlan, ladderFor, type StoredJudgement } from "./evaluation.ts";
export { defaultFiscalYear, REPORT_FORMATS, REPORT_KINDS } from "./report.model.ts";

/** The 財政効果額 total line of an evaluated plan (for the dashboard), or null when the plan gives none. */
export function fiscalEffectLine(plan: EvaluatedPlan): string | null {
  const m = buildFiscalEffects(plan.doc, plan.fiscalYear, plan.items);
  return m ? effectTotalText(m) : null;
}
