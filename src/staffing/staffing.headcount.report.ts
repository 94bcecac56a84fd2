/**
 * Headcount by unit over the years (図表4) as the pages, workbooks and printed reports show it: totals
 * computed from the units with the domain core; nothing shown is read from a stored total.
 */

import type { Finding } from "../core/findings.ts";
import {
  BREAKDOWN_LABELS,
  type BreakdownCategory,
  type StaffingDocument,
  staffingFindings,
} from "../core/staffing-document/index.ts";
import { computeTotals, UnitTree } from "../domain/staffing/index.ts";

export type Municipality = { code: string; name: string };

// ---------------------------------------------------------------- headcount (図表4)

export type HeadcountRow = {
  key: string;
  label: string;
  depth: number;
  kind: "unit" | "group" | "total" | "breakdown";
  special: boolean;
  sector?: string;
  note?: string;
  /** One value per year of the view; undefined where the unit had none. */
  values: (number | undefined)[];
  quota?: number;
  /** Years whose printed total disagreed with the computed one. */
  mismatched: number[];
};

export type HeadcountView = {
  municipality: Municipality;
  title: string | undefined;
  years: number[];
  quotaYear: number | undefined;
  rows: HeadcountRow[];
  /** The top-level groups of general staff, for the stacked chart. */
  series: { name: string; values: (number | undefined)[] }[];
  total: { label: string; values: (number | undefined)[]; quota?: number; quotas: (number | undefined)[] };
  ceiling?: { value: number; label?: string | undefined; fiscalYear: number };
  counted?: { value: number; fiscalYear: number };
  /** Year columns as printed where the label and the year disagree (平28 (2015)), with the note. */
  yearLabels: Map<number, { label: string; note?: string | undefined }>;
  findings: Finding[];
};

export function headcountView(doc: StaffingDocument, uptoFiscalYear?: number): HeadcountView {
  const tree = new UnitTree(doc.units);
  const figures = doc.headcounts.map((h) => ({ unit: h.unit, fiscalYear: h.fiscalYear, value: h.count }));
  const years = [...new Set(figures.map((f) => f.fiscalYear))]
    .filter((y) => uptoFiscalYear === undefined || y <= uptoFiscalYear)
    .sort((a, b) => a - b);
  const totals = computeTotals(tree, figures);
  const quotaYears = doc.quotas
    .map((q) => q.fiscalYear)
    .filter((y) => uptoFiscalYear === undefined || y <= uptoFiscalYear);
  const quotaYear = quotaYears.length > 0 ? Math.max(...quotaYears) : undefined;
  const quotas = computeTotals(
    tree,
    doc.quotas
      .filter((q) => q.fiscalYear === quotaYear)
      .map((q) => ({ unit: q.unit, fiscalYear: q.fiscalYear, value: q.quota })),
  );
  const findings = staffingFindings(doc);
  const mismatchedYears = (key: string) =>
    doc.printedTotals
      .filter((p) => p.unit === key && p.measure === "headcount")
      .filter((p) => totals.get(key)?.get(p.fiscalYear) !== p.value)
      .map((p) => p.fiscalYear);
  const valuesOf = (key: string) => years.map((y) => totals.get(key)?.get(y));
  const quotaOf = (key: string) => (quotaYear === undefined ? undefined : quotas.get(key)?.get(quotaYear));
  const breakdownRows = (key: string, depth: number): HeadcountRow[] => {
    const cats = [...new Set(doc.breakdowns.filter((b) => b.unit === key).map((b) => b.category))];
    return cats
      .filter((c) => c !== "countedAgainstQuota")
      .map((cat) => ({
        key: `${key}:${cat}`,
        label: BREAKDOWN_LABELS[cat as BreakdownCategory],
        depth,
        kind: "breakdown" as const,
        special: false,
        values: years.map(
          (y) =>
            doc.breakdowns.find((b) => b.unit === key && b.category === cat && b.fiscalYear === y)?.count,
        ),
        mismatched: [],
      }));
  };
  const rows: HeadcountRow[] = [];
  const emit = (key: string, depth: number, asTotal: boolean) => {
    const u = tree.byKey.get(key)!;
    const kids = tree.children(key);
    const row: HeadcountRow = {
      key,
      label: asTotal ? `${u.name}（合計）` : u.name,
      depth,
      kind: asTotal ? "total" : kids.length > 0 ? "group" : "unit",
      special: tree.staffClass(key) === "special",
      values: valuesOf(key),
      mismatched: mismatchedYears(key),
    };
    const q = quotaOf(key);
    if (q !== undefined) row.quota = q;
    if (u.sector) row.sector = u.sector;
    const note = doc.units.find((x) => x.key === key)?.note;
    if (note) row.note = note;
    if (asTotal) {
      for (const k of kids) emit(k.key, depth, false);
      rows.push(row, ...breakdownRows(key, depth + 1));
      return;
    }
    rows.push(row, ...breakdownRows(key, depth + 1));
    for (const k of kids) emit(k.key, depth + 1, false);
  };
  // A top-level group (一般職) is printed after its parts, as its total; other groups before them.
  for (const root of tree.roots) emit(root.key, 0, tree.children(root.key).length > 0);

  const generalRoots = tree.roots.filter((r) => tree.staffClass(r.key) === "general");
  const top = generalRoots.flatMap((r) => (tree.children(r.key).length > 0 ? tree.children(r.key) : [r]));
  const totalValues = years.map((y) => {
    let sum: number | undefined;
    for (const r of generalRoots) {
      const v = totals.get(r.key)?.get(y);
      if (v !== undefined) sum = (sum ?? 0) + v;
    }
    return sum;
  });
  const totalQuota = generalRoots.reduce<number | undefined>((acc, r) => {
    const v = quotaOf(r.key);
    return v === undefined ? acc : (acc ?? 0) + v;
  }, undefined);
  // The quota of every year that has one (a quota holds for the year it was set for, not for all years).
  const allQuotas = computeTotals(
    tree,
    doc.quotas.map((q) => ({ unit: q.unit, fiscalYear: q.fiscalYear, value: q.quota })),
  );
  const quotasByYear = years.map((y) =>
    generalRoots.reduce<number | undefined>((acc, r) => {
      const v = allQuotas.get(r.key)?.get(y);
      return v === undefined ? acc : (acc ?? 0) + v;
    }, undefined),
  );
  const ceiling = [...doc.quotaCeilings]
    .filter((c) => quotaYear === undefined || c.fiscalYear <= quotaYear)
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  const counted = doc.breakdowns
    .filter(
      (b) =>
        b.category === "countedAgainstQuota" &&
        (uptoFiscalYear === undefined || b.fiscalYear <= uptoFiscalYear),
    )
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  return {
    municipality: doc.municipality,
    title: doc.title,
    years,
    quotaYear,
    rows,
    series: top.map((u) => ({ name: u.name, values: valuesOf(u.key) })),
    total: {
      label: generalRoots.length === 1 ? `${generalRoots[0]!.name}（合計）` : "一般職（合計）",
      values: totalValues,
      quotas: quotasByYear,
      ...(totalQuota !== undefined ? { quota: totalQuota } : {}),
    },
    ...(ceiling
      ? { ceiling: { value: ceiling.value, label: ceiling.label, fiscalYear: ceiling.fiscalYear } }
      : {}),
    ...(counted ? { counted: { value: counted.count, fiscalYear: counted.fiscalYear } } : {}),
    yearLabels: new Map(doc.yearLabels.map((y) => [y.fiscalYear, { label: y.label, note: y.note }])),
    findings,
  };
}
