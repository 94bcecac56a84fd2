/** Which plans of a municipality show a department: what an import that renames it must say. */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { scoped } from "../db/tenant.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** The plans (key and title) whose items or indicators name each of these departments. */
export async function plansUsingDepartments(
  q: Q,
  code: string,
  departmentIds: string[],
): Promise<Map<string, { key: string; title: string }[]>> {
  const out = new Map<string, { key: string; title: string }[]>();
  if (departmentIds.length === 0) return out;
  const [items, indicators] = await Promise.all([
    scoped(q, code)
      .selectFrom("plan_item_departments as d")
      .innerJoin("plan_items as i", (j) =>
        j.onRef("i.municipality_code", "=", "d.municipality_code").onRef("i.id", "=", "d.item_id"),
      )
      .innerJoin("plans as p", (j) =>
        j.onRef("p.municipality_code", "=", "i.municipality_code").onRef("p.id", "=", "i.plan_id"),
      )
      .select(["d.department_id", "p.key", "p.title"])
      .where("d.department_id", "in", departmentIds)
      .distinct()
      .execute(),
    scoped(q, code)
      .selectFrom("indicator_departments as d")
      .innerJoin("indicators as i", (j) =>
        j.onRef("i.municipality_code", "=", "d.municipality_code").onRef("i.id", "=", "d.indicator_id"),
      )
      .innerJoin("plans as p", (j) =>
        j.onRef("p.municipality_code", "=", "i.municipality_code").onRef("p.id", "=", "i.plan_id"),
      )
      .select(["d.department_id", "p.key", "p.title"])
      .where("d.department_id", "in", departmentIds)
      .distinct()
      .execute(),
  ]);
  for (const r of [...items, ...indicators]) {
    const list = out.get(r.department_id) ?? [];
    if (!list.some((p) => p.key === r.key)) list.push({ key: r.key, title: r.title });
    out.set(r.department_id, list);
  }
  return out;
}
