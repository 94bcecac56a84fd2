/**
 * The line patterns of chapter 3 of the Sapporo action plan as extracted from its PDF:
 * item rows are tab-separated (`①\t題名\t所管\t総) 行政部`), sometimes with the number and title in one
 * cell (`2 題名\t\t\t`) or as a plain line (`1 題名`); indicator rows start with `目標\t`, and their values
 * come either in the row itself (`2022年 30.8%`) or in the next line (`\t\t30.8%\t70%`).
 */

/** Ⅰ/Ⅱ… (the extraction writes them as Latin capitals: I, II, III, IV). */
const ROMAN = "(?:I|II|III|IV|V|VI|VII|VIII|IX|X|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|Ⅵ|Ⅶ|Ⅷ|Ⅸ|Ⅹ)";
export const ROMAN_HEADING = new RegExp(`^(${ROMAN})\\s+(\\S.*)$`);
/** `取組方針1 行政サービスの高度化` in the overview. */
export const POLICY_OVERVIEW = /^取組方針\s*(\d+)\s+(\S.*)$/;
/** `1 行政サービスの高度化` in the body: a policy heading when 現状と課題 follows. */
export const NUMBERED_HEADING = /^(\d+)\s+(\S.*)$/;
export const CIRCLED = /^(?:[①-⑳]|\((?:\d+|[①-⑳])\))$/;
export const FOOTNOTE = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/;
export const FOOTNOTE_MARK = /\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*/g;
export const SEPARATOR = /^-{3,}(?:\t+-*)*\s*$/;
export const SECTION_HEADINGS = ["現状と課題", "取組の方向性", "取組内容"] as const;
export type SectionHeading = (typeof SECTION_HEADINGS)[number];

/** A cell of the indicator header: `2022年`, `2022年 —`, `2022 年 50,861 時間`. */
const YEAR_CELL = /^(\d{4})\s*年\s*(.*)$/;

export function cells(line: string): string[] {
  const cs = line.split("\t").map((c) => c.trim());
  while (cs.length > 0 && cs[cs.length - 1] === "") cs.pop();
  return cs;
}

/** The title as written, without footnote marks (`（デジタルC o E） ¹⁸¹ による` → `（デジタルC o E）による`). */
export function cleanTitle(text: string): string {
  return text.replace(FOOTNOTE_MARK, "").trim();
}

export type ItemRow = {
  number: string;
  level: 3 | 4;
  title: string;
  /** The 所管 text, when the row has a 所管 cell. */
  departments?: string | undefined;
  /** The 所管 label and the departments share a cell (`所管 デ) スマートシティ推進部`). */
  merged: boolean;
};

/** An item row of 取組内容, or null. */
export function itemRow(line: string): ItemRow | null {
  const cs = cells(line);
  const first = cs[0] ?? "";
  let number: string;
  let title: string;
  let rest: string[];
  const numberAndTitle = NUMBERED_HEADING.exec(first);
  if (/^\d+$/.test(first) || CIRCLED.test(first)) {
    number = first;
    title = cs[1] ?? "";
    rest = cs.slice(2);
  } else if (numberAndTitle && !line.startsWith("\t")) {
    number = numberAndTitle[1]!;
    title = numberAndTitle[2]!;
    rest = cs.slice(1);
  } else {
    return null;
  }
  if (title === "" || title === "所管") return null;
  const level = /^\d+$/.test(number) ? 3 : 4;
  const at = rest.findIndex((c) => c.startsWith("所管"));
  if (at < 0) return { number, level, title: cleanTitle(title), merged: false };
  const label = rest[at]!;
  const departments = [label.slice("所管".length), ...rest.slice(at + 1)].join(" ").trim();
  return { number, level, title: cleanTitle(title), departments, merged: label !== "所管" };
}

export type IndicatorHeader = {
  name: string;
  baseline: YearCell;
  target: YearCell;
};
export type YearCell = { yearLabel?: string | undefined; text: string };

export function yearCell(cell: string | undefined): YearCell {
  const m = YEAR_CELL.exec(cell ?? "");
  return m ? { yearLabel: `${m[1]}年`, text: m[2]!.trim() } : { text: (cell ?? "").trim() };
}

/** `目標\t名称\t2022年\t2027年` → name and the two year cells. */
export function indicatorHeader(line: string): IndicatorHeader | null {
  if (!line.startsWith("目標\t")) return null;
  const cs = cells(line);
  return { name: cleanTitle(cs[1] ?? ""), baseline: yearCell(cs[2]), target: yearCell(cs[3]) };
}

/** `\t\t30.8%\t70%`: the values under an indicator header, or null. */
export function valuesRow(line: string): { baseline: string; target: string } | null {
  if (!line.startsWith("\t") || line.trim() === "") return null;
  const cs = line.split("\t").map((c) => c.trim());
  if (cs[0] !== "" || cs[1] !== "") return null;
  return { baseline: cs[2] ?? "", target: cs[3] ?? "" };
}

/** A bullet `- …` of 現状と課題 / 取組の方向性, without its marker. */
export function bullet(line: string): string | null {
  const m = /^[-・•]\s*(.+)$/.exec(line.trim());
  return m ? m[1]!.trim() : null;
}
