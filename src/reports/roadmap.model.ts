/**
 * The roadmap (工程表): what each item plans to do, fiscal year by fiscal year, across items. Plans come from
 * the item's yearly activities (千歳 取組計画), the next year's plan of a progress report (江別 「令和5年度
 * の取組内容」), and stage targets (江別 (R3～)実施: the stage the item is to reach from that year). For the
 * report year and before, the result's status tag is shown beside the plan. Pure.
 */

import type { Item } from "../core/plan-document/schema.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import type { EvaluatedPlan } from "./evaluation.ts";
import { departmentNames, itemLabel, targetLabel } from "./format.ts";
import { type ReportHead, reportHead } from "./report.model.ts";

export type RoadmapEntry = {
  kind: "plan" | "next_year_plan" | "target" | "result";
  status?: string | undefined;
  text: string;
};

export type RoadmapRow = {
  key: string;
  /** The item's ancestors, as one line: 「1 市民参加と協働… › (1) 情報共有の推進」. */
  context: string;
  title: string;
  departments: string[];
  cells: RoadmapEntry[][];
};

export type RoadmapModel = ReportHead & {
  years: number[];
  yearLabels: string[];
  rows: RoadmapRow[];
};

const ORDER: Record<RoadmapEntry["kind"], number> = { plan: 0, next_year_plan: 1, target: 2, result: 3 };

export function buildRoadmap(plan: EvaluatedPlan): RoadmapModel {
  const { doc, fiscalYear } = plan;
  const dept = departmentNames(doc.departments);
  const perItem: { item: Item; path: Item[]; entries: Map<number, RoadmapEntry[]> }[] = [];
  const labels = new Map<number, string>();
  for (const { item, path } of plan.items) {
    const entries = new Map<number, RoadmapEntry[]>();
    const add = (fy: number, e: RoadmapEntry) => entries.set(fy, [...(entries.get(fy) ?? []), e]);
    for (const a of item.activities) {
      if (a.kind === "plan") add(a.fiscalYear, { kind: "plan", status: a.status, text: a.text });
      else if (a.fiscalYear <= fiscalYear && a.status)
        add(a.fiscalYear, { kind: "result", status: a.status, text: "" });
      if (a.yearLabel && !labels.has(a.fiscalYear)) labels.set(a.fiscalYear, a.yearLabel);
    }
    for (const p of item.progress) {
      if (p.nextYearPlan && p.fiscalYear <= fiscalYear)
        add(p.fiscalYear + 1, { kind: "next_year_plan", text: p.nextYearPlan });
    }
    for (const ind of item.indicators) {
      for (const a of ind.actuals) {
        if (a.kind !== "stage" || a.fiscalYear > fiscalYear) continue;
        const series = a.series ? `（${a.series}）` : "";
        add(a.fiscalYear, { kind: "result", status: a.stage ?? a.text, text: `${ind.name}${series}` });
      }
      for (const t of ind.targets) {
        const fy = t.fromFiscalYear ?? t.fiscalYear;
        if (t.kind !== "stage" || fy === undefined) continue;
        const series = t.series ? `（${t.series}）` : "";
        add(fy, { kind: "target", status: t.stage, text: `${ind.name}${series}：${targetLabel(t)}` });
      }
    }
    if (entries.size > 0) perItem.push({ item, path, entries });
  }
  // Every year of the plan's period and of the entries, and the report's year: a year with nothing planned
  // still shows, as a gap.
  const used = [
    ...perItem.flatMap((p) => [...p.entries.keys()]),
    doc.plan.periodStart,
    doc.plan.periodEnd,
    fiscalYear,
  ];
  const years: number[] = [];
  for (let fy = Math.min(...used); fy <= Math.max(...used); fy++) years.push(fy);
  return {
    ...reportHead(doc, fiscalYear, "roadmap"),
    years,
    yearLabels: years.map((fy) => labels.get(fy) ?? warekiFiscalYear(fy)),
    rows: perItem.map(({ item, path, entries }) => ({
      key: item.key,
      context: path.slice(0, -1).map(itemLabel).join(" › "),
      title: itemLabel(item),
      departments: item.departments.map(dept),
      cells: years.map((fy) => [...(entries.get(fy) ?? [])].sort((a, b) => ORDER[a.kind] - ORDER[b.kind])),
    })),
  };
}
