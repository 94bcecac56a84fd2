/**
 * Numbers as plan tables write them: 1,483 · 52.8 · ▲10 · △42 · 2億2千万 · (18), optionally preceded by a
 * series label (男性6.9%, (女性) 100%). The scanner reports what follows the number untouched, for the
 * value and target readers to classify.
 */
import { ACCOUNT_UNITS } from "./units.ts";

/** A decimal kept exact while magnitudes are applied: value = m / 10^d. */
type Dec = { m: bigint; d: number };

/** The digits read from a numeral, or why they cannot be read. */
export type Numeral = { ok: true; number: number; decimals: number } | { ok: false; unreadable: string };

const SMALL: Record<string, number> = { 十: 1, 百: 2, 千: 3 };
const LARGE: Record<string, number> = { 万: 4, 億: 8, 兆: 12 };

/** More significant digits than a double holds exactly would be a silently wrong number. */
const MAX_DIGITS = 15;

function arabic(run: string): Dec | { unreadable: string } {
  if (/\.\./.test(run)) return { unreadable: `「${run}」: 小数点が続いています` };
  if ((run.match(/\./g)?.length ?? 0) > 1) return { unreadable: `「${run}」: 小数点が複数あります` };
  if (run.endsWith(".")) return { unreadable: `「${run}」: 小数点の後に数字がありません` };
  const [int = "", frac = ""] = run.split(".");
  if (frac.includes(",")) return { unreadable: `「${run}」: 小数部にカンマがあります` };
  if (int.includes(",") && !/^\d{1,3}(,\d{3})+$/.test(int)) {
    return { unreadable: `「${run}」: 桁区切りのカンマの位置が正しくありません` };
  }
  const digits = int.replace(/,/g, "") + frac;
  return { m: BigInt(digits), d: frac.length };
}

function shift(a: Dec, k: number): Dec {
  return k >= a.d ? { m: a.m * 10n ** BigInt(k - a.d), d: 0 } : { m: a.m, d: a.d - k };
}

function add(a: Dec, b: Dec): Dec {
  const d = Math.max(a.d, b.d);
  return { m: a.m * 10n ** BigInt(d - a.d) + b.m * 10n ** BigInt(d - b.d), d };
}

function toNumeral(x: Dec, decimals: number): Numeral {
  const digits = (x.m < 0n ? -x.m : x.m).toString().replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_DIGITS) return { ok: false, unreadable: "桁数が多すぎて正確に扱えません" };
  const s = x.m.toString().padStart(x.d + 1, "0");
  const text = x.d === 0 ? s : `${s.slice(0, -x.d)}.${s.slice(-x.d)}`;
  return { ok: true, number: Number(text), decimals };
}

/**
 * Reads the digits of a number, with kanji magnitudes (万 億 兆 over 十 百 千) expanded. `decimals` is the
 * number of decimal places as written (143.0 → 1), so that tables can be reproduced exactly.
 * @example readNumeral("2億2千万") → { ok: true, number: 220000000, decimals: 0 }
 * @example readNumeral("1,48,3") → { ok: false, unreadable: "「1,48,3」: 桁区切りのカンマの位置が正しくありません" }
 */
export function readNumeral(body: string): Numeral {
  const tokens = body.match(/[\d,.]+|[十百千万億兆]/g) ?? [];
  if (tokens.join("") !== body || tokens.length === 0)
    return { ok: false, unreadable: `「${body}」を数値として読めません` };
  if (tokens.length === 1) {
    const a = arabic(tokens[0]!);
    return "unreadable" in a ? { ok: false, unreadable: a.unreadable } : toNumeral(a, a.d);
  }
  const order = `「${body}」: 漢数字の位（万・千など）の並びが正しくありません`;
  let total: Dec = { m: 0n, d: 0 };
  let section: Dec = { m: 0n, d: 0 };
  let pending: Dec | undefined;
  let lastLarge = Number.POSITIVE_INFINITY;
  let lastSmall = Number.POSITIVE_INFINITY;
  for (const t of tokens) {
    const small = SMALL[t];
    const large = LARGE[t];
    if (small !== undefined) {
      if (small >= lastSmall) return { ok: false, unreadable: order };
      section = add(section, shift(pending ?? { m: 1n, d: 0 }, small));
      lastSmall = small;
      pending = undefined;
    } else if (large !== undefined) {
      const value = pending ? add(section, pending) : section;
      if (value.m === 0n || large >= lastLarge) return { ok: false, unreadable: order };
      total = add(total, shift(value, large));
      section = { m: 0n, d: 0 };
      pending = undefined;
      lastLarge = large;
      lastSmall = Number.POSITIVE_INFINITY;
    } else {
      if (pending) return { ok: false, unreadable: order };
      const a = arabic(t);
      if ("unreadable" in a) return { ok: false, unreadable: a.unreadable };
      pending = a;
    }
  }
  total = add(add(total, section), pending ?? { m: 0n, d: 0 });
  while (total.d > 0 && total.m % 10n === 0n) total = { m: total.m / 10n, d: total.d - 1 };
  return toNumeral(total, total.d);
}

/** A number found at the start of a text, with what was around it. */
export type Scanned = {
  /** The digits as written, without sign: "81,571", "2億2千万". */
  body: string;
  numeral: Numeral;
  negative: boolean;
  /** Everything after the number, untouched except trimmed: "千円" is moved here from 81,571千円. */
  suffix: string;
  /** A label written before the number: 男性 of 男性6.9%, 女性 of (女性) 100%. */
  label?: string;
  /** The whole number was in parentheses: (18), used for 内数 ("of which") in headcount tables. */
  parenthesized?: boolean;
};

/**
 * Words before a number that make it approximate. They are checked before labels because 約 would
 * otherwise pass for a series name.
 */
const APPROX_PREFIX = /^(約|概ね|おおむね|およそ|凡そ|大凡|ほぼ|大体|だいたい)\s*(?=[▲△+\-−]?\s*\d)/;

/** A sign, then digits; kanji magnitudes may follow the first digit. */
const NUMBER_AT = /^([▲△+\-−])?\s*(\d[\d,.十百千万億兆]*)(.*)$/;

/** Labels that are not series: era names and ordinals, whose digits are a year or a position. */
const NOT_A_LABEL = /(令和|平成|昭和|令|平|昭|第|計)$/;

/**
 * Finds a number at the start of a normalised text (after an optional label); undefined when the text does
 * not start with one. An approximation (約100) comes back as { approx }.
 * @example scanNumber("男性6.9%") → { body: "6.9", negative: false, suffix: "%", label: "男性", … }
 */
export function scanNumber(s: string): Scanned | { approx: string } | undefined {
  const approx = APPROX_PREFIX.exec(s);
  if (approx) return { approx: approx[1]! };
  const wrapped = /^\((.*)\)$/.exec(s);
  if (wrapped) {
    const inner = scanNumber(wrapped[1]!.trim());
    if (inner && !("approx" in inner) && inner.label === undefined && inner.suffix === "") {
      return { ...inner, parenthesized: true };
    }
  }
  let label: string | undefined;
  let rest = s;
  const paren = /^\(([^()]+)\)\s*(.+)$/.exec(s);
  const bare = /^([\p{Script=Han}\p{Script=Katakana}ー・]{1,12}?)\s?(?=[▲△+\-−]?\s?\d)(.+)$/u.exec(s);
  if (paren) {
    label = paren[1]!.trim();
    rest = paren[2]!;
  } else if (bare && !NOT_A_LABEL.test(bare[1]!) && !/^[十百千万億兆]/.test(bare[1]!)) {
    label = bare[1]!;
    rest = bare[2]!;
  }
  if (label !== undefined && APPROX_PREFIX.test(rest)) return { approx: APPROX_PREFIX.exec(rest)![1]! };
  // 男性約5%: the label run swallows 約, so look at its end too.
  const approxInLabel = label === undefined ? null : /(約|概ね|凡そ|大凡|大体)$/.exec(label);
  if (approxInLabel) return { approx: approxInLabel[1]! };
  const m = NUMBER_AT.exec(rest);
  if (!m) return undefined;
  let body = m[2]!;
  let suffix = m[3]!.trim();
  // 81,571千円: the scale stays with 円 as a unit of account (see ACCOUNT_UNITS).
  for (const unit of ACCOUNT_UNITS) {
    const scale = unit.slice(0, -1);
    if (suffix.startsWith("円") && body.endsWith(scale) && /^[\d,.]+$/.test(body.slice(0, -scale.length))) {
      body = body.slice(0, -scale.length);
      suffix = `${scale}${suffix}`;
      break;
    }
  }
  const numeral = readNumeral(body);
  const negative = m[1] !== undefined && m[1] !== "+";
  const signed: Numeral =
    numeral.ok && negative ? { ...numeral, number: numeral.number === 0 ? 0 : -numeral.number } : numeral;
  return { body, numeral: signed, negative, suffix, ...(label === undefined ? {} : { label }) };
}
