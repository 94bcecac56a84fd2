/**
 * 類似団体別職員数: the national table of the peers' average staff per 10,000 people by 部門, one per 類型
 * (peer group) and survey year. It is the same for every municipality of the 類型, so one table serves all
 * of them: a municipality's diagnosis follows from the table, its own headcount by 部門 (A: a year before,
 * B: the diagnosed year) and its population — nothing else of the municipality is needed.
 */
import type { DiagnosisRowInput } from "./diagnosis.ts";
import type { PeerScheme } from "./peer-group.ts";

export type PeerTableRow = {
  sector: string;
  simplePer10k?: number | undefined;
  correctedPer10k?: number | undefined;
};

export type PeerTable = {
  scheme: string;
  /** "II-3" */
  group: string;
  fiscalYear: number;
  rows: PeerTableRow[];
  averages: { total: string; simplePer10k?: number | undefined; correctedPer10k?: number | undefined }[];
};

/**
 * Why a 類型 label is none of the scheme's (its band or its industry type is not there); null when it is.
 * @example groupProblem(TOWN_PEER_SCHEME, "IV-3") === "類型「IV-3」は…にありません（産業構造は 0・1・2）"
 */
export function groupProblem(scheme: PeerScheme, group: string): string | null {
  const [band, type] = group.split("-");
  const bands = scheme.populationBands.map((b) => b.label);
  const types = scheme.industryTypes.map((t) => t.code);
  if (band !== undefined && bands.includes(band) && type !== undefined && types.includes(type)) return null;
  return `類型「${group}」は${scheme.name}にありません（人口区分は ${bands.join("・")}、産業構造は ${[...types].sort().join("・")}）`;
}

/**
 * The diagnosis rows of a municipality from a peer table and its own headcount by 部門: every 部門 the table
 * has or the municipality staffs. A 部門 with no figure in a year has none (never 0) in that year.
 * @example rows for 総務・企画 with A 76, B 75 and the table's 52.0 → { sector, previous 76, current 75, simple { per10k 52 } }
 */
export function diagnosisRowsFromPeerTable(
  table: PeerTable,
  own: { previous: ReadonlyMap<string, number>; current: ReadonlyMap<string, number> },
): DiagnosisRowInput[] {
  const sectors = [
    ...new Set([...table.rows.map((r) => r.sector), ...own.current.keys(), ...own.previous.keys()]),
  ];
  const bySector = new Map(table.rows.map((r) => [r.sector, r]));
  return sectors.map((sector) => {
    const t = bySector.get(sector);
    const row: DiagnosisRowInput = { sector };
    const previous = own.previous.get(sector);
    const current = own.current.get(sector);
    if (previous !== undefined) row.previous = previous;
    if (current !== undefined) row.current = current;
    if (t?.simplePer10k !== undefined) row.simple = { per10k: t.simplePer10k };
    if (t?.correctedPer10k !== undefined) row.corrected = { per10k: t.correctedPer10k };
    return row;
  });
}
