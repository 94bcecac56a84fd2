/**
 * SQL for storing a whole plan document (the plan replaced as a whole, its departments and items). Every
 * query is scoped by municipality_code (the tenant key).
 */
import { randomUUID } from "node:crypto";
import type { Insertable, Kysely, Transaction } from "kysely";
import type { Department, Item, PlanDocument, Source, Target, Value } from "../core/plan-document/schema.ts";
import type { Database } from "../db/schema.ts";
import { json } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";
import { insertFiscalEffects } from "./fiscal-effects.repository.ts";

type Q = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function upsertMunicipality(q: Q, code: string, name: string): Promise<void> {
  await q
    .insertInto("municipalities")
    .values({ municipality_code: code, name })
    .onConflict((oc) => oc.column("municipality_code").doUpdateSet({ name }))
    .execute();
}

/** Upserts departments by key; returns key → id for the whole municipality. */
export async function upsertDepartments(
  q: Q,
  code: string,
  departments: Department[],
): Promise<Map<string, string>> {
  const existing = await scoped(q, code).selectFrom("departments").select(["id", "key"]).execute();
  const ids = new Map(existing.map((d) => [d.key, d.id]));
  for (const d of departments) if (!ids.has(d.key)) ids.set(d.key, randomUUID());
  // Parents first is not needed: rows are inserted without parents, then parents set.
  for (const [i, d] of departments.entries()) {
    const id = ids.get(d.key)!;
    await q
      .insertInto("departments")
      .values({ municipality_code: code, id, key: d.key, kind: d.kind ?? null, parent_id: null, position: i })
      .onConflict((oc) =>
        oc.columns(["municipality_code", "key"]).doUpdateSet({ kind: d.kind ?? null, position: i }),
      )
      .execute();
  }
  for (const d of departments) {
    const id = ids.get(d.key)!;
    await scoped(q, code)
      .updateTable("departments")
      .set({ parent_id: d.parent !== undefined ? ids.get(d.parent)! : null })
      .where("id", "=", id)
      .execute();
    await scoped(q, code).deleteFrom("department_names").where("department_id", "=", id).execute();
    // The current name is the last entry; a department without a history holds its name from year 0.
    const names = d.names.length > 0 ? d.names : [{ name: d.name, validFrom: 0 }];
    const last = names[names.length - 1]!;
    const all = last.name === d.name ? names : [...names, { name: d.name, validFrom: last.validFrom + 1 }];
    await q
      .insertInto("department_names")
      .values(
        all.map((n) => ({
          municipality_code: code,
          department_id: id,
          name: n.name,
          valid_from: n.validFrom,
        })),
      )
      .execute();
  }
  return ids;
}

function source(s: Source | undefined): string | null {
  return s ? json(s) : null;
}

function valueColumns(
  v: Value,
  code: string,
  indicatorId: string,
  position: number,
  series: string | undefined,
) {
  return {
    municipality_code: code,
    indicator_id: indicatorId,
    series: series ?? "",
    position,
    text: v.text,
    kind: v.kind,
    number: v.number ?? null,
    unit: v.unit ?? null,
    stage: v.stage ?? null,
    unreadable: v.unreadable ?? null,
    source: source(v.source),
  };
}

/**
 * Stores a plan document: the plan with the same key in the municipality is replaced as a whole
 * (its id is kept), otherwise created. Run inside a transaction.
 */
export async function replacePlan(trx: Transaction<Database>, doc: PlanDocument): Promise<string> {
  const code = doc.municipality.code;
  await upsertMunicipality(trx, code, doc.municipality.name);
  const deptIds = await upsertDepartments(trx, code, doc.departments);
  const existing = await scoped(trx, code)
    .selectFrom("plans")
    .select("id")
    .where("key", "=", doc.plan.key)
    .executeTakeFirst();
  const p = doc.plan;
  const planRow = {
    title: p.title,
    period_start: p.periodStart,
    period_end: p.periodEnd,
    levels: json(p.levels),
    stages: p.stages ? json(p.stages) : null,
    sources: json(p.sources),
    scales: p.scales ? json(p.scales) : null,
    fiscal_effect_target: p.fiscalEffectTarget ? json(p.fiscalEffectTarget) : null,
    updated_at: new Date(),
  };
  let planId: string;
  let judgements: KeptJudgement[] = [];
  if (existing) {
    planId = existing.id;
    // Reviewers' judgements hang on indicator ids, which the items' deletion takes with it: keep them by
    // indicator key and put them back on the new rows of the same indicators.
    judgements = await keepJudgements(trx, code, planId);
    // Items cascade to indicators, values, progress and activities. Cross-listings point inside the plan.
    await scoped(trx, code)
      .updateTable("plan_items")
      .set({ cross_listing_of: null })
      .where("plan_id", "=", planId)
      .execute();
    await scoped(trx, code).deleteFrom("plan_items").where("plan_id", "=", planId).execute();
    await scoped(trx, code).updateTable("plans").set(planRow).where("id", "=", planId).execute();
  } else {
    planId = randomUUID();
    await trx
      .insertInto("plans")
      .values({ municipality_code: code, id: planId, key: p.key, ...planRow })
      .execute();
  }
  await insertItems(trx, code, planId, doc.items, deptIds);
  if (judgements.length > 0) await restoreJudgements(trx, code, planId, judgements);
  return planId;
}

type KeptJudgement = Omit<Database["indicator_judgements"], "indicator_id" | "judged_at"> & {
  indicator_key: string;
  judged_at: Date;
};

async function keepJudgements(trx: Transaction<Database>, code: string, planId: string) {
  return scoped(trx, code)
    .selectFrom("indicator_judgements as j")
    .innerJoin("indicators as i", (join) =>
      join.onRef("i.municipality_code", "=", "j.municipality_code").onRef("i.id", "=", "j.indicator_id"),
    )
    .select([
      "j.municipality_code",
      "i.key as indicator_key",
      "j.series",
      "j.fiscal_year",
      "j.status",
      "j.grade",
      "j.reason",
      "j.judged_by",
      "j.judged_at",
    ])
    .where("i.plan_id", "=", planId)
    .execute() as Promise<KeptJudgement[]>;
}

/** Judgements whose indicator (by key) is still in the plan go back; those of removed indicators go with them. */
async function restoreJudgements(
  trx: Transaction<Database>,
  code: string,
  planId: string,
  kept: KeptJudgement[],
): Promise<void> {
  const indicators = new Map(
    (
      await scoped(trx, code)
        .selectFrom("indicators")
        .select(["id", "key", "series"])
        .where("plan_id", "=", planId)
        .execute()
    ).map((r) => [r.key, r]),
  );
  // Only where the indicator and its series are still there ('' for an indicator without series).
  const rows = kept.flatMap(({ indicator_key, ...j }) => {
    const ind = indicators.get(indicator_key);
    const seriesThere = ind && (ind.series.length > 0 ? ind.series.includes(j.series) : j.series === "");
    return ind && seriesThere ? [{ ...j, indicator_id: ind.id }] : [];
  });
  if (rows.length > 0) await trx.insertInto("indicator_judgements").values(rows).execute();
}

async function insertItems(
  trx: Transaction<Database>,
  code: string,
  planId: string,
  roots: Item[],
  deptIds: Map<string, string>,
) {
  const itemIds = new Map<string, string>();
  const items: Insertable<Database["plan_items"]>[] = [];
  const itemRows: { id: string; item: Item }[] = [];
  let position = 0;
  const visit = (list: Item[], parentId: string | null, depth: number) => {
    for (const item of list) {
      const id = randomUUID();
      itemIds.set(item.key, id);
      itemRows.push({ id, item });
      items.push({
        municipality_code: code,
        id,
        plan_id: planId,
        parent_id: parentId,
        key: item.key,
        depth,
        position: position++,
        number: item.number ?? null,
        title: item.title,
        description: item.description ?? null,
        texts: json(item.texts),
        attributes: json(item.attributes),
        cross_listing_of: null,
      });
      visit(item.children, id, depth + 1);
    }
  };
  visit(roots, null, 0);
  await insertChunks(items, (c) => trx.insertInto("plan_items").values(c).execute());
  for (const { id, item } of itemRows) {
    if (item.crossListingOf !== undefined) {
      await scoped(trx, code)
        .updateTable("plan_items")
        .set({ cross_listing_of: itemIds.get(item.crossListingOf)! })
        .where("id", "=", id)
        .execute();
    }
  }

  const itemDepts = itemRows.flatMap(({ id, item }) =>
    item.departments.map((k, i) => ({
      municipality_code: code,
      item_id: id,
      department_id: deptIds.get(k)!,
      position: i,
    })),
  );
  await insertChunks(itemDepts, (c) => trx.insertInto("plan_item_departments").values(c).execute());

  const indicators: Insertable<Database["indicators"]>[] = [];
  const indDepts: Insertable<Database["indicator_departments"]>[] = [];
  const baselines: Insertable<Database["indicator_baselines"]>[] = [];
  const targets: Insertable<Database["indicator_targets"]>[] = [];
  const actuals: Insertable<Database["actual_values"]>[] = [];
  for (const { id: itemId, item } of itemRows) {
    item.indicators.forEach((ind, pos) => {
      const id = randomUUID();
      indicators.push({
        municipality_code: code,
        id,
        plan_id: planId,
        item_id: itemId,
        key: ind.key,
        position: pos,
        number: ind.number ?? null,
        name: ind.name,
        unit: ind.unit ?? null,
        series: json(ind.series),
        stages: ind.stages ? json(ind.stages) : null,
        planned_values: ind.plannedValues ? json(ind.plannedValues) : null,
      });
      ind.departments.forEach((k, i) => {
        indDepts.push({
          municipality_code: code,
          indicator_id: id,
          department_id: deptIds.get(k)!,
          position: i,
        });
      });
      ind.baselines.forEach((b, i) => {
        baselines.push({ ...valueColumns(b, code, id, i, b.series), fiscal_year: b.fiscalYear ?? null });
      });
      ind.targets.forEach((t, i) => {
        targets.push(targetColumns(t, code, id, i));
      });
      ind.actuals.forEach((a, i) => {
        actuals.push({ ...valueColumns(a, code, id, i, a.series), fiscal_year: a.fiscalYear });
      });
    });
  }
  await insertChunks(indicators, (c) => trx.insertInto("indicators").values(c).execute());
  await insertChunks(indDepts, (c) => trx.insertInto("indicator_departments").values(c).execute());
  await insertChunks(baselines, (c) => trx.insertInto("indicator_baselines").values(c).execute());
  await insertChunks(targets, (c) => trx.insertInto("indicator_targets").values(c).execute());
  await insertChunks(actuals, (c) => trx.insertInto("actual_values").values(c).execute());

  const progress = itemRows.flatMap(({ id, item }) =>
    item.progress.map((p) => ({
      municipality_code: code,
      item_id: id,
      fiscal_year: p.fiscalYear,
      narrative: p.narrative ?? null,
      next_year_plan: p.nextYearPlan ?? null,
      status: p.status ?? null,
      source: source(p.source),
    })),
  );
  await insertChunks(progress, (c) => trx.insertInto("item_progress").values(c).execute());
  const activities = itemRows.flatMap(({ id, item }) =>
    item.activities.map((a, i) => ({
      municipality_code: code,
      item_id: id,
      fiscal_year: a.fiscalYear,
      year_label: a.yearLabel ?? null,
      kind: a.kind,
      status: a.status ?? null,
      text: a.text,
      position: i,
      source: source(a.source),
    })),
  );
  await insertChunks(activities, (c) => trx.insertInto("item_activities").values(c).execute());
  await insertFiscalEffects(trx, code, planId, itemRows);
}

function targetColumns(
  t: Target & { series?: string | undefined },
  code: string,
  indicatorId: string,
  position: number,
) {
  return {
    ...valueColumns({ ...t, kind: t.kind as Value["kind"] }, code, indicatorId, position, t.series),
    kind: t.kind,
    fiscal_year: t.fiscalYear ?? null,
    from_fiscal_year: t.fromFiscalYear ?? null,
    direction: t.direction ?? null,
    relative_to_fiscal_year: t.relativeToFiscalYear ?? null,
    change_amount: t.change?.amount ?? null,
    change_unit: t.change?.unit ?? null,
    basis: t.basis ?? null,
  };
}
