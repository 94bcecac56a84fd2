/** What every report kind shares: its identity, the years it covers, the item's 着手状況. Pure. */

import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import {
  type ImplementationResult,
  implementationStatus,
  type StageRecord,
} from "../domain/evaluation/index.ts";
import type { PlanLadder } from "../domain/evaluation/vocabulary.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { findStage } from "../domain/values/index.ts";
import type { EvaluatedPlan } from "./evaluation.ts";
import { type OutcomeColumn, outcomeColumns, outcomeScaleOf } from "./grades.ts";

export const REPORT_KINDS = ["summary", "sheets", "tally", "roadmap"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ["html", "xlsx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What each kind is called on pages, in file names and in the PDF footer. */
export const KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  summary: "取組状況一覧",
  sheets: "個票",
  tally: "達成度・着手状況の集計",
  roadmap: "工程表",
};

export type ReportHead = {
  kind: ReportKind;
  municipality: string;
  municipalityCode: string;
  planTitle: string;
  planKey: string;
  fiscalYear: number;
  /** 「江別市行政改革推進計画の取組状況一覧（令和4年度）」 */
  title: string;
  /** The results' symbols and words, for the legend: gyokaku's statuses or the plan's grades. */
  legend: OutcomeColumn[];
};

export function reportHead(doc: PlanDocument, fiscalYear: number, kind: ReportKind): ReportHead {
  return {
    kind,
    municipality: doc.municipality.name,
    municipalityCode: doc.municipality.code,
    planTitle: doc.plan.title,
    planKey: doc.plan.key,
    fiscalYear,
    title: `${doc.plan.title}の${KIND_LABELS[kind]}（${warekiFiscalYear(fiscalYear)}）`,
    legend: outcomeColumns(outcomeScaleOf(doc)).columns,
  };
}

/**
 * The fiscal years the value columns show: the plan's period, and any earlier year with an actual; never a
 * year after the report year's plan period end. Values after the report year are not shown: a report for
 * FY2021 printed today reads as it did in FY2021.
 */
export function reportYears(doc: PlanDocument, rows: EvaluatedPlan["rows"]): number[] {
  const years = new Set<number>();
  for (let y = doc.plan.periodStart; y <= doc.plan.periodEnd; y++) years.add(y);
  for (const r of rows) for (const fy of r.actuals.keys()) if (fy < doc.plan.periodStart) years.add(fy);
  return [...years].sort((a, b) => a - b);
}

/** The fiscal years a plan has anything recorded for, newest first: where the report-year choice starts. */
export function recordedYears(doc: PlanDocument): number[] {
  const kept = yearsOf.get(doc);
  if (kept) return [...kept];
  const years = new Set<number>();
  const visit = (items: readonly Item[]) => {
    for (const i of items) {
      for (const ind of i.indicators) for (const a of ind.actuals) years.add(a.fiscalYear);
      for (const p of i.progress) years.add(p.fiscalYear);
      for (const a of i.activities) if (a.kind === "result") years.add(a.fiscalYear);
      visit(i.children);
    }
  };
  visit(doc.items);
  const sorted = [...years].sort((a, b) => b - a);
  // a document shared from the plan cache is frozen: its years are walked once
  if (Object.isFrozen(doc)) yearsOf.set(doc, sorted);
  return [...sorted];
}

/** The years of frozen documents (src/plans/plan-cache.ts shares one per data version of a plan). */
const yearsOf = new WeakMap<PlanDocument, number[]>();

/** The report year to offer first: the latest year with a recorded result, else the plan's first year. */
export function defaultFiscalYear(doc: PlanDocument): number {
  return recordedYears(doc)[0] ?? doc.plan.periodStart;
}

/**
 * Whether an item gets a sheet (個票) and counts as one 取組 in 着手状況: it holds indicators, progress or
 * activities, or it is a leaf of the tree.
 */
export function isWorkItem(item: Item): boolean {
  return (
    item.indicators.length > 0 ||
    item.progress.length > 0 ||
    item.activities.length > 0 ||
    item.children.length === 0
  );
}

/**
 * 着手状況 of an item: what was done, never what was planned — the status tags of its results (千歳
 * <実施>), of its progress reports, and the stage actuals of its indicators (江別 検討, 実施). Numbers say
 * nothing about whether work began, so an item with only numeric indicators is データなし.
 */
export function itemImplementation(item: Item, fiscalYear: number, ladder: PlanLadder): ImplementationResult {
  const records: StageRecord[] = [];
  for (const a of item.activities) {
    if (a.kind === "result" && a.status)
      records.push({ fiscalYear: a.fiscalYear, word: a.status, source: "実績" });
  }
  for (const p of item.progress) {
    if (p.status) records.push({ fiscalYear: p.fiscalYear, word: p.status, source: "取組状況" });
  }
  for (const ind of item.indicators) {
    for (const a of ind.actuals) {
      // With a plan vocabulary, a word the document reader took for text may be one of the plan's states.
      if (a.kind === "stage" || (ladder.done && a.kind === "text" && findStage(ladder, a.text)))
        records.push({
          fiscalYear: a.fiscalYear,
          word: a.stage ?? a.text,
          source: `${ind.key}\u0000${a.series ?? ""}`,
        });
    }
  }
  return implementationStatus({ fiscalYear, records, ladder, done: ladder.done });
}
