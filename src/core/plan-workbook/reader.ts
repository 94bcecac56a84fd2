/**
 * Reading a plan workbook back and merging it onto the stored plan. Problems are collected over the
 * whole workbook and reported together, each naming sheet, row and column; any error refuses the whole
 * workbook (ImportError), so that nothing half-read is stored. Warnings (a value kept as written because
 * it could not be read, an unknown column) come back with the document.
 */
import type ExcelJS from "exceljs";
import type { RuleOverride } from "../../domain/rounds/plausibility.ts";
import { invalidDocument, isAppError } from "../errors.ts";
import type { Finding } from "../findings.ts";
import { parsePlanDocument } from "../plan-document/document.ts";
import type { PlanDocument, PlanDocumentInput } from "../plan-document/schema.ts";
import { loadWorkbook } from "../workbook/load.ts";
import {
  ACTIVITIES_SHEET,
  ACTUALS_SHEET,
  DATA_SHEETS,
  DEPARTMENTS_SHEET,
  INDICATORS_SHEET,
  ITEM_TEXTS_SHEET,
  ITEMS_SHEET,
  PLAN_SHEET,
  PROGRESS_SHEET,
  type SheetDef,
  TARGETS_SHEET,
} from "./columns.ts";
import { FISCAL_EFFECTS_SHEET, mergeFiscalEffects } from "./fiscal-effects-sheet.ts";
import { MergeContext } from "./merge-context.ts";
import { mergeIndicators, mergeItems, mergeItemTexts } from "./merge-items.ts";
import { mergeDepartments, mergePlan, planRef } from "./merge-plan.ts";
import { mergeActivities, mergeProgress } from "./merge-progress.ts";
import { mergeActuals, mergeTargets } from "./merge-values.ts";
import { Problems, readTable, type Table, where } from "./table.ts";

/** Refuses the workbook with every error found so far. */
function refuse(problems: Problems, headline?: string): never {
  const errors = problems.errors;
  const lines = errors.slice(0, 20).map((f) => `  ${where(f)}${where(f) ? ": " : ""}${f.message}`);
  if (errors.length > 20) lines.push(`  …ほか ${errors.length - 20} 件`);
  const head = headline ?? `計画ワークブックを取り込めません（誤り ${errors.length} 件）`;
  throw invalidDocument(`${problems.file}: ${head}:\n${lines.join("\n")}`, problems.findings);
}

function fatal(file: string, code: string, message: string): never {
  const finding: Finding = { file, code, message, severity: "error" };
  throw invalidDocument(`${file}: ${message}`, [finding]);
}

const LOAD_MESSAGES = {
  "file.xls": "古い Excel 形式（.xls）は読めません。.xlsx 形式で保存し直してください",
  "file.not-xlsx": "xlsx ファイルではありません（Excel の .xlsx 形式で保存してください）",
  "file.corrupt": "xlsx ファイルとして読めません（壊れているか、xlsx ではありません）",
} as const;

async function load(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const r = await loadWorkbook(bytes, file);
  if ("workbook" in r) return r.workbook;
  const { code, detail } = r.failure;
  fatal(file, code, `${LOAD_MESSAGES[code]}${detail === undefined ? "" : `: ${detail}`}`);
}

/** The data sheets as tables; a workbook without 計画 is not a plan workbook at all. */
function tables(wb: ExcelJS.Workbook, problems: Problems, only?: readonly SheetDef[]): Map<SheetDef, Table> {
  if (!wb.getWorksheet(PLAN_SHEET.name)) {
    const names = wb.worksheets.map((w) => `「${w.name}」`).join("");
    fatal(
      problems.file,
      "file.not-plan-workbook",
      `gyokaku の計画ワークブックではありません（シート「${PLAN_SHEET.name}」がありません。シート: ${names || "なし"}）`,
    );
  }
  const found = new Map<SheetDef, Table>();
  for (const def of only ?? DATA_SHEETS) {
    const ws = wb.getWorksheet(def.name);
    if (!ws && def.optional) continue;
    if (!ws)
      problems.error(
        "sheet.missing",
        { sheet: def.name },
        `シート「${def.name}」がありません（シート名を変えないでください）`,
      );
    else found.set(def, readTable(ws, def, problems));
  }
  if (problems.errors.length > 0) refuse(problems);
  return found;
}

/** 団体コード and 計画キー of a workbook, so that the caller can fetch the stored plan before reading it. */
export async function readWorkbookPlanRef(
  bytes: Uint8Array,
  path = "workbook.xlsx",
): Promise<{ municipalityCode: string; planKey: string }> {
  const problems = new Problems(path);
  const plan = tables(await load(bytes, path), problems, [PLAN_SHEET]).get(PLAN_SHEET)!;
  const ref = planRef(plan, problems);
  if (!ref || problems.errors.length > 0) refuse(problems);
  return ref;
}

/**
 * Reads a plan workbook and merges it onto `base` (the stored plan, or null for a new plan): rows update
 * the records they name, new rows add records, rows marked 削除 remove them, and records the workbook
 * does not mention are kept. The result passes parsePlanDocument.
 */
export async function readPlanWorkbook(
  bytes: Uint8Array,
  path: string,
  base: PlanDocument | null,
  /** the office's changes to the plan's plausibility rules (/rounds/:id/rules), by indicator key */
  rules: ReadonlyMap<string, RuleOverride> = new Map(),
): Promise<{ document: PlanDocumentInput; findings: Finding[] }> {
  const problems = new Problems(path);
  const t = tables(await load(bytes, path), problems);
  const doc = mergePlan(t.get(PLAN_SHEET)!, base, problems);
  if (!doc || problems.errors.length > 0) refuse(problems);
  const ctx = new MergeContext(doc, base !== null, path, problems);
  mergeDepartments(t.get(DEPARTMENTS_SHEET)!, ctx);
  mergeItems(t.get(ITEMS_SHEET)!, ctx);
  mergeItemTexts(t.get(ITEM_TEXTS_SHEET)!, ctx);
  mergeIndicators(t.get(INDICATORS_SHEET)!, ctx);
  mergeTargets(t.get(TARGETS_SHEET)!, ctx);
  mergeActuals(t.get(ACTUALS_SHEET)!, ctx, rules);
  mergeProgress(t.get(PROGRESS_SHEET)!, ctx);
  mergeActivities(t.get(ACTIVITIES_SHEET)!, ctx);
  const effects = t.get(FISCAL_EFFECTS_SHEET);
  if (effects) mergeFiscalEffects(effects, ctx);
  if (problems.errors.length > 0) refuse(problems);
  try {
    parsePlanDocument(doc, path);
  } catch (e) {
    if (!isAppError(e, "invalid_document")) throw e;
    // What the sheets could not check one row at a time (a series still used by values, …).
    for (const f of e.findings) problems.error("document.invalid", {}, `${f.subject}: ${f.message}`);
    refuse(problems, "取り込んだ結果の計画文書が正しくありません");
  }
  return { document: doc, findings: problems.findings };
}
