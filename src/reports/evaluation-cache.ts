/**
 * Evaluated plans kept in memory per process, keyed by municipality, plan id, fiscal year and the plan's data
 * version (src/db/data-version.ts): the database gives the plan a new random version in the same transaction
 * as any change to its document or its judgements, so a result found under the version a request has just
 * read was computed from the data as it is now. One version per plan and year is kept (a newer one replaces
 * the older); at most GYOKAKU_EVALUATION_CACHE plan-years (least recently used first out). Results are
 * frozen, so that no request can change what the next one is served. Requests that miss the same key together
 * share one evaluation (src/core/in-flight.ts) instead of each holding a copy of the plan evaluated.
 */
import { inFlight } from "../core/in-flight.ts";
import { deepFreeze, Lru } from "../core/lru.ts";
import type { EvaluatedPlan } from "./evaluation.ts";

const MAX_YEARS = Number(process.env.GYOKAKU_EVALUATION_CACHE ?? 32);

type Entry = { evaluated: EvaluatedPlan; derived: Map<string, unknown> };
const evaluations = new Lru<string, Entry>(MAX_YEARS);
/** the evaluations under way: keyed as the cache is, by the data version, not by the database */
const evaluating = inFlight<object, Entry>();
const PROCESS = {};

export type EvaluationKey = {
  municipalityCode: string;
  planId: string;
  fiscalYear: number;
  dataVersion: string;
};

const prefix = (k: EvaluationKey) => `${k.municipalityCode}|${k.planId}|${k.fiscalYear}|`;

/** The plan evaluated in the year, computed once per data version by `evaluate`. */
export async function cachedEvaluation(
  key: EvaluationKey,
  evaluate: () => Promise<EvaluatedPlan>,
): Promise<EvaluatedPlan> {
  return (await entryOf(key, evaluate)).evaluated;
}

/**
 * Something made from the evaluated plan alone (a report model by kind), made once per data version and kept
 * with the evaluation.
 */
export async function cachedDerived<T>(
  key: EvaluationKey,
  evaluate: () => Promise<EvaluatedPlan>,
  name: string,
  make: (evaluated: EvaluatedPlan) => T,
): Promise<T> {
  const entry = await entryOf(key, evaluate);
  if (!entry.derived.has(name)) entry.derived.set(name, deepFreeze(make(entry.evaluated)));
  return entry.derived.get(name) as T;
}

async function entryOf(key: EvaluationKey, evaluate: () => Promise<EvaluatedPlan>): Promise<Entry> {
  const k = prefix(key) + key.dataVersion;
  const hit = evaluations.get(k);
  if (hit) return hit;
  const make = async () => {
    const entry: Entry = { evaluated: deepFreeze(await evaluate()), derived: new Map() };
    const p = prefix(key);
    evaluations.deleteWhere((x) => x.startsWith(p));
    evaluations.set(k, entry);
    return entry;
  };
  // a shared evaluation that failed (the time budget of the request that started it spent): each makes its own
  return evaluating(PROCESS, k, make).catch(make);
}

/** Forgets every cached evaluation (tests that compare a cold computation with a cached one). */
export function clearEvaluationCache(): void {
  evaluations.clear();
}
