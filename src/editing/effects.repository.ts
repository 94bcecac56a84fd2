/** SQL for the item editor's 財政効果額 and yearly plan values (年度別計画値). Scoped by municipality. */
import type { Kysely, Transaction } from "kysely";
import type { PlannedValue } from "../core/plan-document/schema.ts";
import type { Database, TargetJson } from "../db/schema.ts";
import { json } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";
import type { FiscalEffectKind, FiscalEffectUnit } from "../domain/evaluation/fiscal-effect.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type EffectRow = {
  planned: number | null;
  actual: number | null;
  unit: FiscalEffectUnit;
  note: string | null;
};

/** The stored effect of an item for a year and kind, or undefined. */
export async function fiscalEffectOf(
  q: Q,
  code: string,
  itemId: string,
  fiscalYear: number,
  kind: FiscalEffectKind,
): Promise<(EffectRow & { position: number }) | undefined> {
  const r = await scoped(q, code)
    .selectFrom("fiscal_effects")
    .select(["planned", "actual", "unit", "note", "position"])
    .where("item_id", "=", itemId)
    .where("fiscal_year", "=", fiscalYear)
    .where("kind", "=", kind)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    planned: r.planned === null ? null : Number(r.planned),
    actual: r.actual === null ? null : Number(r.actual),
    unit: r.unit,
    note: r.note,
    position: r.position,
  };
}

/** Adds or replaces the effect of an item for a year and kind (a new one goes last). */
export async function putFiscalEffect(
  q: Q,
  code: string,
  planId: string,
  itemId: string,
  fiscalYear: number,
  kind: FiscalEffectKind,
  row: EffectRow,
): Promise<void> {
  const existing = await fiscalEffectOf(q, code, itemId, fiscalYear, kind);
  if (existing) {
    await scoped(q, code)
      .updateTable("fiscal_effects")
      .set({ ...row, source: null })
      .where("item_id", "=", itemId)
      .where("fiscal_year", "=", fiscalYear)
      .where("kind", "=", kind)
      .execute();
    return;
  }
  const max = await scoped(q, code)
    .selectFrom("fiscal_effects")
    .select((eb) => eb.fn.max("position").as("p"))
    .where("item_id", "=", itemId)
    .executeTakeFirst();
  await q
    .insertInto("fiscal_effects")
    .values({
      municipality_code: code,
      plan_id: planId,
      item_id: itemId,
      fiscal_year: fiscalYear,
      kind,
      ...row,
      position: Number(max?.p ?? -1) + 1,
      source: null,
    })
    .execute();
}

export async function removeFiscalEffect(
  q: Q,
  code: string,
  itemId: string,
  fiscalYear: number,
  kind: FiscalEffectKind,
): Promise<void> {
  await scoped(q, code)
    .deleteFrom("fiscal_effects")
    .where("item_id", "=", itemId)
    .where("fiscal_year", "=", fiscalYear)
    .where("kind", "=", kind)
    .execute();
}

/** The yearly plan values (年度別計画値) of an indicator of an item, as stored (null for none). */
export async function plannedValuesOf(q: Q, code: string, itemId: string, indicatorKey: string) {
  return scoped(q, code)
    .selectFrom("indicators")
    .select(["id", "name", "unit", "series", "planned_values"])
    .where("item_id", "=", itemId)
    .where("key", "=", indicatorKey)
    .executeTakeFirst();
}

export async function setPlannedValues(
  q: Q,
  code: string,
  indicatorId: string,
  values: readonly PlannedValue[],
): Promise<void> {
  await scoped(q, code)
    .updateTable("indicators")
    .set({ planned_values: values.length > 0 ? json([...values]) : null })
    .where("id", "=", indicatorId)
    .execute();
}

/** plan.fiscalEffectTarget as stored (null for none). */
export async function effectTargetOf(q: Q, code: string, planId: string) {
  const r = await scoped(q, code)
    .selectFrom("plans")
    .select("fiscal_effect_target")
    .where("id", "=", planId)
    .executeTakeFirst();
  return r?.fiscal_effect_target ?? null;
}

export async function setEffectTarget(q: Q, code: string, planId: string, target: TargetJson | null) {
  await scoped(q, code)
    .updateTable("plans")
    .set({ fiscal_effect_target: target ? json(target) : null })
    .where("id", "=", planId)
    .execute();
}
