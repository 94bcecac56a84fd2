/** 定員適正化計画 against the actual headcount on 1 April, per scope, as the pages and reports show it. */
import type { StaffingDocument } from "../core/staffing-document/index.ts";
import { generalHeadcounts } from "../core/staffing-document/index.ts";
import {
  computeTotals,
  figuresBySector,
  findSector,
  type PlanYear,
  planYears,
  sectorScheme,
  UnitTree,
} from "../domain/staffing/index.ts";
import type { Municipality } from "./staffing.headcount.report.ts";

export type PlanLineView = { scope: string; baseHeadcount: number; years: PlanYear[] };

export type PlanView = {
  municipality: Municipality;
  title?: string;
  baseFiscalYear: number;
  fromFiscalYear: number;
  toFiscalYear: number;
  lines: PlanLineView[];
  /** Per year of the plan: the hiring plan saved (採用計画) beside the hires and leavers that happened. */
  movements: PlanMovementRow[];
};

export type PlanMovementRow = {
  fiscalYear: number;
  plannedHires?: number;
  plannedOtherLeavers?: number;
  hires?: number;
  leavers?: number;
};

/** The actual headcount of a scope by year: the whole (一般職), a 部門 or a unit (with its parts). */
function actualsOf(doc: StaffingDocument, scope: string | undefined): Map<number, number> {
  const tree = new UnitTree(doc.units);
  if (scope === undefined) return generalHeadcounts(doc, tree);
  const figures = doc.headcounts.map((h) => ({ unit: h.unit, fiscalYear: h.fiscalYear, value: h.count }));
  if (tree.byKey.has(scope)) return new Map(computeTotals(tree, figures).get(scope) ?? []);
  const scheme = sectorScheme(doc.sectorScheme);
  const sector = scheme ? findSector(scheme, scope) : undefined;
  const out = new Map<number, number>();
  for (const fy of new Set(figures.map((f) => f.fiscalYear))) {
    const v = sector ? figuresBySector(tree, figures, fy).get(sector.name) : undefined;
    if (v !== undefined) out.set(fy, v);
  }
  return out;
}

/** null when the municipality has no 定員適正化計画. */
export function planView(doc: StaffingDocument): PlanView | null {
  const plan = doc.staffingPlan;
  if (!plan) return null;
  const tree = new UnitTree(doc.units);
  return {
    municipality: doc.municipality,
    ...(plan.title ? { title: plan.title } : {}),
    baseFiscalYear: plan.baseFiscalYear,
    fromFiscalYear: plan.fromFiscalYear,
    toFiscalYear: plan.toFiscalYear,
    movements: Array.from({ length: plan.toFiscalYear - plan.fromFiscalYear + 1 }, (_, i) => {
      const fy = plan.fromFiscalYear + i;
      const planned = doc.retirement.hiring.find((h) => h.fiscalYear === fy);
      const actual = doc.movements.find((m) => m.fiscalYear === fy);
      return {
        fiscalYear: fy,
        ...(planned ? { plannedHires: planned.hires } : {}),
        ...(planned?.otherLeavers !== undefined ? { plannedOtherLeavers: planned.otherLeavers } : {}),
        ...(actual?.hires !== undefined ? { hires: actual.hires } : {}),
        ...(actual?.leavers !== undefined ? { leavers: actual.leavers } : {}),
      };
    }),
    lines: plan.lines.map((l) => ({
      scope: l.scope === undefined ? "全体（一般職）" : (tree.byKey.get(l.scope)?.name ?? l.scope),
      baseHeadcount: l.baseHeadcount,
      years: planYears({
        baseFiscalYear: plan.baseFiscalYear,
        baseHeadcount: l.baseHeadcount,
        targets: l.targets,
        actuals: actualsOf(doc, l.scope),
      }),
    })),
  };
}
