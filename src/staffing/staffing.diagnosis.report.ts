/** The diagnosis table (図表10) as the pages and reports show it. */
import type { Finding } from "../core/findings.ts";
import {
  type Diagnosis,
  type PeerTableDocument,
  type StaffingDocument,
  staffingFindings,
} from "../core/staffing-document/index.ts";
import {
  type DiagnosisLine,
  diagnose,
  fullWidthGroup,
  parseGroupLabel,
  peerScheme,
  sectorScheme,
  staffPer10k,
} from "../domain/staffing/index.ts";

import type { Municipality } from "./staffing.headcount.report.ts";
import { diagnosisFromPeerTable } from "./staffing.peer-diagnosis.report.ts";

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
  /** Staff per 10,000 people for every total (一般行政, 普通会計, 公営企業等, 合計) against the same population. */
  per10k: TotalPer10k[];
  /** Where the peers' figures come from: the municipality's own table, or the shared national table of its 類型 (set or classified). */
  peerSource: "own" | "set" | "classified";
  findings: Finding[];
};

export type TotalPer10k = {
  total: string;
  staff?: number;
  per10k?: number;
  /** The peers' averages for the total, where the table gives one. */
  peerSimple?: number;
  peerCorrected?: number;
  /** Why there is no figure: a 部門 of the total has no headcount. */
  missing?: string;
};

const PER10K_TOTALS = ["一般行政計", "普通会計計", "公営企業等会計計", "合計"];

function totalsPer10k(lines: DiagnosisLine[], d: Diagnosis): TotalPer10k[] {
  return PER10K_TOTALS.flatMap((total) => {
    const line = lines.find((l) => l.name === total);
    if (!line) return [];
    const avg = d.averages.find((a) => a.total === total);
    const out: TotalPer10k = { total };
    if (avg?.simplePer10k !== undefined) out.peerSimple = avg.simplePer10k;
    if (avg?.correctedPer10k !== undefined) out.peerCorrected = avg.correctedPer10k;
    if (line.current === undefined)
      out.missing = `${total}に含まれる部門の${d.fiscalYear}年度の職員数がありません`;
    else {
      out.staff = line.current;
      out.per10k = staffPer10k(line.current, d.population);
    }
    return [out];
  });
}

/** The last fiscal year with headcounts, the year a diagnosis from a shared table is made for by default. */
function lastHeadcountYear(doc: StaffingDocument): number | undefined {
  return doc.headcounts.reduce<number | undefined>(
    (m, h) => Math.max(m ?? h.fiscalYear, h.fiscalYear),
    undefined,
  );
}

/** Why there is no diagnosis for the year (null when there is one). */
export function diagnosisMissing(
  doc: StaffingDocument,
  fiscalYear: number | undefined,
  peerTables: readonly PeerTableDocument[] = [],
): string | null {
  if (diagnosisView(doc, fiscalYear, peerTables)) return null;
  const fy = fiscalYear ?? lastHeadcountYear(doc);
  if (fy === undefined) return "職員数がありません";
  const r = diagnosisFromPeerTable(doc, fy, peerTables);
  return "missing" in r ? r.missing : null;
}

export function diagnosisView(
  doc: StaffingDocument,
  fiscalYear?: number,
  peerTables: readonly PeerTableDocument[] = [],
): DiagnosisView | null {
  const years = doc.diagnoses.map((d) => d.fiscalYear);
  // The year asked for, or none: another year's table is never shown in its place.
  let d: Diagnosis | undefined =
    fiscalYear === undefined ? doc.diagnoses.at(-1) : doc.diagnoses.find((x) => x.fiscalYear === fiscalYear);
  let peerSource: DiagnosisView["peerSource"] = "own";
  const fy = fiscalYear ?? lastHeadcountYear(doc);
  if (!d && fy !== undefined && peerTables.length > 0) {
    const derived = diagnosisFromPeerTable(doc, fy, peerTables);
    if ("diagnosis" in derived) {
      d = derived.diagnosis;
      peerSource = derived.how;
      if (!years.includes(fy)) years.push(fy);
    }
  }
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
    per10k: totalsPer10k(lines, d),
    peerSource,
    findings: staffingFindings(doc).filter((f) => f.code === "staffing.diagnosis-total-mismatch"),
  };
}

/**
 * The years a diagnosis can be shown for (those diagnosisView answers for): the municipality's own tables
 * and the years a shared 類似団体別職員数 table gives one.
 */
export function diagnosisYears(
  doc: StaffingDocument,
  peerTables: readonly PeerTableDocument[] = [],
): number[] {
  if (!sectorScheme(doc.sectorScheme)) return [];
  const years = new Set(doc.diagnoses.map((d) => d.fiscalYear));
  const headcountYears = new Set(doc.headcounts.map((h) => h.fiscalYear));
  for (const y of new Set(peerTables.map((t) => t.fiscalYear)))
    if (!years.has(y) && headcountYears.has(y) && "diagnosis" in diagnosisFromPeerTable(doc, y, peerTables))
      years.add(y);
  return [...years].sort((a, b) => a - b);
}
