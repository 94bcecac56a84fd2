/** The 和暦/西暦 display switch: how fiscal years are printed on the pages, per the user's cookie. */

import { shortWareki, warekiFiscalYear } from "../../domain/fiscal-year.ts";
import type { Era } from "../request.ts";
import { requestAuth } from "../request.ts";

/** @example fiscalYearLabel(2023, "wareki") === "令和5年度"; fiscalYearLabel(2023, "seireki") === "2023年度" */
export function fiscalYearLabel(fy: number, era: Era = requestAuth().era): string {
  return era === "seireki" ? `${fy}年度` : warekiFiscalYear(fy);
}

/** The other calendar, for a smaller second line: 2023年度 under 令和5年度 and the reverse. */
export function otherFiscalYearLabel(fy: number, era: Era = requestAuth().era): string {
  return era === "seireki" ? warekiFiscalYear(fy) : `${fy}年度`;
}

/** Short column heading: R5 or 2023. */
export function shortYearLabel(fy: number, era: Era = requestAuth().era): string {
  return era === "seireki" ? String(fy) : shortWareki(fy);
}

/** A date (YYYY-MM-DD) as 令和8年12月25日 or 2026年12月25日. */
export function dateLabel(iso: string, era: Era = requestAuth().era): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (era === "seireki") return `${y}年${mo}月${d}日`;
  // 令和 began on 1 May 2019; earlier dates in 平成.
  const reiwa = y > 2019 || (y === 2019 && mo >= 5);
  const n = reiwa ? y - 2018 : y - 1988;
  return `${reiwa ? "令和" : "平成"}${n === 1 ? "元" : n}年${mo}月${d}日`;
}
