/**
 * How much one plan document may hold (issue 17.2). Real municipal plans have 40–600 items, a few hundred
 * indicators and a few thousand values; the limits are ten times and more above that, so no real plan meets
 * them, while a hostile document (200,000 items in 6 MB of JSON took 15 s to validate) is refused at once.
 * Counted on the raw JSON without recursion, before the readings are filled in and before the schema runs.
 */

/** A count over its limit, as document.ts reports problems: the JSON path and the message. */
type DocumentProblem = { path: string; message: string };
export const PLAN_DOCUMENT_LIMITS = {
  /** items at every level together */
  items: 5_000,
  /** indicators of every item together */
  indicators: 20_000,
  /** baselines, targets, planned values and actuals of every indicator together */
  values: 500_000,
  /** progress entries, activities and 財政効果額 entries of every item together */
  yearEntries: 200_000,
  /** departments (局・部・課) */
  departments: 5_000,
} as const;

type Counted = keyof typeof PLAN_DOCUMENT_LIMITS;

const WHAT: Record<Counted, { label: string; path: string }> = {
  items: { label: "項目", path: "$.items" },
  indicators: { label: "指標", path: "$.items[*].indicators" },
  values: { label: "値（基準値・目標・計画値・実績値）", path: "$.items[*].indicators[*]" },
  yearEntries: { label: "年度ごとの記載（取組状況・取組・財政効果額）", path: "$.items[*]" },
  departments: { label: "部署", path: "$.departments" },
};

const length = (o: object, k: string): number => {
  const v = (o as Record<string, unknown>)[k];
  return Array.isArray(v) ? v.length : 0;
};

/** How many items, indicators, values, year entries and departments raw JSON holds (arrays only are counted). */
export function countPlanDocument(input: unknown): Record<Counted, number> {
  const counts: Record<Counted, number> = {
    items: 0,
    indicators: 0,
    values: 0,
    yearEntries: 0,
    departments: 0,
  };
  if (typeof input !== "object" || input === null) return counts;
  counts.departments = length(input, "departments");
  const stack: unknown[] = [(input as Record<string, unknown>).items];
  while (stack.length > 0) {
    const items = stack.pop();
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      counts.items++;
      if (typeof item !== "object" || item === null) continue;
      counts.yearEntries +=
        length(item, "progress") + length(item, "activities") + length(item, "fiscalEffects");
      const indicators = (item as Record<string, unknown>).indicators;
      if (Array.isArray(indicators)) {
        counts.indicators += indicators.length;
        for (const ind of indicators)
          if (typeof ind === "object" && ind !== null)
            counts.values +=
              length(ind, "baselines") +
              length(ind, "targets") +
              length(ind, "plannedValues") +
              length(ind, "actuals");
      }
      stack.push((item as Record<string, unknown>).children);
    }
  }
  return counts;
}

/** Every count over its limit, as a problem naming the count and the limit (in Japanese). */
export function tooMany(input: unknown): DocumentProblem[] {
  const counts = countPlanDocument(input);
  return (Object.keys(PLAN_DOCUMENT_LIMITS) as Counted[])
    .filter((k) => counts[k] > PLAN_DOCUMENT_LIMITS[k])
    .map((k) => ({
      path: WHAT[k].path,
      message: `${WHAT[k].label}が多すぎます（${counts[k].toLocaleString("en-US")} 件。一つの計画文書は ${PLAN_DOCUMENT_LIMITS[k].toLocaleString("en-US")} 件まで）`,
    }));
}
