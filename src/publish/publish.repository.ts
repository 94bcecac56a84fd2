/** SQL for publications: adding a version, finding one, listing what is published. Scoped by municipality_code. */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { json } from "../db/schema.ts";
import { acrossMunicipalities, scoped } from "../db/tenant.ts";
import type { EvaluationStatus } from "../domain/evaluation/index.ts";
import type { StoredJudgement } from "../reports/reports.service.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type PublicationRow = {
  municipalityCode: string;
  municipalityName: string;
  planId: string;
  planKey: string;
  fiscalYear: number;
  version: number;
  title: string;
  basis: string;
  publishedAt: Date;
  publishedBy: string | null;
};

/** Publications with their plan's key and their municipality's name (every municipality's: the caller narrows). */
export function base(q: Q) {
  // Publications are public: the citizens' pages list every municipality's.
  return acrossMunicipalities(q, "published versions are public")
    .selectFrom("publications as p")
    .innerJoin("plans as pl", (j) =>
      j.onRef("pl.municipality_code", "=", "p.municipality_code").onRef("pl.id", "=", "p.plan_id"),
    )
    .innerJoin("municipalities as m", "m.municipality_code", "p.municipality_code")
    .select([
      "p.municipality_code as municipalityCode",
      "m.name as municipalityName",
      "p.plan_id as planId",
      "pl.key as planKey",
      "p.fiscal_year as fiscalYear",
      "p.version as version",
      "p.title as title",
      "p.basis as basis",
      "p.published_at as publishedAt",
      "p.published_by as publishedBy",
    ]);
}

/**
 * Adds the next version of a plan's fiscal year. The plan row is locked first, so that two people
 * publishing at the same moment get versions n and n+1 rather than a conflict (PostgreSQL) — PGlite has
 * one connection and runs one transaction at a time anyway.
 */
export async function insertPublication(
  trx: Transaction<Database>,
  p: {
    municipalityCode: string;
    planId: string;
    fiscalYear: number;
    title: string;
    basis: string;
    snapshot: unknown;
    publishedBy: string | null;
  },
): Promise<{ version: number; publishedAt: Date }> {
  await scoped(trx, p.municipalityCode)
    .selectFrom("plans")
    .select("id")
    .where("id", "=", p.planId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const last = await scoped(trx, p.municipalityCode)
    .selectFrom("publications")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("plan_id", "=", p.planId)
    .where("fiscal_year", "=", p.fiscalYear)
    .executeTakeFirst();
  const version = Number(last?.version ?? 0) + 1;
  const row = await trx
    .insertInto("publications")
    .values({
      municipality_code: p.municipalityCode,
      plan_id: p.planId,
      fiscal_year: p.fiscalYear,
      version,
      title: p.title,
      basis: p.basis,
      snapshot: json(p.snapshot),
      published_by: p.publishedBy,
    })
    .returning(["version", "published_at"])
    .executeTakeFirstOrThrow();
  return { version: row.version, publishedAt: row.published_at };
}

/** One version, or the latest when `version` is undefined; with its snapshot (still unparsed JSON). */
export async function findPublication(
  q: Q,
  ref: { municipalityCode: string; planKey: string; fiscalYear: number; version?: number | undefined },
): Promise<(PublicationRow & { snapshot: unknown }) | undefined> {
  let query = base(q)
    .select("p.snapshot as snapshot")
    .where("p.municipality_code", "=", ref.municipalityCode)
    .where("pl.key", "=", ref.planKey)
    .where("p.fiscal_year", "=", ref.fiscalYear);
  if (ref.version !== undefined) query = query.where("p.version", "=", ref.version);
  return query.orderBy("p.version", "desc").limit(1).executeTakeFirst();
}

/** One version, or the latest when `version` is undefined, without its snapshot (a cheap look-up). */
export async function findPublicationMeta(
  q: Q,
  ref: { municipalityCode: string; planKey: string; fiscalYear: number; version?: number | undefined },
): Promise<PublicationRow | undefined> {
  let query = base(q)
    .where("p.municipality_code", "=", ref.municipalityCode)
    .where("pl.key", "=", ref.planKey)
    .where("p.fiscal_year", "=", ref.fiscalYear);
  if (ref.version !== undefined) query = query.where("p.version", "=", ref.version);
  return query.orderBy("p.version", "desc").limit(1).executeTakeFirst();
}

/** Every version of a plan's fiscal year, found by the plan's key, newest first, without snapshots (one look-up). */
export async function findPublicationVersions(
  q: Q,
  ref: { municipalityCode: string; planKey: string; fiscalYear: number },
): Promise<PublicationRow[]> {
  return base(q)
    .where("p.municipality_code", "=", ref.municipalityCode)
    .where("pl.key", "=", ref.planKey)
    .where("p.fiscal_year", "=", ref.fiscalYear)
    .orderBy("p.version", "desc")
    .execute();
}

/** The stored snapshot of one version (unparsed JSON). */
export async function snapshotOf(
  q: Q,
  p: { municipalityCode: string; planId: string; fiscalYear: number; version: number },
): Promise<unknown> {
  const row = await scoped(q, p.municipalityCode)
    .selectFrom("publications")
    .select("snapshot")
    .where("plan_id", "=", p.planId)
    .where("fiscal_year", "=", p.fiscalYear)
    .where("version", "=", p.version)
    .executeTakeFirst();
  return row?.snapshot;
}

/** Every version of every fiscal year of one plan, newest year and version first. */
export async function listOfPlan(q: Q, municipalityCode: string, planId: string): Promise<PublicationRow[]> {
  return base(q)
    .where("p.municipality_code", "=", municipalityCode)
    .where("p.plan_id", "=", planId)
    .orderBy("p.fiscal_year", "desc")
    .orderBy("p.version", "desc")
    .execute();
}

/** Every version of one plan's fiscal year, newest first. */
export async function listVersions(
  q: Q,
  ref: { municipalityCode: string; planId: string; fiscalYear: number },
): Promise<PublicationRow[]> {
  return base(q)
    .where("p.municipality_code", "=", ref.municipalityCode)
    .where("p.plan_id", "=", ref.planId)
    .where("p.fiscal_year", "=", ref.fiscalYear)
    .orderBy("p.version", "desc")
    .execute();
}

/** Reviewers' judgements of the plan's indicators up to a fiscal year, by indicator key. */
export async function judgementsOf(
  q: Q,
  municipalityCode: string,
  planId: string,
  upToFiscalYear: number,
): Promise<StoredJudgement[]> {
  const rows = await scoped(q, municipalityCode)
    .selectFrom("indicator_judgements as j")
    .innerJoin("indicators as i", (join) =>
      join.onRef("i.municipality_code", "=", "j.municipality_code").onRef("i.id", "=", "j.indicator_id"),
    )
    .select([
      "i.key",
      "j.series",
      "j.fiscal_year",
      "j.status",
      "j.grade",
      "j.reason",
      "j.judged_by",
      "j.judged_at",
    ])
    .where("i.plan_id", "=", planId)
    .where("j.fiscal_year", "<=", upToFiscalYear)
    .execute();
  return rows.map((r) => ({
    indicatorKey: r.key,
    series: r.series === "" ? undefined : r.series,
    fiscalYear: r.fiscal_year,
    status: r.status as EvaluationStatus,
    ...(r.grade !== null ? { grade: r.grade } : {}),
    reason: r.reason,
    by: r.judged_by,
    at: r.judged_at.toISOString().slice(0, 10),
  }));
}

/**
 * The reporting round (照会) of a plan's fiscal year and the keys of its approved items; undefined when no
 * round was opened. Read from the rounds tables until src/rounds offers this as a service.
 */
export async function roundApprovals(
  q: Q,
  municipalityCode: string,
  planId: string,
  fiscalYear: number,
): Promise<{ roundId: string; approved: string[]; asked: string[] } | undefined> {
  const round = await scoped(q, municipalityCode)
    .selectFrom("rounds")
    .select("id")
    .where("plan_id", "=", planId)
    .where("fiscal_year", "=", fiscalYear)
    .executeTakeFirst();
  if (!round) return undefined;
  const items = await scoped(q, municipalityCode)
    .selectFrom("round_items")
    .select(["item_key", "state"])
    .where("round_id", "=", round.id)
    .execute();
  return {
    roundId: round.id,
    approved: items.filter((r) => r.state === "approved").map((r) => r.item_key),
    asked: items.map((r) => r.item_key),
  };
}

export async function planKey(q: Q, municipalityCode: string, planId: string): Promise<string> {
  const row = await scoped(q, municipalityCode)
    .selectFrom("plans")
    .select("key")
    .where("id", "=", planId)
    .executeTakeFirstOrThrow();
  return row.key;
}

/**
 * The evidence files (根拠資料) of a reporting round that the office marked public, without the withheld
 * items' files: what a publication takes in. Read from evidence_files until src/rounds offers this as a service.
 */
export async function publicEvidenceOf(
  q: Q,
  municipalityCode: string,
  roundId: string,
  withheldItems: readonly string[],
  /** In the publishing transaction: lock the rows, so that no file is removed or un-marked before it is copied. */
  lock = false,
): Promise<
  { id: string; itemKey: string; fileName: string; contentType: string; size: number; uploadedAt: Date }[]
> {
  let query = scoped(q, municipalityCode)
    .selectFrom("evidence_files")
    .select([
      "id",
      "item_key as itemKey",
      "file_name as fileName",
      "content_type as contentType",
      "size",
      "uploaded_at as uploadedAt",
    ])
    .where("round_id", "=", roundId)
    .where("public", "=", true);
  if (withheldItems.length > 0) query = query.where("item_key", "not in", [...withheldItems]);
  if (lock) query = query.forUpdate();
  return query.orderBy("item_key").orderBy("uploaded_at").orderBy("id").execute();
}

/** The bytes of a live evidence file that is still marked public (the preview shows it before publishing). */
export async function publicEvidenceData(
  q: Q,
  municipalityCode: string,
  fileId: string,
): Promise<Uint8Array | undefined> {
  const row = await scoped(q, municipalityCode)
    .selectFrom("evidence_files")
    .select("data")
    .where("id", "=", fileId)
    .where("public", "=", true)
    .executeTakeFirst();
  return row?.data;
}

/** Copies the listed evidence files into a version just inserted, in the same transaction. */
export async function copyEvidence(
  trx: Transaction<Database>,
  p: { municipalityCode: string; planId: string; fiscalYear: number; version: number },
  fileIds: readonly string[],
): Promise<number> {
  if (fileIds.length === 0) return 0;
  const rows = await trx
    .insertInto("publication_files")
    .columns([
      "municipality_code",
      "plan_id",
      "fiscal_year",
      "version",
      "file_id",
      "item_key",
      "file_name",
      "content_type",
      "size",
      "data",
    ])
    .expression(
      scoped(trx, p.municipalityCode)
        .selectFrom("evidence_files")
        // typed casts: PostgreSQL reads a bare parameter in a select list as text
        .select([
          sql<string>`cast(${p.municipalityCode} as char(6))`.as("municipality_code"),
          sql<string>`cast(${p.planId} as uuid)`.as("plan_id"),
          sql<number>`cast(${p.fiscalYear} as integer)`.as("fiscal_year"),
          sql<number>`cast(${p.version} as integer)`.as("version"),
          "id",
          "item_key",
          "file_name",
          "content_type",
          "size",
          "data",
        ])
        .where("id", "in", [...fileIds]),
    )
    .returning("file_id")
    .execute();
  return rows.length;
}

/** A file of a published version, with its bytes. */
export async function publishedFile(
  q: Q,
  p: { municipalityCode: string; planId: string; fiscalYear: number; version: number },
  fileId: string,
) {
  return scoped(q, p.municipalityCode)
    .selectFrom("publication_files")
    .select(["file_name", "content_type", "data"])
    .where("plan_id", "=", p.planId)
    .where("fiscal_year", "=", p.fiscalYear)
    .where("version", "=", p.version)
    .where("file_id", "=", fileId)
    .executeTakeFirst();
}
