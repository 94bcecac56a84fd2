/**
 * Staffing quota management (定数管理): units and their computed totals, the 部門 of the national survey,
 * the retirement-age schedule, peer groups (類似団体), the diagnosis table and the Laspeyres index.
 * Pure: no I/O.
 */
export {
  type Comparison,
  checkDiagnosisTotals,
  type DiagnosisDiscrepancy,
  type DiagnosisInput,
  type DiagnosisLine,
  type DiagnosisRowInput,
  diagnose,
  type PeerFigure,
} from "./diagnosis.ts";
export { formatChange, formatCount, formatDecimal } from "./format.ts";
export { type LaspeyresEntry, type LaspeyresRow, laspeyresSeries } from "./laspeyres.ts";
export {
  CITY_PEER_SCHEME,
  classifyPeerGroup,
  fullWidthGroup,
  type IndustryStructure,
  type MunicipalityKind,
  PEER_SCHEMES,
  type PeerGroup,
  type PeerScheme,
  parseGroupLabel,
  peerScheme,
  TOWN_PEER_SCHEME,
} from "./peer-group.ts";
export {
  diagnosisRowsFromPeerTable,
  groupProblem,
  type PeerTable,
  type PeerTableRow,
} from "./peer-table.ts";
export {
  checkMovements,
  type MovementCheck,
  type PlanYear,
  type PlanYearInput,
  planYears,
  rateOf,
} from "./plan.ts";
export { staffPer10k } from "./population.ts";
export {
  ageInFiscalYear,
  cohortLabel,
  cohortsRetiringIn,
  FORMER_RETIREMENT_AGE,
  fiscalYearsWithoutRetirees,
  type ProjectionInput,
  type ProjectionRow,
  projectHeadcount,
  RETIREMENT_AGE_SCHEDULE,
  type RetirementCell,
  type RetirementRow,
  retirementAge,
  retirementFiscalYear,
  retirementTable,
} from "./retirement.ts";
export {
  compactLabel,
  findSector,
  findSectorTotal,
  NATIONAL_SECTOR_SCHEME,
  SECTOR_SCHEMES,
  type Sector,
  type SectorScheme,
  type SectorTotal,
  sectorScheme,
  sectorsOf,
} from "./sectors.ts";
export {
  checkPrintedTotals,
  computeTotals,
  figuresBySector,
  figuresOnGroups,
  type OrgUnit,
  type PrintedTotal,
  type StaffClass,
  type TotalDiscrepancy,
  type UnitFigure,
  UnitTree,
  unitsInCycles,
} from "./units.ts";
