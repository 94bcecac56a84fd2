/**
 * The 個票 on the web in pages of SHEETS_PER_PAGE items: a 300-item plan draws about 600 charts, too many for one
 * page on screen (seconds to make, megabytes to load), so the page shows a run of sheets with links to the
 * others and a list of every item; the print document (html download, PDF) keeps every sheet. Pure.
 */
import type { SheetsModel } from "./sheets.model.ts";
import type { SheetsPart } from "./views/report.view.tsx";

export const SHEETS_PER_PAGE = 20;

/** 1, 2, …, or every sheet on one page ("all"). */
export type SheetsPage = number | "all";

export const pageCount = (model: Pick<SheetsModel, "sheets">) =>
  Math.max(1, Math.ceil(model.sheets.length / SHEETS_PER_PAGE));

/** The sheets a page shows, [from, to) of model.sheets. */
export function pagePart(model: Pick<SheetsModel, "sheets">, page: SheetsPage): SheetsPart {
  if (page === "all") return { from: 0, to: model.sheets.length };
  const from = (Math.min(Math.max(1, page), pageCount(model)) - 1) * SHEETS_PER_PAGE;
  return { from, to: Math.min(model.sheets.length, from + SHEETS_PER_PAGE) };
}

/** The page that shows an item's sheet, or the sheet holding an indicator; 1 when neither is found. */
export function pageOf(
  model: Pick<SheetsModel, "sheets">,
  find: { item?: string; indicator?: string },
): number {
  const i = model.sheets.findIndex(
    (s) => s.key === find.item || s.indicators.some((ind) => ind.key === find.indicator),
  );
  return i < 0 ? 1 : Math.floor(i / SHEETS_PER_PAGE) + 1;
}
