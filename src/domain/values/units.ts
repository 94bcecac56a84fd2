/**
 * What follows a number: a unit (件, 千円, 回/年), or words that make it something other than one value
 * (以上, 程度, 増, ～20). The readers decide per kind whether that is an error.
 */
import { RANGE_MARK } from "./normalize.ts";

/**
 * Currency scales written straight after the digits are a unit of account, as in budget tables: 81,571千円
 * is 81,571 in the unit 千円, not 81,571,000 円. Other kanji magnitudes are expanded (2億2千万枚).
 */
export const ACCOUNT_UNITS = ["千円", "万円", "百万円", "億円", "兆円"] as const;

const SCALE: Record<string, number> = { 千円: 1e3, 万円: 1e4, 百万円: 1e6, 億円: 1e8, 兆円: 1e12 };

/**
 * The base unit and factor of a scaled unit, so that values in 千円 and 円 can be compared.
 * @example unitScale("千円") → { base: "円", factor: 1000 }; unitScale("件") → { base: "件", factor: 1 }
 */
export function unitScale(unit: string): { base: string; factor: number } {
  const factor = SCALE[unit];
  return factor === undefined ? { base: unit, factor: 1 } : { base: "円", factor };
}

export type Bound = "以上" | "以下" | "未満" | "超";
export type ChangeWord = { word: string; direction: "increase" | "decrease" };

/** Words of increase and decrease, longest first so that 増加 is not read as 増 + 加. */
export const INCREASE_WORDS = ["増加", "向上", "上昇", "拡大", "アップ", "増"] as const;
export const DECREASE_WORDS = ["減少", "縮減", "削減", "低減", "短縮", "低下", "ダウン", "減"] as const;
const CHANGE_WORDS: ChangeWord[] = [
  ...INCREASE_WORDS.map((word) => ({ word, direction: "increase" as const })),
  ...DECREASE_WORDS.map((word) => ({ word, direction: "decrease" as const })),
].sort((a, b) => b.word.length - a.word.length);

const CHANGE_AFTER_NO = new RegExp(
  `^[^\\p{Script=Hiragana}]*の\\s*(${CHANGE_WORDS.map((c) => c.word).join("|")})$`,
  "u",
);

/** The direction an increase/decrease word names, or undefined. @example changeWord("縮減")?.direction === "decrease" */
export function changeWord(s: string): ChangeWord | undefined {
  return CHANGE_WORDS.find((c) => c.word === s);
}

/** Words after a number that make it approximate: a value "about 100" is not 100. */
const APPROX_SUFFIX = /^(.*?)\s*(前後|程度|くらい|ぐらい|ほど|余り|余|強|弱)$/;
const BOUND_SUFFIX = /^(.*?)\s*(以上|以下|未満|超え|超)$/;
/** Units of counters that contain hiragana; any other hiragana after a number means a sentence. */
const HIRAGANA_UNITS = /^(か所|か月|カ所|ヶ所|ヵ所|ケ所|ヶ月|カ月|ヵ月)$/;

export type Suffix =
  | { kind: "unit"; unit?: string }
  | { kind: "bound"; unit?: string; bound: Bound }
  | { kind: "change"; unit?: string; change: ChangeWord }
  | { kind: "approx"; word: string }
  | { kind: "range" }
  | { kind: "more_numbers" }
  | { kind: "sentence" }
  | { kind: "junk"; rest: string };

/**
 * Classifies the text after a number.
 * @example classifySuffix("%以上") → { kind: "bound", unit: "%", bound: "以上" }
 * @example classifySuffix("分短縮") → { kind: "change", unit: "分", change: { word: "短縮", direction: "decrease" } }
 */
export function classifySuffix(suffix: string): Suffix {
  const s = suffix.trim();
  if (s === "") return { kind: "unit" };
  if (RANGE_MARK.test(s)) return { kind: "range" };
  const approx = APPROX_SUFFIX.exec(s);
  // Hiragana after a number means a sentence (10件の提案があった) unless it belongs to a counter, an
  // approximation (100くらい), 超え, or the の of 10%の増加.
  const explained = approx !== null || /超え$/.test(s) || HIRAGANA_UNITS.test(s) || CHANGE_AFTER_NO.test(s);
  // A note in parentheses (10件(見込み)) does not make a sentence: it is reported as an unreadable suffix.
  const outsideParens = s.replace(/\([^()]*\)/g, "");
  if (/[、。]/.test(s) || (!explained && /\p{Script=Hiragana}/u.test(outsideParens)))
    return { kind: "sentence" };
  if (/\d/.test(s)) return { kind: "more_numbers" };
  if (approx) return { kind: "approx", word: approx[2]! };
  const bound = BOUND_SUFFIX.exec(s);
  if (bound) {
    const unit = bound[1]!;
    const b = (bound[2] === "超え" ? "超" : bound[2]) as Bound;
    return isUnit(unit) ? { kind: "bound", bound: b, ...unitField(unit) } : { kind: "junk", rest: s };
  }
  for (const c of CHANGE_WORDS) {
    if (!s.endsWith(c.word)) continue;
    const unit = s
      .slice(0, -c.word.length)
      .trim()
      .replace(/\s*の$/, "");
    if (isUnit(unit)) return { kind: "change", change: c, ...unitField(unit) };
  }
  if (isUnit(s)) return { kind: "unit", ...unitField(s) };
  return { kind: "junk", rest: s };
}

function unitField(unit: string): { unit?: string } {
  return unit === "" ? {} : { unit };
}

/**
 * A unit as tables write them: % alone, or a short run of kanji, katakana, Latin letters and unit symbols,
 * optionally "per" something (回/年). Anything longer or stranger is reported, not taken as a unit.
 */
export function isUnit(s: string): boolean {
  if (s === "") return true;
  if (HIRAGANA_UNITS.test(s)) return true;
  if (/^[%‰]$/.test(s)) return true;
  const part = "[\\p{Script=Han}\\p{Script=Katakana}ーA-Za-z\\u3300-\\u33FF°℃]{1,8}";
  return new RegExp(`^${part}(/${part})?$`, "u").test(s);
}
