/**
 * Reading plan documents in a worker thread (src/core/workers/pool.ts): parsing and validating uploaded JSON
 * and the municipalities' texts, and validating the document a workbook was merged into. Called through
 * import.service.ts; same results and the same refusals as the functions themselves.
 */
import { readPlanDocument } from "../core/plan-document/document.ts";
import { serveTasks } from "../core/workers/serve.ts";
import { readFiles } from "./read-files.ts";

serveTasks({ readFiles, readPlanDocument });
