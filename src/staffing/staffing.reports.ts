/**
 * Presenters: what the staffing pages, the report workbooks and the printed reports show, computed from
 * a staffing document with the domain core. Totals are computed here, from the units; nothing shown is
 * read from a stored total.
 */

import type { Finding } from "../core/findings.ts";
import {
  BREAKDOWN_LABELS,
  type BreakdownCategory,
  type Diagnosis,
  type StaffingDocument,
  staffingFindings,
} from "../core/staffing-document/index.ts";
import {
  CITY_PEER_SCHEME,
  classifyPeerGroup,
  computeTotals,
  type DiagnosisLine,
  diagnose,
  fiscalYearsWithoutRetirees,
  fullWidthGroup,
  type LaspeyresRow,
  laspeyresSeries,
  type PeerGroup,
  type ProjectionRow,
  parseGroupLabel,
  peerScheme,
  projectHeadcount,
  RETIREMENT_AGE_SCHEDULE,
  type RetirementRow,
  retirementFiscalYear,
  retirementTable,
  sectorScheme,
  staffPer10k,
  UnitTree,
} from "../domain/staffing/index.ts";

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
    findings,
  };
}

// ---------------------------------------------------------------- staff and population (図表5, 8, 9)

export type PopulationRow = {
  fiscalYear: number;
  staff?: number;
  population?: number;
  populationAsOf?: string;
  per10k?: number;
};

export type PeerRow = {
  prefecture?: string;
  name: string;
  self: boolean;
  population: number;
  ordinaryAccount: number;
  ordinaryPer10k: number;
  generalAdministration?: number;
  generalPer10k?: number;
};

export type PeerView = {
  fiscalYear: number;
  populationAsOf?: string;
  schemeName: string;
  group: string;
  groupFullWidth: string;
  members?: number;
  baseDate: string;
  title?: string;
  rows: PeerRow[];
  groupAverage?: {
    population: number;
    ordinaryAccount: number;
    ordinaryPer10k: number;
    generalPer10k?: number;
  };
};

export type ClassificationView = {
  fiscalYear: number;
  schemeName: string;
  population: number;
  populationAsOf?: string;
  censusYear?: number;
  computed: PeerGroup;
  printed?: string;
  agrees: boolean;
};

export type PopulationView = {
  municipality: Municipality;
  staffLabel: string;
  rows: PopulationRow[];
  peers: PeerView[];
  classifications: ClassificationView[];
  laspeyres: (LaspeyresRow & { nationalLabel?: string })[];
};

function peerView(c: StaffingDocument["peerComparisons"][number]): PeerView {
  const scheme = peerScheme(c.peerGroup.scheme);
  const group = parseGroupLabel(c.peerGroup.group) ?? c.peerGroup.group;
  return {
    fiscalYear: c.fiscalYear,
    ...(c.populationAsOf ? { populationAsOf: c.populationAsOf } : {}),
    schemeName: scheme?.name ?? c.peerGroup.scheme,
    group,
    groupFullWidth: fullWidthGroup(group),
    ...(c.peerGroup.members !== undefined ? { members: c.peerGroup.members } : {}),
    baseDate: c.peerGroup.baseDate,
    ...(c.peerGroup.title ? { title: c.peerGroup.title } : {}),
    rows: c.members.map((m) => ({
      ...(m.prefecture ? { prefecture: m.prefecture } : {}),
      name: m.name,
      self: m.self,
      population: m.population,
      ordinaryAccount: m.ordinaryAccount,
      ordinaryPer10k: staffPer10k(m.ordinaryAccount, m.population),
      ...(m.generalAdministration !== undefined
        ? {
            generalAdministration: m.generalAdministration,
            generalPer10k: staffPer10k(m.generalAdministration, m.population),
          }
        : {}),
    })),
    ...(c.group
      ? {
          groupAverage: {
            population: c.group.population,
            ordinaryAccount: c.group.ordinaryAccount,
            ordinaryPer10k: staffPer10k(c.group.ordinaryAccount, c.group.population),
            ...(c.group.generalAdministration !== undefined
              ? { generalPer10k: staffPer10k(c.group.generalAdministration, c.group.population) }
              : {}),
          },
        }
      : {}),
  };
}

export function populationView(doc: StaffingDocument): PopulationView {
  const h = headcountView(doc);
  const byYear = new Map<number, PopulationRow>();
  h.years.forEach((y, i) => {
    const staff = h.total.values[i];
    byYear.set(y, { fiscalYear: y, ...(staff !== undefined ? { staff } : {}) });
  });
  for (const p of doc.populations) {
    const row = byYear.get(p.fiscalYear) ?? { fiscalYear: p.fiscalYear };
    row.population = p.population;
    if (p.asOf) row.populationAsOf = p.asOf;
    if (row.staff !== undefined) row.per10k = staffPer10k(row.staff, p.population);
    byYear.set(p.fiscalYear, row);
  }
  const classifications = doc.classifications.flatMap((c): ClassificationView[] => {
    const scheme = peerScheme(c.scheme) ?? CITY_PEER_SCHEME;
    const industry = c.employed ?? c.shares;
    if (!industry) return [];
    const computed = classifyPeerGroup(scheme, c.population, industry);
    return [
      {
        fiscalYear: c.fiscalYear,
        schemeName: scheme.name,
        population: c.population,
        ...(c.populationAsOf ? { populationAsOf: c.populationAsOf } : {}),
        ...(c.censusYear !== undefined ? { censusYear: c.censusYear } : {}),
        computed,
        ...(c.printedGroup ? { printed: c.printedGroup } : {}),
        agrees: c.printedGroup === undefined || parseGroupLabel(c.printedGroup) === computed.group,
      },
    ];
  });
  return {
    municipality: doc.municipality,
    staffLabel: h.total.label,
    rows: [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear),
    peers: doc.peerComparisons.map(peerView),
    classifications,
    laspeyres: laspeyresSeries(doc.laspeyres).map((r) => ({
      ...r,
      ...(doc.laspeyres.find((l) => l.fiscalYear === r.fiscalYear)?.nationalLabel
        ? { nationalLabel: doc.laspeyres.find((l) => l.fiscalYear === r.fiscalYear)!.nationalLabel! }
        : {}),
    })),
  };
}

// ---------------------------------------------------------------- diagnosis (図表10)

export type DiagnosisView = {
  municipality: Municipality;
  fiscalYear: number;
  years: number[];
  population: number;
  populationAsOf?: string;
  previousYear: number;
  schemeName: string;
  sectorSchemeName: string;
  group: string;
  groupFullWidth: string;
  members?: number;
  baseDate: string;
  title?: string;
  averages: Diagnosis["averages"];
  lines: DiagnosisLine[];
  /** 普通会計 staff per 10,000 against the peers' average. */
  ownPer10k?: number;
  findings: Finding[];
};

export function diagnosisView(doc: StaffingDocument, fiscalYear?: number): DiagnosisView | null {
  const years = doc.diagnoses.map((d) => d.fiscalYear);
  const d =
    fiscalYear === undefined
      ? doc.diagnoses.at(-1)
      : (doc.diagnoses.find((x) => x.fiscalYear === fiscalYear) ??
        [...doc.diagnoses].reverse().find((x) => x.fiscalYear <= fiscalYear));
  const scheme = sectorScheme(doc.sectorScheme);
  if (!d || !scheme) return null;
  const lines = diagnose({ scheme, population: d.population, rows: d.rows, averages: d.averages });
  const ordinary = lines.find((l) => l.name === "普通会計計");
  const group = parseGroupLabel(d.peerGroup.group) ?? d.peerGroup.group;
  return {
    municipality: doc.municipality,
    fiscalYear: d.fiscalYear,
    years,
    population: d.population,
    ...(d.populationAsOf ? { populationAsOf: d.populationAsOf } : {}),
    previousYear: d.fiscalYear - 1,
    schemeName: peerScheme(d.peerGroup.scheme)?.name ?? d.peerGroup.scheme,
    sectorSchemeName: scheme.name,
    group,
    groupFullWidth: fullWidthGroup(group),
    ...(d.peerGroup.members !== undefined ? { members: d.peerGroup.members } : {}),
    baseDate: d.peerGroup.baseDate,
    ...(d.peerGroup.title ? { title: d.peerGroup.title } : {}),
    averages: d.averages,
    lines,
    ...(ordinary?.current !== undefined ? { ownPer10k: staffPer10k(ordinary.current, d.population) } : {}),
    findings: staffingFindings(doc).filter((f) => f.code === "staffing.diagnosis-total-mismatch"),
  };
}

// ---------------------------------------------------------------- retirement (図表6)

export type HiringPlan = { fiscalYear: number; hires: number; otherLeavers?: number | undefined }[];

export type RetirementView = {
  municipality: Municipality;
  fiscalYear: number;
  from: number;
  to: number;
  schedule: { from: number; to?: number; age: number }[];
  table: RetirementRow[];
  withoutRetirees: number[];
  cohortCounts: Map<number, number>;
  startHeadcount?: number;
  startLabel: string;
  hiring: HiringPlan;
  projection?: ProjectionRow[];
  /** Why no projection is shown. */
  missing: string[];
};

/**
 * The retirement schedule around a fiscal year (two years before to ten after, as 図表6) and the
 * projection under a hiring plan: the stored one, or one the user entered (`hiring` overrides).
 */
export function retirementView(
  doc: StaffingDocument,
  fiscalYear: number,
  options: { hiring?: HiringPlan; startHeadcount?: number } = {},
): RetirementView {
  const from = fiscalYear - 2;
  const to = fiscalYear + 10;
  const stored = doc.retirement.cohorts.map((c) => c.birthFiscalYear);
  const cohorts =
    stored.length > 0
      ? stored
      : Array.from({ length: 80 }, (_, i) => fiscalYear - 75 + i).filter((b) => {
          const r = retirementFiscalYear(b);
          return r >= from && r <= to;
        });
  const h = headcountView(doc, fiscalYear);
  const i = h.years.indexOf(fiscalYear);
  const fromDoc = i >= 0 ? h.total.values[i] : undefined;
  const startHeadcount = options.startHeadcount ?? fromDoc;
  const counts = new Map<number, number>();
  for (const c of doc.retirement.cohorts) if (c.count !== undefined) counts.set(c.birthFiscalYear, c.count);
  const hiring: HiringPlan =
    options.hiring ??
    doc.retirement.hiring.map((x) => ({
      fiscalYear: x.fiscalYear,
      hires: x.hires,
      ...(x.otherLeavers !== undefined ? { otherLeavers: x.otherLeavers } : {}),
    }));
  const missing: string[] = [];
  if (startHeadcount === undefined) missing.push(`${fiscalYear}年度の職員数`);
  if (counts.size === 0) missing.push("生年度ごとの職員数（シート「年齢構成」）");
  const schedule = RETIREMENT_AGE_SCHEDULE.filter((s) => Number.isFinite(s.from)).map((s, k, all) => ({
    from: s.from,
    ...(all[k + 1] ? { to: all[k + 1]!.from - 1 } : {}),
    age: s.age,
  }));
  return {
    municipality: doc.municipality,
    fiscalYear,
    from,
    to,
    schedule,
    table: retirementTable(cohorts, from, to),
    withoutRetirees: fiscalYearsWithoutRetirees(from, to),
    cohortCounts: counts,
    ...(startHeadcount !== undefined ? { startHeadcount } : {}),
    startLabel: h.total.label,
    hiring,
    ...(startHeadcount !== undefined
      ? {
          projection: projectHeadcount({
            startFiscalYear: fiscalYear,
            startHeadcount,
            cohorts: [...counts].map(([birthFiscalYear, count]) => ({ birthFiscalYear, count })),
            hiring: hiring.map((x) => ({ fiscalYear: x.fiscalYear, hires: x.hires })),
            otherLeavers: hiring
              .filter((x) => x.otherLeavers !== undefined)
              .map((x) => ({ fiscalYear: x.fiscalYear, count: x.otherLeavers! })),
            toFiscalYear: to,
          }),
        }
      : {}),
    missing,
  };
}

/** The latest fiscal year with headcounts, for defaults. */
export function latestFiscalYear(doc: StaffingDocument): number | undefined {
  const years = doc.headcounts.map((h) => h.fiscalYear);
  return years.length > 0 ? Math.max(...years) : undefined;
}
