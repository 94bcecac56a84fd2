/**
 * An actual as typed by a department, read by the value reader and described back in words, so that the
 * person sees how gyokaku understood 「81,571千円」 or 「検討・実施」 before anyone relies on it. Pure.
 */
import { formatNumber } from "../domain/evaluation/index.ts";
import {
  DEFAULT_STAGE_LADDER,
  normalizeStageWord,
  type ReadValue,
  readValue,
} from "../domain/values/index.ts";

export type Understood = {
  reading: ReadValue;
  /** 「数値 81,571 千円」, 「段階「実施」」 … */
  description: string;
  /** Things to look at again: unreadable, a unit other than the indicator's, a series label of another series. */
  warnings: string[];
  /** What makes the value impossible (plausibility rules): the save is refused with these. */
  errors: string[];
};

/**
 * Reads an actual. The indicator's own stage words (its vocabulary) count as stages even where the default
 * ladder does not know them.
 * @example understand("81,571千円", { unit: "千円" }).description === "数値 81,571（千円）"
 */
export function understand(
  text: string,
  indicator: { unit?: string | undefined; stages?: readonly string[] | undefined },
  series?: string,
): Understood {
  let reading = readValue(text, { ladder: DEFAULT_STAGE_LADDER });
  const own = indicator.stages?.find((s) => normalizeStageWord(s) === normalizeStageWord(text));
  if (reading.kind === "text" && !reading.unreadable && own) reading = { text, kind: "stage", stage: own };
  const warnings: string[] = [];
  if (reading.unreadable)
    warnings.push(`読み取れません: ${reading.unreadable}。書かれたとおりに保存し、印を付けます。`);
  if (reading.kind === "number" && reading.unit && indicator.unit && !sameUnit(reading.unit, indicator.unit))
    warnings.push(`単位「${reading.unit}」が指標の単位「${indicator.unit}」と違います。`);
  // An indicator measured in a unit expects a number: a word there cannot be compared with its target.
  if (reading.kind === "text" && !reading.unreadable && !reading.sameAs && indicator.unit)
    warnings.push(
      `この指標は「${indicator.unit}」で測ります。数値でないため、目標と比べた評価ができません（値がなければ「—」）。`,
    );
  if (reading.series && series && reading.series !== series)
    warnings.push(`「${reading.series}」と書かれていますが、この欄は「${series}」の欄です。`);
  return { reading, description: describe(reading, indicator.unit), warnings, errors: [] };
}

function sameUnit(a: string, b: string): boolean {
  const n = (u: string) => u.replace(/[％]/g, "%").trim();
  return n(a) === n(b);
}

function describe(r: ReadValue, unit: string | undefined): string {
  switch (r.kind) {
    case "empty":
      return r.text.trim() === "" ? "未入力" : "値なし（該当なし）";
    case "number": {
      const u = r.unit ?? unit;
      return `数値 ${formatNumber(r.number!, r.decimals)}${u ? `（${u}）` : ""}${r.series ? `、系列「${r.series}」` : ""}`;
    }
    case "stage":
      return `段階「${r.stage}」`;
    case "text":
      if (r.unreadable) return "文章として保存（数値として読めません）";
      if (r.sameAs) return "「同左・同上」（値そのものではありません）";
      return "文章（数値でも段階でもありません）";
  }
}
