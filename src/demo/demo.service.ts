/**
 * Demo data for a first start with an empty database. Where the seed documents are at hand
 * (../shared/seeds), they are read through the document readers, as a user would import them.
 * Otherwise the plans in src/demo/data are loaded: facts and figures from the seeds (names, numbers,
 * structure) without their prose, made by `npm run demo:data`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { listUsers } from "../auth/auth.service.ts";
import type { Finding } from "../core/findings.ts";
import { walkItems } from "../core/plan-document/document.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import type { DB } from "../db/database.ts";
import { readers, readFiles } from "../importers/import.service.ts";
import { getPlan, importDocuments, listPlans, type StoredPlan } from "../plans/plans.service.ts";
import { publicPath, publishFiscalYear } from "../publish/publish.service.ts";
import {
  detectChitoseStaffing,
  importStaffingDocuments,
  listStaffing,
  readChitoseStaffing,
  type StoredStaffing,
} from "../staffing/staffing.service.ts";
import { seedFiles } from "./seeds.ts";

export const demoDir = join(dirname(fileURLToPath(import.meta.url)), "data");
/** The committed staffing documents (figures only), beside the plans. */
export const demoStaffingDir = join(demoDir, "staffing");

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

/** The committed staffing documents. */
export function demoStaffingDocuments(): unknown[] {
  return readdirSync(demoStaffingDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(demoStaffingDir, f), "utf8")));
}

/** The staffing tables of the seeds (千歳市 図表4–10) read through the staffing reader, or null. */
export function seedStaffingDocuments(): { documents: unknown[]; findings: Finding[] } | null {
  const documents: unknown[] = [];
  const findings: Finding[] = [];
  for (const path of seedFiles()) {
    const text = readFileSync(path, "utf8");
    if (!detectChitoseStaffing(text)) continue;
    const r = readChitoseStaffing(path, text);
    documents.push(r.document);
    findings.push(...r.findings);
  }
  return documents.length > 0 ? { documents, findings } : null;
}

export type DemoLoad = {
  stored: StoredPlan[];
  staffing: StoredStaffing[];
  /** The fiscal years published for the citizens' pages. */
  published: { title: string; fiscalYear: number; path: string }[];
  from: "seeds" | "bundled";
  findings: number;
};

/**
 * Loads demo plans and staffing data when the database is empty, and publishes the latest fiscal year
 * with figures of each plan so that the citizens' pages have something to show; null when the database holds anything.
 */
export async function loadDemoIfEmpty(db: DB): Promise<DemoLoad | null> {
  // Empty means nothing of anyone's: no plan, no staffing data, no account. A site that has imported only
  // its staffing, or has only created its first admin, is not given demo data (nor public demo passwords).
  if ((await listPlans(db)).length > 0) return null;
  if ((await listStaffing(db)).length > 0 || (await listUsers(db)).length > 0) return null;
  const seeds = seedDocuments();
  const staffing = seeds ? seedStaffingDocuments() : { documents: demoStaffingDocuments(), findings: [] };
  const plans = seeds?.documents ?? demoDocuments();
  const stored = await importDocuments(db, plans);
  const load: DemoLoad = {
    stored,
    staffing: await importStaffingDocuments(
      db,
      (staffing?.documents ?? []).map((document) => ({ document })),
    ),
    published: [],
    from: seeds ? "seeds" : "bundled",
    findings: (seeds?.findings.length ?? 0) + (staffing?.findings.length ?? 0),
  };
  for (const plan of stored) {
    const doc = await getPlan(db, plan.planId);
    const years = doc
      ? [...walkItems(doc.items)].flatMap(({ item }) =>
          item.indicators.flatMap((i) => i.actuals.map((a) => a.fiscalYear)),
        )
      : [];
    if (years.length === 0) continue;
    const published = await publishFiscalYear(db, {
      plan: plan.planId,
      fiscalYear: Math.max(...years),
      publishedBy: "デモデータ",
    });
    load.published.push({ title: plan.title, fiscalYear: published.fiscalYear, path: publicPath(published) });
  }
  return load;
}
