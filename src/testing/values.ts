// Values built by hand, as the value reader would produce them, so that these tests do not depend on it.

import { evaluate } from "../domain/evaluation/evaluate.ts";
import type { ActualValue, BaselineValue, Evaluation, EvaluationInput } from "../domain/evaluation/types.ts";
import type { ReadTarget } from "../domain/values/index.ts";
import { DEFAULT_STAGE_LADDER } from "../domain/values/index.ts";

export function num(
  n: number,
  unit?: string,
): { text: string; kind: "number"; number: number; unit?: string } {
  const text = `${n.toLocaleString("en-US")}${unit ?? ""}`;
  return unit === undefined ? { text, kind: "number", number: n } : { text, kind: "number", number: n, unit };
}

export function stageValue(word: string): { text: string; kind: "stage"; stage: string } {
  return { text: word, kind: "stage", stage: word };
}

/** Actuals by fiscal year from a list starting at `firstYear`; null is a blank cell (—). */
export function series(
  firstYear: number,
  values: readonly (number | string | null)[],
  unit?: string,
): ActualValue[] {
  return values.map((v, i) => {
    const fiscalYear = firstYear + i;
    if (v === null) return { text: "—", kind: "empty", fiscalYear };
    return typeof v === "number" ? { ...num(v, unit), fiscalYear } : { ...stageValue(v), fiscalYear };
  });
}

type Case = {
  target: ReadTarget;
  baseline?: BaselineValue;
  actuals: ActualValue[];
  unit?: string;
  period?: { start: number; end: number };
};

/** Evaluates one case in each of the given years. */
export function evaluateYears(c: Case, years: readonly number[]): Evaluation[] {
  return years.map((fiscalYear) => evaluate({ ...c, fiscalYear, ladder: DEFAULT_STAGE_LADDER }));
}

export function evaluateIn(c: Case, fiscalYear: number): Evaluation {
  const input: EvaluationInput = { ...c, fiscalYear, ladder: DEFAULT_STAGE_LADDER };
  return evaluate(input);
}

export const R1_TO_R4 = [2019, 2020, 2021, 2022] as const;
