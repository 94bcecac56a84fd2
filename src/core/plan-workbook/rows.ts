/**
 * A plan document as rows of the data sheets, one object per row keyed by column id (columns.ts).
 * Choice columns hold the document's value (plan, result …); the writer shows their labels.
 */

import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import { walkItems } from "../plan-document/document.ts";
import type { Indicator, Item, PlanDocument, Source } from "../plan-document/schema.ts";
import type { RowData, SheetData } from "../workbook/types.ts";
import { formatNameEntry, formatSource, joinList } from "./cells.ts";
import {
  ACTIVITIES_SHEET,
  ACTUALS_SHEET,
  DEPARTMENTS_SHEET,
  INDICATORS_SHEET,
  ITEM_TEXTS_SHEET,
  ITEMS_SHEET,
  PLAN_SHEET,
  PROGRESS_SHEET,
  TARGETS_SHEET,
} from "./columns.ts";
import { effectTargetCells } from "./effect-target-column.ts";
import { FISCAL_EFFECTS_SHEET, fiscalEffectRows } from "./fiscal-effects-sheet.ts";

export type { CellData, RowData, SheetData } from "../workbook/types.ts";

const source = (s: Source | undefined) => (s === undefined ? undefined : formatSource(s));
const wareki = (fy: number) => warekiFiscalYear(fy);

export function documentRows(doc: PlanDocument): SheetData[] {
  const items = [...walkItems(doc.items)];
  const parents = new Map<Item, string>();
  for (const { item } of items) for (const child of item.children) parents.set(child, item.key);
  const indicators: { ind: Indicator; item: Item }[] = items.flatMap(({ item }) =>
    item.indicators.map((ind) => ({ ind, item })),
  );
  return [
    {
      def: PLAN_SHEET,
      rows: [
        {
          format: doc.format,
          municipality_code: doc.municipality.code,
          municipality_name: doc.municipality.name,
          plan_key: doc.plan.key,
          title: doc.plan.title,
          period_start: doc.plan.periodStart,
          period_end: doc.plan.periodEnd,
          levels: joinList(doc.plan.levels),
          stages: doc.plan.stages === undefined ? undefined : joinList(doc.plan.stages),
          sources: joinList(doc.plan.sources),
          ...effectTargetCells(doc),
        },
      ],
    },
    {
      def: DEPARTMENTS_SHEET,
      rows: doc.departments.map((d) => ({
        key: d.key,
        name: d.name,
        kind: d.kind,
        parent: d.parent,
        names: joinList(d.names.map(formatNameEntry)),
      })),
    },
    {
      def: ITEMS_SHEET,
      rows: items.map(({ item, depth }) => ({
        key: item.key,
        parent: parents.get(item),
        level: doc.plan.levels[depth],
        number: item.number,
        title: item.title,
        description: item.description,
        departments: joinList(item.departments),
        cross_listing_of: item.crossListingOf,
      })),
    },
    {
      def: ITEM_TEXTS_SHEET,
      rows: items.flatMap(({ item }) => [
        ...Object.entries(item.texts).map(([heading, content]) => ({
          item_key: item.key,
          item_title: item.title,
          section: "text",
          heading,
          content,
        })),
        ...Object.entries(item.attributes).map(([heading, content]) => ({
          item_key: item.key,
          item_title: item.title,
          section: "attribute",
          heading,
          content,
        })),
      ]),
    },
    {
      def: INDICATORS_SHEET,
      rows: indicators.map(({ ind, item }) => ({
        key: ind.key,
        item_key: item.key,
        item_title: item.title,
        number: ind.number,
        name: ind.name,
        unit: ind.unit,
        series: joinList(ind.series),
        departments: joinList(ind.departments),
        stages: ind.stages === undefined ? undefined : joinList(ind.stages),
      })),
    },
    { def: TARGETS_SHEET, rows: indicators.flatMap(({ ind }) => targetRows(ind)) },
    {
      def: ACTUALS_SHEET,
      rows: indicators.flatMap(({ ind }) =>
        [
          ...ind.actuals.map((a) => ({ ...a, role: "actual" })),
          ...(ind.plannedValues ?? []).map((p) => ({
            ...p,
            role: p.cumulative ? "plan_cumulative" : "plan",
          })),
        ].map((a) => ({
          indicator_key: ind.key,
          indicator_name: ind.name,
          series: a.series,
          fiscal_year: a.fiscalYear,
          wareki: wareki(a.fiscalYear),
          role: a.role,
          number: a.number,
          unit: a.unit,
          text: a.text,
          kind: a.kind,
          stage: a.stage,
          unreadable: a.unreadable,
          source: source(a.source),
          exported_text: a.text,
          exported_number: a.number,
        })),
      ),
    },
    {
      def: PROGRESS_SHEET,
      rows: items.flatMap(({ item }) =>
        item.progress.map((p) => ({
          item_key: item.key,
          item_title: item.title,
          fiscal_year: p.fiscalYear,
          wareki: wareki(p.fiscalYear),
          narrative: p.narrative,
          next_year_plan: p.nextYearPlan,
          status: p.status,
          source: source(p.source),
        })),
      ),
    },
    {
      def: ACTIVITIES_SHEET,
      rows: items.flatMap(({ item }) =>
        item.activities.map((a) => ({
          item_key: item.key,
          item_title: item.title,
          fiscal_year: a.fiscalYear,
          year_label: a.yearLabel,
          kind: a.kind,
          status: a.status,
          text: a.text,
          source: source(a.source),
        })),
      ),
    },
    { def: FISCAL_EFFECTS_SHEET, rows: fiscalEffectRows(items.map(({ item }) => item)) },
  ];
}

function targetRows(ind: Indicator): RowData[] {
  const common = { indicator_key: ind.key, indicator_name: ind.name };
  return [
    ...ind.baselines.map((b) => ({
      ...common,
      series: b.series,
      role: "baseline",
      text: b.text,
      kind: b.kind,
      number: b.number,
      unit: b.unit,
      fiscal_year: b.fiscalYear,
      stage: b.stage,
      unreadable: b.unreadable,
      source: source(b.source),
      exported_text: b.text,
      exported_number: b.number,
    })),
    ...ind.targets.map((t) => ({
      ...common,
      series: t.series,
      role: "target",
      text: t.text,
      kind: t.kind,
      number: t.number,
      unit: t.unit,
      fiscal_year: t.fiscalYear,
      from_fiscal_year: t.fromFiscalYear,
      direction: t.direction,
      relative_to_fiscal_year: t.relativeToFiscalYear,
      change_amount: t.change?.amount,
      change_unit: t.change?.unit,
      basis: t.basis,
      stage: t.stage,
      unreadable: t.unreadable,
      source: source(t.source),
      exported_text: t.text,
      exported_number: t.number,
    })),
  ];
}
