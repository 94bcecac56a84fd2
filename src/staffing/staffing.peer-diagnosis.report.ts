/**
 * A diagnosis from a shared 類似団体別職員数 table: for a municipality without a diagnosis table of its own
 * for the year, its 類型 (set, or classified from population and industry shares), the instance's table for
 * that 類型 and year, its own headcount by 部門 (the year and the year before) and its population give the
 * same table. What is missing for it is said, never filled in.
 */
import type { Diagnosis, PeerTableDocument, StaffingDocument } from "../core/staffing-document/index.ts";
import {
  CITY_PEER_SCHEME,
  classifyPeerGroup,
  diagnosisRowsFromPeerTable,
  figuresBySector,
  findSector,
  parseGroupLabel,
  peerScheme,
  sectorScheme,
  UnitTree,
} from "../domain/staffing/index.ts";

/** The 類型 of the municipality for a year: the one set for it, else the latest classification up to the year. */
export function peerGroupOf(
  doc: StaffingDocument,
  fiscalYear: number,
): { scheme: string; group: string; how: "set" | "classified" } | null {
  if (doc.peerGroup)
    return {
      scheme: doc.peerGroup.scheme,
      group: parseGroupLabel(doc.peerGroup.group) ?? doc.peerGroup.group,
      how: "set",
    };
  const c =
    doc.classifications.filter((x) => x.fiscalYear <= fiscalYear).at(-1) ?? doc.classifications.at(-1);
  const industry = c?.employed ?? c?.shares;
  if (!c || !industry) return null;
  const scheme = peerScheme(c.scheme) ?? CITY_PEER_SCHEME;
  return {
    scheme: scheme.id,
    group: classifyPeerGroup(scheme, c.population, industry).group,
    how: "classified",
  };
}

export type PeerDiagnosis = { diagnosis: Diagnosis; how: "set" | "classified" } | { missing: string };

/** The diagnosis of the year from the shared table, or why there is none. */
export function diagnosisFromPeerTable(
  doc: StaffingDocument,
  fiscalYear: number,
  tables: readonly PeerTableDocument[],
): PeerDiagnosis {
  const g = peerGroupOf(doc, fiscalYear);
  if (!g)
    return { missing: "類型が決まっていません（類型を設定するか、人口と産業別就業者数を入れてください）" };
  const table = tables.find(
    (t) => t.scheme === g.scheme && t.group === g.group && t.fiscalYear === fiscalYear,
  );
  if (!table) {
    const years = tables.filter((t) => t.scheme === g.scheme && t.group === g.group).map((t) => t.fiscalYear);
    return {
      missing: `類型 ${g.group} の ${fiscalYear}年度の類似団体別職員数の表が取り込まれていません${years.length ? `（あるのは ${years.join("・")}年度）` : ""}`,
    };
  }
  const population = doc.populations.find((p) => p.fiscalYear === fiscalYear);
  if (!population) return { missing: `${fiscalYear}年度の人口がありません` };
  const tree = new UnitTree(doc.units);
  const figures = doc.headcounts.map((h) => ({ unit: h.unit, fiscalYear: h.fiscalYear, value: h.count }));
  const scheme = sectorScheme(doc.sectorScheme);
  // Only 部門 of the scheme: a unit's figure always has one (the document's checks see to it).
  const known = (m: Map<string, number>) =>
    new Map([...m].filter(([name]) => scheme && findSector(scheme, name)));
  const current = known(figuresBySector(tree, figures, fiscalYear));
  if (current.size === 0) return { missing: `${fiscalYear}年度の職員数がありません` };
  const previous = known(figuresBySector(tree, figures, fiscalYear - 1));
  return {
    how: g.how,
    diagnosis: {
      fiscalYear,
      population: population.population,
      ...(population.asOf ? { populationAsOf: population.asOf } : {}),
      peerGroup: {
        scheme: table.scheme,
        group: table.group,
        ...(table.members !== undefined ? { members: table.members } : {}),
        baseDate: table.baseDate,
        ...(table.title ? { title: table.title } : {}),
      },
      averages: table.averages.map(({ source: _, ...a }) => a),
      rows: diagnosisRowsFromPeerTable(table, { previous, current }).map((r) => ({
        sector: r.sector,
        ...(r.previous !== undefined ? { previous: r.previous } : {}),
        ...(r.current !== undefined ? { current: r.current } : {}),
        ...(r.simple ? { simple: { per10k: r.simple.per10k } } : {}),
        ...(r.corrected ? { corrected: { per10k: r.corrected.per10k } } : {}),
      })),
      printedTotals: [],
    },
  };
}
