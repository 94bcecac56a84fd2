/**
 * Fiscal years as plan documents write them: 令和4年度, R4, 2022年度, (2017年度), 2022年, 平成32年度,
 * R10以降, 令和6年度（2024年度）, and the dates that label headcount columns (R6.4.1).
 */
import { type EraName, eraToWestern, warekiFiscalYear } from "../fiscal-year.ts";
import { normalizeCell } from "./normalize.ts";

/**
 * Plan years outside this range are taken as typing errors rather than read: no reform plan reaches back
 * before 1900 or forward past 2100, and a wrong year silently accepted would misplace every value.
 */
export const MIN_FISCAL_YEAR = 1900;
export const MAX_FISCAL_YEAR = 2100;

/**
 * The last fiscal year each closed era named. A fiscal year is called after the era in force on 1 April:
 * 昭和 ended in January 1989, so FY1989 is 平成元年度 and 昭和64年度 never existed; 平成 ended on 30 April
 * 2019, so 平成31年度 (= 令和元年度) is a real name and needs no note.
 */
const LAST_FISCAL_YEAR: Partial<Record<EraName, number>> = { 昭和: 1988, 平成: 2019 };

/**
 * How far past its end an era year is still read (with a note). Plans written before an era change kept
 * counting (平成32年度 = 2020); 20 years covers the longest municipal plans written just before a change.
 */
const ERA_OVERFLOW_YEARS = 20;

const ERA_OF: Record<string, EraName> = {
  令和: "令和",
  令: "令和",
  R: "令和",
  平成: "平成",
  平: "平成",
  H: "平成",
  昭和: "昭和",
  昭: "昭和",
  S: "昭和",
};

/** What the year parser found; `from` is set by 以降 / ～ / から ("from this year on"). */
export type ParsedFiscalYear = { fiscalYear: number; from: boolean; notes: string[] };
export type YearProblem = { unreadable: string };

type YearToken = { year: number; notes: string[]; end: number; unit: string; wareki: boolean };

// Era names longest first so that 令和 is not read as 令 + 和.
const ERA_AT = /(令和|平成|昭和|令|平|昭|[RHSrhs])\s*(元|\d{1,3})(?!\d)/y;
const WESTERN_AT = /(\d{4})(?!\d)/y;
const UNIT_AT = /\s*(年度|年)/y;

function yearAt(s: string, pos: number): YearToken | YearProblem | null {
  ERA_AT.lastIndex = pos;
  const era = ERA_AT.exec(s);
  if (era) {
    const name = ERA_OF[era[1]!.toUpperCase()] ?? ERA_OF[era[1]!]!;
    const n = era[2] === "元" ? 1 : Number(era[2]);
    const written = `${name}${era[2]}年`;
    if (n === 0) return { unreadable: `${written}はありません（元年が1年目です）` };
    const year = eraToWestern(name, n);
    const notes: string[] = [];
    const last = LAST_FISCAL_YEAR[name];
    if (last !== undefined && year > last) {
      if (year > last + ERA_OVERFLOW_YEARS) {
        return {
          unreadable: `${written}度は${name}の終わりから${ERA_OVERFLOW_YEARS}年を超えるため、誤記とみなします`,
        };
      }
      notes.push(`${name}${n}年度は実在しない年度です（${warekiFiscalYear(year)}として読みました）`);
    }
    return withUnit(s, ERA_AT.lastIndex, { year, notes, wareki: true });
  }
  WESTERN_AT.lastIndex = pos;
  const west = WESTERN_AT.exec(s);
  if (west) return withUnit(s, WESTERN_AT.lastIndex, { year: Number(west[1]), notes: [], wareki: false });
  return null;
}

function withUnit(s: string, end: number, t: { year: number; notes: string[]; wareki: boolean }): YearToken {
  UNIT_AT.lastIndex = end;
  const u = UNIT_AT.exec(s);
  return u ? { ...t, unit: u[1]!, end: UNIT_AT.lastIndex } : { ...t, unit: "", end };
}

function isProblem(x: unknown): x is YearProblem {
  return typeof x === "object" && x !== null && "unreadable" in x;
}

const FROM_AT = /\s*(以降|~|〜|から|より)\s*$/y;
const MONTH_DAY_AT = /\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/y;
/** R6.4.1, 2024/4/1, 2024-04-01: the day is required, so that a decimal (2024.5) is never a date. */
const DOTTED_AT = /[./-](\d{1,2})[./-](\d{1,2})(?!\d)/y;

/**
 * The structured reading behind readFiscalYear; also used by the target reader for (R1～).
 * @example parseFiscalYear("R10以降") → { fiscalYear: 2028, from: true, notes: [] }
 */
export function parseFiscalYear(text: string): ParsedFiscalYear | YearProblem {
  let s = normalizeCell(text);
  const wrapped = /^\((.*)\)$/.exec(s);
  if (wrapped) s = wrapped[1]!.trim();
  if (s === "") return { unreadable: "年度が書かれていません" };
  if (/^(大正|明治|慶応)/.test(s))
    return { unreadable: `「${s}」: 大正・明治以前の年度には対応していません` };

  const first = yearAt(s, 0);
  if (!first) return { unreadable: `「${s}」を年度として読めません` };
  if (isProblem(first)) return first;
  let pos = first.end;
  const notes = [...first.notes];

  // 令和6年度（2024年度）, 平成31 (2019): both calendars given; they must agree.
  const paren = /\s*\(\s*/y;
  paren.lastIndex = pos;
  if (paren.exec(s)) {
    const second = yearAt(s, paren.lastIndex);
    const close = /\s*\)/y;
    if (second && !isProblem(second)) {
      close.lastIndex = second.end;
      if (close.exec(s)) {
        if (second.year !== first.year) {
          return {
            unreadable: `「${s}」: ${first.wareki ? "和暦" : "西暦"}の${first.year}年と括弧内の${second.year}年が一致しません`,
          };
        }
        notes.push(...second.notes);
        pos = close.lastIndex;
      }
    } else if (isProblem(second)) {
      return second;
    }
  }

  // A date (R6.4.1, 令和4年6月20日) stands for the fiscal year that contains it.
  let month: number | undefined;
  let day: number | undefined;
  MONTH_DAY_AT.lastIndex = pos;
  const md = first.unit === "年" ? MONTH_DAY_AT.exec(s) : null;
  if (md) {
    month = Number(md[1]);
    day = md[2] === undefined ? undefined : Number(md[2]);
    pos = MONTH_DAY_AT.lastIndex;
  } else if (first.unit === "" && pos === first.end) {
    DOTTED_AT.lastIndex = pos;
    const dotted = DOTTED_AT.exec(s);
    if (dotted) {
      month = Number(dotted[1]);
      day = Number(dotted[2]);
      pos = DOTTED_AT.lastIndex;
    }
  }
  let fiscalYear = first.year;
  if (month !== undefined) {
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) {
      return { unreadable: `「${s}」の月日が正しくありません` };
    }
    // Japanese fiscal years run April to March: January–March belong to the previous year's 年度.
    fiscalYear = month >= 4 ? first.year : first.year - 1;
    notes.push(`${first.year}年${month}月${day === undefined ? "" : `${day}日`}を含む年度として読みました`);
  }

  let from = false;
  FROM_AT.lastIndex = pos;
  const f = FROM_AT.exec(s);
  if (f) {
    from = true;
    pos = s.length;
  }
  if (pos !== s.length)
    return { unreadable: `「${s}」を年度として読めません（「${s.slice(pos).trim()}」が余分です）` };
  if (fiscalYear < MIN_FISCAL_YEAR || fiscalYear > MAX_FISCAL_YEAR) {
    return {
      unreadable: `${fiscalYear}年度は${MIN_FISCAL_YEAR}～${MAX_FISCAL_YEAR}年度の範囲外のため、誤記とみなします`,
    };
  }
  return { fiscalYear, from, notes };
}

/**
 * Reads a fiscal year written in any of the plan-document forms; 令和N = 2018+N, 平成N = 1988+N,
 * 昭和N = 1925+N. A calendar year in a plan table (2022年) is that fiscal year. The note tells what was
 * assumed: 以降 for R10以降, a never-existing era year (平成32年度), or a date read as its fiscal year.
 * Era year 0, years out of 1900–2100, era years more than 20 years past their era, and a wareki/western
 * pair that disagree (平28 (2015)) are unreadable rather than guessed.
 * @example readFiscalYear("令和元年度") → { fiscalYear: 2019 }
 * @example readFiscalYear("R10以降") → { fiscalYear: 2028, note: "以降" }
 */
export function readFiscalYear(text: string): { fiscalYear: number; note?: string } | { unreadable: string } {
  const p = parseFiscalYear(text);
  if (isProblem(p)) return p;
  const notes = p.from ? ["以降", ...p.notes] : p.notes;
  return notes.length ? { fiscalYear: p.fiscalYear, note: notes.join("、") } : { fiscalYear: p.fiscalYear };
}

const EMBEDDED_YEAR =
  /(?:令和|平成|昭和)\s*(?:元|\d{1,2})\s*年度|(?<![\dA-Za-z])[RH]\s*\d{1,2}\s*年度|(?<!\d)\d{4}\s*年度/g;

/**
 * The first fiscal year named inside a sentence; only 年度 forms count, because 年 alone in a sentence is
 * usually a calendar date (令和3年12月に策定).
 * @example findFiscalYear("令和元年度に完了") === 2019
 */
export function findFiscalYear(text: string): number | undefined {
  for (const m of normalizeCell(text).matchAll(EMBEDDED_YEAR)) {
    const p = parseFiscalYear(m[0]);
    if (!isProblem(p)) return p.fiscalYear;
  }
  return undefined;
}

/**
 * A year written before a value or target and set off by a space or parentheses: "2027年 10件",
 * "(R5)6,000", "2022 年 50,861 時間". Bare digits ("2022 件") are not taken as a year: they are a number.
 */
export function splitYearLabel(s: string): { year: ParsedFiscalYear; rest: string } | undefined {
  const paren = /^\(([^()]+)\)\s*(.+)$/.exec(s);
  if (paren) {
    const year = parseFiscalYear(paren[1]!);
    if (!isProblem(year)) return { year, rest: paren[2]! };
    return undefined;
  }
  for (const m of s.matchAll(/ /g)) {
    const head = s.slice(0, m.index);
    if (!looksLikeYear(head)) continue;
    const year = parseFiscalYear(head);
    const rest = s.slice(m.index + 1).trim();
    if (!isProblem(year) && rest !== "") return { year, rest };
  }
  return undefined;
}

/**
 * Whether a cell is written as a year rather than a number: with 年, or with an era (R5, 令和5, 平17).
 * Bare digits (2022, 2024.5) are numbers in a value cell.
 */
export function looksLikeYear(s: string): boolean {
  return /年|^\(?\s*(令和|平成|昭和|[RHSrhs令平昭])\s*(元|\d)/.test(s);
}

export function isYearProblem(x: ParsedFiscalYear | YearProblem): x is YearProblem {
  return isProblem(x);
}
