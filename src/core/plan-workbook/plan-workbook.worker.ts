/**
 * The plan workbook's heavy work in a worker thread (src/core/workers/pool.ts): reading an uploaded workbook
 * with exceljs and merging it, and writing the plan as a workbook. Called through off-thread.ts.
 */
import { serveTasks } from "../workers/serve.ts";
import { writePlanWorkbook } from "./index.ts";
import { readPlanWorkbook, readWorkbookPlanRef } from "./reader.ts";

serveTasks({
  readWorkbookPlanRef,
  readPlanWorkbook,
  // A Buffer arrives as a plain Uint8Array on the other side: the bytes are the same.
  writePlanWorkbook,
});
