/**
 * 定員管理診断表: a municipality's headcount by 部門 against what its peer group (類似団体) would staff at
 * its population. For each 部門 the peers' average staff per 10,000 people — simple (単純値: over all
 * peers) or corrected (修正値: over the peers that staff the 部門 at all) — times the population gives an
 * estimate; the excess (超過数) is own staff minus the estimate and the excess rate (超過率) is the
 * excess over the municipality's OWN staff, as 千歳市 prints it (議会 1 / 9 = 11.1 %).
 *
 * Rounding, reproducing 千歳市 図表10: estimates are rounded to whole persons (四捨五入); the excess is
 * own staff minus the rounded estimate; the rate is rounded to one decimal. A subtotal's estimate is
 * the peer group's average for the subtotal where given (普通会計 65.53 → 642), else the rounded sum of
 * its parts' unrounded estimates — so parts need not add up to the subtotal, as the table warns.
 */
import { add, decimal, mul, type Rational, ratio, round } from "./exact.ts";
import { findSector, findSectorTotal, type SectorScheme } from "./sectors.ts";

/** The peers' figure for a row: their average per 10,000 people, or the estimate in persons as printed. */
export type PeerFigure = { per10k?: number | undefined; estimate?: number | undefined };

export type DiagnosisRowInput = {
  sector: string;
  /** Headcount a year before (A); absent when the 部門 was not staffed. */
  previous?: number | undefined;
  /** Headcount of the diagnosed year (B). */
  current?: number | undefined;
  simple?: PeerFigure | undefined;
  corrected?: PeerFigure | undefined;
};

export type DiagnosisInput = {
  scheme: SectorScheme;
  /** 住民基本台帳人口 on the base date (千歳市: 97,999 on 1 January 2024). */
  population: number;
  rows: DiagnosisRowInput[];
  /** The peer group's averages per 10,000 for subtotals (普通会計計 65.53, 一般行政計 52.13). */
  averages?: { total: string; simplePer10k?: number | undefined; correctedPer10k?: number | undefined }[];
};

export type Comparison = {
  /** The peers' average per 10,000, when the estimate came from one. */
  per10k?: number;
  /** The estimate before rounding. */
  exact: Rational;
  /** 推計職員数: the estimate in whole persons. */
  estimate: number;
  /** 超過数 = own staff − estimate; negative is 不足 (printed ▲). */
  excess: number;
  /** 超過率 % = excess / own staff, one decimal; null when the municipality has no staff there. */
  rate: number | null;
  /** Where the estimate came from. */
  basis: "average" | "printed" | "sum";
};

export type DiagnosisLine = {
  name: string;
  kind: "sector" | "total";
  previous?: number;
  current?: number;
  /** B − A */
  change?: number;
  /** Why B − A cannot be given: one of the two years has no figure (for a subtotal: one of its parts). */
  changeMissing?: string;
  simple?: Comparison;
  corrected?: Comparison;
};

function fromFigure(
  f: PeerFigure | undefined,
  population: number,
): Omit<Comparison, "excess" | "rate"> | undefined {
  if (f?.per10k !== undefined) {
    const exact = mul(decimal(f.per10k), ratio(population, 10_000));
    return { per10k: f.per10k, exact, estimate: round(exact), basis: "average" };
  }
  if (f?.estimate !== undefined) {
    return { exact: ratio(f.estimate, 1), estimate: f.estimate, basis: "printed" };
  }
  return undefined;
}

function compare(base: Omit<Comparison, "excess" | "rate"> | undefined, current: number | undefined) {
  if (!base) return undefined;
  const own = current ?? 0;
  const excess = own - base.estimate;
  const rate = own === 0 ? null : round(ratio(BigInt(excess) * 100n, BigInt(own)), 1);
  return { ...base, excess, rate } satisfies Comparison;
}

function sumOf(values: (number | undefined)[]): number | undefined {
  return values.reduce<number | undefined>((acc, v) => (v === undefined ? acc : (acc ?? 0) + v), undefined);
}

/**
 * A subtotal's estimate as the sum of its parts' estimates; none when a part the municipality staffs has no
 * peer figure (the sum would count that part's staff against no estimate at all).
 */
function sumExact(
  parts: (Comparison | undefined)[],
  staffed: boolean[] = [],
): Omit<Comparison, "excess" | "rate"> | undefined {
  if (parts.some((p, i) => p === undefined && staffed[i])) return undefined;
  const present = parts.filter((p): p is Comparison => p !== undefined);
  if (present.length === 0) return undefined;
  const exact = present.map((p) => p.exact).reduce(add);
  return { exact, estimate: round(exact), basis: "sum" };
}

/**
 * The diagnosis table, one line per row of the scheme's layout.
 * @example 千歳市 R6: 普通会計計 B 717, average 65.53, population 97,999 → estimate 642, excess 75, 10.5 %
 */
export function diagnose(input: DiagnosisInput): DiagnosisLine[] {
  const { scheme, population } = input;
  if (!(population > 0)) throw new RangeError(`人口は正の数でなければなりません（${population}）`);
  const lines = new Map<string, DiagnosisLine>();
  for (const row of input.rows) {
    const sector = findSector(scheme, row.sector);
    if (!sector) throw new Error(`部門「${row.sector}」は${scheme.name}にありません`);
    const line: DiagnosisLine = { name: sector.name, kind: "sector" };
    if (row.previous !== undefined) line.previous = row.previous;
    if (row.current !== undefined) line.current = row.current;
    // B − A needs both years: a 部門 absent from one of them has no change (「—」), not its whole headcount.
    if (row.previous !== undefined && row.current !== undefined) line.change = row.current - row.previous;
    else if (row.previous !== undefined || row.current !== undefined)
      line.changeMissing =
        row.previous === undefined ? "前年の職員数がありません" : "当年の職員数がありません";
    const simple = compare(fromFigure(row.simple, population), row.current);
    const corrected = compare(fromFigure(row.corrected, population), row.current);
    if (simple) line.simple = simple;
    if (corrected) line.corrected = corrected;
    lines.set(sector.name, line);
  }
  const averages = new Map(
    (input.averages ?? []).map((a) => {
      const t = findSectorTotal(scheme, a.total);
      if (!t) throw new Error(`小計「${a.total}」は${scheme.name}にありません`);
      return [t.name, a] as const;
    }),
  );
  const totalLine = (name: string): DiagnosisLine => {
    const done = lines.get(name);
    if (done) return done;
    const total = scheme.totals.find((t) => t.name === name);
    if (!total) return { name, kind: "sector" };
    const parts = total.parts.map((p) => totalLine(p));
    const line: DiagnosisLine = { name, kind: "total" };
    const previous = sumOf(parts.map((p) => p.previous));
    const current = sumOf(parts.map((p) => p.current));
    if (previous !== undefined) line.previous = previous;
    if (current !== undefined) line.current = current;
    const gap = parts.find((p) => p.changeMissing !== undefined);
    if (gap) line.changeMissing = `${gap.name}の${gap.changeMissing}`;
    else if (previous !== undefined && current !== undefined) line.change = current - previous;
    if (total.compared) {
      const avg = averages.get(name);
      const simple = compare(
        avg?.simplePer10k !== undefined
          ? fromFigure({ per10k: avg.simplePer10k }, population)
          : sumExact(
              parts.map((p) => p.simple),
              parts.map((p) => (p.current ?? 0) > 0),
            ),
        current,
      );
      const corrected = compare(
        avg?.correctedPer10k !== undefined
          ? fromFigure({ per10k: avg.correctedPer10k }, population)
          : sumExact(
              parts.map((p) => p.corrected),
              parts.map((p) => (p.current ?? 0) > 0),
            ),
        current,
      );
      if (simple) line.simple = simple;
      if (corrected) line.corrected = corrected;
    }
    lines.set(name, line);
    return line;
  };
  return scheme.layout.map((name) =>
    scheme.totals.some((t) => t.name === name)
      ? totalLine(name)
      : (lines.get(name) ?? { name, kind: "sector" }),
  );
}

export type DiagnosisDiscrepancy = {
  total: string;
  column: "previous" | "current";
  printed: number;
  computed: number | null;
};

/** Subtotals a document printed (一般行政計 A 514, B 528 …) that disagree with the sum of their 部門. */
export function checkDiagnosisTotals(
  lines: DiagnosisLine[],
  printed: { total: string; previous?: number | undefined; current?: number | undefined }[],
  scheme: SectorScheme,
): DiagnosisDiscrepancy[] {
  const out: DiagnosisDiscrepancy[] = [];
  for (const p of printed) {
    const name = findSectorTotal(scheme, p.total)?.name ?? p.total;
    const line = lines.find((l) => l.name === name);
    for (const column of ["previous", "current"] as const) {
      const v = p[column];
      if (v === undefined) continue;
      const computed = line?.[column] ?? null;
      if (computed !== v) out.push({ total: name, column, printed: v, computed });
    }
  }
  return out;
}
