/**
 * Values given as their text alone: a baseline, target or actual written `{ "text": "(R9)累計500百万円" }`
 * without `kind` is read with the same value reader as the municipalities' documents, and what was
 * understood is stored beside the text. A text the reader cannot read is kept as written, flagged
 * (`unreadable`) and reported as a finding. Works on the raw JSON, before the schema checks it.
 */
import {
  DEFAULT_STAGE_LADDER,
  findStage,
  normalizeStageWord,
  type ReadTarget,
  type ReadValue,
  readTarget,
  readValue,
} from "../../domain/values/index.ts";
import type { Finding } from "../findings.ts";

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

const VALUE_FIELDS = ["kind", "number", "unit", "stage", "unreadable"] as const;
const TARGET_FIELDS = [
  ...VALUE_FIELDS,
  "fiscalYear",
  "fromFiscalYear",
  "direction",
  "relativeToFiscalYear",
  "change",
  "basis",
] as const;

type Visit = (
  v: Raw,
  at: {
    list: "baselines" | "targets" | "actuals" | "plannedValues";
    path: string;
    indicator: Raw;
    words: string[];
  },
) => void;

/** Calls `visit` for every baseline, target and actual of the raw document that has a text and no kind. */
function eachTextOnly(input: Raw, visit: Visit): void {
  const planStages = stringList(isObject(input.plan) ? input.plan.stages : undefined);
  const walk = (items: unknown, path: string) => {
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      if (!isObject(item)) return;
      const ip = `${path}[${i}]`;
      const indicators = Array.isArray(item.indicators) ? item.indicators : [];
      indicators.forEach((ind, j) => {
        if (!isObject(ind)) return;
        const words = [...planStages, ...stringList(ind.stages)];
        for (const list of ["baselines", "targets", "actuals", "plannedValues"] as const) {
          const values = ind[list];
          if (!Array.isArray(values)) continue;
          values.forEach((v, k) => {
            if (isObject(v) && v.kind === undefined && typeof v.text === "string")
              visit(v, { list, path: `${ip}.indicators[${j}].${list}[${k}]`, indicator: ind, words });
          });
        }
      });
      walk(item.children, `${ip}.children`);
    });
  };
  walk(input.items, "$.items");
}

const WHAT = { baselines: "初期値", targets: "目標", actuals: "実績値", plannedValues: "計画値" } as const;

/**
 * The document with what the text says filled in for every value without `kind` (a copy when there is any,
 * else the input itself), and a finding for each text that could not be read.
 */
export function fillReadings(input: unknown, file: string): { filled: unknown; findings: Finding[] } {
  const findings: Finding[] = [];
  if (!isObject(input)) return { filled: input, findings };
  let any = effectTargetTextOnly(input) !== undefined;
  eachTextOnly(input, () => {
    any = true;
  });
  if (!any) return { filled: input, findings };
  const copy = structuredClone(input);
  const effectTarget = effectTargetTextOnly(copy);
  if (effectTarget) {
    const reading = targetReading(effectTarget.text as string, []);
    for (const [f, value] of Object.entries(reading))
      if (effectTarget[f] === undefined) effectTarget[f] = value;
  }
  eachTextOnly(copy, (v, { list, path, indicator, words }) => {
    const text = v.text as string;
    const reading =
      list === "targets" ? targetReading(text, words) : valueReading(text, words, list === "baselines");
    for (const [f, value] of Object.entries(reading)) if (v[f] === undefined) v[f] = value;
    if (typeof reading.unreadable !== "string") return;
    const what = WHAT[list];
    const name = typeof indicator.name === "string" ? `指標「${indicator.name}」の` : "";
    findings.push({
      file,
      code: "value.unreadable",
      subject: `${name}${what}（${path}）`,
      found: text,
      message: `${what}「${text}」を読み取れません: ${reading.unreadable}。書かれたとおりに保存し、印を付けました`,
      severity: "warning",
    });
  });
  return { filled: copy, findings };
}

/** plan.fiscalEffectTarget when given as its text alone (its reading is checked by the document's checks). */
function effectTargetTextOnly(input: Raw): Raw | undefined {
  const t = isObject(input.plan) ? input.plan.fiscalEffectTarget : undefined;
  return isObject(t) && t.kind === undefined && typeof t.text === "string" ? t : undefined;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** A word of the plan's own stage list that the default ladder does not know is still a stage. */
function ownStage(text: string, words: readonly string[]): string | undefined {
  const w = normalizeStageWord(text);
  if (findStage(DEFAULT_STAGE_LADDER, w)) return undefined;
  return words.find((x) => normalizeStageWord(x) === w);
}

function pick<K extends string>(r: Partial<Record<K, unknown>>, fields: readonly K[]): Raw {
  const out: Raw = {};
  for (const f of fields) if (r[f] !== undefined) out[f] = r[f];
  return out;
}

function valueReading(text: string, words: readonly string[], baseline: boolean): Raw {
  const own = ownStage(text, words);
  if (own) return { kind: "stage", stage: own };
  const r: ReadValue = readValue(text);
  return {
    ...pick(r, VALUE_FIELDS),
    // 「(2017年度) 1,483」: the year of a baseline written with it.
    ...(baseline && r.kind === "number" && r.fiscalYear !== undefined ? { fiscalYear: r.fiscalYear } : {}),
  };
}

function targetReading(text: string, words: readonly string[]): Raw {
  const r: ReadTarget = readTarget(text);
  const own = r.kind === "text" ? ownStage(text, words) : undefined;
  if (own) return { kind: "stage", stage: own };
  return pick(r, TARGET_FIELDS);
}
