/**
 * Plan documents kept in memory per process, keyed by municipality, plan id and the plan's data version
 * (src/db/data-version.ts): the database gives a plan a new random version in the same transaction as any
 * change to its document, so a document found here under the version a request has just read is the
 * document as it is now. One version per plan is kept (a newer one replaces the older), at most
 * GYOKAKU_PLAN_CACHE plans (least recently used first out). Documents are frozen: a caller that tried to
 * change a shared one would throw, never change what the next request is served. Requests that miss the same
 * version together share one read (a failed one is made again by each) (src/core/in-flight.ts): 32 readers of a plan just changed would otherwise
 * hold 32 copies of its document (and of its rows) at once, a peak of tens of MB of heap for one plan.
 */
import { inFlight } from "../core/in-flight.ts";
import { deepFreeze, Lru } from "../core/lru.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import type { DB } from "../db/database.ts";
import * as repo from "./plans.repository.ts";

const MAX_PLANS = Number(process.env.GYOKAKU_PLAN_CACHE ?? 16);
const documents = new Lru<string, PlanDocument>(MAX_PLANS);
const reading = inFlight<DB, PlanDocument | null>();

const planPrefix = (code: string, planId: string) => `${code}|${planId}|`;

/** A plan as found by id: where it is and its data version (null: not known, so never cached). */
export type PlanRef = { id: string; municipalityCode: string; dataVersion: string | null };

/** The plan's document, read once per data version; null when the plan is not there. */
export async function cachedPlanDocument(db: DB, plan: PlanRef): Promise<PlanDocument | null> {
  if (plan.dataVersion === null) return repo.loadPlanDocument(db, plan.municipalityCode, plan.id);
  const key = planPrefix(plan.municipalityCode, plan.id) + plan.dataVersion;
  const hit = documents.get(key);
  if (hit) return hit;
  const read = async () => {
    const doc = await repo.loadPlanDocument(db, plan.municipalityCode, plan.id);
    if (!doc) return null;
    const prefix = planPrefix(plan.municipalityCode, plan.id);
    documents.deleteWhere((k) => k.startsWith(prefix));
    documents.set(key, deepFreeze(doc));
    return doc;
  };
  // a shared read that failed (the time budget of the request that started it spent): each reads for itself
  return reading(db, key, read).catch(read);
}

/** Forgets every cached document (tests that compare a cold read with a cached one). */
export function clearPlanCache(): void {
  documents.clear();
}
