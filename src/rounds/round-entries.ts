/** The entries of an item's answer: each indicator's series with its earlier values and plausibility rule. */
import type { Indicator, Item, Value } from "../core/plan-document/schema.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import {
  derivedRule,
  effectiveRule,
  indicatorKind,
  type PlausibilityRule,
  type RuleOverride,
} from "../domain/rounds/plausibility.ts";

export type SeriesEntry = {
  indicator: Indicator;
  /** undefined for an indicator without series */
  series: string | undefined;
  baseline: Value | undefined;
  targets: Indicator["targets"];
  /** earlier years' actuals, oldest first */
  previous: { fiscalYear: number; value: Value }[];
  /** this year's actual as saved */
  current: Value | undefined;
  /** the plausibility rule in force (derived from unit and kind, with the office's changes) */
  rule: PlausibilityRule;
  /** last year's actual, when it was a number: for the jump check */
  lastYear: { fiscalYear: string; number: number } | undefined;
};

/** Values of one series; values written without a series hold for every series (as the reports read them). */
export function own<T extends { series?: string | undefined }>(
  list: readonly T[],
  series: string | undefined,
): T[] {
  const exact = list.filter((v) => v.series === series);
  return exact.length > 0 ? exact : list.filter((v) => v.series === undefined);
}

export function entriesOf(
  item: Item,
  fy: number,
  overrides: ReadonlyMap<string, RuleOverride> = new Map(),
): SeriesEntry[] {
  return item.indicators.flatMap((indicator) =>
    (indicator.series.length > 0 ? indicator.series : [undefined]).map((series) => {
      const last = indicator.actuals.find((a) => a.series === series && a.fiscalYear === fy - 1);
      return {
        indicator,
        rule: effectiveRule(
          derivedRule({ unit: indicator.unit, kind: indicatorKind(indicator) }),
          overrides.get(indicator.key),
        ),
        lastYear:
          last?.kind === "number" && last.number !== undefined
            ? { fiscalYear: warekiFiscalYear(fy - 1), number: last.number }
            : undefined,
        series,
        baseline: own(indicator.baselines, series)[0],
        targets: own(indicator.targets, series),
        previous: indicator.actuals
          .filter((a) => a.series === series && a.fiscalYear < fy)
          .sort((a, b) => a.fiscalYear - b.fiscalYear)
          .map((a) => ({ fiscalYear: a.fiscalYear, value: a })),
        current: indicator.actuals.find((a) => a.series === series && a.fiscalYear === fy),
      };
    }),
  );
}
