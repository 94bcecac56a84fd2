/** Staff against population: staff per 10,000 people, as the national survey compares them. */
import { ratio, round } from "./exact.ts";

/**
 * Staff per 10,000 people, to two decimals (四捨五入).
 * @example staffPer10k(717, 97_999) === 73.16  // 千歳市 普通会計 R6.4.1 against 住基人口 R6.1.1
 */
export function staffPer10k(staff: number, population: number): number {
  if (!(population > 0)) throw new RangeError(`人口は正の数でなければなりません（${population}）`);
  return round(ratio(BigInt(staff) * 10_000n, BigInt(population)), 2);
}
