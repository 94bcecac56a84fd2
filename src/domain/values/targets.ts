/**
 * The target reader: one 目標 cell, read into what an actual will be judged against.
 * A year prefix says when ((R5) by FY2023, (R1～) every year from FY2019); the body says what.
 */
import { readBasis, type TargetBasis } from "./basis.ts";
import { isNoValueMark, normalizeCell } from "./normalize.ts";
import { scanNumber } from "./numbers.ts";
import { DEFAULT_STAGE_LADDER, findStage } from "./stages.ts";
import { changeWord, classifySuffix, DECREASE_WORDS, INCREASE_WORDS } from "./units.ts";
import type { ReadOptions } from "./values.ts";
import { isYearProblem, parseFiscalYear, splitYearLabel } from "./years.ts";

export type TargetKind = "value_by_year" | "floor" | "ceiling" | "direction" | "relative" | "stage" | "text";

export type ReadTarget = {
  /** The input exactly as given. */
  text: string;
  kind: TargetKind;
  /** value_by_year: the value to reach; floor / ceiling: the bound. */
  number?: number;
  unit?: string;
  decimals?: number;
  /** A series label before the number (男性13%以上). */
  series?: string;
  /** (R5): the year by which the target is to be reached. Absent when the column header gives the year. */
  fiscalYear?: number;
  /** (R1～): the target holds every year from this one. */
  fromFiscalYear?: number;
  /** (R1～R5): the last year of a from-year target. */
  toFiscalYear?: number;
  /** What was assumed in reading a year (平成32年度 is not a real year …). */
  fiscalYearNote?: string;
  direction?: "increase" | "decrease";
  /** What the change is measured against when no year is named: 初期値 (default) or the previous year. */
  against?: "baseline" | "previous_year";
  /** (2023年度比): the year whose value the change is measured from. */
  relativeToFiscalYear?: number;
  /**
   * relative: the change asked for. unit "%" is a rate of the starting value (10%増 = × 1.1); "ポイント" and
   * other units are amounts (20分短縮 = 20 minutes less).
   */
  change?: { amount: number; unit: string };
  /** What is to increase or decrease when the target names it: 受験者 of 受験者増. */
  subject?: string;
  /** floor / ceiling: 超 and 未満 exclude the bound itself. */
  exclusive?: boolean;
  /** floor: no 以上 was written; (R1～)100% is read as "at least 100% every year". */
  boundImplied?: boolean;
  stage?: string;
  /** The cell was blank or a dash: there is no target. */
  empty?: boolean;
  /** Why the target could not be read, in Japanese; kind is then "text". */
  unreadable?: string;
  /** 単年度 / 累計 / 計画期間の合計, when the words say so (numeric targets only); absent means one year's value. */
  basis?: TargetBasis;
};

/** Kinds whose number can be a running sum: a value to reach, a floor, a ceiling. */
export const SUMMABLE_TARGET_KINDS: readonly TargetKind[] = ["value_by_year", "floor", "ceiling"];

type Reading = Omit<ReadTarget, "text">;
/** What the prefixes and the comparison say about years; the body adds the rest. */
type When = Pick<
  ReadTarget,
  "fiscalYear" | "fromFiscalYear" | "toFiscalYear" | "fiscalYearNote" | "against" | "relativeToFiscalYear"
>;

/** Prefixes that measure against the baseline or the previous year rather than a named year. */
const AGAINST: [RegExp, "baseline" | "previous_year"][] = [
  [/^(初期値|基準値|現状値?|策定時)(より|比|から)?$/, "baseline"],
  [/^(前年度?|前年度実績)(より|比|から)?$/, "previous_year"],
];

const DIRECTION_WORD = new RegExp(`^(.*?)(?:の)?(${[...INCREASE_WORDS, ...DECREASE_WORDS].join("|")})$`);

/**
 * Reads one target cell.
 * - (R5)6,000 → value_by_year 6000, fiscalYear 2023; a bare 6,000 or 2027年 10件 → value_by_year (year from
 *   the column or the label).
 * - (R1～)13%以上 → floor 13 % from 2019; (R1～)100% → floor 100 from 2019 (boundImplied); 以下 → ceiling.
 * - (初期値より)増加 / 縮減 / 向上 / 減少, 受験者増 → direction against the baseline.
 * - 10%増 (2023年度比) → relative: change 10 %, increase, relativeToFiscalYear 2023; 20分短縮 → relative
 *   decrease of 20 分 against the baseline.
 * - (R3～)実施, 充実 → stage; anything else → text, with `unreadable` when it looks like a number but is not
 *   one exact number.
 * @example readTarget("(R1～)13%以上") → { kind: "floor", number: 13, unit: "%", fromFiscalYear: 2019, … }
 */
export function readTarget(text: string, options: ReadOptions = {}): ReadTarget {
  return asReduction(readBasisAndTarget(text, options), text, options);
}

/**
 * Reductions as plans write them: ▲10件 / △10件 (a target written as a minus) is 10件 less than the baseline,
 * and 職員数を20人削減 names what is reduced before を; both are relative decreases, like 20人削減.
 */
function asReduction(r: ReadTarget, text: string, options: ReadOptions): ReadTarget {
  if (r.kind === "value_by_year" && r.number !== undefined && r.number < 0) {
    if (/^(\([^()]*\)\s*)*[▲△]/.test(normalizeCell(text))) {
      const { number, decimals: _d, unit, ...rest } = r;
      return {
        ...rest,
        kind: "relative",
        direction: "decrease",
        change: { amount: -number, unit: unit ?? "" },
        ...(r.relativeToFiscalYear === undefined && r.against === undefined ? { against: "baseline" } : {}),
      };
    }
  }
  if (r.kind === "text" && !r.empty && !r.unreadable) {
    const m = /^(.*?)([^\s\d()]{1,20}?)を\s*(\d.*)$/.exec(normalizeCell(text));
    if (m) {
      const again = readBasisAndTarget(`${m[1]}${m[3]}`, options);
      if (again.kind === "relative" && again.series === undefined) return { ...again, text, subject: m[2]! };
    }
  }
  return r;
}

function readBasisAndTarget(text: string, options: ReadOptions): ReadTarget {
  const cell = normalizeCell(text);
  const { basis, rest } = readBasis(cell);
  if (basis !== undefined && rest !== "") {
    const reading = readTargetCell(rest, options);
    // 累計 and 毎年度 qualify a number; on a stage or a sentence the words stay part of the text.
    if (SUMMABLE_TARGET_KINDS.includes(reading.kind) && !reading.unreadable)
      return { text, ...reading, basis };
  }
  return { text, ...readTargetCell(cell, options) };
}

function readTargetCell(s: string, options: ReadOptions): Reading {
  if (s === "" || isNoValueMark(s)) return { kind: "text", empty: true };
  const when: When = {};
  let body = s;

  // Leading (…) prefixes: a year, a from-year, a year range, or what the change is measured against.
  for (;;) {
    const m = /^\(([^()]*)\)\s*(.*)$/.exec(body);
    if (!m) break;
    const prefix = readPrefix(m[1]!.trim());
    if (!prefix) break;
    if ("unreadable" in prefix) return { kind: "text", ...when, unreadable: prefix.unreadable };
    Object.assign(when, prefix);
    body = m[2]!;
  }
  // 2027年 10件: a year set off by a space, as 札幌 prints its target column.
  if (when.fiscalYear === undefined && when.fromFiscalYear === undefined) {
    const labelled = splitYearLabel(body);
    if (labelled && !/^\(/.test(body)) {
      Object.assign(when, yearFields(labelled.year.fiscalYear, labelled.year.from, labelled.year.notes));
      body = labelled.rest;
    }
  }
  // 10%増 (2023年度比) and 2023年度比10%増: the year the change is measured from.
  const compared = /^(.*?)\s*\(([^()]+)比\)$/.exec(body) ?? /^()([^()\s]+?)比\s*(.+)$/.exec(body);
  if (compared) {
    const ref = readComparison(compared[2]!.trim());
    if (ref) {
      if ("unreadable" in ref) return { kind: "text", ...when, unreadable: ref.unreadable };
      Object.assign(when, ref);
      body = (compared[1] || compared[3] || "").trim();
    }
  }
  if (body === "") return { kind: "text", ...when, unreadable: "目標の値が書かれていません" };
  if (isNoValueMark(body)) return { kind: "text", ...when, empty: true };
  return { ...when, ...readBody(body, when, options) };
}

function yearFields(fiscalYear: number, from: boolean, notes: string[]): When {
  return {
    ...(from ? { fromFiscalYear: fiscalYear } : { fiscalYear }),
    ...(notes.length ? { fiscalYearNote: notes.join("、") } : {}),
  };
}

function readPrefix(inner: string): When | { unreadable: string } | undefined {
  for (const [re, against] of AGAINST) if (re.test(inner)) return { against };
  if (inner.endsWith("比")) return readComparison(inner.slice(0, -1).trim());
  // (R1～R5): every year from R1 to R5.
  const range = /^(.+?)\s*[~〜]\s*(.+)$/.exec(inner);
  if (range) {
    const from = parseFiscalYear(range[1]!);
    const to = parseFiscalYear(range[2]!);
    if (!isYearProblem(from) && !isYearProblem(to)) {
      if (to.fiscalYear < from.fiscalYear)
        return { unreadable: `「(${inner})」: 終わりの年度が始めの年度より前です` };
      const notes = [...from.notes, ...to.notes];
      return {
        fromFiscalYear: from.fiscalYear,
        toFiscalYear: to.fiscalYear,
        ...(notes.length ? { fiscalYearNote: notes.join("、") } : {}),
      };
    }
  }
  // (R5年度まで): "by R5", the same as (R5).
  const year = parseFiscalYear(inner.replace(/\s*まで$/, ""));
  if (!isYearProblem(year)) return yearFields(year.fiscalYear, year.from, year.notes);
  // A prefix that names a year but cannot be read ((R0), (平成99)) is an error, not a label to skip.
  if (/^(令和|平成|昭和|[RHS令平昭])\s*\d|年度/.test(inner)) return { unreadable: year.unreadable };
  return undefined;
}

function readComparison(ref: string): When | { unreadable: string } | undefined {
  for (const [re, against] of AGAINST) if (re.test(ref)) return { against };
  const year = parseFiscalYear(ref);
  if (!isYearProblem(year)) return { relativeToFiscalYear: year.fiscalYear };
  if (/\d/.test(ref)) return { unreadable: `「${ref}比」: ${year.unreadable}` };
  return undefined;
}

function readBody(body: string, when: When, options: ReadOptions): Reading {
  const ladder = options.ladder ?? DEFAULT_STAGE_LADDER;
  const stage = findStage(ladder, body);
  if (stage) return { kind: "stage", stage: stage.stage };

  const scanned = scanNumber(body);
  if (!scanned) {
    // 増加, 縮減, 受験者増, 離職率の減少: a direction, with what is to change when named.
    const d = DIRECTION_WORD.exec(body);
    const c = d ? changeWord(d[2]!) : undefined;
    // A subject with digits or punctuation is a sentence that happens to end in 増 or 減.
    if (d && c && !/[\d、。]/.test(d[1]!) && d[1]!.length <= 20) {
      const subject = d[1]!.trim();
      return {
        kind: "direction",
        direction: c.direction,
        ...(when.relativeToFiscalYear === undefined && when.against === undefined
          ? { against: "baseline" }
          : {}),
        ...(subject === "" ? {} : { subject }),
      };
    }
    return { kind: "text" };
  }
  if ("approx" in scanned) {
    return { kind: "text", unreadable: `「${scanned.approx}」の付いた概数は目標値として読みません` };
  }
  if (!scanned.numeral.ok) return { kind: "text", unreadable: scanned.numeral.unreadable };
  const { number, decimals } = scanned.numeral;
  const series = scanned.label === undefined ? {} : { series: scanned.label };
  const suffix = classifySuffix(scanned.suffix);
  const unitOf = (unit: string | undefined) => (unit === undefined ? {} : { unit });
  switch (suffix.kind) {
    case "unit":
      if (when.fromFiscalYear !== undefined) {
        return { kind: "floor", number, ...unitOf(suffix.unit), decimals, ...series, boundImplied: true };
      }
      return { kind: "value_by_year", number, ...unitOf(suffix.unit), decimals, ...series };
    case "bound": {
      const floor = suffix.bound === "以上" || suffix.bound === "超";
      const exclusive = suffix.bound === "超" || suffix.bound === "未満";
      return {
        kind: floor ? "floor" : "ceiling",
        number,
        ...unitOf(suffix.unit),
        decimals,
        ...series,
        ...(exclusive ? { exclusive: true } : {}),
      };
    }
    case "change":
      if (number < 0)
        return { kind: "text", unreadable: "増減の量が負の数で書かれており、向きが読み取れません" };
      return {
        kind: "relative",
        direction: suffix.change.direction,
        change: { amount: number, unit: suffix.unit ?? "" },
        ...(when.relativeToFiscalYear === undefined && when.against === undefined
          ? { against: "baseline" }
          : {}),
        ...series,
      };
    case "sentence":
      return { kind: "text" };
    case "approx":
      return { kind: "text", unreadable: `「${suffix.word}」の付いた概数は目標値として読みません` };
    case "range":
      return { kind: "text", unreadable: "「～」で範囲が書かれており、一つの目標値として読めません" };
    case "more_numbers":
      return {
        kind: "text",
        unreadable: `数値が複数書かれており、一つの目標値として読めません（「${scanned.suffix}」）`,
      };
    case "junk":
      return { kind: "text", unreadable: `数値の後ろの「${suffix.rest}」を単位として読めません` };
  }
}
