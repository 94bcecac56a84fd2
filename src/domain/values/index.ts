/**
 * The value reader of the domain core: numbers, stages, fiscal years and targets as Japanese plan
 * documents write them. Pure: no I/O, nothing imported from outside src/domain.
 */
export { BASIS_LABELS, readBasis, TARGET_BASES, type TargetBasis } from "./basis.ts";
export { isNoValueMark, normalizeCell, toHalfWidth } from "./normalize.ts";
export { type Numeral, readNumeral } from "./numbers.ts";
export {
  compareStages,
  DEFAULT_STAGE_LADDER,
  extendLadder,
  findStage,
  type LadderAddition,
  normalizeStageWord,
  type StageLadder,
  stageRank,
} from "./stages.ts";
export { type ReadTarget, readTarget, SUMMABLE_TARGET_KINDS, type TargetKind } from "./targets.ts";
export { ACCOUNT_UNITS, unitScale } from "./units.ts";
export { type ReadOptions, type ReadValue, readValue, type ValueKind } from "./values.ts";
export { findFiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, readFiscalYear } from "./years.ts";
