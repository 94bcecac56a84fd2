/**
 * Publishing (公表): freezing a fiscal year of a plan into a numbered snapshot, and reading published
 * snapshots back for the public pages, the static export, open data and the API.
 */

import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { z } from "zod";
import { record } from "../audit/audit.service.ts";
import { AppError, authorize, invalid, isAppError, notFound } from "../core/errors.ts";
import { walkItems } from "../core/plan-document/document.ts";
import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canEditPlan, canView } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { bothFiscalYear } from "../domain/fiscal-year.ts";
import { getPlan, resolvePlan } from "../plans/plans.service.ts";
import * as lists from "./publication-list.repository.ts";
import * as repo from "./publish.repository.ts";
import {
  buildSnapshot,
  type PublishBasis,
  type PublishedEvidence,
  type Snapshot,
  snapshotSchema,
} from "./snapshot.ts";

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
 * The snapshot publishing `fiscalYear` would store now: the plan as it is (with a reporting round, only the
 * approved items' data of the year), evaluated, with the reviewers' judgements. Stores nothing: publishing
 * and its preview both build it here, so the preview shows exactly what would be published.
 */
export async function prepareSnapshot(
  db: DB,
  plan: { id: string; municipalityCode: string; doc: PlanDocument },
  fiscalYear: number,
  approvals: ApprovalSource = roundApprovals,
): Promise<{ snapshot: Snapshot; basis: PublishBasis }> {
  const { doc } = plan;
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
  snapshot.evidence = await evidenceFor(db, plan.municipalityCode, basis);
  return { snapshot, basis };
}

/**
 * The public evidence files a publication takes in: those of the year's reporting round that the office
 * marked public, of items whose report was approved. Without a round there are none.
 */
async function evidenceFor(
  q: DB | Transaction<Database>,
  municipalityCode: string,
  basis: PublishBasis,
  lock = false,
): Promise<PublishedEvidence[]> {
  if (basis.kind !== "approved_round") return [];
  const files = await repo.publicEvidenceOf(q, municipalityCode, basis.roundId, basis.withheldItems, lock);
  return files.map((f) => ({ ...f, uploadedAt: f.uploadedAt.toISOString() }));
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
  const { snapshot, basis } = await prepareSnapshot(db, { ...plan, doc }, fiscalYear, approvals);
  const { version, publishedAt } = await db.transaction().execute(async (trx) => {
    // The evidence is read again in the transaction, locked, and copied into the version: a later
    // un-marking, removal or upload does not change what this version shows.
    snapshot.evidence = await evidenceFor(trx, plan.municipalityCode, basis, true);
    const stored = await repo.insertPublication(trx, {
      municipalityCode: plan.municipalityCode,
      planId: plan.id,
      fiscalYear,
      title: doc.plan.title,
      basis: basis.kind,
      snapshot,
      publishedBy: input.publishedBy ?? null,
    });
    await repo.copyEvidence(
      trx,
      { municipalityCode: plan.municipalityCode, planId: plan.id, fiscalYear, version: stored.version },
      snapshot.evidence.map((f) => f.id),
    );
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
  return lists.listLatest(db);
}

export type ListCursor = lists.ListCursor;

/**
 * A page of the latest versions (of one municipality, or of all), in listPublications' order, with where the
 * next page starts (null on the last page): one query of `limit` + 1 rows, wherever the page is.
 */
export async function listPublicationsPage(
  db: DB,
  page: { municipalityCode?: string | undefined; after?: ListCursor | undefined; limit: number },
): Promise<{ publications: PublicationMeta[]; next: ListCursor | null }> {
  const rows = await lists.listLatestPage(db, { ...page, limit: page.limit + 1 });
  const publications = rows.slice(0, page.limit);
  const last = publications.at(-1);
  return {
    publications,
    next:
      rows.length > page.limit && last
        ? { municipalityCode: last.municipalityCode, planKey: last.planKey, fiscalYear: last.fiscalYear }
        : null,
  };
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

const yearField = z.coerce
  .number({ error: "公表する年度を選んでください" })
  .int({ error: "公表する年度を選んでください" })
  .min(1900, { error: "年度が範囲外です" })
  .max(2200, { error: "年度が範囲外です" });

const publishForm = z.object({
  // A published version cannot be withdrawn: the person says they know.
  confirm: z.literal("yes", { error: "公表してよいことを確認して、チェックを入れてください" }),
  fy: yearField,
  previewed: z.string({ error: "公表する前に、プレビューで内容を確かめてください" }).regex(/^[0-9a-f]{16}$/, {
    error: "公表する前に、プレビューで内容を確かめてください",
  }),
});

/** A year of the plan's period from the form, or the form's error. */
function yearOf(plan: { doc: PlanDocument }, raw: string | undefined): number {
  const { fy } = parseInput(z.object({ fy: yearField }), { fy: raw || undefined });
  const { periodStart, periodEnd } = plan.doc.plan;
  if (fy < periodStart || fy > periodEnd)
    throw invalid(
      { fy: `計画期間（${periodStart}〜${periodEnd}年度）の年度を選んでください` },
      "計画期間外の年度は公表できません。",
    );
  return fy;
}

/** A short fingerprint of a snapshot: the confirmation publishes only what the preview showed. */
export function snapshotDigest(snapshot: Snapshot): string {
  return createHash("sha256").update(JSON.stringify(snapshot)).digest("hex").slice(0, 16);
}

/**
 * The preview of publishing a fiscal year (issue 12.4): the would-be version, built as publishing would
 * build it now, stored nowhere. Only for those who may publish.
 */
export async function previewAs(
  db: DB,
  user: Actor,
  planId: string,
  fyRaw: string | undefined,
): Promise<{ publication: Publication; digest: string }> {
  const plan = await planFor(db, user, planId);
  authorize(canEditPlan(user, plan), "公表のプレビューを見られるのは行革担当と管理者です。");
  const fiscalYear = yearOf(plan, fyRaw);
  const { snapshot, basis } = await prepareSnapshot(db, plan, fiscalYear);
  const versions = await repo.listVersions(db, { ...plan, planId: plan.id, fiscalYear });
  return {
    digest: snapshotDigest(snapshot),
    publication: {
      municipalityCode: plan.municipalityCode,
      municipalityName: plan.doc.municipality.name,
      planId: plan.id,
      planKey: plan.doc.plan.key,
      fiscalYear,
      version: (versions[0]?.version ?? 0) + 1,
      title: plan.doc.plan.title,
      basis: basis.kind,
      publishedAt: new Date(),
      publishedBy: `${user.name}（${user.email}）`,
      snapshot,
    },
  };
}

/** The bytes of an evidence file the preview lists (still marked public), or undefined. */
export async function previewEvidenceBytes(
  db: DB,
  publication: Publication,
  fileId: string,
): Promise<Uint8Array | undefined> {
  if (!publication.snapshot.evidence?.some((f) => f.id === fileId)) return undefined;
  return repo.publicEvidenceData(db, publication.municipalityCode, fileId);
}

/** The bytes of an evidence file taken into a published version, or undefined. */
export async function publishedEvidenceBytes(
  db: DB,
  publication: Publication,
  fileId: string,
): Promise<Uint8Array | undefined> {
  if (!publication.snapshot.evidence?.some((f) => f.id === fileId)) return undefined;
  return (await repo.publishedFile(db, publication, fileId))?.data;
}

/**
 * Publishes a fiscal year from the app (the form's fields): the reform office and administrators of the
 * plan's municipality, after the preview. Who may is checked before the form is looked at. When the data
 * changed after the preview (another save, an approval), nothing is published: the preview is shown again.
 */
export async function publishAs(
  db: DB,
  user: Actor,
  planId: string,
  form: { fy: string; confirm?: string | undefined; previewed?: string | undefined },
) {
  const plan = await planFor(db, user, planId);
  authorize(canEditPlan(user, plan), "公表できるのは行革担当と管理者です。");
  const fiscalYear = yearOf(plan, form.fy);
  const { previewed } = parseInput(publishForm, {
    fy: form.fy || undefined,
    confirm: form.confirm,
    previewed: form.previewed || undefined,
  });
  const { snapshot } = await prepareSnapshot(db, plan, fiscalYear);
  if (snapshotDigest(snapshot) !== previewed)
    throw new AppError(
      "conflict",
      "プレビューを見た後に、公表する内容が変わりました（回答の保存・承認など）。新しいプレビューを確かめてから公表してください。",
    );
  return publishFiscalYear(db, {
    plan: plan.id,
    fiscalYear,
    publishedBy: `${user.name}（${user.email}）`,
    actor: user,
  });
}
