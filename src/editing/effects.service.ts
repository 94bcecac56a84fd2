/**
 * The item editor's 財政効果額 (planned and actual amount per fiscal year and kind, in the unit as written) and
 * yearly plan values (年度別計画値, the plan's yearly row and its cumulative row) of an indicator series. Like
 * every edit: checked against the plan's version in the edit's transaction, and recorded in the history.
 */
import { invalid, notFound } from "../core/errors.ts";
import type { PlannedValue } from "../core/plan-document/schema.ts";
import type { Actor } from "../core/policy.ts";
import { parseInput, versionField } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import {
  FISCAL_EFFECT_KIND_LABELS,
  type FiscalEffectKind,
  type FiscalEffectUnit,
} from "../domain/evaluation/fiscal-effect.ts";
import { checkCumulativeRow, type PlanRowMismatch } from "../domain/evaluation/plan-rows.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import { readValue } from "../domain/values/index.ts";
import { fiscalEffectSchema, removeFiscalEffectSchema } from "./editing.schema.ts";
import * as repo from "./effects.repository.ts";
import { edit, labelOf, planOf, type Rows } from "./plan-editor.service.ts";

const amountText = (n: number | null, unit: string) =>
  n === null ? null : `${n.toLocaleString("ja-JP", { maximumFractionDigits: 6 })}${unit}`;

function effectAudit(r: repo.EffectRow | undefined) {
  if (!r) return null;
  return {
    planned: amountText(r.planned, r.unit),
    actual: amountText(r.actual, r.unit),
    note: r.note,
  };
}

const effectSubject = (row: { number: string | null; title: string }, fy: number, kind: FiscalEffectKind) =>
  `${labelOf(row)} / 財政効果額 ${warekiFiscalYear(fy)} ${FISCAL_EFFECT_KIND_LABELS[kind]}`;

/** The plan's period as the years a form offers; a year outside it is refused with the period named. */
function periodYears(start: number, end: number): number[] {
  const years: number[] = [];
  for (let y = start; y <= end; y++) years.push(y);
  return years;
}

async function itemRowOf(rows: Rows, key: string) {
  const row = rows.find((r) => r.key === key);
  if (!row) throw notFound("指定された項目は見つかりません。");
  return row;
}

/** Adds or replaces the item's 財政効果額 of one fiscal year and kind. */
export async function setFiscalEffect(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
  raw: unknown,
): Promise<void> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(fiscalEffectSchema, raw);
  if (input.effectYear < plan.period_start || input.effectYear > plan.period_end)
    throw invalid({
      effectYear: `財政効果額の年度は計画期間（${warekiFiscalYear(plan.period_start)}〜${warekiFiscalYear(plan.period_end)}）の中から選んでください。`,
    });
  const next: repo.EffectRow = {
    planned: input.effectPlanned.value?.number ?? null,
    actual: input.effectActual.value?.number ?? null,
    unit: input.effectUnit as FiscalEffectUnit,
    note: input.effectNote || null,
  };
  await edit(db, user, plan.id, input.version, async (trx, rows) => {
    const row = await itemRowOf(rows, itemKey);
    const code = user.municipalityCode;
    const was = await repo.fiscalEffectOf(trx, code, row.id, input.effectYear, input.effectKind);
    const same =
      was &&
      was.planned === next.planned &&
      was.actual === next.actual &&
      was.unit === next.unit &&
      was.note === next.note;
    if (same) return { result: undefined, audit: [] };
    await repo.putFiscalEffect(trx, code, plan.id, row.id, input.effectYear, input.effectKind, next);
    return {
      result: undefined,
      audit: [
        {
          action: "fiscal_effect.set",
          itemKey,
          fiscalYear: input.effectYear,
          subject: effectSubject(row, input.effectYear, input.effectKind),
          before: effectAudit(was),
          after: effectAudit(next),
        },
      ],
    };
  });
}

/** Removes the item's 財政効果額 of one fiscal year and kind (kept whole in the history). */
export async function removeFiscalEffect(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
  raw: unknown,
): Promise<void> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(removeFiscalEffectSchema, raw);
  await edit(db, user, plan.id, input.version, async (trx, rows) => {
    const row = await itemRowOf(rows, itemKey);
    const code = user.municipalityCode;
    const was = await repo.fiscalEffectOf(trx, code, row.id, input.effectYear, input.effectKind);
    if (!was) throw notFound("指定された財政効果額は見つかりません（ほかの人が削除した可能性があります）。");
    await repo.removeFiscalEffect(trx, code, row.id, input.effectYear, input.effectKind);
    return {
      result: undefined,
      audit: [
        {
          action: "fiscal_effect.remove",
          itemKey,
          fiscalYear: input.effectYear,
          subject: effectSubject(row, input.effectYear, input.effectKind),
          before: effectAudit(was),
        },
      ],
    };
  });
}

/** The field of a yearly (`planned_2025`) or cumulative (`cumulative_2025`) plan value in the form. */
export const plannedField = (fy: number, cumulative: boolean) =>
  `${cumulative ? "cumulative" : "planned"}_${fy}`;

const MAX_VALUE = 200;

/**
 * Reads the posted rows of one indicator series: each cell as written, read with the value reader. A cell that
 * cannot be read as one value, or a cumulative cell that is not a number, is refused naming its year.
 */
export function readPlannedRows(
  raw: Record<string, unknown>,
  years: readonly number[],
  series: string | undefined,
): PlannedValue[] {
  const out: PlannedValue[] = [];
  const errors: Record<string, string> = {};
  for (const cumulative of [false, true]) {
    for (const fy of years) {
      const name = plannedField(fy, cumulative);
      const text = typeof raw[name] === "string" ? (raw[name] as string).trim() : "";
      if (text === "") continue;
      const what = `${warekiFiscalYear(fy)}の計画値${cumulative ? "（累計）" : "（単年度）"}`;
      if (text.length > MAX_VALUE) {
        errors[name] = `${what}は${MAX_VALUE}文字以内で入力してください。`;
        continue;
      }
      const v = readValue(text);
      if (v.kind === "empty") continue;
      if (v.unreadable) {
        errors[name] = `${what}「${text}」を読み取れません: ${v.unreadable}。`;
        continue;
      }
      if (cumulative && v.kind !== "number") {
        errors[name] = `${what}は数値で入力してください（「${text}」は数値ではありません）。`;
        continue;
      }
      out.push({
        text,
        kind: v.kind,
        ...(v.number !== undefined ? { number: v.number } : {}),
        ...(v.unit !== undefined ? { unit: v.unit } : {}),
        ...(v.stage !== undefined ? { stage: v.stage } : {}),
        fiscalYear: fy,
        ...(series !== undefined ? { series } : {}),
        ...(cumulative ? { cumulative: true } : {}),
      });
    }
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return out;
}

/** The cumulative cells of one series that disagree with the running sum of its yearly row (nothing corrected). */
export function plannedMismatches(
  values: readonly PlannedValue[],
  series: string | undefined,
  firstYear: number,
): PlanRowMismatch[] {
  const own = values.filter((v) => v.series === series);
  const cumulative = own.filter((v) => v.cumulative === true);
  if (cumulative.length === 0) return [];
  return checkCumulativeRow(
    own.filter((v) => v.cumulative !== true),
    cumulative,
    firstYear,
  );
}

/** The rows as one line for the history: the yearly row, then the cumulative row, each by year. */
const describeRow = (values: readonly PlannedValue[]) =>
  values.length === 0
    ? null
    : [...values]
        .sort(
          (a, b) =>
            Number(a.cumulative === true) - Number(b.cumulative === true) || a.fiscalYear - b.fiscalYear,
        )
        .map((v) => `${warekiFiscalYear(v.fiscalYear)}${v.cumulative ? "（累計）" : ""} ${v.text}`)
        .join("、");

/**
 * Replaces the yearly and cumulative plan values of one indicator series for the plan's years (values of
 * other series and of years outside the period are kept). Returns the cumulative cells that disagree with the
 * running sum of the yearly row, to be shown as findings; they are stored as typed.
 */
export async function setPlannedValues(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
  raw: Record<string, unknown>,
): Promise<PlanRowMismatch[]> {
  const plan = await planOf(db, user, planId);
  const version = parseInput(versionField, raw.version);
  const years = periodYears(plan.period_start, plan.period_end);
  const indicatorKey = typeof raw.plannedFor === "string" ? raw.plannedFor : "";
  const seriesName = typeof raw.plannedSeries === "string" ? raw.plannedSeries : "";
  return edit(db, user, plan.id, version, async (trx, rows) => {
    const row = await itemRowOf(rows, itemKey);
    const code = user.municipalityCode;
    const ind = await repo.plannedValuesOf(trx, code, row.id, indicatorKey);
    if (!ind) throw invalid({ plannedFor: "指標が見つかりません。ページを読み込み直してください。" });
    const seriesList = ind.series as unknown as string[];
    if (seriesName !== "" ? !seriesList.includes(seriesName) : seriesList.length > 0)
      throw invalid({ plannedFor: "系列が見つかりません。ページを読み込み直してください。" });
    const series = seriesName === "" ? undefined : seriesName;
    const typed = readPlannedRows(raw, years, series);
    const stored = (ind.planned_values ?? []) as PlannedValue[];
    const mine = (v: PlannedValue) => v.series === series && years.includes(v.fiscalYear);
    const keptAsStored = typed.map((t) => {
      const old = stored.find(
        (v) =>
          mine(v) && v.fiscalYear === t.fiscalYear && (v.cumulative === true) === (t.cumulative === true),
      );
      // an unchanged cell keeps what it had (its 出典 among it)
      return old && old.text === t.text ? old : t;
    });
    const next = [...stored.filter((v) => !mine(v)), ...keptAsStored];
    const before = stored.filter(mine);
    const changed = describeRow(before) !== describeRow(keptAsStored);
    if (changed) await repo.setPlannedValues(trx, code, ind.id, next);
    return {
      result: plannedMismatches(next, series, plan.period_start),
      audit: changed
        ? [
            {
              action: "planned_values.set",
              itemKey,
              subject: `${labelOf(row)} / ${ind.name}${series ? `（${series}）` : ""} の年度別計画値`,
              before: describeRow(before),
              after: describeRow(keptAsStored),
            },
          ]
        : [],
    };
  });
}
