/**
 * Exact arithmetic for the published figures: 65.53 × 97,999 / 10,000 must round as the national
 * spreadsheet rounds it, which binary floating point cannot promise at a tie. Values are rationals of
 * bigints; rounding is 四捨五入 (half away from zero), as municipal tables round.
 */

export type Rational = { num: bigint; den: bigint };

/** A finite decimal as written (its shortest form) → rational. @example decimal(65.53) = 6553/100 */
export function decimal(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  let text = String(x);
  if (/e/i.test(text)) text = x.toFixed(15).replace(/0+$/, "");
  const neg = text.startsWith("-");
  const [int = "0", frac = ""] = text.replace("-", "").split(".");
  const num = BigInt(int + frac) * (neg ? -1n : 1n);
  return { num, den: 10n ** BigInt(frac.length) };
}

export function ratio(num: number | bigint, den: number | bigint): Rational {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d === 0n) throw new Error("division by zero");
  return d < 0n ? { num: -n, den: -d } : { num: n, den: d };
}

export function add(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function mul(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function div(a: Rational, b: Rational): Rational {
  return ratio(a.num * b.den, a.den * b.num);
}

/** Rounds half away from zero to `places` decimals. @example round(ratio(75, 717) × 100, 1) → 10.5 */
export function round(r: Rational, places = 0): number {
  const scale = 10n ** BigInt(places);
  const n = r.num * scale;
  const neg = n < 0n !== r.den < 0n;
  const an = n < 0n ? -n : n;
  const ad = r.den < 0n ? -r.den : r.den;
  const q = (2n * an + ad) / (2n * ad);
  const v = Number(neg ? -q : q) / Number(scale);
  return v === 0 ? 0 : v; // never -0
}

export function toNumber(r: Rational): number {
  return Number(r.num) / Number(r.den);
}
