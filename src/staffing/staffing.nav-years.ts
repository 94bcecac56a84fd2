/**
 * The year each tab of a staffing page carries (…/diagnosis?fy=2024): the year shown when the tab's page
 * has it, else the nearest year that page has, so that a tab never leads to a page without data. A year
 * typed into the address is still answered as asked (404 with what years there are).
 */
import type { PeerTableDocument, StaffingDocument } from "../core/staffing-document/index.ts";
import type { NavYears } from "./staffing.page-parts.tsx";
import { diagnosisYears } from "./staffing.reports.ts";

/** The year itself when it is among the years, else the nearest one (the earlier of two as near); none without years. */
export function nearestYear(years: readonly number[], fy: number): number | undefined {
  let best: number | undefined;
  for (const y of years)
    if (
      best === undefined ||
      Math.abs(y - fy) < Math.abs(best - fy) ||
      (Math.abs(y - fy) === Math.abs(best - fy) && y < best)
    )
      best = y;
  return best;
}

/**
 * The years for the tabs of a page that shows the year `fy` (none for a page without a year: the tabs then
 * open each page's own default year). The population and plan pages have no year to carry; the retirement
 * schedule is made for any year.
 */
export function navYears(
  doc: StaffingDocument,
  fy: number | undefined,
  peerTables: readonly PeerTableDocument[] = [],
): NavYears {
  if (fy === undefined) return {};
  const headcount = nearestYear([...new Set(doc.headcounts.map((h) => h.fiscalYear))], fy);
  const diagnosis = nearestYear(diagnosisYears(doc, peerTables), fy);
  return {
    ...(headcount !== undefined ? { headcount } : {}),
    ...(diagnosis !== undefined ? { diagnosis } : {}),
    retirement: fy,
  };
}
