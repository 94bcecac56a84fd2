/**
 * SQL for reviewers' judgements (indicator_judgements): one per indicator, series and fiscal year, scoped by
 * municipality_code (the tenant key). Indicators are named by their key in the plan document; the ids stay here.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type JudgementRow = {
  indicatorKey: string;
  /** '' for an indicator without series. */
  series: string;
  fiscalYear: number;
  status: string;
  /** The plan's own grade the reviewer set; null for a judgement of gyokaku's status. */
  grade: string | null;
  reason: string;
  judgedBy: string;
  judgedAt: Date;
};

/** The indicator's id and series names, or undefined when the plan has no indicator with that key. */
export async function findIndicator(
  q: Q,
  code: string,
  planId: string,
  key: string,
): Promise<{ id: string; series: string[]; itemKey: string } | undefined> {
  return scoped(q, code)
    .selectFrom("indicators as i")
    .innerJoin("plan_items as it", (join) =>
      join.onRef("it.municipality_code", "=", "i.municipality_code").onRef("it.id", "=", "i.item_id"),
    )
    .select(["i.id", "i.series", "it.key as itemKey"])
    .where("i.plan_id", "=", planId)
    .where("i.key", "=", key)
    .executeTakeFirst();
}

/** The judgement of an indicator, series and year, or undefined. */
export async function findJudgement(
  q: Q,
  key: { code: string; indicatorId: string; series: string; fiscalYear: number },
): Promise<{ status: string; grade: string | null; reason: string; judgedBy: string } | undefined> {
  return scoped(q, key.code)
    .selectFrom("indicator_judgements")
    .select(["status", "grade", "reason", "judged_by as judgedBy"])
    .where("indicator_id", "=", key.indicatorId)
    .where("series", "=", key.series)
    .where("fiscal_year", "=", key.fiscalYear)
    .executeTakeFirst();
}

/** Every judgement of a plan, optionally of one fiscal year, in the plan's indicator order. */
export async function listJudgements(
  q: Q,
  code: string,
  planId: string,
  fiscalYear?: number,
): Promise<JudgementRow[]> {
  let query = scoped(q, code)
    .selectFrom("indicator_judgements as j")
    .innerJoin("indicators as i", (join) =>
      join.onRef("i.municipality_code", "=", "j.municipality_code").onRef("i.id", "=", "j.indicator_id"),
    )
    .select([
      "i.key as indicatorKey",
      "j.series",
      "j.fiscal_year as fiscalYear",
      "j.status",
      "j.grade",
      "j.reason",
      "j.judged_by as judgedBy",
      "j.judged_at as judgedAt",
    ])
    .where("i.plan_id", "=", planId);
  if (fiscalYear !== undefined) query = query.where("j.fiscal_year", "=", fiscalYear);
  return query.orderBy("j.fiscal_year").orderBy("i.key").orderBy("j.series").execute();
}

/** Records a judgement; a second one for the same indicator, series and year replaces the first. */
export async function upsertJudgement(
  q: Q,
  row: {
    code: string;
    indicatorId: string;
    series: string;
    fiscalYear: number;
    status: string;
    grade: string | null;
    reason: string;
    judgedBy: string;
  },
): Promise<void> {
  const values = {
    status: row.status,
    grade: row.grade,
    reason: row.reason,
    judged_by: row.judgedBy,
    judged_at: new Date(),
  };
  await q
    .insertInto("indicator_judgements")
    .values({
      municipality_code: row.code,
      indicator_id: row.indicatorId,
      series: row.series,
      fiscal_year: row.fiscalYear,
      ...values,
    })
    .onConflict((oc) =>
      oc.columns(["municipality_code", "indicator_id", "series", "fiscal_year"]).doUpdateSet(values),
    )
    .execute();
}

/** Withdraws a judgement; the computed result speaks again. Returns whether there was one. */
export async function deleteJudgement(
  q: Q,
  key: { code: string; indicatorId: string; series: string; fiscalYear: number },
): Promise<boolean> {
  const r = await scoped(q, key.code)
    .deleteFrom("indicator_judgements")
    .where("indicator_id", "=", key.indicatorId)
    .where("series", "=", key.series)
    .where("fiscal_year", "=", key.fiscalYear)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
