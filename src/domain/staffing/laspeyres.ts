/**
 * ラスパイレス指数: the pay level of general administrative staff against the national civil service
 * (= 100), corrected for education and years of service, as of 1 April. Compared with the simple average
 * of the peer group (類似団体平均) and the national average of the same kind (全国市平均 / 全国町村平均).
 */
import { decimal, round } from "./exact.ts";

export type LaspeyresEntry = {
  fiscalYear: number;
  own: number;
  peerAverage?: number | undefined;
  nationalAverage?: number | undefined;
};

export type LaspeyresRow = LaspeyresEntry & {
  /** own − peer average, one decimal */
  againstPeers?: number;
  /** own − national average, one decimal */
  againstNation?: number;
  /** own − 100 (the national civil service) */
  againstState: number;
};

const diff = (a: number, b: number) => {
  const x = decimal(a);
  const y = decimal(b);
  return round({ num: x.num * y.den - y.num * x.den, den: x.den * y.den }, 1);
};

/**
 * The series in year order with the differences.
 * @example laspeyresSeries([{ fiscalYear: 2024, own: 97.2, peerAverage: 98.2, nationalAverage: 98.6 }])[0].againstPeers === -1
 */
export function laspeyresSeries(entries: LaspeyresEntry[]): LaspeyresRow[] {
  return [...entries]
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map((e) => {
      const row: LaspeyresRow = { ...e, againstState: diff(e.own, 100) };
      if (e.peerAverage !== undefined) row.againstPeers = diff(e.own, e.peerAverage);
      if (e.nationalAverage !== undefined) row.againstNation = diff(e.own, e.nationalAverage);
      return row;
    });
}
