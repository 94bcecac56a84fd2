/** A publication built in memory, for tests that need no database: the sample plan published for a year. */

import { parsePlanDocument } from "../core/plan-document/document.ts";
import type { PlanDocumentInput } from "../core/plan-document/schema.ts";
import type { Publication } from "../publish/publish.service.ts";
import { buildSnapshot, type PublishBasis } from "../publish/snapshot.ts";
import { samplePlanDocument } from "./factories.ts";

export function testPublication(
  options: { input?: PlanDocumentInput; fiscalYear?: number; version?: number; basis?: PublishBasis } = {},
): Publication {
  const doc = parsePlanDocument(options.input ?? samplePlanDocument());
  const fiscalYear = options.fiscalYear ?? 2021;
  const snapshot = buildSnapshot(doc, fiscalYear, options.basis ? { basis: options.basis } : {});
  return {
    municipalityCode: doc.municipality.code,
    municipalityName: doc.municipality.name,
    planId: "00000000-0000-4000-8000-000000000001",
    planKey: doc.plan.key,
    fiscalYear,
    version: options.version ?? 1,
    title: doc.plan.title,
    basis: snapshot.basis.kind,
    publishedAt: new Date("2026-06-01T01:00:00Z"),
    publishedBy: null,
    snapshot,
  };
}
