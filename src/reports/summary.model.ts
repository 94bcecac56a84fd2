/**
 * The summary table (取組状況一覧, 江別 001): one row per indicator series with its place in the tree,
 * 初期値, 目標, the actuals by year and the result of the report year with its rule. Pure.
 */

import type { Item } from "../core/plan-document/schema.ts";
import type { OutcomeScale } from "../domain/evaluation/grade.ts";
import {
  type EvaluationStatus,
  IMPLEMENTATION_LABELS,
  IMPLEMENTATION_SYMBOLS,
  type ImplementationStatus,
  STATUS_LABELS,
  STATUS_SYMBOLS,
} from "../domain/evaluation/index.ts";
import { precisionOf } from "../domain/values/figure.ts";
import type { EvaluatedPlan, SeriesRow } from "./evaluation.ts";
import { buildFiscalEffects, type FiscalEffectModel } from "./fiscal-effect.model.ts";
import { EMPTY_CELL, itemLabel, targetLabel, type ValueCell, valueCell } from "./format.ts";
import { computedGradeCell, outcomeScaleOf, planGradeCell } from "./grades.ts";
import { withPlan } from "./planned.ts";
import { isWorkItem, itemImplementation, type ReportHead, reportHead, reportYears } from "./report.model.ts";

/**
 * A tree cell. The first row of a group has `rowSpan` = the rows sharing that ancestor (江別 001 merges them;
 * the xlsx does too); the rows below repeat it with `rowSpan` 0, so that pages can show it merged while every
 * row keeps its own header for screen readers and no row depends on another to be printed.
 */
export type LevelCell = { key: string; text: string; rowSpan: number };

/** The result column: 達成度 of an indicator, or 着手状況 of an item without indicators. */
export type ResultCell = {
  kind: "evaluation" | "implementation";
  status: EvaluationStatus | ImplementationStatus;
  symbol: string;
  label: string;
  /** What the rule computed, when a reviewer's judgement overrides it. */
  computed?: { symbol: string; label: string } | undefined;
  /** The rule in plain Japanese, preceded by the reviewer's judgement when there is one. */
  explanation: string;
  judgement?: { reason: string; by: string; at: string } | undefined;
};

export type SummaryRow = {
  /** For links and anchors: the indicator key and series, or the item key. */
  id: string;
  indicatorKey?: string | undefined;
  series?: string | undefined;
  itemKey: string;
  levels: LevelCell[];
  /** The indicator's name, and the series on its own line (育児休業取得率 / 男性). */
  indicator: string;
  seriesLabel?: string | undefined;
  unit?: string | undefined;
  baseline: ValueCell;
  target: string;
  actuals: ValueCell[];
  result: ResultCell | null;
  crossListed: boolean;
};

export type SummaryModel = ReportHead & {
  levels: string[];
  years: number[];
  /** The 初期値 year when every baseline shares one: 「初期値（2017年度）」. */
  baselineYear?: number | undefined;
  rows: SummaryRow[];
  /** 財政効果額, when the plan gives any: the 一覧 prints its total line */
  fiscalEffects: FiscalEffectModel | null;
};

/** With the plan's own outcome scale, the cell shows the plan's grade and the explanation names its rule. */
export function evaluationCell(row: Pick<SeriesRow, "evaluation">, scale?: OutcomeScale): ResultCell {
  const e = row.evaluation;
  const cell: ResultCell = {
    kind: "evaluation",
    status: e.status,
    symbol: STATUS_SYMBOLS[e.status],
    label: STATUS_LABELS[e.status],
    explanation: e.explanation,
  };
  if (scale) Object.assign(cell, planGradeCell(scale, e));
  if (e.judgement) {
    cell.computed = scale
      ? computedGradeCell(scale, e)
      : { symbol: STATUS_SYMBOLS[e.computedStatus], label: STATUS_LABELS[e.computedStatus] };
    cell.judgement = { reason: e.judgement.reason, by: e.judgement.by, at: e.judgement.at };
  }
  return cell;
}

export function buildSummary(plan: EvaluatedPlan): SummaryModel {
  const { doc, fiscalYear } = plan;
  const years = reportYears(doc, plan.rows);
  const depth = doc.plan.levels.length;
  const rowsByItem = new Map<Item, SeriesRow[]>();
  for (const r of plan.rows) rowsByItem.set(r.item, [...(rowsByItem.get(r.item) ?? []), r]);
  const shown = (fy: number) => fy <= fiscalYear;

  const rows: (SummaryRow & { path: Item[] })[] = [];
  for (const { item, path } of plan.items) {
    const series = rowsByItem.get(item);
    if (series) {
      for (const r of series) {
        rows.push({
          path,
          id: `${r.indicator.key}${r.series ? `-${r.series}` : ""}`,
          indicatorKey: r.indicator.key,
          series: r.series,
          itemKey: item.key,
          levels: [],
          indicator: r.indicator.name,
          seriesLabel: r.series,
          unit: r.indicator.unit,
          baseline: valueCell(r.baseline, r.indicator.unit),
          target: r.target ? targetLabel(r.target) : "—",
          actuals: years.map((fy) =>
            withPlan(
              shown(fy)
                ? valueCell(r.actuals.get(fy), r.indicator.unit, precisionOf(r.indicator.targets))
                : EMPTY_CELL,
              r,
              fy,
            ),
          ),
          result: evaluationCell(r, outcomeScaleOf(plan.doc)),
          crossListed: r.crossListed,
        });
      }
    } else if (item.children.length === 0 && isWorkItem(item)) {
      const impl = itemImplementation(item, fiscalYear, plan.ladder);
      rows.push({
        path,
        id: item.key,
        itemKey: item.key,
        levels: [],
        indicator: "（指標なし）",
        baseline: EMPTY_CELL,
        target: "—",
        actuals: years.map(() => EMPTY_CELL),
        result: {
          kind: "implementation",
          status: impl.status,
          symbol: IMPLEMENTATION_SYMBOLS[impl.status],
          label: IMPLEMENTATION_LABELS[impl.status],
          explanation: `着手状況 ${impl.explanation}`,
        },
        crossListed: item.crossListingOf !== undefined,
      });
    }
  }
  mergeLevels(rows, depth);
  const baselineYears = new Set(plan.rows.map((r) => r.baseline?.fiscalYear).filter((y) => y !== undefined));
  return {
    ...reportHead(doc, fiscalYear, "summary"),
    levels: doc.plan.levels,
    years,
    baselineYear: baselineYears.size === 1 ? [...baselineYears][0] : undefined,
    rows: rows.map(({ path: _, ...r }) => r),
    fiscalEffects: buildFiscalEffects(doc, fiscalYear, plan.items),
  };
}

/** Fills the tree columns, merging a cell with the ones below it while the rows share that ancestor. */
function mergeLevels(rows: (SummaryRow & { path: Item[] })[], depth: number): void {
  for (let c = 0; c < depth; c++) {
    let open: LevelCell | null = null;
    let openPrefix = "";
    for (const row of rows) {
      const node = row.path[c];
      const prefix = row.path
        .slice(0, c + 1)
        .map((i) => i.key)
        .join("\u0000");
      if (!node) {
        row.levels[c] = { key: "", text: "", rowSpan: 1 };
        open = null;
        continue;
      }
      if (open && prefix === openPrefix) {
        open.rowSpan += 1;
        row.levels[c] = { key: open.key, text: open.text, rowSpan: 0 };
      } else {
        open = { key: node.key, text: itemLabel(node), rowSpan: 1 };
        openPrefix = prefix;
        row.levels[c] = open;
      }
    }
  }
}
