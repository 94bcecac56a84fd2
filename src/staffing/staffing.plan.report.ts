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
