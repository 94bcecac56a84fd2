/** Japanese eras as used for fiscal years: 令和N = 2018+N, 平成N = 1988+N, 昭和N = 1925+N. */
export const ERAS = [
  { name: "令和", letter: "R", offset: 2018, first: 2019 },
  { name: "平成", letter: "H", offset: 1988, first: 1989 },
  { name: "昭和", letter: "S", offset: 1925, first: 1926 },
] as const;

export type EraName = (typeof ERAS)[number]["name"];

/**
 * The 和暦 name of a fiscal year, as municipalities print it.
 * @example warekiFiscalYear(2019) === "令和元年度"; warekiFiscalYear(2022) === "令和4年度"
 */
export function warekiFiscalYear(fy: number): string {
  return `${wareki(fy)}度`;
}

/** @example wareki(2018) === "平成30年" */
export function wareki(year: number): string {
  const era = ERAS.find((e) => year >= e.first) ?? ERAS[ERAS.length - 1]!;
  const n = year - era.offset;
  return `${era.name}${n === 1 ? "元" : n}年`;
}

/** Short form such as "R4" or "H30". @example shortWareki(2022) === "R4" */
export function shortWareki(year: number): string {
  const era = ERAS.find((e) => year >= e.first) ?? ERAS[ERAS.length - 1]!;
  return `${era.letter}${year - era.offset}`;
}

/** "2022年度（令和4年度）" */
export function bothFiscalYear(fy: number): string {
  return `${fy}年度（${warekiFiscalYear(fy)}）`;
}

/** The fiscal year (April–March) that contains a date. @example fiscalYearOf(new Date("2023-03-31")) === 2022 */
export function fiscalYearOf(date: Date): number {
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}

/**
 * The western year of an era year; null for an era year that cannot be named that way.
 * 平成32 is accepted (documents written before the era change use it) and gives 2020.
 * @example eraToWestern("令和", 4) === 2022
 */
export function eraToWestern(era: EraName | "R" | "H" | "S", n: number): number {
  const e = ERAS.find((x) => x.name === era || x.letter === era);
  if (!e) throw new Error(`unknown era ${era}`);
  return e.offset + n;
}
