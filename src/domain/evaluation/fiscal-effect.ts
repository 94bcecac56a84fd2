/**
 * 財政効果額: totals of the money the plan's items save (歳出削減) or earn (歳入確保), planned against actual,
 * in one unit. Amounts are added in whole yen, so that 1.5 百万円 + 300 千円 is exactly 1,800 千円.
 * A missing actual is missing, never 0: a total says how many planned amounts have no actual yet, and a
 * running sum over the years stops at the first year with no actual at all.
 */

export const FISCAL_EFFECT_UNITS = ["円", "千円", "百万円"] as const;
export type FiscalEffectUnit = (typeof FISCAL_EFFECT_UNITS)[number];
export const FISCAL_EFFECT_KINDS = ["expenditure_reduction", "revenue_increase"] as const;
export type FiscalEffectKind = (typeof FISCAL_EFFECT_KINDS)[number];
export const FISCAL_EFFECT_KIND_LABELS: Record<FiscalEffectKind, string> = {
  expenditure_reduction: "歳出削減",
  revenue_increase: "歳入確保",
};
const YEN: Record<FiscalEffectUnit, number> = { 円: 1, 千円: 1_000, 百万円: 1_000_000 };

/** The kind for its Japanese label (歳出削減 → expenditure_reduction), or undefined. */
export function fiscalEffectKindOf(label: string): FiscalEffectKind | undefined {
  const t = label.trim();
  return FISCAL_EFFECT_KINDS.find((k) => k === t || FISCAL_EFFECT_KIND_LABELS[k] === t);
}

export function isFiscalEffectUnit(u: string): u is FiscalEffectUnit {
  return (FISCAL_EFFECT_UNITS as readonly string[]).includes(u);
}

/** One item's effect of one kind in one year, as the plan gives it. */
export type FiscalEffectEntry = {
  itemKey: string;
  fiscalYear: number;
  kind: FiscalEffectKind;
  planned?: number | undefined;
  actual?: number | undefined;
  unit: FiscalEffectUnit;
};

/** A total in the report's unit: null when no entry gives that figure. */
export type EffectSum = {
  planned: number | null;
  actual: number | null;
  /** entries with a planned amount and no actual (not counted as 0) */
  actualMissing: number;
  /** actual ÷ planned in %, when both are known and no actual is missing */
  rate: number | null;
};

function yen(amount: number, unit: FiscalEffectUnit): number {
  return Math.round(amount * YEN[unit]);
}

/** Converts an amount between units (rounded to the yen). */
export function convertAmount(amount: number, from: FiscalEffectUnit, to: FiscalEffectUnit): number {
  return yen(amount, from) / YEN[to];
}

/** The unit to show totals in: the plan's own when it uses one, otherwise 千円. */
export function reportUnit(entries: readonly { unit: FiscalEffectUnit }[]): FiscalEffectUnit {
  const units = new Set(entries.map((e) => e.unit));
  return units.size === 1 ? [...units][0]! : "千円";
}

/** Adds the entries up in `unit`. */
export function sumEffects(entries: readonly FiscalEffectEntry[], unit: FiscalEffectUnit): EffectSum {
  let planned: number | null = null;
  let actual: number | null = null;
  let actualMissing = 0;
  for (const e of entries) {
    if (e.planned !== undefined) planned = (planned ?? 0) + yen(e.planned, e.unit);
    if (e.actual !== undefined) actual = (actual ?? 0) + yen(e.actual, e.unit);
    if (e.planned !== undefined && e.actual === undefined) actualMissing++;
  }
  const p = planned === null ? null : planned / YEN[unit];
  const a = actual === null ? null : actual / YEN[unit];
  const rate =
    p !== null && a !== null && p !== 0 && actualMissing === 0 ? Math.round((a / p) * 1000) / 10 : null;
  return { planned: p, actual: a, actualMissing, rate };
}

/** Totals per group; an entry counts once in each group `groupsOf` names (its top-level item, its 所管課 …). */
export function sumEffectsBy(
  entries: readonly FiscalEffectEntry[],
  groupsOf: (e: FiscalEffectEntry) => readonly string[],
  unit: FiscalEffectUnit,
): Map<string, EffectSum> {
  const groups = new Map<string, FiscalEffectEntry[]>();
  for (const e of entries) {
    for (const g of new Set(groupsOf(e))) {
      const list = groups.get(g) ?? [];
      list.push(e);
      groups.set(g, list);
    }
  }
  return new Map([...groups].map(([g, list]) => [g, sumEffects(list, unit)]));
}

export type EffectYear = EffectSum & {
  fiscalYear: number;
  /** running sum from the first year with a figure; null before it, and from a later year without one on */
  cumulativePlanned: number | null;
  cumulativeActual: number | null;
};

/** Totals per fiscal year of the plan, with running sums over the plan period. */
export function effectsByYear(
  entries: readonly FiscalEffectEntry[],
  years: readonly number[],
  unit: FiscalEffectUnit,
): EffectYear[] {
  // undefined: not started yet (no figure in any earlier year); null: stopped at a year without a figure
  let cp: number | null | undefined;
  let ca: number | null | undefined;
  const next = (acc: number | null | undefined, v: number | null) =>
    acc === null ? null : v === null ? (acc === undefined ? undefined : null) : round((acc ?? 0) + v);
  return years.map((fy) => {
    const s = sumEffects(
      entries.filter((e) => e.fiscalYear === fy),
      unit,
    );
    cp = next(cp, s.planned);
    ca = next(ca, s.actual);
    return { fiscalYear: fy, ...s, cumulativePlanned: cp ?? null, cumulativeActual: ca ?? null };
  });
}

/** Removes float noise left by adding converted amounts (results are whole yen). */
function round(n: number): number {
  return Math.round(n * 1_000_000) / 1_000_000;
}
