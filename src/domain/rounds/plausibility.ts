/**
 * Plausibility of an actual (妥当性): what a value may be, derived from its indicator's unit and kind, and
 * what the reform office changed. An impossible value (a negative headcount, 100.1%, 12.5件) is an error:
 * it is refused with the reason. An unusual one (ten times last year's) is a warning: the department sees
 * it on saving, the reviewer on approving. Pure: no I/O.
 */

/** What an indicator measures: numbers (it has a unit or numeric values), stage words, or free text. */
export type IndicatorKind = "number" | "stage" | "text";

export type PlausibilityRule = {
  /** numeric indicator: a value that cannot be read as a number cannot be submitted */
  numeric: boolean;
  /** lowest allowed value (inclusive), in the indicator's unit; undefined: no lower limit */
  min: number | undefined;
  /** highest allowed value (inclusive); undefined: no upper limit */
  max: number | undefined;
  /** whole numbers only (counted units: 人, 件, 回, 円 …) */
  integer: boolean;
  /** a warning when the value is more than this factor of last year's, or less than its inverse */
  jumpFactor: number | undefined;
};

/** The office's changes to a derived rule; null means "no limit", a missing key means "as derived". */
export type RuleOverride = {
  min?: number | null;
  max?: number | null;
  integer?: boolean;
  jumpFactor?: number | null;
};

/** Units counted in whole numbers; they are never negative. */
export const COUNTED_UNITS = [
  "人",
  "名",
  "件",
  "回",
  "円",
  "千円",
  "箇所",
  "か所",
  "ヶ所",
  "カ所",
  "施設",
  "校",
  "園",
  "台",
  "冊",
  "枚",
  "個",
  "社",
  "団体",
  "世帯",
  "戸",
  "棟",
  "店",
  "事業",
  "講座",
  "人日",
  "人回",
] as const;

/** Amounts and measures that are never negative but may have decimals. */
export const NON_NEGATIVE_UNITS = [
  "万円",
  "百万円",
  "億円",
  "時間",
  "分",
  "日",
  "年",
  "か月",
  "ヶ月",
  "km",
  "m",
  "㎡",
  "m2",
  "ha",
  "t",
  "kg",
  "kWh",
  "倍",
] as const;

const PERCENT_UNITS = ["%", "％", "パーセント"];

/** The jump factor when the office has not set one: a value over 3 times (or under a third of) last year's. */
export const DEFAULT_JUMP_FACTOR = 3;

/**
 * The unit as compared: full-width folded, trimmed, a trailing note in brackets dropped.
 * @example unitKey("件（累計）") === "件"; unitKey("％") === "%"
 */
export function unitKey(unit: string | undefined): string {
  if (unit === undefined) return "";
  const folded = unit
    .normalize("NFKC")
    .replace(/[（(][^）)]*[）)]\s*$/u, "")
    .trim();
  return PERCENT_UNITS.includes(folded) ? "%" : folded;
}

export function isPercentUnit(unit: string | undefined): boolean {
  return unitKey(unit) === "%";
}

/** The rule an indicator's unit and kind imply, before the office changes anything. */
export function derivedRule(indicator: { unit?: string | undefined; kind: IndicatorKind }): PlausibilityRule {
  const numeric = indicator.kind === "number";
  const u = unitKey(indicator.unit);
  const counted = (COUNTED_UNITS as readonly string[]).includes(u);
  const percent = u === "%";
  const nonNegative = counted || percent || (NON_NEGATIVE_UNITS as readonly string[]).includes(u);
  return {
    numeric,
    min: numeric && nonNegative ? 0 : undefined,
    max: numeric && percent ? 100 : undefined,
    integer: numeric && counted,
    jumpFactor: numeric ? DEFAULT_JUMP_FACTOR : undefined,
  };
}

/** The rule in force: the derived one with the office's changes. */
export function effectiveRule(
  derived: PlausibilityRule,
  override: RuleOverride | undefined,
): PlausibilityRule {
  if (!override) return derived;
  const pick = (v: number | null | undefined, d: number | undefined) =>
    v === undefined ? d : v === null ? undefined : v;
  return {
    numeric: derived.numeric,
    min: pick(override.min, derived.min),
    max: pick(override.max, derived.max),
    integer: override.integer ?? derived.integer,
    jumpFactor: pick(override.jumpFactor, derived.jumpFactor),
  };
}

/** A rule in words, for the office's page and the department's hints. @example "0以上・100以下・前年度比3倍まで" */
export function describeRule(rule: PlausibilityRule, unit?: string): string {
  if (!rule.numeric) return "数値の指標ではありません（確認なし）";
  const u = unit ?? "";
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`${plain(rule.min)}${u}以上`);
  if (rule.max !== undefined) parts.push(`${plain(rule.max)}${u}以下`);
  if (rule.integer) parts.push("整数");
  if (rule.jumpFactor !== undefined) parts.push(`前年度の${plain(rule.jumpFactor)}倍を超える増減は注意`);
  return parts.length > 0 ? parts.join("・") : "制限なし";
}

export type Severity = "error" | "warning";
export type PlausibilityFinding = { severity: Severity; message: string };

/** An actual as the value reader read it (the fields this module looks at). */
export type ReadActual = {
  text: string;
  kind: "number" | "stage" | "text" | "empty";
  number?: number | undefined;
  unit?: string | undefined;
  unreadable?: string | undefined;
};

export type CheckContext = {
  /** the indicator's unit */
  unit?: string | undefined;
  /** last year's value, when it was a number in the same unit */
  previous?: { fiscalYear: string; number: number } | undefined;
  /** submitting (or approving): a numeric indicator needs a number or 「—」 */
  submitting: boolean;
};

const plain = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * Checks one actual against its rule. Errors refuse the value (whatever the action); warnings are shown and
 * need a reason to approve over. A value that is not a number in a numeric indicator is a warning in a draft
 * and an error on submitting. Limits are checked in the indicator's unit only: 81,571千円 for an indicator
 * in 円 is not compared with a limit in 円 (the unit warning of the reader covers it), but a negative number
 * is negative in any unit.
 */
export function checkActual(
  rule: PlausibilityRule,
  value: ReadActual,
  ctx: CheckContext,
): PlausibilityFinding[] {
  if (!rule.numeric || value.kind === "empty") return [];
  const out: PlausibilityFinding[] = [];
  const u = ctx.unit ?? "";
  if (value.kind !== "number" || value.number === undefined) {
    const why = value.unreadable ? `数値として読み取れません（${value.unreadable}）` : "数値ではありません";
    out.push(
      ctx.submitting
        ? {
            severity: "error",
            message: `${why}。数値の指標なので、このままでは提出できません。数値で書くか、値がなければ「—」と書いてください。`,
          }
        : { severity: "warning", message: `${why}。提出するには数値か「—」にしてください。` },
    );
    return out;
  }
  const n = value.number;
  const sameUnit = value.unit === undefined || unitKey(value.unit) === unitKey(ctx.unit);
  if (rule.min !== undefined && n < rule.min && (rule.min <= 0 || sameUnit))
    out.push({
      severity: "error",
      message:
        rule.min === 0
          ? `${plain(n)}${u}: マイナスの値は入力できません（「${u || "この指標"}」は0以上です）。`
          : `${plain(n)}${u}: この指標の下限（${plain(rule.min)}${u}）より小さい値は入力できません。`,
    });
  if (rule.max !== undefined && n > rule.max && sameUnit)
    out.push({
      severity: "error",
      message: `${plain(n)}${u}: この指標の上限（${plain(rule.max)}${u}）を超える値は入力できません。${
        isPercentUnit(ctx.unit) ? "100%を超えることがある指標なら、行革担当が上限を変えられます。" : ""
      }`,
    });
  if (rule.integer && !Number.isInteger(n) && sameUnit)
    out.push({
      severity: "error",
      message: `${plain(n)}${u}: 「${u}」で数える指標は整数で入力してください。`,
    });
  const prev = ctx.previous;
  if (rule.jumpFactor !== undefined && prev && sameUnit && prev.number > 0 && n > 0) {
    const ratio = n / prev.number;
    if (ratio > rule.jumpFactor || ratio < 1 / rule.jumpFactor)
      out.push({
        severity: "warning",
        message: `前年度（${prev.fiscalYear}: ${plain(prev.number)}${u}）の${ratioWords(ratio)}です。桁や単位に誤りがないか確かめてください。`,
      });
  }
  return out;
}

function ratioWords(ratio: number): string {
  return ratio >= 1 ? `${plain(Math.round(ratio * 10) / 10)}倍` : `${plain(Math.round(ratio * 1000) / 10)}%`;
}

export const errorsOf = (f: readonly PlausibilityFinding[]) => f.filter((x) => x.severity === "error");
export const warningsOf = (f: readonly PlausibilityFinding[]) => f.filter((x) => x.severity === "warning");

/** The kind of an indicator: stage words make a stage indicator; a unit or a numeric value a numeric one. */
export function indicatorKind(indicator: {
  unit?: string | undefined;
  stages?: readonly string[] | undefined;
  baselines?: readonly { kind: string }[];
  targets?: readonly { kind: string }[];
  actuals?: readonly { kind: string }[];
}): IndicatorKind {
  if (indicator.stages && indicator.stages.length > 0) return "stage";
  if (indicator.unit && indicator.unit.trim() !== "") return "number";
  const values = [...(indicator.baselines ?? []), ...(indicator.actuals ?? [])];
  if (values.some((v) => v.kind === "number")) return "number";
  return "text";
}
