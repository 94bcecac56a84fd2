/**
 * What a round reads of its plan besides the document: the items it asks about (scope) with their departments,
 * and the departments' names; kept per shared plan document.
 */
import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import type { DB } from "../db/database.ts";
import { loadDepartments } from "../plans/plans.service.ts";

export type ScopeItem = {
  item: Item;
  /** ancestors, top first */
  path: Item[];
  departmentKeys: string[];
  departmentIds: string[];
};

export function walk(items: Item[], parents: Item[] = []): { item: Item; path: Item[] }[] {
  return items.flatMap((item) => [{ item, path: parents }, ...walk(item.children, [...parents, item])]);
}

/**
 * The items a round asks about: every item with a responsible department (its own or one of its
 * indicators'), except cross-listings (再掲), which are answered where they are listed first.
 */
export function scopeItems(doc: PlanDocument, deptIds: Map<string, string>): ScopeItem[] {
  return walk(doc.items)
    .filter(({ item }) => item.crossListingOf === undefined)
    .map(({ item, path }) => {
      const keys = [...new Set([...item.departments, ...item.indicators.flatMap((i) => i.departments)])];
      return {
        item,
        path,
        departmentKeys: keys,
        // in the order of departmentKeys; "" for a department missing from the municipality's list
        departmentIds: keys.map((k) => deptIds.get(k) ?? ""),
      };
    })
    .filter((s) => s.departmentKeys.length > 0);
}

export function deptNamer(doc: PlanDocument) {
  const depts = new Map(doc.departments.map((d) => [d.key, d]));
  return (key: string) => {
    const d = depts.get(key);
    if (!d) return key;
    const parent = d.parent ? depts.get(d.parent) : undefined;
    return parent ? `${parent.name} ${d.name}` : d.name;
  };
}

/** What a round reads of its plan besides the document: the items it asks about, the departments' names. */
export type Scope = { items: ScopeItem[]; deptName: (key: string) => string };

/**
 * Kept per plan document object: the documents come from the cache (src/plans/plan-cache.ts), one shared object
 * per data version of the plan, and the municipality's departments (their ids here) are covered by the same
 * version (src/db/data-version.ts). So a round page reads neither the departments nor walks the plan again until
 * the plan changes; a document read without a version is a new object each time, and its scope is made again.
 */
const scopes = new WeakMap<PlanDocument, Scope>();

/** Whether the scope of this document is kept. */
export const hasScope = (doc: PlanDocument) => scopes.has(doc);

export async function scopeOf(
  db: DB,
  code: string,
  doc: PlanDocument,
  depts?: Map<string, string>,
): Promise<Scope> {
  const hit = scopes.get(doc);
  if (hit) return hit;
  const deptIds = depts ?? new Map((await loadDepartments(db, code)).map((d) => [d.key, d.id]));
  const scope = { items: scopeItems(doc, deptIds), deptName: deptNamer(doc) };
  if (Object.isFrozen(doc)) scopes.set(doc, scope);
  return scope;
}

export const COMMON_STATUS_WORDS = ["実施", "継続実施", "一部実施", "検討", "調査検討", "完了", "未着手"];

/** The statuses written in the plan, after the common ones: offered as suggestions (kept per shared document). */
export function statusWordsOf(doc: PlanDocument): string[] {
  const kept = statusWords.get(doc);
  if (kept) return [...kept];
  const written = walk(doc.items).flatMap(({ item }) => item.progress.map((x) => x.status ?? ""));
  const words = [...new Set([...COMMON_STATUS_WORDS, ...written.filter((w) => w !== "")])];
  if (Object.isFrozen(doc)) statusWords.set(doc, words);
  return [...words];
}

const statusWords = new WeakMap<PlanDocument, string[]>();
