/**
 * Editing the plan's own scales in the browser (reform office and admin, canEditPlan): the outcome grades
 * and the implementation vocabulary, with a preview of how the current year would be graded. Every save is
 * in the history; published versions keep the scales of their snapshot.
 */

import { z } from "zod";
import { record } from "../audit/audit.service.ts";
import { authorize, conflict, invalid, notFound } from "../core/errors.ts";
import { jsonPath, walkItems } from "../core/plan-document/document.ts";
import { type PlanScales, scalesSchema } from "../core/plan-document/scales.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canEditPlan } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { tallyGrades } from "../domain/evaluation/grade.ts";
import { fiscalYearOf } from "../domain/fiscal-year.ts";
import { getPlanFor } from "../plans/plans.service.ts";
import { evaluatePlan } from "./evaluation.ts";
import { gradeOf, UNGRADED } from "./grades.ts";
import { itemImplementation } from "./report.model.ts";
import * as repo from "./scales.repository.ts";

export type ScalesPreview = {
  fiscalYear: number;
  outcome?: { label: string; count: number }[] | undefined;
  implementation: { label: string; count: number }[];
};

export type ScalesEditor = {
  planId: string;
  title: string;
  scales: PlanScales | undefined;
  /** the version of the stored scales the form is made from (hidden field), checked when saving */
  version: string;
  preview: ScalesPreview;
};

async function planOf(db: DB, user: Actor, planId: string) {
  const plan = /^[0-9a-f-]{36}$/i.test(planId)
    ? await repo.findPlan(db, user.municipalityCode, planId)
    : undefined;
  if (!plan) throw notFound("指定された計画は見つかりません。");
  authorize(
    canEditPlan(user, { municipalityCode: plan.municipality_code }),
    "評価基準を変更できるのは行革担当と管理者です。",
  );
  return plan;
}

/**
 * The year the preview grades: the latest year up to the current fiscal year that has an actual (the year a
 * report would be made for), else the current fiscal year; kept within the plan's period.
 */
export function previewYear(doc: PlanDocument, today = new Date()): number {
  const now = fiscalYearOf(today);
  let latest: number | undefined;
  for (const { item } of walkItems(doc.items))
    for (const ind of item.indicators)
      for (const a of ind.actuals)
        if (a.fiscalYear <= now && (latest === undefined || a.fiscalYear > latest)) latest = a.fiscalYear;
  return Math.min(Math.max(latest ?? now, doc.plan.periodStart), doc.plan.periodEnd);
}

/** Counts per grade (and per implementation word class) of the plan graded with `scales`. */
export function previewOf(
  doc: PlanDocument,
  scales: PlanScales | undefined,
  fiscalYear: number,
): ScalesPreview {
  const withScales: PlanDocument = { ...doc, plan: { ...doc.plan, scales } };
  const plan = evaluatePlan(withScales, fiscalYear);
  const rows = plan.rows.filter((r) => !r.crossListed);
  const outcome = scales?.outcome
    ? tallyGrades(
        scales.outcome,
        rows.map((r) => {
          const g = gradeOf(scales.outcome!, r.evaluation);
          return g === UNGRADED ? undefined : g;
        }),
      )
    : undefined;
  const counts = new Map<string, number>([
    ["未着手", 0],
    ["取組中", 0],
    ["完了", 0],
    ["データなし", 0],
  ]);
  const names = { not_started: "未着手", in_progress: "取組中", completed: "完了", no_data: "データなし" };
  for (const { item } of plan.items) {
    if (item.children.length > 0 || item.crossListingOf) continue;
    const s = names[itemImplementation(item, fiscalYear, plan.ladder).status];
    counts.set(s, counts.get(s)! + 1);
  }
  return { fiscalYear, outcome, implementation: [...counts].map(([label, count]) => ({ label, count })) };
}

export async function getScalesEditor(db: DB, user: Actor, planId: string): Promise<ScalesEditor> {
  const plan = await planOf(db, user, planId);
  const doc = (await getPlanFor(db, user, plan.id))!;
  const scales = doc.plan.scales;
  return {
    planId: plan.id,
    title: plan.title,
    scales,
    version: plan.scales_version,
    preview: previewOf(doc, scales, previewYear(doc)),
  };
}

/** Validates posted scales; a refusal names each field (g1_rule, s0_label …) with the schema's message. */
export function checkScales(input: unknown): PlanScales | undefined {
  if (input === undefined) return undefined;
  const parsed = scalesSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [part, , index, field] = issue.path;
    const name =
      typeof index === "number"
        ? `${part === "outcome" ? "g" : "s"}${index}_${field === "rule" ? "rule" : "label"}`
        : part === "implementation"
          ? "s0_done"
          : "g0_label";
    fields[name] ??= `${jsonPath(["plan", "scales", ...issue.path])}: ${issue.message}`;
  }
  throw invalid(fields, "評価基準に問題があります。");
}

const versionSchema = z.object({
  version: z
    .string("フォームの版番号がありません。ページを読み込み直してください。")
    .regex(/^[0-9a-f]{32}$/, "フォームの版番号がありません。ページを読み込み直してください。"),
});

const STALE =
  "ほかの人が先にこの計画の評価基準を変更しました。あなたの入力はまだ保存されていません（下に残してあります）。" +
  "下の見込みと最新の内容を確かめてから、もう一度保存してください。";

/**
 * Saves the scales if the stored ones are still those the form was made from (`version`); otherwise refuses
 * with `conflict` and stores nothing, so that two offices saving at once do not overwrite each other.
 */
export async function saveScales(
  db: DB,
  user: Actor,
  planId: string,
  input: unknown,
  version: unknown,
): Promise<void> {
  const plan = await planOf(db, user, planId);
  const scales = checkScales(input);
  const expected = parseInput(versionSchema, { version }).version;
  await db.transaction().execute(async (trx) => {
    if (!(await repo.setScales(trx, user.municipalityCode, plan.id, scales ?? null, expected)))
      throw conflict(STALE);
    await record(trx, user, [
      {
        action: "plan.scales",
        subject: `計画「${plan.title}」の評価基準`,
        planId: plan.id,
        before: plan.scales ?? null,
        after: scales ?? null,
      },
    ]);
  });
}

/** The preview of scales not yet saved. */
export async function previewFor(
  db: DB,
  user: Actor,
  planId: string,
  scales: PlanScales | undefined,
): Promise<ScalesPreview> {
  const plan = await planOf(db, user, planId);
  const doc = (await getPlanFor(db, user, plan.id))!;
  return previewOf(doc, scales, previewYear(doc));
}
