/**
 * The presenter of the public pages: a published snapshot shaped for citizens — items with their paths
 * and page names, department names as they were in the published year, tallies by level, chart data.
 * Pure; the same view feeds the server's pages and the static export.
 */
import { createHash } from "node:crypto";
import type { IndicatorChartInput } from "../core/charts/indicator-chart.ts";
import type { Indicator, Item } from "../core/plan-document/schema.ts";
import type { ImplementationStatus } from "../domain/evaluation/index.ts";
import {
  type EvaluationStatus,
  rollUp,
  rollUpImplementation,
  type Tally,
} from "../domain/evaluation/index.ts";
import { shortWareki } from "../domain/fiscal-year.ts";
import type { Publication } from "./publish.service.ts";
import {
  countGrades,
  type GradeCounts,
  type Grading,
  gradingOf,
  type Vocabulary,
  vocabularyOf,
} from "./published-scales.ts";
import type { ItemResult, PublishedEvidence, SeriesResult, YearResult } from "./snapshot.ts";

export type ItemView = {
  item: Item;
  /** Ancestors, top first (without the item). */
  ancestors: ItemView[];
  depth: number;
  /** The level's name (基本目標, 取組方針 …); "" where the plan names fewer levels than the tree has. */
  level: string;
  /** The page's file name without .html, safe in any file system and URL. */
  slug: string;
  /** 「1 市民参加と協働」 */
  label: string;
  departments: string[];
  /** Own indicators' series results. */
  series: SeriesResult[];
  implementation: ItemResult | undefined;
  /** Counts of the published year's results of the item and everything under it (再掲 not counted twice). */
  tally: Tally;
  implementationTally: Tally<ImplementationStatus>;
  /** The same results counted by the plan's own grades (only used when the version has them). */
  grades: GradeCounts;
  children: ItemView[];
};

export type PublicView = {
  publication: Publication;
  fiscalYear: number;
  roots: ItemView[];
  /** Every item, depth first in document order. */
  all: ItemView[];
  bySlug: Map<string, ItemView>;
  byKey: Map<string, ItemView>;
  tally: Tally;
  implementationTally: Tally<ImplementationStatus>;
  /** The plan's outcome scale and implementation vocabulary, when this version was graded on them. */
  grading: Grading | undefined;
  vocabulary: Vocabulary | undefined;
  grades: GradeCounts;
  /** Departments that answer for something, with the items they answer for. */
  departments: { key: string; name: string; items: ItemView[] }[];
  deptName: (key: string) => string;
  /** Items withheld because their report of the year was not approved in the reporting round. */
  withheld: Set<string>;
  /** Public evidence files taken into the version, by item key and by their path below the root. */
  evidence: Map<string, PublishedEvidence[]>;
  evidenceByPath: Map<string, PublishedEvidence>;
};

/** Where an evidence file is below the publication root: evidence/<id>.<ext> (safe in any file system and URL). */
export function evidencePath(f: PublishedEvidence): string {
  const dot = f.fileName.lastIndexOf(".");
  const ext = dot > 0 ? f.fileName.slice(dot + 1).toLowerCase() : "";
  const id = f.id.replace(/[^0-9a-f-]/gi, "");
  return `evidence/${id}${/^[a-z0-9]{1,8}$/.test(ext) ? `.${ext}` : ""}`;
}

/** A page name for an item key: the key itself when it is plain ASCII, otherwise a short hash of it. */
export function itemSlug(key: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/.test(key)) return key;
  return `x${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
}

/** Levels that are only a numbering style (Sapporo's Ⅰ, 1, ①) say nothing beside the number. */
export function meaningfulLevel(level: string): boolean {
  return level !== "" && !/^[ⅠⅡⅢⅣⅤIVX0-9０-９①-⑳()（）]+$/.test(level);
}

export function buildView(publication: Publication): PublicView {
  const { snapshot } = publication;
  const doc = snapshot.document;
  const fy = snapshot.fiscalYear;
  const depts = new Map(doc.departments.map((d) => [d.key, d]));
  // The name a department had in the published year: departments get renamed.
  const nameIn = (key: string): string => {
    const d = depts.get(key);
    if (!d) return key;
    const valid = d.names.filter((n) => n.validFrom <= fy).sort((a, b) => b.validFrom - a.validFrom)[0];
    return valid?.name ?? d.name;
  };
  const deptName = (key: string): string => {
    const d = depts.get(key);
    const parent = d?.parent ? depts.get(d.parent) : undefined;
    return parent ? `${nameIn(parent.key)} ${nameIn(key)}` : nameIn(key);
  };
  const seriesByItem = new Map<string, SeriesResult[]>();
  for (const s of snapshot.series) seriesByItem.set(s.itemKey, [...(seriesByItem.get(s.itemKey) ?? []), s]);
  const implByItem = new Map(snapshot.items.map((i) => [i.itemKey, i]));
  const used = new Set<string>();
  const all: ItemView[] = [];

  const build = (item: Item, ancestors: ItemView[]): ItemView => {
    let slug = itemSlug(item.key);
    for (let n = 2; used.has(slug); n++) slug = `${itemSlug(item.key)}-${n}`;
    used.add(slug);
    const view: ItemView = {
      item,
      ancestors,
      depth: ancestors.length,
      level: doc.plan.levels[ancestors.length] ?? "",
      slug,
      label: `${item.number ?? ""} ${item.title}`.trim(),
      departments: [...new Set([...item.departments, ...item.indicators.flatMap((i) => i.departments)])].map(
        deptName,
      ),
      series: seriesByItem.get(item.key) ?? [],
      implementation: implByItem.get(item.key),
      tally: rollUp([]),
      implementationTally: rollUpImplementation([]),
      grades: countGrades([]),
      children: [],
    };
    all.push(view);
    view.children = item.children.map((c) => build(c, [...ancestors, view]));
    const counted = subtree(view).filter((v) => v.item.crossListingOf === undefined);
    view.tally = rollUp(counted.flatMap((v) => v.series.map((s) => ({ status: statusIn(s, fy) }))));
    view.grades = countGrades(counted.flatMap((v) => v.series.map((s) => resultIn(s, fy))));
    view.implementationTally = rollUpImplementation(
      counted.flatMap((v) => (v.implementation ? [{ status: v.implementation.implementation }] : [])),
    );
    return view;
  };
  const roots = doc.items.map((i) => build(i, []));
  const counted = all.filter((v) => v.item.crossListingOf === undefined);

  const deptItems = new Map<string, ItemView[]>();
  for (const v of all) {
    const keys = new Set([...v.item.departments, ...v.item.indicators.flatMap((i) => i.departments)]);
    for (const k of keys) deptItems.set(k, [...(deptItems.get(k) ?? []), v]);
  }
  const departments = doc.departments
    .filter((d) => deptItems.has(d.key))
    .map((d) => ({ key: d.key, name: deptName(d.key), items: deptItems.get(d.key)! }));

  return {
    publication,
    fiscalYear: fy,
    roots,
    all,
    bySlug: new Map(all.map((v) => [v.slug, v])),
    byKey: new Map(all.map((v) => [v.item.key, v])),
    tally: rollUp(counted.flatMap((v) => v.series.map((s) => ({ status: statusIn(s, fy) })))),
    implementationTally: rollUpImplementation(
      counted.flatMap((v) => (v.implementation ? [{ status: v.implementation.implementation }] : [])),
    ),
    grading: gradingOf(snapshot),
    vocabulary: vocabularyOf(snapshot),
    grades: countGrades(counted.flatMap((v) => v.series.map((s) => resultIn(s, fy)))),
    departments,
    deptName,
    withheld: new Set(snapshot.basis.kind === "approved_round" ? snapshot.basis.withheldItems : []),
    evidence: Map.groupBy(snapshot.evidence ?? [], (f) => f.itemKey),
    evidenceByPath: new Map((snapshot.evidence ?? []).map((f) => [evidencePath(f), f])),
  };
}

function subtree(v: ItemView): ItemView[] {
  return [v, ...v.children.flatMap(subtree)];
}

/** The published year's result of a series. */
export function resultIn(s: SeriesResult, fy: number): YearResult | undefined {
  return s.years.find((y) => y.fiscalYear === fy);
}

/** The published year's status of a series. */
export function statusIn(s: SeriesResult, fy: number): EvaluationStatus {
  return s.years.find((y) => y.fiscalYear === fy)?.status ?? "no_data";
}

/** The series results of one indicator, in the order of its series. */
export function seriesOf(view: ItemView, indicator: Indicator): SeriesResult[] {
  return view.series.filter((s) => s.indicatorKey === indicator.key);
}

/**
 * Chart data for one indicator: the baseline year, then every evaluated year; one actual line and one
 * target line per series. Null when there is nothing numeric to draw (stage words, sentences).
 */
export function chartInput(indicator: Indicator, series: SeriesResult[]): IndicatorChartInput | null {
  const baselineYears = indicator.baselines.flatMap((b) =>
    b.fiscalYear === undefined ? [] : [b.fiscalYear],
  );
  const evaluated = series[0]?.years.map((y) => y.fiscalYear) ?? [];
  const years = [...new Set([...baselineYears, ...evaluated])].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const named = (what: string, s: SeriesResult) => (s.series ? `${what}（${s.series}）` : what);
  const baselineOf = (s: SeriesResult) =>
    indicator.baselines.find((b) => b.series === s.series) ?? indicator.baselines.find((b) => !b.series);
  const actuals = series.map((s) => {
    const base = baselineOf(s);
    return {
      name: named("実績値", s),
      values: years.map((fy) => {
        if (base?.fiscalYear === fy && base.kind === "number") return base.number ?? null;
        return s.years.find((y) => y.fiscalYear === fy)?.actualNumber ?? null;
      }),
    };
  });
  const targets = series
    .map((s) => ({
      name: named("目標・目安", s),
      values: years.map((fy) => s.years.find((y) => y.fiscalYear === fy)?.targetNumber ?? null),
    }))
    .filter((t) => t.values.some((v) => v !== null));
  const points = actuals.reduce((n, a) => n + a.values.filter((v) => v !== null).length, 0);
  if (points === 0) return null;
  const unit =
    indicator.unit ??
    indicator.baselines.find((b) => b.unit)?.unit ??
    indicator.actuals.find((a) => a.unit)?.unit;
  return {
    categories: years.map(shortWareki),
    unit,
    actuals,
    targets,
    description: `${indicator.name}の実績値${targets.length ? "と目標・目安" : ""}の推移（${shortWareki(years[0]!)}～${shortWareki(years.at(-1)!)}）`,
  };
}
