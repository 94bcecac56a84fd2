/**
 * Plan editing for the reform office: add, move, renumber and rename items; add indicators and targets typed
 * in Japanese notation, previewed as understood before they are stored. Every edit checks the plan's
 * structure version (a form made from an older structure is refused) and is recorded in the audit trail.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { type AuditEntry, type AuditEvent, historyOfItem, record } from "../audit/audit.service.ts";
import { authorize, conflict, invalid, notFound } from "../core/errors.ts";
import { type Item, MAX_ITEM_DEPTH, type PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canEditPlan } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { loadDepartments, loadPlanDocument } from "../plans/plans.service.ts";
import * as repo from "./editing.repository.ts";
import {
  addIndicatorSchema,
  addItemSchema,
  addTargetSchema,
  moveStepSchema,
  moveToSchema,
  renumberSchema,
  updateItemSchema,
} from "./editing.schema.ts";
import { renumber } from "./numbering.ts";
import { readTargetText, type TargetReading } from "./target-reading.ts";
import {
  addItem as addToTree,
  indexAmongSiblings,
  isWithin,
  moveItem as moveInTree,
  type TreeRow,
} from "./tree.ts";

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

function findWithPath(
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

async function planOf(db: DB, user: Actor, planId: string) {
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

type Rows = Awaited<ReturnType<typeof repo.itemRows>>;
const treeRows = (rows: Rows): TreeRow[] =>
  rows.map((r) => ({ id: r.id, parentId: r.parent_id, position: r.position }));
const labelOf = (r: { number: string | null; title: string }) => `${r.number ?? ""} ${r.title}`.trim();

const STALE =
  "ほかの人が先にこの計画の構成を変更しました。あなたの入力はまだ保存されていません（下に残してあります）。" +
  "最新の内容を確かめてから、もう一度保存してください。";

/** Runs an edit in one transaction: the version check first, then the change and its audit entries. */
async function edit<T>(
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

function uniqueKey(taken: Set<string>, base: string): string {
  for (let n = 1; ; n++) {
    const k = `${base}${n}`;
    if (!taken.has(k)) return k;
  }
}

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

export type Preview = { kind: "preview"; readings: { series: string; reading: TargetReading }[] };

function targetColumns(r: TargetReading["reading"]): repo.TargetColumns {
  return {
    text: r.text.trim(),
    kind: r.kind,
    number: r.number ?? null,
    unit: r.unit ?? null,
    stage: r.stage ?? null,
    unreadable: r.unreadable ?? null,
    fiscal_year: r.fiscalYear ?? null,
    from_fiscal_year: r.fromFiscalYear ?? null,
    direction: r.direction ?? null,
    relative_to_fiscal_year: r.relativeToFiscalYear ?? null,
    change_amount: r.change?.amount ?? null,
    change_unit: r.change?.unit ?? null,
    basis: r.basis ?? null,
  };
}

/** 「男性、女性」 → ["男性", "女性"]. */
export function splitSeries(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，・/／\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Adds an indicator (and, when given, its target for every series); "preview" only reads the target back. */
export async function addIndicator(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
  raw: unknown,
): Promise<Preview | { kind: "saved"; key: string }> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(addIndicatorSchema, raw);
  const series = splitSeries(input.indicatorSeries);
  const reading = input.indicatorTarget
    ? readTargetText(input.indicatorTarget, input.indicatorUnit || undefined)
    : undefined;
  if (input.action === "preview")
    return { kind: "preview", readings: reading ? [{ series: series.join("・"), reading }] : [] };
  return edit(db, user, plan.id, input.version, async (trx, rows) => {
    const row = rows.find((r) => r.key === itemKey);
    if (!row) throw notFound("指定された項目は見つかりません。");
    const existing = await repo.indicatorsOfItem(trx, user.municipalityCode, row.id);
    const key = uniqueKey(await repo.indicatorKeys(trx, user.municipalityCode, plan.id), `${itemKey}-i`);
    const id = randomUUID();
    await repo.insertIndicator(trx, {
      municipality_code: user.municipalityCode,
      id,
      plan_id: plan.id,
      item_id: row.id,
      key,
      position: existing.length,
      name: input.indicatorName,
      unit: input.indicatorUnit || null,
      series,
    });
    const audit: AuditEntry[] = [
      {
        action: "indicator.add",
        itemKey,
        subject: `${labelOf(row)} / ${input.indicatorName}`,
        after: { name: input.indicatorName, unit: input.indicatorUnit, series },
      },
    ];
    if (reading) {
      for (const s of series.length > 0 ? series : [""]) {
        await repo.insertTarget(trx, user.municipalityCode, id, s, targetColumns(reading.reading));
        audit.push({
          action: "target.add",
          itemKey,
          subject: `${labelOf(row)} / ${input.indicatorName}${s ? `（${s}）` : ""}`,
          after: { text: reading.reading.text.trim() },
        });
      }
    }
    return { result: { kind: "saved" as const, key }, audit };
  });
}

/** Adds a target to an indicator series of the item; "preview" only reads it back. */
/** The indicator and series of a target choice: a JSON pair (a form field may not carry control characters). */
function targetChoice(value: string): [string, string] {
  try {
    const v: unknown = JSON.parse(value);
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string"))
      return [String(v[0]), String(v[1])];
  } catch {}
  return ["", ""];
}

export async function addTarget(
  db: DB,
  user: Actor,
  planId: string,
  itemKey: string,
  raw: unknown,
): Promise<Preview | { kind: "saved" }> {
  const plan = await planOf(db, user, planId);
  const input = parseInput(addTargetSchema, raw);
  const [indicatorKey, series = ""] = targetChoice(input.targetFor);
  const editor = await getPlanEditor(db, user, plan.id);
  const found = findWithPath(editor.doc.items, itemKey);
  const indicator = found?.item.indicators.find((i) => i.key === indicatorKey);
  if (!indicator || (series !== "" && !indicator.series.includes(series)))
    throw invalid({ targetFor: "指標が見つかりません。ページを読み込み直してください。" });
  const reading = readTargetText(input.targetText, indicator.unit, input.targetBasis);
  if (reading.basisProblem) throw invalid({ targetBasis: reading.basisProblem });
  if (input.action === "preview") return { kind: "preview", readings: [{ series, reading }] };
  return edit(db, user, plan.id, input.version, async (trx, rows) => {
    const row = rows.find((r) => r.key === itemKey);
    if (!row) throw notFound("指定された項目は見つかりません。");
    const ind = (await repo.indicatorsOfItem(trx, user.municipalityCode, row.id)).find(
      (i) => i.key === indicatorKey,
    );
    if (!ind) throw notFound("指定された指標は見つかりません。");
    await repo.insertTarget(trx, user.municipalityCode, ind.id, series, targetColumns(reading.reading));
    return {
      result: { kind: "saved" as const },
      audit: [
        {
          action: "target.add",
          itemKey,
          subject: `${labelOf(row)} / ${indicator.name}${series ? `（${series}）` : ""}`,
          after: { text: reading.reading.text.trim() },
        },
      ],
    };
  });
}
