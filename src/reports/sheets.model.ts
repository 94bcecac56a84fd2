/**
 * The sheets (個票, 江別 000): one per item that holds indicators, progress or activities — its place in the
 * tree, 取組内容, each indicator with 所管課, 初期値, targets and actuals by year, the result of the report
 * year and a chart; 取組状況 and next year's plan. Items with yearly activities get the 千歳 item page:
 * the plan for the coming years and plan against result for the years so far, with status tags. Pure.
 */
import type { ChartLine, IndicatorChartInput } from "../core/charts/indicator-chart.ts";
import type { Activity, Item } from "../core/plan-document/schema.ts";
import { shortWareki, warekiFiscalYear } from "../domain/fiscal-year.ts";
import { precisionOf } from "../domain/values/figure.ts";
import { cumulativeLines } from "./cumulative-chart.ts";
import { type EvaluatedPlan, type SeriesRow, targetInForce } from "./evaluation.ts";
import {
  departmentNames,
  EMPTY_CELL,
  itemLabel,
  targetLabel,
  targetYear,
  type ValueCell,
  valueCell,
} from "./format.ts";
import { withGrades } from "./grade-chart.ts";
import { implementationLabel, outcomeScaleOf } from "./grades.ts";
import { withPlan } from "./planned.ts";
import { isWorkItem, itemImplementation, type ReportHead, reportHead, reportYears } from "./report.model.ts";
import { evaluationCell, type ResultCell } from "./summary.model.ts";

export type SheetSeries = {
  series: string | undefined;
  baseline: ValueCell;
  /** Targets written under the year they name (deadline or first year); yearless ones under the first year. */
  targets: (string | null)[];
  actuals: ValueCell[];
  result: ResultCell;
};

export type SheetIndicator = {
  key: string;
  number?: string | undefined;
  name: string;
  unit?: string | undefined;
  departments: string[];
  baselineYear?: number | undefined;
  series: SheetSeries[];
  chart?: IndicatorChartInput | undefined;
};

export type ActivityEntry = { status?: string | undefined; text: string };

/** 千歳: 取組計画 for the years after the report year, and 取組計画・実績 for the report year and before. */
export type ItemPage = {
  plans: { fiscalYear: number; label: string; entries: ActivityEntry[] }[];
  history: { fiscalYear: number; label: string; plan: ActivityEntry[]; result: ActivityEntry[] }[];
};

export type Sheet = {
  key: string;
  /** The item's ancestors as headings: 「基本目標1 市民参加と協働による行政運営」, 「(1) 情報共有の推進」. */
  headings: { level: string; text: string }[];
  level: string;
  title: string;
  departments: string[];
  attributes: [string, string][];
  description?: string | undefined;
  texts: [string, string][];
  indicators: SheetIndicator[];
  progress?: {
    narrative?: string | undefined;
    nextYearPlan?: string | undefined;
    status?: string | undefined;
  };
  implementation: { symbol: string; label: string; explanation: string };
  page?: ItemPage | undefined;
  crossListingOf?: string | undefined;
};

export type SheetsModel = ReportHead & { years: number[]; sheets: Sheet[] };

export function buildSheets(plan: EvaluatedPlan): SheetsModel {
  const { doc, fiscalYear } = plan;
  const years = reportYears(doc, plan.rows);
  const dept = departmentNames(doc.departments);
  const rowsByIndicator = new Map<string, SeriesRow[]>();
  for (const r of plan.rows) {
    rowsByIndicator.set(r.indicator.key, [...(rowsByIndicator.get(r.indicator.key) ?? []), r]);
  }
  const titles = new Map(plan.items.map(({ item }) => [item.key, itemLabel(item)]));
  const sheets: Sheet[] = [];
  for (const { item, path } of plan.items) {
    if (!isWorkItem(item)) continue;
    const depth = path.length - 1;
    const impl = itemImplementation(item, fiscalYear, plan.ladder);
    const progress = item.progress.find((p) => p.fiscalYear === fiscalYear);
    sheets.push({
      key: item.key,
      headings: path.slice(0, -1).map((p, i) => ({ level: doc.plan.levels[i] ?? "", text: itemLabel(p) })),
      level: doc.plan.levels[depth] ?? "",
      title: itemLabel(item),
      departments: item.departments.map(dept),
      attributes: Object.entries(item.attributes),
      description: item.description,
      texts: Object.entries(item.texts),
      indicators: item.indicators.map((ind) =>
        sheetIndicator(plan, rowsByIndicator.get(ind.key) ?? [], years, dept),
      ),
      progress: progress
        ? { narrative: progress.narrative, nextYearPlan: progress.nextYearPlan, status: progress.status }
        : undefined,
      implementation: { ...implementationLabel(doc, plan.ladder, impl), explanation: impl.explanation },
      page: item.activities.length > 0 ? itemPage(item, fiscalYear) : undefined,
      crossListingOf: item.crossListingOf
        ? (titles.get(item.crossListingOf) ?? item.crossListingOf)
        : undefined,
    });
  }
  return { ...reportHead(doc, fiscalYear, "sheets"), years, sheets };
}

function sheetIndicator(
  plan: EvaluatedPlan,
  rows: SeriesRow[],
  years: number[],
  dept: (k: string) => string,
): SheetIndicator {
  const ind = rows[0]!.indicator;
  const shown = (fy: number) => fy <= plan.fiscalYear;
  const series = rows.map((r): SheetSeries => {
    const targets: (string | null)[] = years.map(() => null);
    for (const t of r.targets) {
      const y = targetYear(t);
      const at = y === undefined ? 0 : years.indexOf(y);
      const label = targetLabel(t);
      if (at >= 0) targets[at] = targets[at] ? `${targets[at]}\n${label}` : label;
      else targets[targets.length - 1] = label;
    }
    return {
      series: r.series,
      baseline: valueCell(r.baseline, r.indicator.unit),
      targets,
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
    };
  });
  return {
    key: ind.key,
    number: ind.number,
    name: ind.name,
    unit: ind.unit,
    departments: ind.departments.map(dept),
    baselineYear: rows.find((r) => r.baseline?.fiscalYear !== undefined)?.baseline?.fiscalYear,
    series,
    chart: chartOf(plan, rows, years),
  };
}

/**
 * The chart of one indicator: each series' 初期値 and actuals up to the report year, and the line it is
 * measured against — the path to a value-by-year target, a floor or ceiling, or the baseline a direction
 * is measured from. None when nothing is a number.
 */
export function chartOf(
  plan: EvaluatedPlan,
  rows: SeriesRow[],
  years: number[],
): IndicatorChartInput | undefined {
  const baseYears = rows.flatMap((r) =>
    r.baseline?.fiscalYear !== undefined ? [r.baseline.fiscalYear] : [],
  );
  const axis = [...new Set([...baseYears, ...years])].sort((a, b) => a - b);
  const actuals: ChartLine[] = [];
  const targets: ChartLine[] = [];
  const graded: string[] = [];
  let unit: string | undefined;
  for (const r of rows) {
    const base = r.baseline?.kind === "number" && !r.baseline.unreadable ? r.baseline : undefined;
    const values = axis.map((fy) => {
      if (base && fy === base.fiscalYear) return base.number ?? null;
      const a = r.actuals.get(fy);
      return fy <= plan.fiscalYear && a?.kind === "number" && !a.unreadable ? (a.number ?? null) : null;
    });
    const actualYears = axis.filter((fy, i) => values[i] !== null && fy !== base?.fiscalYear);
    if (actualYears.length === 0) continue;
    unit ??= r.indicator.unit ?? r.actuals.get(actualYears[0]!)?.unit ?? base?.unit;
    const suffix = r.series ? `（${r.series}）` : "";
    const summed = cumulativeLines(plan, r, axis, suffix);
    if (summed) {
      const g = withGrades(plan, r, axis, summed.actual, unit, undefined);
      actuals.push(g.line);
      if (g.grades.length) graded.push(`${suffix}${g.grades.join("、")}`);
      targets.push(summed.goal);
      continue;
    }
    const g = withGrades(plan, r, axis, { name: `実績値${suffix}`, values }, unit, base?.fiscalYear);
    actuals.push(g.line);
    if (g.grades.length) graded.push(`${suffix}${g.grades.join("、")}`);
    const goal = goalLine(r, axis, base?.number, base?.fiscalYear);
    if (goal) targets.push({ ...goal, name: `${goal.name}${suffix}` });
  }
  if (actuals.length === 0) return undefined;
  const ind = rows[0]!.indicator;
  return {
    categories: axis.map(shortWareki),
    unit,
    actuals,
    targets,
    description: `${ind.name}：実績値と目標の推移（${axis.map((y) => warekiFiscalYear(y)).join("、")}）${
      graded.length ? `。計画の評価基準による評価：${graded.join("／")}` : ""
    }`,
  };
}

function goalLine(
  r: SeriesRow,
  axis: number[],
  base: number | undefined,
  baseYear: number | undefined,
): (Omit<ChartLine, "name"> & { name: string }) | undefined {
  let name: string | undefined;
  const values = axis.map((fy): number | null => {
    const t = targetInForce(r.targets, fy);
    if (!t || t.number === undefined) {
      if (t?.kind === "direction" && base !== undefined) {
        name ??= "初期値（基準）";
        return base;
      }
      return null;
    }
    if (t.kind === "value_by_year" && t.fiscalYear !== undefined) {
      name ??= "目標・目安";
      if (fy >= t.fiscalYear) return t.number;
      if (base === undefined || baseYear === undefined || baseYear >= t.fiscalYear || fy < baseYear)
        return null;
      return base + ((t.number - base) * (fy - baseYear)) / (t.fiscalYear - baseYear);
    }
    if (t.kind === "floor" || t.kind === "ceiling") {
      name ??= t.kind === "floor" ? "目標（以上）" : "目標（以下）";
      return t.fromFiscalYear === undefined || fy >= t.fromFiscalYear ? t.number : null;
    }
    return null;
  });
  if (!name || values.every((v) => v === null)) return undefined;
  // Only the target itself is labelled (the last point); path values are guides, not figures of the plan.
  const last = values.reduce<number>((at, v, i) => (v === null ? at : i), -1);
  const labels = values.map((_, i) => (i === last ? undefined : null));
  return { name, values: values.map((v) => (v === null ? null : Math.round(v * 1000) / 1000)), labels };
}

function entry(a: Activity): ActivityEntry {
  return { status: a.status, text: a.text };
}

/** 千歳 item page: the coming years' plans, and plan against result up to the report year, newest first. */
function itemPage(item: Item, fiscalYear: number): ItemPage {
  const years = [...new Set(item.activities.map((a) => a.fiscalYear))].sort((a, b) => a - b);
  const label = (fy: number) =>
    item.activities.find((a) => a.fiscalYear === fy && a.yearLabel)?.yearLabel ?? warekiFiscalYear(fy);
  const of = (fy: number, kind: Activity["kind"]) =>
    item.activities.filter((a) => a.fiscalYear === fy && a.kind === kind).map(entry);
  return {
    plans: years
      .filter((fy) => fy > fiscalYear)
      .map((fy) => ({ fiscalYear: fy, label: label(fy), entries: of(fy, "plan") })),
    history: years
      .filter((fy) => fy <= fiscalYear)
      .reverse()
      .map((fy) => ({ fiscalYear: fy, label: label(fy), plan: of(fy, "plan"), result: of(fy, "result") })),
  };
}
