/**
 * Evaluation (評価): judging indicators against their targets year by year, reviewers' judgements,
 * and the counts municipalities publish (達成度, 着手状況). Pure: no I/O.
 */
export { evaluate } from "./evaluate.ts";
export { formatNumber, percent } from "./format.ts";
export {
  IMPLEMENTATION_STATUSES,
  type ImplementationResult,
  type ImplementationStatus,
  implementationStatus,
  type StageRecord,
  stageClass,
} from "./implementation.ts";
export { applyJudgement } from "./judgement.ts";
export {
  formatChange,
  IMPLEMENTATION_LABELS,
  IMPLEMENTATION_SYMBOLS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  statusText,
} from "./labels.ts";
export {
  compareGroupTallies,
  compareTallies,
  type Grouped,
  type GroupTally,
  rollUp,
  rollUpBy,
  rollUpImplementation,
  type Tally,
  type TallyChange,
  tally,
} from "./rollup.ts";
export {
  type ActualValue,
  type BaselineValue,
  EVALUATION_STATUSES,
  type Evaluation,
  type EvaluationInput,
  type EvaluationStatus,
  type Judgement,
} from "./types.ts";
