/**
 * SQL for reading a whole plan back as a plan document, and a municipality's departments. Every query is
 * scoped by municipality_code (the tenant key).
 */
import type { Kysely, Transaction } from "kysely";
import type {
  Activity,
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
import { scoped } from "../db/tenant.ts";
import { loadFiscalEffects } from "./fiscal-effects.repository.ts";

type Q = Kysely<Database> | Transaction<Database>;

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
  const rows = await readPlanRows(q, code, planId);
  const departments = await loadDepartments(q, code);
  const deptKey = new Map(departments.map((d) => [d.id, d.key]));
  const used = departmentsUsed(departments, [...rows.itemDepts, ...rows.indDepts]);
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
      ...(plan.fiscal_effect_target ? { fiscalEffectTarget: plan.fiscal_effect_target } : {}),
    },
    departments: departments
      .filter((d) => used.has(d.id))
      .map((d) => ({
        key: d.key,
        name: d.name,
        ...defined({ kind: d.kind, parent: d.parentId ? deptKey.get(d.parentId) : null }),
        names: d.names,
      })),
    items: itemTree(rows, deptKey),
  };
}

/** Every row of the plan's items and indicators, a few set-based queries (never one per item). */
async function readPlanRows(q: Q, code: string, planId: string) {
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

  return {
    items,
    itemDepts,
    indicators,
    progress,
    activities,
    effects,
    indDepts,
    baselines,
    targets,
    actuals,
  };
}

type PlanRows = Awaited<ReturnType<typeof readPlanRows>>;

/** The departments the plan refers to, with their ancestors (ids). */
function departmentsUsed(
  departments: Awaited<ReturnType<typeof loadDepartments>>,
  refs: readonly { department_id: string }[],
): Set<string> {
  const used = new Set<string>(refs.map((r) => r.department_id));
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

  return used;
}

/** The items as a tree with their indicators, values, progress, activities and effects. */
function itemTree(rows: PlanRows, deptKey: ReadonlyMap<string, string>): Item[] {
  const {
    items,
    itemDepts,
    indicators,
    progress,
    activities,
    effects,
    indDepts,
    baselines,
    targets,
    actuals,
  } = rows;
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

  return roots;
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
