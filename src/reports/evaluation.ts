/**
 * A plan document evaluated for a fiscal year: every indicator × series judged by the domain core against
 * the target in force that year, reviewers' judgements applied. Pure: the document and the judgements in,
 * rows out; every report kind is built from these rows.
 */

import type { Actual, Indicator, Item, PlanDocument, Target, Value } from "../core/plan-document/schema.ts";
import { applyJudgement, type Evaluation, evaluate, type Judgement } from "../domain/evaluation/index.ts";
import { type PlanLadder, withVocabulary } from "../domain/evaluation/vocabulary.ts";
import {
  DEFAULT_STAGE_LADDER,
  extendLadder,
  findStage,
  type LadderAddition,
  type ReadTarget,
  type ReadValue,
  readTarget,
  readValue,
  type StageLadder,
} from "../domain/values/index.ts";

/** A reviewer's judgement as stored: for one indicator (by its key in the document), series and fiscal year. */
export type StoredJudgement = Judgement & {
  indicatorKey: string;
  series: string | undefined;
  fiscalYear: number;
};

export type Baseline = Indicator["baselines"][number];
export type SeriesTarget = Indicator["targets"][number];

/** One indicator series with its values and its results for the report year and the year before. */
export type SeriesRow = {
  /** The item the indicator belongs to, and its ancestors, top first (the item last). */
  path: Item[];
  item: Item;
  indicator: Indicator;
  /** 男性 / 女性; undefined for an indicator without series. */
  series: string | undefined;
  baseline: Baseline | undefined;
  /** All targets of the series, as the document lists them. */
  targets: SeriesTarget[];
  /** The target in force in the report year (see targetInForce). */
  target: SeriesTarget | undefined;
  /** Actuals of the series by fiscal year. */
  actuals: Map<number, Actual>;
  /** Department keys: the indicator's own, else its item's. */
  departments: string[];
  /** The item repeats another (再掲): shown, but not counted twice in tallies. */
  crossListed: boolean;
  evaluation: Evaluation;
  /** The same series judged for the year before, for 増減. */
  previous: Evaluation;
};

export type EvaluatedPlan = {
  doc: PlanDocument;
  fiscalYear: number;
  ladder: PlanLadder;
  rows: SeriesRow[];
  /** Every item with its ancestors, in document order. */
  items: { item: Item; path: Item[] }[];
  /** Evaluates one row in any fiscal year (charts judge every year on the axis). */
  evaluateIn(row: SeriesRow, fiscalYear: number): Evaluation;
};

/**
 * The plan's stage ladder: the default one, with the plan's and the indicator's own words added where the
 * default has none. A word goes just above the word before it in the document's list (lowest first), or just
 * below the word after it; a list with no word known to the default ladder adds nothing, so that an unknown
 * word is reported as not judgeable rather than guessed into a rank.
 * @example ladderFor(["検討", "見直し", "実施"]) // 見直し on a new level just above 検討
 */
export function ladderFor(...lists: (readonly string[] | undefined)[]): StageLadder {
  let ladder = DEFAULT_STAGE_LADDER;
  for (const list of lists) {
    if (!list) continue;
    for (const [i, word] of list.entries()) {
      if (findStage(ladder, word)) continue;
      const before = list
        .slice(0, i)
        .reverse()
        .find((w) => findStage(ladder, w));
      const after = list.slice(i + 1).find((w) => findStage(ladder, w));
      const addition: LadderAddition | undefined = before
        ? { word, above: before }
        : after
          ? { word, below: after }
          : undefined;
      if (addition) ladder = extendLadder(ladder, addition);
    }
  }
  return ladder;
}

/**
 * A stored value as the domain core reads it. The document's reading wins (it may have been corrected by
 * hand); the text is read again only for what the document does not keep: the decimal places as printed
 * (143.0時間), so that rules print values as the document did.
 */
export function toReadValue(v: Value, ladder: StageLadder): ReadValue {
  const again = readValue(v.text, { ladder });
  const r: ReadValue = { text: v.text, kind: v.kind };
  if (v.number !== undefined) r.number = v.number;
  if (v.unit !== undefined) r.unit = v.unit;
  if (v.stage !== undefined) r.stage = v.stage;
  if (v.unreadable !== undefined) r.unreadable = v.unreadable;
  if (again.number === v.number && again.decimals !== undefined) r.decimals = again.decimals;
  return r;
}

/**
 * A stored target as the domain core reads it: the document's fields, plus what only the text says
 * (以上 implied or written, 超 / 未満, 前年度比, the last year of (R1～R3)) when reading the text again gives
 * the same kind of target.
 */
export function toReadTarget(t: Target, ladder: StageLadder): ReadTarget {
  const again = readTarget(t.text, { ladder });
  const r: ReadTarget = { text: t.text, kind: t.kind };
  if (again.kind === t.kind) {
    for (const k of ["exclusive", "boundImplied", "against", "toFiscalYear", "subject"] as const) {
      if (again[k] !== undefined) Object.assign(r, { [k]: again[k] });
    }
  }
  if (again.number === t.number && again.decimals !== undefined) r.decimals = again.decimals;
  for (const k of [
    "number",
    "unit",
    "fiscalYear",
    "fromFiscalYear",
    "direction",
    "relativeToFiscalYear",
    "stage",
    "basis",
    "unreadable",
  ] as const) {
    if (t[k] !== undefined) Object.assign(r, { [k]: t[k] });
  }
  if (t.change) r.change = { ...t.change };
  return r;
}

/**
 * The target a fiscal year is judged against when a series has several (江別 オープンデータ: 検討 from R1,
 * 実施 from R3; 訓練参加率: 実施 from R1 and 100% by R5):
 * 1. a target with a deadline still ahead (fiscalYear ≥ FY), the nearest one: it sets the path the year is
 *    judged on, and it is the plan's real goal where an earlier column only named the activity;
 * 2. otherwise the from-year target (floor, ceiling, stage) with the latest fromFiscalYear ≤ FY;
 * 3. otherwise a target without a year (増加, 10%増, a text);
 * 4. otherwise the latest deadline already past (judged as reached or not);
 * 5. otherwise (FY before every from-year) the earliest from-year target, which the rules judge as
 *    順調 / 未着手 before its year.
 * @example targetInForce([{ kind: "stage", stage: "検討", fromFiscalYear: 2019 }, { kind: "stage", stage: "実施", fromFiscalYear: 2021 }], 2022) // → 実施
 */
export function targetInForce<T extends Target>(targets: readonly T[], fiscalYear: number): T | undefined {
  const deadlines = targets.filter((t) => t.fiscalYear !== undefined && t.fromFiscalYear === undefined);
  const ahead = deadlines
    .filter((t) => t.fiscalYear! >= fiscalYear)
    .sort((a, b) => a.fiscalYear! - b.fiscalYear!)[0];
  if (ahead) return ahead;
  const fromYear = targets.filter((t) => t.fromFiscalYear !== undefined);
  const started = fromYear
    .filter((t) => t.fromFiscalYear! <= fiscalYear)
    .sort((a, b) => b.fromFiscalYear! - a.fromFiscalYear!)[0];
  if (started) return started;
  const yearless = targets.find((t) => t.fiscalYear === undefined && t.fromFiscalYear === undefined);
  if (yearless) return yearless;
  const past = [...deadlines].sort((a, b) => b.fiscalYear! - a.fiscalYear!)[0];
  if (past) return past;
  return [...fromYear].sort((a, b) => a.fromFiscalYear! - b.fromFiscalYear!)[0];
}

const NO_TARGET: ReadTarget = { text: "", kind: "text", empty: true };

export function judgementKey(indicatorKey: string, series: string | undefined, fiscalYear: number): string {
  return `${indicatorKey}\u0000${series ?? ""}\u0000${fiscalYear}`;
}

/** Every item with its ancestors, depth first in document order. */
export function walkWithPath(items: readonly Item[], parents: Item[] = []): { item: Item; path: Item[] }[] {
  return items.flatMap((item) => {
    const path = [...parents, item];
    return [{ item, path }, ...walkWithPath(item.children, path)];
  });
}

/**
 * Evaluates every indicator series of the plan in `fiscalYear` and the year before, with the reviewers'
 * judgements of those years applied (the computed result is kept beside the judgement).
 */
export function evaluatePlan(
  doc: PlanDocument,
  fiscalYear: number,
  judgements: readonly StoredJudgement[] = [],
): EvaluatedPlan {
  const vocabulary = doc.plan.scales?.implementation?.states;
  const planLadder = withVocabulary(ladderFor(doc.plan.stages), vocabulary);
  const byKey = new Map(judgements.map((j) => [judgementKey(j.indicatorKey, j.series, j.fiscalYear), j]));
  const items = walkWithPath(doc.items);
  const ladders = new Map<Indicator, StageLadder>();
  const ladderOf = (ind: Indicator) => {
    let l = ladders.get(ind);
    if (!l) {
      l = ind.stages ? withVocabulary(ladderFor(doc.plan.stages, ind.stages), vocabulary) : planLadder;
      ladders.set(ind, l);
    }
    return l;
  };

  const evaluateIn = (row: SeriesRow, fy: number): Evaluation => {
    const ladder = ladderOf(row.indicator);
    const target = targetInForce(row.targets, fy);
    const result = evaluate({
      fiscalYear: fy,
      target: target ? toReadTarget(target, ladder) : NO_TARGET,
      baseline: row.baseline
        ? { ...toReadValue(row.baseline, ladder), fiscalYear: row.baseline.fiscalYear }
        : undefined,
      actuals: [...row.actuals.values()].map((a) => ({
        ...toReadValue(a, ladder),
        fiscalYear: a.fiscalYear,
      })),
      ladder,
      unit: row.indicator.unit,
      period: { start: doc.plan.periodStart, end: doc.plan.periodEnd },
    });
    const j = byKey.get(judgementKey(row.indicator.key, row.series, fy));
    return j ? applyJudgement(result, j) : result;
  };

  const rows: SeriesRow[] = [];
  for (const { item, path } of items) {
    for (const indicator of item.indicators) {
      const names: (string | undefined)[] = indicator.series.length > 0 ? indicator.series : [undefined];
      for (const series of names) {
        const own = <T extends { series?: string | undefined }>(list: readonly T[]) => {
          const exact = list.filter((v) => v.series === series);
          return exact.length > 0 ? exact : list.filter((v) => v.series === undefined);
        };
        const targets = own(indicator.targets);
        const row: SeriesRow = {
          path,
          item,
          indicator,
          series,
          baseline: own(indicator.baselines)[0],
          targets,
          target: targetInForce(targets, fiscalYear),
          actuals: new Map(
            indicator.actuals.filter((a) => a.series === series).map((a) => [a.fiscalYear, a]),
          ),
          departments: indicator.departments.length > 0 ? indicator.departments : item.departments,
          crossListed: item.crossListingOf !== undefined,
          evaluation: undefined as unknown as Evaluation,
          previous: undefined as unknown as Evaluation,
        };
        row.evaluation = evaluateIn(row, fiscalYear);
        row.previous = evaluateIn(row, fiscalYear - 1);
        rows.push(row);
      }
    }
  }
  return { doc, fiscalYear, ladder: planLadder, rows, items, evaluateIn };
}
