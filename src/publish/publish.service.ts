/**
 * Publishing (公表): freezing a fiscal year of a plan into a numbered snapshot, and reading published
 * snapshots back for the public pages, the static export, open data and the API.
 */

import { z } from "zod";
import { record } from "../audit/audit.service.ts";
import { AppError, authorize, invalid, isAppError, notFound } from "../core/errors.ts";
import { walkItems } from "../core/plan-document/document.ts";
import type { Item } from "../core/plan-document/schema.ts";
import { type Actor, canEditPlan, canView } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { bothFiscalYear } from "../domain/fiscal-year.ts";
import { getPlan, resolvePlan } from "../plans/plans.service.ts";
import * as repo from "./publish.repository.ts";
import { buildSnapshot, type PublishBasis, type Snapshot, snapshotSchema } from "./snapshot.ts";

/** Something about a publication the user can fix: not published yet, a year out of range. */
export type PublicationRef = {
  municipalityCode: string;
  planKey: string;
  fiscalYear: number;
  /** A version number; the latest when absent. */
  version?: number | undefined;
};

export type PublicationMeta = repo.PublicationRow;
export type Publication = PublicationMeta & { snapshot: Snapshot };

/**
 * The seam to reporting rounds (照会): which items' reports of the year may be published. Returns undefined
 * when the plan has no round for the year; then all data of the year is published.
 */
export type ApprovalSource = (
  db: DB,
  plan: { id: string; municipalityCode: string },
  fiscalYear: number,
) => Promise<{ roundId: string; approved: readonly string[]; asked?: readonly string[] } | undefined>;

/** Whether an item holds answers of the fiscal year: an actual, its progress or a result (実績). */
function holdsYear(item: Item, fiscalYear: number): boolean {
  return (
    item.indicators.some((i) => i.actuals.some((a) => a.fiscalYear === fiscalYear)) ||
    item.progress.some((p) => p.fiscalYear === fiscalYear) ||
    // 取組計画 (plans) are published whatever the round says; only results are the year's answers.
    item.activities.some((a) => a.kind === "result" && a.fiscalYear === fiscalYear)
  );
}

/** The default source: the rounds tables, where a round has been opened for the plan and year. */
export const roundApprovals: ApprovalSource = (db, plan, fiscalYear) =>
  repo.roundApprovals(db, plan.municipalityCode, plan.id, fiscalYear);

/** Where a publication's pages are on this server (the latest version; `v2/` below it for an older one). */
export function publicPath(p: { municipalityCode: string; planKey: string; fiscalYear: number }): string {
  return `/public/${p.municipalityCode}/${encodeURIComponent(p.planKey)}/${p.fiscalYear}/`;
}

export function checkFiscalYear(fy: number): number {
  if (!Number.isInteger(fy) || fy < 1900 || fy > 2200) {
    throw new AppError("invalid", `年度は西暦の4桁で指定してください（例 2022 = 令和4年度）: ${fy}`);
  }
  return fy;
}

/**
 * Publishes a fiscal year of a plan: the plan as it is now (with a reporting round, only the approved
 * items' data of the year) and its evaluation, stored as the next version. Earlier versions stay.
 */
export async function publishFiscalYear(
  db: DB,
  input: {
    plan: string;
    fiscalYear: number;
    publishedBy?: string | undefined;
    /** The signed-in user publishing from the app: recorded in the history with the new version. */
    actor?: Actor | undefined;
  },
  approvals: ApprovalSource = roundApprovals,
): Promise<PublicationMeta & { counts: { items: number; series: number; withheld: number } }> {
  const fiscalYear = checkFiscalYear(input.fiscalYear);
  const plan = await resolvePlan(db, input.plan);
  const doc = await getPlan(db, plan.id);
  if (!doc) throw new AppError("not_found", `計画 "${input.plan}" が見つかりません`);
  const round = await approvals(db, plan, fiscalYear);
  let basis: PublishBasis = { kind: "all_data" };
  if (round) {
    // Withheld: what the round asked about, or what holds data of the year, and was not approved. Headings
    // that hold nothing of the year are neither asked nor withheld.
    const approved = new Set(round.approved);
    const asked = new Set(round.asked ?? []);
    const withheldItems = [...walkItems(doc.items)]
      .filter(({ item }) => asked.has(item.key) || holdsYear(item, fiscalYear))
      .map(({ item }) => item.key)
      .filter((k) => !approved.has(k));
    basis = { kind: "approved_round", roundId: round.roundId, withheldItems };
  }
  const judgements = await repo.judgementsOf(db, plan.municipalityCode, plan.id, fiscalYear);
  const snapshot = buildSnapshot(doc, fiscalYear, { judgements, basis });
  const { version, publishedAt } = await db.transaction().execute(async (trx) => {
    const stored = await repo.insertPublication(trx, {
      municipalityCode: plan.municipalityCode,
      planId: plan.id,
      fiscalYear,
      title: doc.plan.title,
      basis: basis.kind,
      snapshot,
      publishedBy: input.publishedBy ?? null,
    });
    if (input.actor)
      await record(trx, input.actor, [
        {
          action: "publication.publish",
          planId: plan.id,
          fiscalYear,
          subject: `${doc.plan.title} ${bothFiscalYear(fiscalYear)}`,
          after: { version: stored.version, basis: basis.kind },
        },
      ]);
    return stored;
  });
  return {
    municipalityCode: plan.municipalityCode,
    municipalityName: doc.municipality.name,
    planId: plan.id,
    planKey: doc.plan.key,
    fiscalYear,
    version,
    title: doc.plan.title,
    basis: basis.kind,
    publishedAt,
    publishedBy: input.publishedBy ?? null,
    counts: {
      items: [...walkItems(doc.items)].length,
      series: snapshot.series.length,
      withheld: basis.kind === "approved_round" ? basis.withheldItems.length : 0,
    },
  };
}

/** A published version (the latest when no version is given), or null. */
export async function getPublication(db: DB, ref: PublicationRef): Promise<Publication | null> {
  const row = await repo.findPublication(db, ref);
  if (!row) return null;
  const { snapshot, ...meta } = row;
  return { ...meta, snapshot: snapshotSchema.parse(snapshot) };
}

/** The latest publication of a plan given as the CLI takes it (id, code/key or key); throws when none. */
export async function getPublicationOfPlan(
  db: DB,
  planRef: string,
  fiscalYear: number,
  version?: number,
): Promise<Publication> {
  const plan = await resolvePlan(db, planRef);
  const found = await getPublication(db, {
    municipalityCode: plan.municipalityCode,
    planKey: await repo.planKey(db, plan.municipalityCode, plan.id),
    fiscalYear: checkFiscalYear(fiscalYear),
    version,
  });
  if (!found) {
    throw new AppError(
      "not_found",
      version === undefined
        ? `計画 "${planRef}" の${fiscalYear}年度はまだ公表されていません（gyokaku publish --plan ${planRef} --fy ${fiscalYear}）`
        : `計画 "${planRef}" の${fiscalYear}年度に第${version}版はありません`,
    );
  }
  return found;
}

export async function listPublications(db: DB): Promise<PublicationMeta[]> {
  return repo.listLatest(db);
}

export async function listVersions(db: DB, p: PublicationMeta): Promise<PublicationMeta[]> {
  return repo.listVersions(db, p);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A plan of the user's municipality by id, for the publishing page; 404 for anything else. */
async function planFor(db: DB, user: Actor, planId: string) {
  if (!UUID.test(planId)) throw notFound("指定された計画は見つかりません。");
  const plan = await resolvePlan(db, planId).catch((e) => {
    if (isAppError(e, "not_found")) return null;
    throw e;
  });
  if (!plan || !canView(user, plan)) throw notFound("指定された計画は見つかりません。");
  const doc = await getPlan(db, plan.id);
  if (!doc) throw notFound("指定された計画は見つかりません。");
  return { ...plan, doc };
}

/** The publishing page of a plan: the plan and every version published so far. */
export async function publicationsOfPlanFor(db: DB, user: Actor, planId: string) {
  const plan = await planFor(db, user, planId);
  return {
    plan,
    canPublish: canEditPlan(user, plan),
    publications: await repo.listOfPlan(db, plan.municipalityCode, plan.id),
  };
}

const publishForm = z.object({
  // A published version cannot be withdrawn: the person says they know.
  confirm: z.literal("yes", { error: "公表してよいことを確認して、チェックを入れてください" }),
  fy: z.coerce
    .number({ error: "公表する年度を選んでください" })
    .int({ error: "公表する年度を選んでください" })
    .min(1900, { error: "年度が範囲外です" })
    .max(2200, { error: "年度が範囲外です" }),
});

/**
 * Publishes a fiscal year from the app (the form's fields): the reform office and administrators of the
 * plan's municipality. Who may is checked before the form is looked at.
 */
export async function publishAs(
  db: DB,
  user: Actor,
  planId: string,
  form: { fy: string; confirm?: string | undefined },
) {
  const plan = await planFor(db, user, planId);
  authorize(canEditPlan(user, plan), "公表できるのは行革担当と管理者です。");
  const { fy } = parseInput(publishForm, { fy: form.fy || undefined, confirm: form.confirm });
  const { periodStart, periodEnd } = plan.doc.plan;
  if (fy < periodStart || fy > periodEnd)
    throw invalid(
      { fy: `計画期間（${periodStart}〜${periodEnd}年度）の年度を選んでください` },
      "計画期間外の年度は公表できません。",
    );
  return publishFiscalYear(db, {
    plan: plan.id,
    fiscalYear: fy,
    publishedBy: `${user.name}（${user.email}）`,
    actor: user,
  });
}
