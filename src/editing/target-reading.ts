/**
 * A target as typed by the reform office, read by the domain's target reader and described back in words
 * before it is stored: 「(R1～)13%以上」 → 令和元年度から毎年 13% 以上. Pure.
 */

import { formatNumber } from "../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import {
  BASIS_LABELS,
  type ReadTarget,
  readTarget,
  SUMMABLE_TARGET_KINDS,
  type TargetBasis,
} from "../domain/values/index.ts";

export type TargetReading = {
  reading: ReadTarget;
  description: string;
  warnings: string[];
  /** The chosen basis cannot apply to this target (累計 on a stage or a sentence). */
  basisProblem?: string;
};

/**
 * Reads the text; a basis chosen in the form overrides what the words say.
 * @example readTargetText("(R5)6,000", "人").description === "令和5年度までに 6,000人 に達する"
 * @example readTargetText("(R9)500", "百万円", "cumulative").description === "令和9年度までに 累計で 500百万円 に達する"
 */
export function readTargetText(text: string, unit?: string, basis?: TargetBasis): TargetReading {
  const read = readTarget(text);
  const summable = SUMMABLE_TARGET_KINDS.includes(read.kind);
  const reading: ReadTarget = basis === undefined || !summable ? read : { ...read, basis };
  if (basis && basis !== "single_year" && !summable) {
    return {
      reading: read,
      description: describeTarget(read, unit),
      warnings: [],
      basisProblem: `${BASIS_LABELS[basis]}は数値の目標（値・以上・以下）にだけ指定できます。`,
    };
  }
  const warnings: string[] = [];
  if (reading.unreadable)
    warnings.push(`読み取れません: ${reading.unreadable}。書かれたとおりに保存し、印を付けます。`);
  if (reading.fiscalYearNote) warnings.push(`年度の読み方: ${reading.fiscalYearNote}`);
  if (reading.kind === "text" && !reading.unreadable && !reading.empty)
    warnings.push("数値でも段階でもない目標です。達成度は機械的には判定されません。");
  return { reading, description: describeTarget(reading, unit), warnings };
}

function amount(r: ReadTarget, unit?: string): string {
  return `${formatNumber(r.number!, r.decimals)}${r.unit ?? unit ?? ""}`;
}

function from(r: ReadTarget): string {
  if (r.fromFiscalYear === undefined) return "";
  const to = r.toFiscalYear !== undefined ? `${warekiFiscalYear(r.toFiscalYear)}まで` : "";
  return `${warekiFiscalYear(r.fromFiscalYear)}から${to}毎年 `;
}

export function describeTarget(r: ReadTarget, unit?: string): string {
  const basis =
    r.basis === "cumulative"
      ? "累計で "
      : r.basis === "period_total"
        ? "計画期間の合計で "
        : r.basis === "single_year"
          ? "単年度で "
          : "";
  const by = `${r.fiscalYear !== undefined ? `${warekiFiscalYear(r.fiscalYear)}までに ` : ""}${basis}`;
  const base =
    r.relativeToFiscalYear !== undefined
      ? `${warekiFiscalYear(r.relativeToFiscalYear)}の値`
      : r.against === "previous_year"
        ? "前年度"
        : "初期値";
  switch (r.kind) {
    case "value_by_year":
      return `${by}${amount(r, unit)} に達する`;
    case "floor":
      return `${from(r)}${by}${amount(r, unit)} ${r.exclusive ? "を超える" : "以上"}`;
    case "ceiling":
      return `${from(r)}${by}${amount(r, unit)} ${r.exclusive ? "未満" : "以下"}`;
    case "direction":
      return `${by}${base}より${r.direction === "increase" ? "増やす" : "減らす"}${r.subject ? `（${r.subject}）` : ""}`;
    case "relative":
      return `${by}${base}から ${formatNumber(r.change!.amount)}${r.change!.unit} ${r.direction === "increase" ? "増" : "減"}`;
    case "stage":
      return `${from(r)}${by}段階「${r.stage}」`;
    case "text":
      return r.empty ? "目標なし" : "文章の目標";
  }
}
