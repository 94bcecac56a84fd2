/**
 * Text clean-up shared by the readers. Only width and spacing are changed here: anything that carries
 * meaning (units, labels, marks) is left for the readers to account for, so nothing is silently dropped.
 */

/**
 * Full-width ASCII to half-width, ideographic space to a space. Deliberately not NFKC: NFKC would also
 * rewrite units and marks that must stay as written (㎡ → m2, ① → 1, Ⅱ → II).
 * @example toHalfWidth("５２．８％") === "52.8%"
 */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/**
 * A cell as the readers see it: half-width, runs of white space (tabs, line breaks of a wrapped PDF cell)
 * made one space, trimmed.
 * @example normalizeCell(" 2,273,760\u3000人 ") === "2,273,760 人"
 */
export function normalizeCell(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, " ").trim();
}

/**
 * Marks that tables put in a cell that has no value: dashes of every width, the katakana long-vowel mark
 * used as a dash, and the slash that stands for a diagonal line (斜線, "not applicable").
 */
const NO_VALUE = /^[-‐‑‒–—―−ー─━ｰ/]+$/u;

/** @example isNoValueMark("—") === true; isNoValueMark("▲") === false */
export function isNoValueMark(s: string): boolean {
  return NO_VALUE.test(s);
}

/** Marks of "the same as the cell to the left / above", common in Japanese plan tables. */
export function sameAsMark(s: string): "left" | "above" | undefined {
  if (/^同左$/.test(s)) return "left";
  if (/^(同上|〃)$/.test(s)) return "above";
  return undefined;
}

/** Range marks: 〜 (wave dash) survives toHalfWidth, ～ becomes ~ (kept too for callers that skip normalising). */
export const RANGE_MARK = /[~〜～]/;
