/** Guarded steps of a round: which year a new round asks about by default, whether a deadline can be set. Pure. */

/**
 * The most recent Japanese fiscal year (April–March) that has ended on this date (YYYY-MM-DD in Japan).
 * @example lastEndedFiscalYear("2026-12-07") === 2025; lastEndedFiscalYear("2026-03-31") === 2024
 */
export function lastEndedFiscalYear(today: string): number {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return m >= 4 ? y - 1 : y - 2;
}

/** The year a new round offers first: the last ended one if the plan covers it, else the latest before it, else the first. */
export function defaultRoundYear(years: readonly number[], today: string): number | undefined {
  const ended = lastEndedFiscalYear(today);
  const past = years.filter((y) => y <= ended);
  return past.length > 0 ? Math.max(...past) : years.length > 0 ? Math.min(...years) : undefined;
}

/** A deadline before today (both YYYY-MM-DD in Japan) cannot be set; today itself can. */
export function isPastDeadline(deadline: string, today: string): boolean {
  return deadline < today;
}
