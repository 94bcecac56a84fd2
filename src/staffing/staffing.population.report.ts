/** Staff against population, the peer group and the Laspeyres index (図表5, 8, 9), for the pages and reports. */
import type { PeerTableDocument, StaffingDocument } from "../core/staffing-document/index.ts";
import {
  CITY_PEER_SCHEME,
  classifyPeerGroup,
  fullWidthGroup,
  type LaspeyresRow,
  laspeyresSeries,
  type PeerGroup,
  parseGroupLabel,
  peerScheme,
  staffPer10k,
} from "../domain/staffing/index.ts";

import { type DiagnosisView, diagnosisView } from "./staffing.diagnosis.report.ts";
import { headcountView, type Municipality } from "./staffing.headcount.report.ts";

export type PopulationRow = {
  fiscalYear: number;
  staff?: number;
  population?: number;
  populationAsOf?: string;
  per10k?: number;
  /** Why staff per 10,000 cannot be given for the year (no headcount, no population). */
  missing?: string;
  /** The year's column as the source printed it (平28 (2015)) and why it disagrees. */
  printed?: { label: string; note?: string | undefined };
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
    generalAdministration?: number;
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
  /** The latest diagnosis: staff per 10,000 by total (普通会計, 一般行政 …) on the diagnosis table's basis. */
  diagnosis?: DiagnosisView;
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
              ? {
                  generalAdministration: c.group.generalAdministration,
                  generalPer10k: staffPer10k(c.group.generalAdministration, c.group.population),
                }
              : {}),
          },
        }
      : {}),
  };
}

export function populationView(
  doc: StaffingDocument,
  peerTables: readonly PeerTableDocument[] = [],
): PopulationView {
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
  for (const y of doc.yearLabels) {
    const row = byYear.get(y.fiscalYear);
    if (row) row.printed = { label: y.label, note: y.note };
  }
  for (const row of byYear.values()) {
    if (row.staff === undefined) row.missing = `${row.fiscalYear}年度の職員数がありません`;
    else if (row.population === undefined) row.missing = `${row.fiscalYear}年度の人口がありません`;
  }
  const diagnosis = diagnosisView(doc, undefined, peerTables);
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
    ...(diagnosis ? { diagnosis } : {}),
  };
}
