import type { ReadTarget, ReadValue, StageLadder, TargetKind } from "../values/index.ts";

/** Every status a result can have, in the order tables list them: best first, then the ones without a verdict. */
export const EVALUATION_STATUSES = [
  "achieved",
  "on_track",
  "behind",
  "not_achieved",
  "not_started",
  "no_data",
  "not_judgeable",
] as const;

export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** 着手状況 as municipalities publish it, plus データなし for an item with nothing recorded for the year. */
export const IMPLEMENTATION_STATUSES = ["not_started", "in_progress", "completed", "no_data"] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** 初期値 as the plan document holds it: the value and, when the document gives it, its fiscal year. */
export type BaselineValue = ReadValue & { fiscalYear?: number | undefined };

/** 実績値 of one series for one fiscal year. */
export type ActualValue = ReadValue & { fiscalYear: number };

/** What `evaluate` needs for one indicator series in one fiscal year. */
export type EvaluationInput = {
  /** The fiscal year being evaluated (西暦: 2022 = 令和4年度). */
  fiscalYear: number;
  target: ReadTarget;
  baseline?: BaselineValue | undefined;
  /** All actuals of the series: the evaluated year's, and the named or previous year's a change is measured from. */
  actuals: readonly ActualValue[];
  ladder: StageLadder;
  /** The indicator's unit, shown where neither the value nor the target carries one. */
  unit?: string | undefined;
  /** The plan's period (fiscal years): a 累計 target sums the actuals from `start`; a period total is due at `end`. */
  period?: { start: number; end: number } | undefined;
};

/**
 * A reviewer's decision that overrides the computed status, or (with `grade`) the plan's own grade; the
 * reason is required. A grade judgement leaves gyokaku's status as computed: `status` then repeats it.
 */
export type Judgement = {
  status: EvaluationStatus;
  /** A grade of the plan's outcome scale (plan.scales.outcome) the reviewer chose, e.g. one "set by the reviewer". */
  grade?: string | undefined;
  reason: string;
  by: string;
  /** When it was made, as an ISO date or date-time. */
  at: string;
};

/** The result for one indicator series and fiscal year. */
export type Evaluation = {
  fiscalYear: number;
  /** The status to show and count: the reviewer's when there is a judgement, otherwise the computed one. */
  status: EvaluationStatus;
  computedStatus: EvaluationStatus;
  /** The computed rule in plain Japanese: 「目標 6,000人（令和5年度）に対し 26,684人：達成」. */
  rule: string;
  /** What pages show: the rule, preceded by the reviewer's judgement when there is one. */
  explanation: string;
  /** Why no verdict was possible (no_data, not_judgeable), in Japanese. */
  reason?: string | undefined;
  targetKind: TargetKind;
  target: ReadTarget;
  actual?: ActualValue | undefined;
  /** The number the actual was compared with: the target value, the floor, the baseline, the base-year value … */
  comparedWith?: number | undefined;
  /** The value expected this year on the straight line from the baseline to the target (years before the target year). */
  expected?: number | undefined;
  /** (actual − baseline) / (target − baseline) as a ratio: 1 = 100 %, above 1 allowed; absent where meaningless. */
  progressRate?: number | undefined;
  judgement?: Judgement | undefined;
};
