/**
 * The fiscal_effects open-data table: one row per item, fiscal year and kind with the planned and the actual
 * 財政効果額 as the plan wrote them (unit in its own column) and in 千円, so that rows of different units add up.
 */
import { z } from "zod";
import type { Item } from "../../core/plan-document/schema.ts";
import { convertAmount, FISCAL_EFFECT_KIND_LABELS } from "../../domain/evaluation/fiscal-effect.ts";
import { warekiFiscalYear } from "../../domain/fiscal-year.ts";
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
