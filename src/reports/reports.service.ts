/**
 * Reports: a plan evaluated for a fiscal year, with the reviewers' judgements, turned into the tables
 * municipalities publish — as HTML, xlsx or PDF. Also records and withdraws judgements. Callers are the
 * HTTP and CLI adapters.
 */

import { record } from "../audit/audit.service.ts";
import { authorize, invalid, isAppError, notFound } from "../core/errors.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canJudge, canView } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { EVALUATION_STATUSES, type EvaluationStatus } from "../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { currentPlan, getPlanDocument, planNotFound, resolvePlan } from "../plans/plans.service.ts";
import { findRoundByPlanYear } from "../rounds/rounds.service.ts";
import { buildReport, type ReportModel } from "./build-report.ts";
import { type EvaluatedPlan, evaluatePlan, type StoredJudgement } from "./evaluation.ts";
import { cachedDerived, cachedEvaluation, type EvaluationKey } from "./evaluation-cache.ts";
import { buildFiscalEffects, type EffectTargetResult } from "./fiscal-effect.model.ts";
import * as repo from "./judgements.repository.ts";
import type { ReportFormat, ReportKind } from "./report.model.ts";
import { type RenderedReport, renderReport } from "./report-files.ts";

export { type RenderedReport, renderReport };

import { effectTotalText } from "./views/fiscal-effect.view.tsx";

/**
 * A plan read for the reports. dataVersion (src/db/data-version.ts) keys the evaluation cache; without it
 * (a plan put together by hand) the plan is evaluated every time. The document is shared: never change it.
 */
export type LoadedPlan = {
  planId: string;
  municipalityCode: string;
  doc: PlanDocument;
  dataVersion?: string | null | undefined;
};

/** The plan by id, "municipality-code/key" or key, as the CLI (run by whoever runs the server) names it. */
export async function loadPlan(db: DB, ref: string): Promise<LoadedPlan> {
  const found = await resolvePlan(db, ref);
  const doc = await getPlanDocument(db, found);
  if (!doc) throw planNotFound(ref);
  return { planId: found.id, municipalityCode: found.municipalityCode, doc, dataVersion: found.dataVersion };
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
  const doc = await getPlanDocument(db, found);
  if (!doc) throw missing();
  return { planId: found.id, municipalityCode: found.municipalityCode, doc, dataVersion: found.dataVersion };
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
      ...(r.grade !== null ? { grade: r.grade } : {}),
      reason: r.reason,
      by: r.judgedBy,
      at: JST_DATE.format(r.judgedAt),
    }));
}

/**
 * The plan evaluated in the year (and the year before) from the tables, with the judgements up to that year
 * applied (the charts judge every year).
 */
async function evaluateNow(db: DB, plan: LoadedPlan, fiscalYear: number): Promise<EvaluatedPlan> {
  const rows = await repo.listJudgements(db, plan.municipalityCode, plan.planId);
  const judgements = toStored(rows).filter((j) => j.fiscalYear <= fiscalYear);
  return evaluatePlan(plan.doc, fiscalYear, judgements);
}

/**
 * The plan evaluated in the fiscal year (and the year before), with judgements of both years applied:
 * computed once per data version of the plan (src/reports/evaluation-cache.ts). The version is read again
 * here (one small query), so a LoadedPlan kept across a change is evaluated as the plan is now. Shared: never
 * change it.
 */
export async function evaluateStoredPlan(
  db: DB,
  plan: LoadedPlan,
  fiscalYear: number,
): Promise<EvaluatedPlan> {
  const now = await currentPlan(db, plan);
  const key = cacheKey(now, fiscalYear);
  const evaluate = () => evaluateNow(db, now, fiscalYear);
  return key ? cachedEvaluation(key, evaluate) : evaluate();
}

const cacheKey = (plan: LoadedPlan, fiscalYear: number): EvaluationKey | null =>
  plan.dataVersion
    ? {
        municipalityCode: plan.municipalityCode,
        planId: plan.planId,
        fiscalYear,
        dataVersion: plan.dataVersion,
      }
    : null;

/** A report's model: built once per kind and data version of the plan. Shared: never change it. */
export async function reportModel(
  db: DB,
  plan: LoadedPlan,
  fiscalYear: number,
  kind: ReportKind,
): Promise<ReportModel> {
  return reportModelAsRead(db, await currentPlan(db, plan), fiscalYear, kind);
}

/**
 * reportModel for a plan read in this request (loadPlanFor read its version with its row): the version is not
 * read again, so the model is that of the version the caller keys what it keeps by (or newer), never older.
 */
export async function reportModelAsRead(
  db: DB,
  now: LoadedPlan,
  fiscalYear: number,
  kind: ReportKind,
): Promise<ReportModel> {
  const key = cacheKey(now, fiscalYear);
  if (!key) return buildReport(kind, await evaluateNow(db, now, fiscalYear));
  return cachedDerived(
    key,
    () => evaluateNow(db, now, fiscalYear),
    `report:${kind}`,
    (evaluated) => buildReport(kind, evaluated),
  );
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

/**
 * A judgement: gyokaku's `status` for a plan without its own outcome scale, one of the plan's `grade`s for a
 * plan with one (plan.scales.outcome; grades "set by the reviewer" are only ever set this way).
 */
export type JudgementInput = {
  indicatorKey: string;
  series?: string | undefined;
  fiscalYear: number;
  status?: EvaluationStatus | undefined;
  grade?: string | undefined;
  reason: string;
};

/**
 * What is stored: the grade, checked against the plan's scale, with the status the rule computes (kept for
 * readers that know only gyokaku's statuses); or the status. Refused with the field named.
 */
function judgedValue(
  plan: LoadedPlan,
  input: JudgementInput,
  series: string,
): { status: EvaluationStatus; grade: string | null } {
  const scale = plan.doc.plan.scales?.outcome;
  const grade = input.grade?.trim();
  if (!scale) {
    if (grade)
      throw refuse(
        "grade",
        `この計画には独自の評価基準がないため、評価「${grade}」は選べません。判定を 達成・順調・遅れ… から選んでください`,
      );
    if (!input.status) throw refuse("status", "判定を選んでください");
    return { status: input.status, grade: null };
  }
  const labels = scale.grades.map((g) => g.label).join("・");
  if (!grade) throw refuse("grade", `評価を計画の評価基準（${labels}）から選んでください`);
  if (!scale.grades.some((g) => g.label === grade))
    throw refuse("grade", `評価「${grade}」はこの計画の評価基準（${labels}）にありません`);
  const row = evaluatePlan(plan.doc, input.fiscalYear).rows.find(
    (r) => r.indicator.key === input.indicatorKey && (r.series ?? "") === series,
  );
  return { status: row?.evaluation.computedStatus ?? "not_judgeable", grade };
}

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
  const judged = judgedValue(plan, input, ind.series);
  const key = {
    code: plan.municipalityCode,
    indicatorId: ind.id,
    series: ind.series,
    fiscalYear: input.fiscalYear,
  };
  await db.transaction().execute(async (trx) => {
    const before = await judgementBefore(trx, key);
    await repo.upsertJudgement(trx, { ...key, ...judged, reason, judgedBy: actor.name });
    await record(trx, actor, [
      {
        action: "judgement.set",
        subject: judgementSubject(input.indicatorKey, ind.series),
        planId: plan.planId,
        itemKey: ind.itemKey,
        fiscalYear: input.fiscalYear,
        before,
        after: judged.grade
          ? { grade: judged.grade, reason, judgedBy: actor.name }
          : { status: judged.status, reason, judgedBy: actor.name },
      },
    ]);
  });
}

/** A stored judgement as the history shows it: the grade only where there is one. */
async function judgementBefore(q: DB, key: Parameters<typeof repo.findJudgement>[1]) {
  const found = await repo.findJudgement(q, key);
  if (!found) return undefined;
  const { grade, ...rest } = found;
  return grade === null ? rest : { grade, reason: rest.reason, judgedBy: rest.judgedBy };
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
    const before = await judgementBefore(trx, ref);
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
export { type OutcomeColumn, outcomeColumns } from "./grades.ts";
export { defaultFiscalYear, REPORT_FORMATS, REPORT_KINDS } from "./report.model.ts";

/** The 財政効果額 total line of an evaluated plan (for the dashboard), or null when the plan gives none. */
export function fiscalEffectLine(plan: EvaluatedPlan): string | null {
  const m = buildFiscalEffects(plan.doc, plan.fiscalYear, plan.items);
  return m ? effectTotalText(m) : null;
}

/** The plan's target for its total 財政効果額 judged in the plan's year as the 集計 shows it, or null without one. */
export function fiscalEffectTarget(plan: EvaluatedPlan): EffectTargetResult | null {
  return buildFiscalEffects(plan.doc, plan.fiscalYear, plan.items)?.target ?? null;
}
