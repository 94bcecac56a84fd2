/**
 * SQL for plans: storing a whole plan document and reading it back. Every query is scoped by
 * municipality_code (the tenant key).
 */
import { randomUUID } from "node:crypto";
import type { Insertable, Kysely, Transaction } from "kysely";
import type {
  Activity,
  Department,
  Indicator,
  Item,
  PlanDocument,
  Progress,
  Source,
  Target,
  Value,
} from "../core/plan-document/schema.ts";
import { PLAN_DOCUMENT_FORMAT } from "../core/plan-document/schema.ts";
import type { Database, SourceJson } from "../db/schema.ts";
import { json } from "../db/schema.ts";
import { acrossMunicipalities, scoped, scopedOrAll } from "../db/tenant.ts";
import { insertFiscalEffects, loadFiscalEffects } from "./fiscal-effects.repository.ts";

type Q = Kysely<Database> | Transaction<Database>;

export type PlanSummaryRow = {
  id: string;
  municipalityCode: string;
  municipalityName: string;
  key: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  levels: string[];
  itemCount: number;
  indicatorCount: number;
  updatedAt: Date;
};

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

// ---- reading back ----

/** Drops keys whose value is null or undefined, so that absent stays absent on the way out. */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as never;
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** The fiscal years of the plan whose reporting round is locked (read-only until unlocked). */
export async function lockedFiscalYears(q: Q, code: string, planId: string): Promise<number[]> {
  const rows = await scoped(q, code)
    .selectFrom("rounds")
    .select("fiscal_year")
    .where("plan_id", "=", planId)
    .where("status", "=", "locked")
    .orderBy("fiscal_year")
    // A round locked while the import runs waits for it (as round saves do), so it never locks in new data.
    .forShare()
    .execute();
  return rows.map((r) => r.fiscal_year);
}

/** The id of a municipality's plan by its key, or undefined. */
export async function findPlanId(q: Q, code: string, key: string): Promise<string | undefined> {
  const row = await scoped(q, code)
    .selectFrom("plans")
    .select("id")
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.id;
}

export async function findPlanRow(q: Q, id: string) {
  // A plan id (a UUID) names one plan in the whole instance; callers check the municipality against the user.
  return acrossMunicipalities(q, "a plan by its id")
    .selectFrom("plans")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findPlansByKey(q: Q, key: string, code?: string) {
  return scopedOrAll(q, code, "a plan key given on the command line")
    .selectFrom("plans")
    .selectAll()
    .where("key", "=", key)
    .execute();
}

/** Reads a whole plan back as a plan document. */
export async function loadPlanDocument(q: Q, code: string, planId: string): Promise<PlanDocument | null> {
  const plan = await scoped(q, code)
    .selectFrom("plans")
    .selectAll()
    .where("id", "=", planId)
    .executeTakeFirst();
  if (!plan) return null;
  const municipality = await scoped(q, code)
    .selectFrom("municipalities")
    .selectAll()
    .executeTakeFirstOrThrow();
  const items = await scoped(q, code)
    .selectFrom("plan_items")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  const itemIds = items.map((i) => i.id);
  const none = ["00000000-0000-0000-0000-000000000000"];
  const ids = itemIds.length > 0 ? itemIds : none;
  const [itemDepts, indicators, progress, activities, effects] = await Promise.all([
    scoped(q, code)
      .selectFrom("plan_item_departments")
      .selectAll()
      .where("item_id", "in", ids)
      .orderBy("position")
      .execute(),
    scoped(q, code)
      .selectFrom("indicators")
      .selectAll()
      .where("plan_id", "=", planId)
      .orderBy("position")
      .execute(),
    scoped(q, code)
      .selectFrom("item_progress")
      .selectAll()
      .where("item_id", "in", ids)
      .orderBy("fiscal_year")
      .execute(),
    scoped(q, code)
      .selectFrom("item_activities")
      .selectAll()
      .where("item_id", "in", ids)
      .orderBy("position")
      .execute(),
    loadFiscalEffects(q, code, planId),
  ]);
  const indIds = indicators.length > 0 ? indicators.map((i) => i.id) : none;
  const [indDepts, baselines, targets, actuals] = await Promise.all([
    scoped(q, code)
      .selectFrom("indicator_departments")
      .selectAll()
      .where("indicator_id", "in", indIds)
      .orderBy("position")
      .execute(),
    scoped(q, code)
      .selectFrom("indicator_baselines")
      .selectAll()
      .where("indicator_id", "in", indIds)
      .orderBy("position")
      .execute(),
    scoped(q, code)
      .selectFrom("indicator_targets")
      .selectAll()
      .where("indicator_id", "in", indIds)
      .orderBy("position")
      .execute(),
    scoped(q, code)
      .selectFrom("actual_values")
      .selectAll()
      .where("indicator_id", "in", indIds)
      .orderBy("position")
      .execute(),
  ]);

  const departments = await loadDepartments(q, code);
  const deptKey = new Map(departments.map((d) => [d.id, d.key]));
  const used = new Set<string>([...itemDepts, ...indDepts].map((r) => r.department_id));
  // The departments the plan refers to, with their ancestors, in the municipality's order.
  const byId = new Map(departments.map((d) => [d.id, d]));
  // Bounded by the departments seen on the way: a parent loop in the rows can never hang the server.
  for (const id of [...used]) {
    const seen = new Set<string>([id]);
    for (let cur = byId.get(id); cur?.parentId && !seen.has(cur.parentId); cur = byId.get(cur.parentId)) {
      seen.add(cur.parentId);
      used.add(cur.parentId);
    }
  }

  const itemKey = new Map(items.map((i) => [i.id, i.key]));
  const deptsByItem = groupBy(itemDepts, (r) => r.item_id);
  const indsByItem = groupBy(indicators, (r) => r.item_id);
  const deptsByInd = groupBy(indDepts, (r) => r.indicator_id);
  const baseByInd = groupBy(baselines, (r) => r.indicator_id);
  const targByInd = groupBy(targets, (r) => r.indicator_id);
  const actByInd = groupBy(actuals, (r) => r.indicator_id);
  const progByItem = groupBy(progress, (r) => r.item_id);
  const actsByItem = groupBy(activities, (r) => r.item_id);

  const toIndicator = (r: (typeof indicators)[number]): Indicator => ({
    ...defined({ key: r.key, number: r.number, name: r.name, unit: r.unit }),
    series: r.series,
    departments: (deptsByInd.get(r.id) ?? []).map((d) => deptKey.get(d.department_id)!),
    ...(r.stages ? { stages: r.stages } : {}),
    ...(r.planned_values ? { plannedValues: r.planned_values } : {}),
    baselines: (baseByInd.get(r.id) ?? []).map((b) => ({
      ...valueOut(b),
      ...defined({ fiscalYear: b.fiscal_year, series: b.series === "" ? null : b.series }),
    })),
    targets: (targByInd.get(r.id) ?? []).map((t) => ({
      ...(valueOut(t) as unknown as Target),
      kind: t.kind as Target["kind"],
      ...defined({
        fiscalYear: t.fiscal_year,
        fromFiscalYear: t.from_fiscal_year,
        direction: t.direction,
        relativeToFiscalYear: t.relative_to_fiscal_year,
        basis: t.basis,
        series: t.series === "" ? null : t.series,
      }),
      ...(t.change_amount !== null && t.change_unit !== null
        ? { change: { amount: Number(t.change_amount), unit: t.change_unit } }
        : {}),
    })),
    actuals: (actByInd.get(r.id) ?? []).map((a) => ({
      ...valueOut(a),
      fiscalYear: a.fiscal_year,
      ...defined({ series: a.series === "" ? null : a.series }),
    })),
  });

  const nodes = new Map<string, Item>();
  const roots: Item[] = [];
  for (const r of items) {
    const node: Item = {
      ...defined({ key: r.key, number: r.number, title: r.title, description: r.description }),
      texts: r.texts,
      departments: (deptsByItem.get(r.id) ?? []).map((d) => deptKey.get(d.department_id)!),
      ...(r.cross_listing_of ? { crossListingOf: itemKey.get(r.cross_listing_of)! } : {}),
      attributes: r.attributes,
      indicators: (indsByItem.get(r.id) ?? []).map(toIndicator),
      progress: (progByItem.get(r.id) ?? []).map(
        (p): Progress => ({
          fiscalYear: p.fiscal_year,
          ...defined({
            narrative: p.narrative,
            nextYearPlan: p.next_year_plan,
            status: p.status,
            source: p.source as Source | null,
          }),
        }),
      ),
      activities: (actsByItem.get(r.id) ?? []).map(
        (a): Activity => ({
          fiscalYear: a.fiscal_year,
          ...defined({ yearLabel: a.year_label }),
          kind: a.kind,
          ...defined({ status: a.status }),
          text: a.text,
          ...defined({ source: a.source as Source | null }),
        }),
      ),
      ...(effects.has(r.id) ? { fiscalEffects: effects.get(r.id) } : {}),
      children: [],
    } as Item;
    nodes.set(r.id, node);
  }
  // Children are attached after every node exists; only what hangs from a root is the tree, so rows whose
  // parents form a loop (which the importers and the editor refuse) are left out instead of recursed into.
  for (const r of items) {
    const node = nodes.get(r.id)!;
    if (r.parent_id === null) roots.push(node);
    else if (r.parent_id !== r.id) nodes.get(r.parent_id)?.children.push(node);
  }

  return {
    format: PLAN_DOCUMENT_FORMAT,
    municipality: { code: municipality.municipality_code, name: municipality.name },
    plan: {
      key: plan.key,
      title: plan.title,
      periodStart: plan.period_start,
      periodEnd: plan.period_end,
      levels: plan.levels,
      ...(plan.stages ? { stages: plan.stages } : {}),
      sources: plan.sources,
      ...(plan.scales ? { scales: plan.scales } : {}),
    },
    departments: departments
      .filter((d) => used.has(d.id))
      .map((d) => ({
        key: d.key,
        name: d.name,
        ...defined({ kind: d.kind, parent: d.parentId ? deptKey.get(d.parentId) : null }),
        names: d.names,
      })),
    items: roots,
  };
}

function valueOut(r: {
  text: string;
  kind: string;
  number: number | null;
  unit: string | null;
  stage: string | null;
  unreadable: string | null;
  source: SourceJson | null;
}): Value {
  return {
    text: r.text,
    kind: r.kind as Value["kind"],
    ...defined({
      number: r.number === null ? null : Number(r.number),
      unit: r.unit,
      stage: r.stage,
      unreadable: r.unreadable,
      source: r.source as Source | null,
    }),
  };
}

export type DepartmentRow = {
  id: string;
  key: string;
  name: string;
  kind: string | null;
  parentId: string | null;
  names: { name: string; validFrom: number }[];
};

/** All departments of a municipality with their current name and name history (the history as stored). */
export async function loadDepartments(q: Q, code: string): Promise<DepartmentRow[]> {
  const [depts, names] = await Promise.all([
    scoped(q, code).selectFrom("departments").selectAll().orderBy("position").orderBy("key").execute(),
    scoped(q, code).selectFrom("department_names").selectAll().orderBy("valid_from").execute(),
  ]);
  const namesBy = groupBy(names, (n) => n.department_id);
  return depts.map((d) => {
    const list = namesBy.get(d.id) ?? [];
    const current = list[list.length - 1]?.name ?? d.key;
    // A single name valid from year 0 is "no history": it goes out as an empty list.
    const history =
      list.length === 1 && list[0]!.valid_from === 0
        ? []
        : list.map((n) => ({ name: n.name, validFrom: n.valid_from }));
    return { id: d.id, key: d.key, name: current, kind: d.kind, parentId: d.parent_id, names: history };
  });
}

/** Every plan, or those of one municipality. */
export async function listPlans(q: Q, municipalityCode?: string): Promise<PlanSummaryRow[]> {
  const rows = await scopedOrAll(q, municipalityCode, "the CLI's list of every plan")
    .selectFrom("plans")
    .innerJoin("municipalities", "municipalities.municipality_code", "plans.municipality_code")
    .select((eb) => [
      "plans.id",
      "plans.municipality_code",
      "municipalities.name as municipality_name",
      "plans.key",
      "plans.title",
      "plans.period_start",
      "plans.period_end",
      "plans.levels",
      "plans.updated_at",
      eb
        .selectFrom("plan_items")
        .whereRef("plan_items.municipality_code", "=", "plans.municipality_code")
        .whereRef("plan_items.plan_id", "=", "plans.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("item_count"),
      eb
        .selectFrom("indicators")
        .whereRef("indicators.municipality_code", "=", "plans.municipality_code")
        .whereRef("indicators.plan_id", "=", "plans.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("indicator_count"),
    ])
    .orderBy("plans.municipality_code")
    .orderBy("plans.key")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    key: r.key,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    levels: r.levels,
    itemCount: Number(r.item_count ?? 0),
    indicatorCount: Number(r.indicator_count ?? 0),
    updatedAt: r.updated_at,
  }));
}
