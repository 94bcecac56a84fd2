/**
 * The fiscal_effects open-data table: one row per item, fiscal year and kind with the planned and the actual
 * 財政効果額 as the plan wrote them (unit in its own column) and in 千円, so that rows of different units add up.
 */
import { z } from "zod";
import type { Item } from "../../core/plan-document/schema.ts";
import { convertAmount, FISCAL_EFFECT_KIND_LABELS } from "../../domain/evaluation/fiscal-effect.ts";
import { EVALUATION_STATUSES, STATUS_LABELS, STATUS_SYMBOLS } from "../../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
import { gradingOf } from "../published-scales.ts";
import { type Snapshot, UNGRADED } from "../snapshot.ts";
import { col, common, fiscalYear, itemColumns, optNumber, optText, wareki } from "./columns.ts";

export const fiscalEffectRowSchema = z.object({
  ...common,
  ...itemColumns,
  fiscalYear: fiscalYear(),
  fiscalYearWareki: wareki(),
  kind: col(z.enum(["歳出削減", "歳入確保"]), "種別"),
  planned: optNumber("計画額", "計画の単位のまま。空欄は計画額の記載なし"),
  actual: optNumber("実績額", "計画の単位のまま。空欄は実績未報告（0 ではありません）"),
  unit: col(z.enum(["円", "千円", "百万円"]), "単位", "計画の書いた単位"),
  plannedThousandYen: optNumber("計画額（千円）", "千円に換算した計画額"),
  actualThousandYen: optNumber("実績額（千円）", "千円に換算した実績額"),
  note: optText("備考"),
});

type Head = Omit<z.output<typeof fiscalEffectRowSchema>, keyof ReturnType<typeof effectColumns>>;

function effectColumns(e: NonNullable<Item["fiscalEffects"]>[number], upTo: number) {
  // an actual after the published year is not published with it, as in the reports
  const actual = e.fiscalYear <= upTo ? e.actual : undefined;
  return {
    fiscalYear: e.fiscalYear,
    fiscalYearWareki: warekiFiscalYear(e.fiscalYear),
    kind: FISCAL_EFFECT_KIND_LABELS[e.kind] as "歳出削減" | "歳入確保",
    planned: e.planned ?? null,
    actual: actual ?? null,
    unit: e.unit,
    plannedThousandYen: e.planned === undefined ? null : convertAmount(e.planned, e.unit, "千円"),
    actualThousandYen: actual === undefined ? null : convertAmount(actual, e.unit, "千円"),
    note: e.note ?? null,
  };
}

/** The rows of one item, by fiscal year; actuals up to the published year. */
export function fiscalEffectRows(item: Item, head: Head): z.output<typeof fiscalEffectRowSchema>[] {
  return [...(item.fiscalEffects ?? [])]
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map((e) => ({ ...head, ...effectColumns(e, head.publishedFiscalYear) }));
}

/** The plan's 財政効果額 target and its result in the published year, as the API's publication gives it. */
export const effectTargetJsonSchema = z
  .object({
    text: z.string().describe("計画全体の財政効果額の目標（記載どおり）: 5年間で累計500百万円"),
    evaluation: z
      .string()
      .describe("公表年度の評価。計画独自の評価基準がある計画では、その評価（S・A など、評価なし）"),
    evaluationSymbol: z.string().describe("評価の記号（◎ ○ △ × －）"),
    evaluationCode: z
      .enum(EVALUATION_STATUSES)
      .describe("gyokaku の評価の英字コード（achieved, on_track …）"),
    progressRate: z.number().nullable().describe("進捗率（%）: 累計・計画期間の目標は累計÷目標値"),
    explanation: z.string().describe("評価の説明（計画の評価基準があればその規則も）"),
  })
  .nullable()
  .describe(
    "計画全体の財政効果額の目標と公表年度の評価。目標のない計画、目標を記録する前に公表された版では null",
  );

export function effectTargetJson(snapshot: Snapshot): z.output<typeof effectTargetJsonSchema> {
  const t = snapshot.fiscalEffectTarget;
  if (!t) return null;
  const grading = gradingOf(snapshot);
  const graded = grading && t.grade !== undefined;
  const grade = graded ? grading.grades.find((g) => g.label === t.grade) : undefined;
  return {
    text: t.text,
    evaluation: graded ? (t.grade ?? UNGRADED) : STATUS_LABELS[t.status],
    evaluationSymbol: graded ? (grade ? (grade.symbol ?? "") : "－") : STATUS_SYMBOLS[t.status],
    evaluationCode: t.status,
    progressRate: t.progressRate === undefined ? null : Math.round(t.progressRate * 1000) / 10,
    explanation: t.explanation,
  };
}
