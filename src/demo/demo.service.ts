/**
 * Demo data for a first start with an empty database. Where the seed documents are at hand
 * (../shared/seeds), they are read through the document readers, as a user would import them.
 * Otherwise the plans in src/demo/data are loaded: facts and figures from the seeds (names, numbers,
 * structure) without their prose, made by `npm run demo:data`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DB } from "../db/database.ts";
import type { Finding } from "../importers/findings.ts";
import { readFiles } from "../importers/import.service.ts";
import { readers } from "../importers/registry.ts";
import type { PlanDocument } from "../plans/plan-document.schema.ts";
import { importDocuments, listPlans, type StoredPlan } from "../plans/plans.service.ts";
import { seedFiles } from "./seeds.ts";

export const demoDir = join(dirname(fileURLToPath(import.meta.url)), "data");

/** The committed demo plans (no prose). */
export function demoDocuments(): unknown[] {
  return readdirSync(demoDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(demoDir, f), "utf8")));
}

/** The seed documents read through the readers, or null when the seeds are not at hand. */
export function seedDocuments(): { documents: PlanDocument[]; findings: Finding[] } | null {
  const files = seedFiles()
    .map((path) => ({ path, bytes: readFileSync(path) }))
    .filter((f) => readers.some((r) => r.detect({ path: f.path, text: new TextDecoder().decode(f.bytes) })));
  return files.length > 0 ? readFiles(files) : null;
}

export type DemoLoad = { stored: StoredPlan[]; from: "seeds" | "bundled"; findings: number };

/** Loads demo plans when the database holds no plan; null when it already has plans. */
export async function loadDemoIfEmpty(db: DB): Promise<DemoLoad | null> {
  if ((await listPlans(db)).length > 0) return null;
  const seeds = seedDocuments();
  if (seeds)
    return {
      stored: await importDocuments(db, seeds.documents),
      from: "seeds",
      findings: seeds.findings.length,
    };
  return { stored: await importDocuments(db, demoDocuments()), from: "bundled", findings: 0 };
}
