/**
 * The value reader: one cell of a baseline (初期値) or an actual (実績値), read into a number, a stage,
 * an empty mark or text. What looks like a number but cannot be read exactly is flagged, never guessed.
 */
import { isNoValueMark, normalizeCell, sameAsMark } from "./normalize.ts";
import { scanNumber } from "./numbers.ts";
import { DEFAULT_STAGE_LADDER, findStage, type StageLadder } from "./stages.ts";
import { classifySuffix } from "./units.ts";
import { findFiscalYear, isYearProblem, looksLikeYear, parseFiscalYear, splitYearLabel } from "./years.ts";

export type ValueKind = "number" | "stage" | "text" | "empty";

export type ReadValue = {
  /** The input exactly as given. */
  text: string;
  kind: ValueKind;
  number?: number;
  /** As written after the number, width-folded: "千円", "%", "回/年". */
  unit?: string;
  /** Decimal places as written (143.0 → 1), so that the value can be printed as the document printed it. */
  decimals?: number;
  /** A series label written before the number: 男性 of 男性6.9%. */
  series?: string;
  /** The number was in parentheses, as 内数 ("of which") rows of headcount tables write it: (18). */
  parenthesized?: boolean;
  /** The stage in its look-up form (＜隨時実施＞ → 随時実施). */
  stage?: string;
  /** A fiscal year written before the value (2027年 10件, (R5)6,000) or, for text, the first 年度 named in it. */
  fiscalYear?: number;
  /** What was assumed in reading that year (平成32年度 is not a real year, 以降 …). */
  fiscalYearNote?: string;
  /** 同左 / 同上: the cell repeats its neighbour; the reader of the table resolves it. */
  sameAs?: "left" | "above";
  /** Why the text could not be read as the value it looks like, in Japanese; no number is given then. */
  unreadable?: string;
};

export type ReadOptions = { ladder?: StageLadder };

/**
 * Reads one value cell. Full-width forms are accepted; ▲ and △ are minus; 2億2千万 is expanded but
 * 81,571千円 keeps 千円 as its unit; a word on the stage ladder is a stage; —, -, －, / and blank are empty.
 * Approximations (約100, 100程度), ranges (10～20), bounds (13%以上), changes (10%増) and malformed numbers
 * (1,48,3, 12..5) come back as text with `unreadable`: they are not one exact value.
 * @example readValue("81,571千円") → { text: "81,571千円", kind: "number", number: 81571, unit: "千円", decimals: 0 }
 * @example readValue("男性6.9%") → { …, kind: "number", number: 6.9, unit: "%", series: "男性" }
 */
export function readValue(text: string, options: ReadOptions = {}): ReadValue {
  return { text, ...readCell(normalizeCell(text), options.ladder ?? DEFAULT_STAGE_LADDER) };
}

type Reading = Omit<ReadValue, "text">;

function readCell(s: string, ladder: StageLadder): Reading {
  if (s === "" || isNoValueMark(s)) return { kind: "empty" };
  const same = sameAsMark(s);
  if (same) return { kind: "text", sameAs: same };
  const stage = findStage(ladder, s);
  if (stage) return { kind: "stage", stage: stage.stage };

  const year = looksLikeYear(s) ? parseFiscalYear(s) : undefined;
  if (year && !isYearProblem(year))
    return { kind: "text", fiscalYear: year.fiscalYear, ...yearNote(year.notes) };
  const labelled = splitYearLabel(s);
  if (labelled) {
    const inner = readCell(labelled.rest, ladder);
    const notes = labelled.year.from ? ["以降", ...labelled.year.notes] : labelled.year.notes;
    return { ...inner, fiscalYear: labelled.year.fiscalYear, ...yearNote(notes) };
  }
  return readNumber(s) ?? textReading(s);
}

function yearNote(notes: string[]): { fiscalYearNote?: string } {
  return notes.length ? { fiscalYearNote: notes.join("、") } : {};
}

function textReading(s: string): Reading {
  const fiscalYear = findFiscalYear(s);
  return fiscalYear === undefined ? { kind: "text" } : { kind: "text", fiscalYear };
}

/** undefined when the text is not a number at all (a sentence), so that it is read as text. */
function readNumber(s: string): Reading | undefined {
  const scanned = scanNumber(s);
  if (!scanned) return undefined;
  if ("approx" in scanned) {
    return {
      kind: "text",
      unreadable: `「${scanned.approx}」の付いた概数は正確な値ではないため、数値として読みません`,
    };
  }
  if (!scanned.numeral.ok) return { kind: "text", unreadable: scanned.numeral.unreadable };
  const suffix = classifySuffix(scanned.suffix);
  const flagged = (unreadable: string): Reading => ({ kind: "text", unreadable });
  switch (suffix.kind) {
    case "unit":
      return {
        kind: "number",
        number: scanned.numeral.number,
        ...(suffix.unit === undefined ? {} : { unit: suffix.unit }),
        decimals: scanned.numeral.decimals,
        ...(scanned.label === undefined ? {} : { series: scanned.label }),
        ...(scanned.parenthesized ? { parenthesized: true } : {}),
      };
    case "sentence":
      return undefined;
    case "approx":
      return flagged(`「${suffix.word}」の付いた概数は正確な値ではないため、数値として読みません`);
    case "bound":
      return flagged(`「${suffix.bound}」は範囲を表し、一つの値ではありません（目標なら目標として読みます）`);
    case "change":
      return flagged(
        `「${suffix.change.word}」は増減を表し、値そのものではありません（目標なら目標として読みます）`,
      );
    case "range":
      return flagged("「～」で範囲が書かれており、一つの値として読めません");
    case "more_numbers":
      return flagged(`数値が複数書かれており、一つの値として読めません（「${scanned.suffix}」）`);
    case "junk":
      return flagged(`数値の後ろの「${suffix.rest}」を単位として読めません`);
  }
}
