/** Plans: storing documents, reading them back, listing. Callers are the CLI and HTTP adapters. */
import { type Actor, canView } from "../auth/policy.ts";
import type { DB } from "../db/database.ts";
import type { PlanDocument } from "./plan-document.schema.ts";
import { parsePlanDocument, walkItems } from "./plan-document.ts";
import * as repo from "./plans.repository.ts";

export type StoredPlan = {
  planId: string;
  municipalityCode: string;
  key: string;
  title: string;
  items: number;
  indicators: number;
  actuals: number;
};

export class PlanNotFoundError extends Error {
  constructor(ref: string, candidates: string[] = []) {
    super(
      candidates.length > 1
        ? `計画 "${ref}" が複数あります。ID か 団体コード/キー で指定してください: ${candidates.join(", ")}`
        : `計画 "${ref}" が見つかりません（gyokaku plans で一覧を表示できます）`,
    );
    this.name = "PlanNotFoundError";
  }
}

export function countDocument(doc: PlanDocument): { items: number; indicators: number; actuals: number } {
  let items = 0;
  let indicators = 0;
  let actuals = 0;
  for (const { item } of walkItems(doc.items)) {
    items++;
    indicators += item.indicators.length;
    for (const ind of item.indicators) actuals += ind.actuals.length;
  }
  return { items, indicators, actuals };
}

/** Validates and stores documents in one transaction: all or nothing. */
export async function importDocuments(db: DB, inputs: unknown[]): Promise<StoredPlan[]> {
  const docs = inputs.map((d) => parsePlanDocument(d));
  return db.transaction().execute(async (trx) => {
    const stored: StoredPlan[] = [];
    for (const doc of docs) {
      const planId = await repo.replacePlan(trx, doc);
      stored.push({
        planId,
        municipalityCode: doc.municipality.code,
        key: doc.plan.key,
        title: doc.plan.title,
        ...countDocument(doc),
      });
    }
    return stored;
  });
}

/** Finds a plan by its id, by "municipality-code/key", or by key when only one municipality has it. */
export async function resolvePlan(db: DB, ref: string): Promise<{ id: string; municipalityCode: string }> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) {
    const row = await repo.findPlanRow(db, ref);
    if (row) return { id: row.id, municipalityCode: row.municipality_code };
    throw new PlanNotFoundError(ref);
  }
  const m = /^(\d{6})\/(.+)$/.exec(ref);
  const rows = m ? await repo.findPlansByKey(db, m[2]!, m[1]!) : await repo.findPlansByKey(db, ref);
  if (rows.length === 1) return { id: rows[0]!.id, municipalityCode: rows[0]!.municipality_code };
  throw new PlanNotFoundError(
    ref,
    rows.map((r) => `${r.municipality_code}/${r.key}`),
  );
}

export async function exportDocument(db: DB, ref: string): Promise<PlanDocument> {
  const { id, municipalityCode } = await resolvePlan(db, ref);
  const doc = await repo.loadPlanDocument(db, municipalityCode, id);
  if (!doc) throw new PlanNotFoundError(ref);
  return doc;
}

export async function listPlans(db: DB): Promise<repo.PlanSummaryRow[]> {
  return repo.listPlans(db);
}

/** The plans a signed-in user may see: those of their own municipality. */
export async function listPlansFor(db: DB, user: Actor): Promise<repo.PlanSummaryRow[]> {
  return repo.listPlans(db, user.municipalityCode);
}

/** A plan by id for a signed-in user; another municipality's plan is not there for them (null → 404). */
export async function getPlanFor(db: DB, user: Actor, id: string): Promise<PlanDocument | null> {
  const row = await repo.findPlanRow(db, id);
  if (!row || !canView(user, { municipalityCode: row.municipality_code })) return null;
  return repo.loadPlanDocument(db, row.municipality_code, id);
}

export async function getPlan(db: DB, id: string): Promise<PlanDocument | null> {
  const row = await repo.findPlanRow(db, id);
  if (!row) return null;
  return repo.loadPlanDocument(db, row.municipality_code, id);
}
