/**
 * Plan editing for the reform office: add, move, renumber and rename items; add indicators and targets typed
 * in Japanese notation, previewed as understood before they are stored. Every edit checks the plan's
 * structure version (a form made from an older structure is refused) and is recorded in the audit trail.
 */
import { randomUUID } from "node:crypto";
import type { AuditEntry } from "../audit/audit.service.ts";
import { invalid, notFound } from "../core/errors.ts";
import { MAX_ITEM_DEPTH } from "../core/plan-document/schema.ts";
import type { Actor } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { loadDepartments } from "../plans/plans.service.ts";
import * as repo from "./editing.repository.ts";
import {
  addItemSchema,
  moveStepSchema,
  moveToSchema,
  renumberSchema,
  updateItemSchema,
} from "./editing.schema.ts";
import { renumber } from "./numbering.ts";
import { edit, labelOf, planOf, treeRows, uniqueKey } from "./plan-editor.service.ts";
import { addItem as addToTree, indexAmongSiblings, isWithin, moveItem as moveInTree } from "./tree.ts";

export { addIndicator, addTarget, type Preview, splitSeries } from "./indicator-edits.service.ts";
export {
  getItemEditor,
  getPlanEditor,
  type ItemEditor,
  type PlanEditor,
} from "./plan-editor.service.ts";

/** The tree may not grow deeper than a plan document may nest (MAX_ITEM_DEPTH levels). */
function refuseTooDeep(placed: readonly { depth: number }[]): void {
  if (placed.some((p) => p.depth >= MAX_ITEM_DEPTH))
    throw invalid({ parent: `階層が深すぎます（${MAX_ITEM_DEPTH} 段まで）。` });
}

/** Adds an item as the last child of a parent ("" for the top level); returns its key. */
export async function addItem(db: DB, user: Actor, planId: string, raw: unknown): Promise<string> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(addItemSchema, raw);
  const depts = await loadDepartments(db, user.municipalityCode);
  const deptIds = input.departments.map((k) => depts.find((d) => d.key === k)?.id);
  if (deptIds.some((d) => d === undefined)) throw invalid({ departments: "所管課が見つかりません。" });
  return edit(db, user, plan.id, input.version, async (trx, rows) => {
    const parent = input.parent ? rows.find((r) => r.key === input.parent) : undefined;
    if (input.parent && !parent) throw invalid({ parent: "親項目が見つかりません。" });
    const taken = new Set(rows.map((r) => r.key));
    const key = uniqueKey(taken, parent ? `${parent.key}-` : "");
    const id = randomUUID();
    const placed = addToTree(treeRows(rows), id, parent?.id ?? null);
    refuseTooDeep(placed);
    await repo.applyPlacement(trx, user.municipalityCode, placed, rows);
    const me = placed.find((p) => p.id === id)!;
    // The new row goes in after the others have moved up (positions are not unique, but keep them tidy).
    await repo.insertItem(
      trx,
      {
        municipality_code: user.municipalityCode,
        id,
        plan_id: plan.id,
        parent_id: parent?.id ?? null,
        key,
        depth: me.depth,
        position: me.position,
        number: input.number || null,
        title: input.title,
        description: input.description || null,
      },
      deptIds as string[],
    );
    return {
      result: key,
      audit: [
        {
          action: "item.add",
          itemKey: key,
          subject: labelOf({ number: input.number || null, title: input.title }),
          after: {
            number: input.number,
            title: input.title,
            parent: parent ? labelOf(parent) : "（最上位）",
          },
        },
      ],
    };
  });
}

/** Renames, renumbers or rewrites the description of one item. */
export async function updateItem(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
  raw: unknown,
): Promise<void> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(updateItemSchema, raw);
  await edit(db, user, plan.id, input.version, async (trx, rows) => {
    const row = rows.find((r) => r.key === itemKey);
    if (!row) throw notFound("指定された項目は見つかりません。");
    const next = { number: input.number || null, title: input.title, description: input.description || null };
    const was = { number: row.number, title: row.title, description: row.description };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => (next[k] ?? "") !== (was[k] ?? ""),
    );
    if (changed.length > 0) await repo.updateItem(trx, user.municipalityCode, row.id, next);
    return {
      result: undefined,
      audit:
        changed.length === 0
          ? []
          : [
              {
                action: "item.update",
                itemKey,
                subject: labelOf(next),
                before: Object.fromEntries(changed.map((k) => [k, was[k] ?? ""])),
                after: Object.fromEntries(changed.map((k) => [k, next[k] ?? ""])),
              },
            ],
    };
  });
}

/** Moves an item with its subtree: one step up or down, or under another parent at a place. */
export async function moveItem(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
  raw: Record<string, unknown>,
): Promise<void> {
  const plan = await planOf(db, user, planId);
  const step = raw.direction ? parseInput(moveStepSchema, raw) : undefined;
  const to = step ? undefined : parseInput(moveToSchema, raw);
  await edit(db, user, plan.id, (step ?? to)!.version, async (trx, rows) => {
    const row = rows.find((r) => r.key === itemKey);
    if (!row) throw notFound("指定された項目は見つかりません。");
    const tree = treeRows(rows);
    let parentId = row.parent_id;
    let index = indexAmongSiblings(tree, row.id);
    if (step) index += step.direction === "up" ? -1 : 1;
    else {
      const parent = to!.parent ? rows.find((r) => r.key === to!.parent) : undefined;
      if (to!.parent && !parent) throw invalid({ parent: "移動先の親項目が見つかりません。" });
      if (parent && isWithin(tree, parent.id, row.id))
        throw invalid({ parent: "項目を、その項目自身やその下の項目の下へは移動できません。" });
      parentId = parent?.id ?? null;
      index = to!.position - 1;
    }
    if (index < 0) index = 0;
    const placed = moveInTree(tree, row.id, parentId, index);
    refuseTooDeep(placed);
    await repo.applyPlacement(trx, user.municipalityCode, placed, rows);
    const label = (id: string | null) => (id ? labelOf(rows.find((r) => r.id === id)!) : "（最上位）");
    const newIndex = indexAmongSiblings(
      placed.map((p) => ({ id: p.id, parentId: p.parentId, position: p.position })),
      row.id,
    );
    const oldIndex = indexAmongSiblings(tree, row.id);
    const moved = parentId !== row.parent_id || newIndex !== oldIndex;
    return {
      result: undefined,
      audit: moved
        ? [
            {
              action: "item.move",
              itemKey,
              subject: labelOf(row),
              before: { parent: label(row.parent_id), position: oldIndex + 1 },
              after: { parent: label(parentId), position: newIndex + 1 },
            },
          ]
        : [],
    };
  });
}

/** Numbers the children of a parent ("" for the top level) in order, in one style (①②③, (1)(2) …). */
export async function renumberChildren(db: DB, user: Actor, planId: string, raw: unknown): Promise<number> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(renumberSchema, raw);
  return edit(db, user, plan.id, input.version, async (trx, rows) => {
    const parent = input.parent ? rows.find((r) => r.key === input.parent) : undefined;
    if (input.parent && !parent) throw invalid({ parent: "項目が見つかりません。" });
    const children = rows
      .filter((r) => r.parent_id === (parent?.id ?? null))
      .sort((a, b) => a.position - b.position);
    const numbers = renumber(input.style, children.length);
    const audit: AuditEntry[] = [];
    for (const [i, c] of children.entries()) {
      if (c.number === numbers[i]) continue;
      await repo.updateItem(trx, user.municipalityCode, c.id, {
        number: numbers[i]!,
        title: c.title,
        description: c.description,
      });
      audit.push({
        action: "item.renumber",
        itemKey: c.key,
        subject: c.title,
        before: { number: c.number ?? "" },
        after: { number: numbers[i] },
      });
    }
    return { result: audit.length, audit };
  });
}
