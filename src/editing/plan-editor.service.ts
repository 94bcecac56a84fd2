/**
 * The plan and item editors' data, and the frame every edit runs in: the plan checked against the user,
 * the structure version checked in the edit's transaction, and its audit entries recorded with it.
 */
import type { Transaction } from "kysely";
import { type AuditEntry, type AuditEvent, historyOfItem, record } from "../audit/audit.service.ts";
import { authorize, conflict, notFound } from "../core/errors.ts";
import type { Item, PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canEditPlan } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { loadDepartments, loadPlanDocument } from "../plans/plans.service.ts";
import * as repo from "./editing.repository.ts";
import type { TreeRow } from "./tree.ts";

export type PlanEditor = {
  planId: string;
  doc: PlanDocument;
  version: number;
  departments: { key: string; name: string }[];
  /** every item with its depth, in document order, for parent choices */
  outline: { key: string; label: string; depth: number }[];
};

export type ItemEditor = PlanEditor & {
  item: Item;
  path: Item[];
  parentKey: string;
  /** 1-based place among its siblings, and how many siblings there are */
  place: number;
  siblings: number;
  history: AuditEvent[];
};

function outlineOf(items: Item[], depth = 0): PlanEditor["outline"] {
  return items.flatMap((i) => [
    { key: i.key, label: `${i.number ?? ""} ${i.title}`.trim(), depth },
    ...outlineOf(i.children, depth + 1),
  ]);
}

export function findWithPath(
  items: Item[],
  key: string,
  path: Item[] = [],
): { item: Item; path: Item[] } | undefined {
  for (const item of items) {
    if (item.key === key) return { item, path };
    const found = findWithPath(item.children, key, [...path, item]);
    if (found) return found;
  }
  return undefined;
}

export async function planOf(db: DB, user: Actor, planId: string) {
  const plan = /^[0-9a-f-]{36}$/i.test(planId)
    ? await repo.findPlan(db, user.municipalityCode, planId)
    : undefined;
  if (!plan) throw notFound("指定された計画は見つかりません。");
  authorize(
    canEditPlan(user, { municipalityCode: plan.municipality_code }),
    "計画を編集できるのは行革担当と管理者です。",
  );
  return plan;
}

export async function getPlanEditor(db: DB, user: Actor, planId: string): Promise<PlanEditor> {
  const plan = await planOf(db, user, planId);
  const [doc, version, depts] = await Promise.all([
    loadPlanDocument(db, user.municipalityCode, plan.id),
    repo.planVersion(db, user.municipalityCode, plan.id),
    loadDepartments(db, user.municipalityCode),
  ]);
  return {
    planId: plan.id,
    doc: doc!,
    version,
    departments: depts.map((d) => ({ key: d.key, name: d.name })),
    outline: outlineOf(doc!.items),
  };
}

export async function getItemEditor(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
): Promise<ItemEditor> {
  const editor = await getPlanEditor(db, user, planId);
  const found = findWithPath(editor.doc.items, itemKey);
  if (!found) throw notFound("指定された項目は見つかりません。");
  const parent = found.path[found.path.length - 1];
  const siblings = parent ? parent.children : editor.doc.items;
  return {
    ...editor,
    item: found.item,
    path: found.path,
    parentKey: parent?.key ?? "",
    place: siblings.findIndex((s) => s.key === itemKey) + 1,
    siblings: siblings.length,
    history: await historyOfItem(db, user, planId, itemKey),
  };
}

export type Rows = Awaited<ReturnType<typeof repo.itemRows>>;
export const treeRows = (rows: Rows): TreeRow[] =>
  rows.map((r) => ({ id: r.id, parentId: r.parent_id, position: r.position }));
export const labelOf = (r: { number: string | null; title: string }) => `${r.number ?? ""} ${r.title}`.trim();

const STALE =
  "ほかの人が先にこの計画の構成を変更しました。あなたの入力はまだ保存されていません（下に残してあります）。" +
  "最新の内容を確かめてから、もう一度保存してください。";

/** Runs an edit in one transaction: the version check first, then the change and its audit entries. */
export async function edit<T>(
  db: DB,
  user: Actor,
  planId: string,
  version: number,
  change: (trx: Transaction<Database>, rows: Rows) => Promise<{ result: T; audit: AuditEntry[] }>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (!(await repo.bumpPlanVersion(trx, user.municipalityCode, planId, version))) throw conflict(STALE);
    const rows = await repo.itemRows(trx, user.municipalityCode, planId);
    const { result, audit } = await change(trx, rows);
    await record(
      trx,
      user,
      audit.map((a) => ({ ...a, planId })),
    );
    return result;
  });
}

export function uniqueKey(taken: Set<string>, base: string): string {
  for (let n = 1; ; n++) {
    const k = `${base}${n}`;
    if (!taken.has(k)) return k;
  }
}
