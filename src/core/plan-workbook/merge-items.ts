/**
 * The 項目, 項目の記述 and 指標 sheets merged onto the document. A key updates that record; an unknown key
 * adds one with that key; a blank key takes the record of the same name under the same parent, or adds
 * one with a new readable key. Changing 親項目キー (or an indicator's 項目キー) moves the record.
 */

import { walkItems } from "../plan-document/document.ts";
import type { Indicator, Item } from "../plan-document/schema.ts";
import { type MergeContext, nextKey, setField } from "./merge-context.ts";
import type { Table, TableRow } from "./table.ts";

const newItem = (key: string, title: string): Item => ({
  key,
  title,
  texts: {},
  departments: [],
  attributes: {},
  indicators: [],
  progress: [],
  activities: [],
  children: [],
});

function childrenOf(ctx: MergeContext, parent: string | undefined): Item[] {
  return parent === undefined ? ctx.doc.items : (ctx.items.get(parent)?.children ?? []);
}

/** Reports department keys that name no department, so that a typo is not stored as a dangling reference. */
export function checkDepartments(ctx: MergeContext, row: TableRow, keys: string[]) {
  for (const k of keys) {
    if (ctx.departments.has(k)) continue;
    const named = ctx.doc.departments.filter((d) => d.name === k);
    const hint = named.length === 1 ? `（名称が「${k}」の部署のキーは「${named[0]!.key}」です）` : "";
    row.error("departments", "ref.missing", `部署キー「${k}」の部署がありません${hint}`, k);
  }
}

export function mergeItems(table: Table, ctx: MergeContext) {
  type Placement = { item: Item; parent: string | undefined; row: TableRow; isNew: boolean };
  const placements: Placement[] = [];
  const touched: { item: Item; row: TableRow }[] = [];
  const removals: { item: Item; row: TableRow }[] = [];
  const pending = (parent: string | undefined) =>
    placements.filter((p) => p.isNew && p.parent === parent).map((p) => p.item);

  for (const row of table.rows) {
    const key = row.key("key");
    const parent = row.key("parent");
    const title = row.has("title") ? nonBlank(row.text("title")) : undefined;
    let item =
      key !== undefined
        ? ctx.items.get(key)
        : [...childrenOf(ctx, parent), ...pending(parent)].find(
            (i) => title !== undefined && i.title === title,
          );
    if (row.isDeleted()) {
      if (item) removals.push({ item, row });
      else row.note("warning", "key", "delete.missing", "削除する項目がありません");
      continue;
    }
    if (!item) {
      if (title === undefined) {
        row.error("title", "cell.required", "新しい項目には項目名が必要です");
        continue;
      }
      const siblings = [...childrenOf(ctx, parent), ...pending(parent)].map((i) => i.key);
      const newKey =
        key ?? nextKey(siblings, parent === undefined ? "" : `${parent}-`, (k) => ctx.items.has(k));
      item = newItem(newKey, title);
      ctx.items.set(newKey, item);
      placements.push({ item, parent, row, isNew: true });
    } else if (ctx.parents.get(item.key) !== parent) {
      placements.push({ item, parent, row, isNew: false });
    }
    if (row.has("title")) {
      if (title === undefined) row.error("title", "cell.required", "項目名がありません");
      else item.title = title;
    }
    if (row.has("number")) setField(item, "number", nonBlank(row.text("number")));
    if (row.has("description")) setField(item, "description", row.text("description"));
    if (row.has("departments")) item.departments = row.list("departments");
    if (row.has("cross_listing_of")) setField(item, "crossListingOf", row.key("cross_listing_of"));
    touched.push({ item, row });
  }

  for (const p of placements) place(ctx, p);
  const levels = ctx.doc.plan.levels.length;
  for (const p of placements) {
    if (depthOf(ctx, p.item.key) + heightOf(p.item) >= levels) {
      p.row.error("parent", "item.depth", `階層が計画の階層名（${levels} 段）より深くなります`);
    }
  }
  for (const { item, row } of touched) {
    checkDepartments(ctx, row, item.departments);
    const original = item.crossListingOf;
    if (original === undefined) continue;
    if (!ctx.items.has(original))
      row.error("cross_listing_of", "ref.missing", `再掲元キー「${original}」の項目がありません`, original);
    else if (original === item.key)
      row.error("cross_listing_of", "ref.self", "自分自身を再掲元にはできません");
  }
  remove(ctx, removals);
}

function place(
  ctx: MergeContext,
  p: { item: Item; parent: string | undefined; row: TableRow; isNew: boolean },
) {
  if (p.parent !== undefined && !ctx.items.has(p.parent)) {
    p.row.error("parent", "ref.missing", `親項目キー「${p.parent}」の項目がありません`, p.parent);
    return;
  }
  for (let k = p.parent; k !== undefined; k = ctx.parents.get(k)) {
    if (k === p.item.key) {
      p.row.error("parent", "ref.cycle", "項目を自分の下に移すことはできません", p.parent);
      return;
    }
  }
  if (!p.isNew) {
    const from = childrenOf(ctx, ctx.parents.get(p.item.key));
    from.splice(from.indexOf(p.item), 1);
  }
  childrenOf(ctx, p.parent).push(p.item);
  ctx.parents.set(p.item.key, p.parent);
}

function depthOf(ctx: MergeContext, key: string): number {
  let depth = 0;
  for (let k = ctx.parents.get(key); k !== undefined; k = ctx.parents.get(k)) depth++;
  return depth;
}

function heightOf(item: Item): number {
  return Math.max(0, ...[...walkItems(item.children)].map((w) => w.depth + 1));
}

/** 削除: an item goes with its texts, indicators and values, but never from under children or 再掲. */
function remove(ctx: MergeContext, removals: { item: Item; row: TableRow }[]) {
  const going = new Set(removals.map((r) => r.item.key));
  for (const { item, row } of removals) {
    const kept = item.children.filter((c) => !going.has(c.key));
    if (kept.length > 0) {
      row.error(
        "delete",
        "delete.children",
        `子項目（${kept.map((c) => c.key).join("、")}）があるため削除できません`,
      );
      continue;
    }
    const citing = [...ctx.items.values()].filter((i) => i.crossListingOf === item.key && !going.has(i.key));
    if (citing.length > 0) {
      row.error("delete", "delete.cited", `項目「${citing[0]!.key}」が再掲しているため削除できません`);
      continue;
    }
    const siblings = childrenOf(ctx, ctx.parents.get(item.key));
    if (siblings.includes(item)) siblings.splice(siblings.indexOf(item), 1);
    for (const { item: gone } of walkItems([item])) {
      ctx.removedItems.add(gone.key);
      for (const ind of gone.indicators) ctx.removedIndicators.add(ind.key);
    }
  }
  ctx.reindex();
}

/** 項目の記述: one text (記述) or attribute (属性) of an item per row, by its heading. */
export function mergeItemTexts(table: Table, ctx: MergeContext) {
  for (const row of table.rows) {
    const item = itemOf(ctx, row);
    const section = row.choice("section");
    const heading = row.key("heading");
    if (section === undefined && row.key("section") === undefined)
      row.error("section", "cell.required", "区分がありません");
    if (heading === undefined) row.error("heading", "cell.required", "見出しがありません");
    if (!item || section === undefined || heading === undefined) continue;
    const record = section === "text" ? item.texts : item.attributes;
    if (row.isDeleted()) delete record[heading];
    else if (row.has("content")) record[heading] = row.text("content") ?? "";
    else record[heading] ??= "";
  }
}

/** The item a row refers to by 項目キー; undefined (reported, or skipped when removed in this reading). */
export function itemOf(ctx: MergeContext, row: TableRow, column = "item_key"): Item | undefined {
  const key = row.key(column);
  if (key === undefined) {
    row.error(column, "cell.required", "項目キーがありません");
    return undefined;
  }
  if (ctx.removedItems.has(key)) return undefined;
  const item = ctx.items.get(key);
  if (!item) row.error(column, "ref.missing", `項目キー「${key}」の項目がありません`, key);
  return item;
}

export function mergeIndicators(table: Table, ctx: MergeContext) {
  for (const row of table.rows) {
    const key = row.key("key");
    const item = itemOf(ctx, row);
    if (!item) continue;
    const name = row.has("name") ? nonBlank(row.text("name")) : undefined;
    let found: { ind: Indicator; item: Item } | undefined;
    if (key !== undefined) found = ctx.indicators.get(key);
    else {
      const ind = item.indicators.find((i) => name !== undefined && i.name === name);
      found = ind && { ind, item };
    }
    if (row.isDeleted()) {
      if (!found) row.note("warning", "key", "delete.missing", "削除する指標がありません");
      else {
        found.item.indicators.splice(found.item.indicators.indexOf(found.ind), 1);
        ctx.indicators.delete(found.ind.key);
        ctx.removedIndicators.add(found.ind.key);
      }
      continue;
    }
    if (!found) {
      if (name === undefined) {
        row.error("name", "cell.required", "新しい指標には指標名が必要です");
        continue;
      }
      const siblings = item.indicators.map((i) => i.key);
      const newKey = key ?? nextKey(siblings, `${item.key}-i`, (k) => ctx.indicators.has(k));
      const ind: Indicator = {
        key: newKey,
        name,
        series: [],
        departments: [],
        baselines: [],
        targets: [],
        actuals: [],
      };
      item.indicators.push(ind);
      found = { ind, item };
      ctx.indicators.set(newKey, found);
    } else if (found.item !== item) {
      found.item.indicators.splice(found.item.indicators.indexOf(found.ind), 1);
      item.indicators.push(found.ind);
      found = { ind: found.ind, item };
      ctx.indicators.set(found.ind.key, found);
    }
    const { ind } = found;
    if (row.has("name")) {
      if (name === undefined) row.error("name", "cell.required", "指標名がありません");
      else ind.name = name;
    }
    if (row.has("number")) setField(ind, "number", nonBlank(row.text("number")));
    if (row.has("unit")) setField(ind, "unit", nonBlank(row.text("unit")));
    if (row.has("series")) ind.series = row.list("series");
    if (row.has("departments")) {
      ind.departments = row.list("departments");
      checkDepartments(ctx, row, ind.departments);
    }
    if (row.has("stages")) {
      const stages = row.list("stages");
      setField(ind, "stages", stages.length > 0 ? stages : undefined);
    }
  }
}

/** Blank text is no text: a title of spaces is as good as none. */
export function nonBlank(t: string | undefined): string | undefined {
  return t === undefined || t.trim() === "" ? undefined : t;
}
