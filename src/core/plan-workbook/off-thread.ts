/**
 * The plan workbook's reading and writing, run in a worker thread so that a large or hostile workbook never
 * blocks the server's requests (issue 17.2). Same results and the same refusals as the functions they call.
 */
import type { RuleOverride } from "../../domain/rounds/plausibility.ts";
import type { Finding } from "../findings.ts";
import type { PlanDocument, PlanDocumentInput } from "../plan-document/schema.ts";
import { runInWorker } from "../workers/pool.ts";

const WORKER = new URL("./plan-workbook.worker.ts", import.meta.url);

/** readWorkbookPlanRef in a worker: the municipality and plan a workbook names. */
export function readWorkbookPlanRefOffThread(
  bytes: Uint8Array,
  path: string,
): Promise<{ municipalityCode: string; planKey: string }> {
  return runInWorker(WORKER, "readWorkbookPlanRef", [bytes, path]);
}

/**
 * readPlanWorkbook in a worker: the workbook merged onto `base`, its actuals checked by the plausibility
 * rules with the office's changes (a Map crosses to the worker as it is).
 */
export function readPlanWorkbookOffThread(
  bytes: Uint8Array,
  path: string,
  base: PlanDocument | null,
  rules: ReadonlyMap<string, RuleOverride> = new Map(),
): Promise<{ document: PlanDocumentInput; findings: Finding[] }> {
  return runInWorker(WORKER, "readPlanWorkbook", [bytes, path, base, rules]);
}

/** writePlanWorkbook in a worker: the plan as an editable workbook. */
export async function writePlanWorkbookOffThread(doc: PlanDocument): Promise<Buffer> {
  const bytes = await runInWorker<Uint8Array>(WORKER, "writePlanWorkbook", [doc]);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
