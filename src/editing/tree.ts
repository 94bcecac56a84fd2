/**
 * The plan tree as rows (parent and position), and the operations plan editing needs: adding a child,
 * moving an item with its subtree, and recomputing depth and position. Positions are the pre-order of the
 * whole plan (the plan store orders items by position and builds the tree from parent links). Pure.
 */
export type TreeRow = { id: string; parentId: string | null; position: number };
export type Placed = { id: string; parentId: string | null; depth: number; position: number };

/** Children of each parent (null: the roots), in position order. */
function childrenOf(rows: readonly TreeRow[]): Map<string | null, TreeRow[]> {
  const m = new Map<string | null, TreeRow[]>();
  for (const r of [...rows].sort((a, b) => a.position - b.position)) {
    const list = m.get(r.parentId) ?? [];
    list.push(r);
    m.set(r.parentId, list);
  }
  return m;
}

/** Depth and pre-order position of every row. */
export function place(rows: readonly TreeRow[]): Placed[] {
  const kids = childrenOf(rows);
  const out: Placed[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const r of kids.get(parent) ?? []) {
      out.push({ id: r.id, parentId: r.parentId, depth, position: out.length });
      visit(r.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Whether `id` is `ancestor` or lies below it. */
export function isWithin(rows: readonly TreeRow[], id: string | null, ancestor: string): boolean {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>(); // a parent loop in the rows ends the walk instead of hanging it
  for (let cur = id; cur !== null && !seen.has(cur); cur = byId.get(cur)?.parentId ?? null) {
    if (cur === ancestor) return true;
    seen.add(cur);
  }
  return false;
}

/** The siblings of an item's new place, in order, with the item put at `index` (0-based, clamped). */
function insertAt(rows: readonly TreeRow[], id: string, parentId: string | null, index: number): TreeRow[] {
  const others = rows.filter((r) => r.id !== id);
  const siblings = childrenOf(others).get(parentId) ?? [];
  const at = Math.max(0, Math.min(index, siblings.length));
  const ordered = [...siblings.slice(0, at), { id, parentId, position: 0 }, ...siblings.slice(at)];
  // Fractional positions keep the siblings' order relative to everything else until place() renumbers.
  const base = siblings[0]?.position ?? 0;
  const reordered = ordered.map((r, i) => ({ ...r, position: base + i / (ordered.length + 1) }));
  const ids = new Set(ordered.map((r) => r.id));
  return [...others.filter((r) => !ids.has(r.id)), ...reordered];
}

/**
 * Moves an item (with its subtree) under another parent (null: top level) at a sibling index.
 * Throws when the new parent is the item itself or lies below it.
 */
export function moveItem(
  rows: readonly TreeRow[],
  id: string,
  parentId: string | null,
  index: number,
): Placed[] {
  if (!rows.some((r) => r.id === id)) throw new Error(`no item ${id}`);
  if (parentId !== null && isWithin(rows, parentId, id)) throw new Error("an item cannot move below itself");
  return place(insertAt(rows, id, parentId, index));
}

/** Adds a new item as the last child of a parent (null: top level). */
export function addItem(rows: readonly TreeRow[], id: string, parentId: string | null): Placed[] {
  const siblings = rows.filter((r) => r.parentId === parentId).length;
  return place(
    insertAt([...rows, { id, parentId, position: Number.MAX_SAFE_INTEGER }], id, parentId, siblings),
  );
}

/** The sibling index of an item. */
export function indexAmongSiblings(rows: readonly TreeRow[], id: string): number {
  const r = rows.find((x) => x.id === id)!;
  return (childrenOf(rows).get(r.parentId) ?? []).findIndex((x) => x.id === id);
}
