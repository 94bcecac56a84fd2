/** The diagnosis table (図表10) as the pages and reports show it. */
import type { Finding } from "../core/findings.ts";
import { type Diagnosis, type StaffingDocument, staffingFindings } from "../core/staffing-document/index.ts";
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
  // The year asked for, or none: another year's table is never shown in its place.
  const d =
    fiscalYear === undefined ? doc.diagnoses.at(-1) : doc.diagnoses.find((x) => x.fiscalYear === fiscalYear);
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
