/** SQL for 財政効果額: written with the plan's items, read back into the plan document. Scoped by municipality. */
import type { Kysely, Transaction } from "kysely";
import type { FiscalEffect, Item, Source } from "../core/plan-document/schema.ts";
import type { Database } from "../db/schema.ts";
import { json } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** Inserts the effects of the items just inserted (their ids beside them). */
export async function insertFiscalEffects(
  trx: Transaction<Database>,
  code: string,
  planId: string,
  itemRows: readonly { id: string; item: Item }[],
): Promise<void> {
  const rows = itemRows.flatMap(({ id, item }) =>
    (item.fiscalEffects ?? []).map((e, i) => ({
      municipality_code: code,
      plan_id: planId,
      item_id: id,
      fiscal_year: e.fiscalYear,
      kind: e.kind,
      planned: e.planned ?? null,
      actual: e.actual ?? null,
      unit: e.unit,
      note: e.note ?? null,
      position: i,
      source: e.source ? json(e.source) : null,
    })),
  );
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto("fiscal_effects")
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** The effects of a plan's items as the plan document holds them, by item id. */
export async function loadFiscalEffects(
  q: Q,
  code: string,
  planId: string,
): Promise<Map<string, FiscalEffect[]>> {
  const rows = await scoped(q, code)
    .selectFrom("fiscal_effects")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("item_id")
    .orderBy("position")
    .execute();
  const byItem = new Map<string, FiscalEffect[]>();
  for (const r of rows) {
    const list = byItem.get(r.item_id) ?? [];
    list.push({
      fiscalYear: r.fiscal_year,
      kind: r.kind,
      ...(r.planned !== null ? { planned: Number(r.planned) } : {}),
      ...(r.actual !== null ? { actual: Number(r.actual) } : {}),
      unit: r.unit,
      ...(r.note !== null ? { note: r.note } : {}),
      ...(r.source ? { source: r.source as Source } : {}),
    });
    byItem.set(r.item_id, list);
  }
  return byItem;
}
