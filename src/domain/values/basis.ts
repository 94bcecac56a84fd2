/**
 * Target basis (目標の集計方法): whether a numeric target is one year's value (単年度), a running sum from the
 * plan's first year (累計), or a total over the whole plan period (計画期間中 / 5年間で). Municipalities say it
 * in words around the number; this reads those words and returns the rest for the target reader.
 */

export const TARGET_BASES = ["single_year", "cumulative", "period_total"] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

export const BASIS_LABELS: Record<TargetBasis, string> = {
  single_year: "単年度",
  cumulative: "累計",
  period_total: "計画期間の合計",
};

const PERIOD =
  /(?:\(計画期間(?:中|内)?(?:累計)?\)|計画期間(?:中|内)?(?:の累計|累計)?(?:に|で|の)?|[0-9一二三四五六七八九十]+(?:年間|か年|ヵ年|ヶ年|カ年)(?:の累計|累計)?(?:で|に|の)?)/;
const CUMULATIVE = /(?:\(累計\)|累計(?:で|値)?)/;
const SINGLE = /(?:\((?:単年度|毎年度|各年度)\)|(?:単年度|毎年度|各年度)(?:で|に)?)/;

/**
 * Finds the basis words in a (normalised) target cell and removes them. Period words win over 累計
 * (「5年間で累計500百万円」 is a period total).
 * @example readBasis("5年間で累計500百万円") → { basis: "period_total", rest: "500百万円" }
 * @example readBasis("(R9)累計500百万円") → { basis: "cumulative", rest: "(R9)500百万円" }
 * @example readBasis("毎年度10件以上") → { basis: "single_year", rest: "10件以上" }
 */
export function readBasis(s: string): { basis?: TargetBasis; rest: string } {
  let rest = s;
  let basis: TargetBasis | undefined;
  const take = (re: RegExp, b: TargetBasis): void => {
    const m = re.exec(rest);
    if (!m) return;
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    basis ??= b;
  };
  take(PERIOD, "period_total");
  take(CUMULATIVE, "cumulative");
  if (basis === undefined) take(SINGLE, "single_year");
  rest = rest.replace(/\s+/g, " ").replace(/\)\s+/g, ")").trim();
  return basis === undefined ? { rest: s } : { basis, rest };
}
