/**
 * Spreadsheet round trip of a plan: a workbook a person can edit (one sheet per table, header in row 1),
 * read back and merged onto the stored plan. See README.md in this folder for the layout and the rules.
 */
import type { PlanDocument } from "../plan-document/schema.ts";
import { DATA_SHEETS, STATUS_SUGGESTIONS } from "./columns.ts";
import { documentRows } from "./rows.ts";
import { writeWorkbook } from "./writer.ts";

export { readPlanWorkbook, readWorkbookPlanRef } from "./reader.ts";

/** The plan as a workbook a person can edit and give back to readPlanWorkbook. */
export async function writePlanWorkbook(doc: PlanDocument): Promise<Buffer> {
  return writeWorkbook(documentRows(doc), {
    title: `${doc.municipality.name} ${doc.plan.title}`,
    statusWords: statusWords([...(doc.plan.stages ?? []), ...usedStatuses(doc)]),
  });
}

/** The same workbook without data: headers, drop-down lists and the 説明 sheet, to fill in from scratch. */
export async function writeBlankTemplate(): Promise<Buffer> {
  return writeWorkbook(
    DATA_SHEETS.map((def) => ({ def, rows: [] })),
    { title: "gyokaku 計画ワークブック（ひな形）", statusWords: statusWords([]) },
  );
}

function usedStatuses(doc: PlanDocument): string[] {
  const words: string[] = [];
  const visit = (items: PlanDocument["items"]) => {
    for (const item of items) {
      for (const r of [...item.progress, ...item.activities]) if (r.status) words.push(r.status);
      visit(item.children);
    }
  };
  visit(doc.items);
  return words;
}

/** The 状況 drop-down: common words first, then the plan's own; an Excel list formula holds 255 characters. */
function statusWords(more: string[]): string[] {
  const words: string[] = [];
  let length = 0;
  for (const w of new Set([...STATUS_SUGGESTIONS, ...more])) {
    if (/[,"]/.test(w) || length + w.length + 1 > 250) continue;
    words.push(w);
    length += w.length + 1;
  }
  return words;
}
