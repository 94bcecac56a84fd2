/**
 * What storing a plan document over the stored plan would change: per item, indicator, series and fiscal
 * year, before → after, with what it adds and what it removes. Pure: two plan documents in, a list out.
 * An import shows this list before anything is stored (the preview, `gyokaku import --dry-run`), refuses
 * removals without consent, and writes every change into the item's history after storing.
 *
 * Where a value was read from (`source`) is not content: a value read again from another line is unchanged.
 */
import type { Department, Indicator, Item, PlanDocument } from "../plan-document/schema.ts";

export type ChangeKind = "added" | "removed" | "changed";

/** What a change is about. */
export type ChangeTarget =
  | "plan"
  | "department"
  | "item"
  | "item.field"
  | "indicator"
  | "indicator.field"
  | "baseline"
  | "target"
  | "actual"
  | "progress"
  | "activity";

export type PlanChange = {
  kind: ChangeKind;
  target: ChangeTarget;
  /** the item the change belongs to; absent for the plan itself and its departments */
  itemKey?: string | undefined;
  /** the item as a person names it: 「1-1-1 双方向の情報共有」 */
  itemLabel?: string | undefined;
  indicatorKey?: string | undefined;
  /** the indicator as a person names it: 「指標① フォロワー数」 */
  indicatorLabel?: string | undefined;
  /** a field of the plan, item, indicator or progress entry (title, description, texts.現状と課題 …) */
  field?: string | undefined;
  series?: string | undefined;
  fiscalYear?: number | undefined;
  /** a removed item's place in the tree: its parent's key (null at the top), its position among its
   * siblings and the key of the sibling before it (null when first) — with `before`, enough to put it back */
  parentKey?: string | null | undefined;
  position?: number | undefined;
  previousKey?: string | null | undefined;
  /** the whole value before (absent when added): enough to restore it */
  before?: unknown;
  /** the whole value after (absent when removed) */
  after?: unknown;
  /** the fiscal years whose figures or texts the change touches (for marking published or locked years) */
  years: number[];
};

/** A change that takes something away: an item, indicator, value, progress entry, activity or a filled field. */
export function isRemoval(c: PlanChange): boolean {
  return c.kind === "removed" && c.target !== "department" && c.target !== "plan";
}

/** JSON with sorted keys and without `source` anywhere: the content of a value, for comparing. */
export function content(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x === null || typeof x !== "object" || Array.isArray(x)) return x;
    const o = x as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => k !== "source" && o[k] !== undefined)
        .sort()
        .map((k) => [k, o[k]]),
    );
  });
}

const same = (a: unknown, b: unknown) => content(a) === content(b);
const filled = (v: unknown) =>
  v !== undefined &&
  v !== null &&
  v !== "" &&
  !(Array.isArray(v) && v.length === 0) &&
  !(typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);

export const itemLabel = (i: Item) => [i.number ?? i.key, i.title].join(" ").trim();
export const indicatorLabel = (i: Indicator) => `指標${i.number ?? ""} ${i.name}`.trim();

type Context = Omit<PlanChange, "kind" | "target" | "before" | "after" | "years" | "field">;

/** The changes of one field or keyed value: added, removed (only what was filled) or changed. */
function compare(
  out: PlanChange[],
  ctx: Context & { target: ChangeTarget; field?: string | undefined },
  before: unknown,
  after: unknown,
  years: number[] = [],
): void {
  if (same(before, after)) return;
  const [b, a] = [filled(before), filled(after)];
  if (!b && !a) return;
  const kind: ChangeKind = !b ? "added" : !a ? "removed" : "changed";
  out.push({
    ...ctx,
    kind,
    ...(b ? { before } : {}),
    ...(a ? { after } : {}),
    years,
  });
}

/** Keys of an object's own fields other than those compared on their own. */
function fieldsOf(o: object, skip: readonly string[]): string[] {
  return Object.keys(o).filter((k) => !skip.includes(k));
}

/** Compares the plain fields of two objects; records (texts, attributes) field by field. */
function compareFields(
  out: PlanChange[],
  ctx: Context & { target: ChangeTarget },
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  skip: readonly string[],
  years: number[] = [],
): void {
  const keys = [...new Set([...fieldsOf(before, skip), ...fieldsOf(after, skip)])];
  for (const k of keys) {
    const [b, a] = [before[k], after[k]];
    const isRecord = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
    if (
      (isRecord(b) || b === undefined) &&
      (isRecord(a) || a === undefined) &&
      (isRecord(b) || isRecord(a))
    ) {
      const [rb, ra] = [(b ?? {}) as Record<string, unknown>, (a ?? {}) as Record<string, unknown>];
      for (const sub of [...new Set([...Object.keys(rb), ...Object.keys(ra)])])
        compare(out, { ...ctx, field: `${k}.${sub}` }, rb[sub], ra[sub], years);
    } else compare(out, { ...ctx, field: k }, b, a, years);
  }
}

/** Values keyed by series (and position within the series, for several targets of one series). */
function bySeries<T extends { series?: string | undefined }>(list: readonly T[]): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const v of list) {
    const s = v.series ?? "";
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    out.set(`${s}\u0000${n}`, v);
  }
  return out;
}

function keyed<T>(list: readonly T[], key: (v: T) => string): Map<string, T> {
  return new Map(list.map((v) => [key(v), v]));
}

function union<T>(a: Map<string, T>, b: Map<string, T>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])];
}

const yearOf = (v: unknown) => {
  const fy = (v as { fiscalYear?: unknown } | undefined)?.fiscalYear;
  return typeof fy === "number" ? [fy] : [];
};

function indicatorYears(i: Indicator): number[] {
  return i.actuals.map((a) => a.fiscalYear);
}

/** The fiscal years an item's subtree has figures or texts for. */
function itemYears(item: Item): number[] {
  const years = new Set<number>();
  const visit = (i: Item) => {
    for (const ind of i.indicators) for (const y of indicatorYears(ind)) years.add(y);
    for (const p of i.progress) years.add(p.fiscalYear);
    for (const a of i.activities) years.add(a.fiscalYear);
    for (const c of i.children) visit(c);
  };
  visit(item);
  return [...years].sort((a, b) => a - b);
}

function diffIndicator(out: PlanChange[], ctx: Context, before: Indicator, after: Indicator): void {
  const c = { ...ctx, indicatorKey: after.key, indicatorLabel: indicatorLabel(after) };
  compareFields(out, { ...c, target: "indicator.field" }, before, after, [
    "key",
    "baselines",
    "targets",
    "actuals",
  ]);
  for (const [target, list] of [
    ["baseline", "baselines"],
    ["target", "targets"],
  ] as const) {
    const [b, a] = [
      bySeries<{ series?: string | undefined }>(before[list]),
      bySeries<{ series?: string | undefined }>(after[list]),
    ];
    for (const k of union(b, a)) {
      const [vb, va] = [b.get(k), a.get(k)];
      const series = (vb ?? va)!.series;
      compare(out, { ...c, target, series }, vb, va, [...yearOf(vb), ...yearOf(va)]);
    }
  }
  const actualKey = (v: { series?: string | undefined; fiscalYear: number }) =>
    `${v.series ?? ""}\u0000${v.fiscalYear}`;
  const [b, a] = [keyed(before.actuals, actualKey), keyed(after.actuals, actualKey)];
  for (const k of union(b, a)) {
    const v = (b.get(k) ?? a.get(k))!;
    compare(out, { ...c, target: "actual", series: v.series, fiscalYear: v.fiscalYear }, b.get(k), a.get(k), [
      v.fiscalYear,
    ]);
  }
}

function diffItem(out: PlanChange[], before: Item, after: Item, parents: [string?, string?]): void {
  const ctx: Context = { itemKey: after.key, itemLabel: itemLabel(after) };
  compareFields(out, { ...ctx, target: "item.field" }, before, after, [
    "key",
    "indicators",
    "progress",
    "activities",
    "children",
  ]);
  if (parents[0] !== parents[1])
    compare(
      out,
      { ...ctx, target: "item.field", field: "parent" },
      parents[0] ?? "（最上位）",
      parents[1] ?? "（最上位）",
    );
  const [ib, ia] = [keyed(before.indicators, (i) => i.key), keyed(after.indicators, (i) => i.key)];
  for (const k of union(ib, ia)) {
    const [b, a] = [ib.get(k), ia.get(k)];
    if (b && a) diffIndicator(out, ctx, b, a);
    else {
      const ind = (b ?? a)!;
      const c = {
        ...ctx,
        indicatorKey: k,
        indicatorLabel: indicatorLabel(ind),
        target: "indicator" as const,
      };
      compare(out, c, b, a, indicatorYears(ind));
    }
  }
  const progressKey = (p: { fiscalYear: number }) => String(p.fiscalYear);
  const [pb, pa] = [keyed(before.progress, progressKey), keyed(after.progress, progressKey)];
  for (const k of union(pb, pa)) {
    const [b, a] = [pb.get(k), pa.get(k)];
    const fiscalYear = (b ?? a)!.fiscalYear;
    if (b && a)
      compareFields(
        out,
        { ...ctx, target: "progress", fiscalYear },
        b,
        a,
        ["fiscalYear", "source"],
        [fiscalYear],
      );
    else compare(out, { ...ctx, target: "progress", fiscalYear }, b, a, [fiscalYear]);
  }
  const activityKey = (list: Item["activities"]) => {
    const seen = new Map<string, number>();
    return new Map(
      list.map((v) => {
        const k = `${v.fiscalYear}\u0000${v.kind}`;
        const n = seen.get(k) ?? 0;
        seen.set(k, n + 1);
        return [`${k}\u0000${n}`, v];
      }),
    );
  };
  const [ab, aa] = [activityKey(before.activities), activityKey(after.activities)];
  for (const k of union(ab, aa)) {
    const v = (ab.get(k) ?? aa.get(k))!;
    compare(out, { ...ctx, target: "activity", fiscalYear: v.fiscalYear }, ab.get(k), aa.get(k), [
      v.fiscalYear,
    ]);
  }
}

type Placed = { item: Item; parent?: string | undefined; position: number; previous?: string | undefined };

function placed(items: readonly Item[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  // Depth first in document order, without recursion (a deep tree must not exhaust the stack).
  const stack: Placed[] = items
    .map((item, position) => ({ item, position, previous: items[position - 1]?.key }))
    .reverse();
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (!out.has(p.item.key)) out.set(p.item.key, p);
    for (let i = p.item.children.length - 1; i >= 0; i--)
      stack.push({
        item: p.item.children[i]!,
        parent: p.item.key,
        position: i,
        previous: p.item.children[i - 1]?.key,
      });
  }
  return out;
}

/** An item as a whole (for an added or removed item): everything but its children, which are listed apart. */
const withoutChildren = ({ children: _c, ...rest }: Item) => rest;

function diffDepartments(out: PlanChange[], before: Department[], after: Department[]): void {
  const [b, a] = [keyed(before, (d) => d.key), keyed(after, (d) => d.key)];
  // Departments are the municipality's, shared by its plans: one left out of a document is kept, not removed.
  for (const [k, d] of a) compare(out, { target: "department", field: k }, b.get(k), d);
}

/**
 * The changes that storing `after` over `before` makes (before null: a new plan, everything added).
 * Items are matched by key wherever they stand in the tree; indicators by key within their item; values by
 * series and fiscal year; progress by fiscal year.
 */
export function diffPlans(before: PlanDocument | null, after: PlanDocument): PlanChange[] {
  const out: PlanChange[] = [];
  if (before) {
    const { sources: _sb, ...pb } = before.plan;
    const { sources: _sa, ...pa } = after.plan;
    compareFields(
      out,
      { target: "plan" },
      { name: before.municipality.name, ...pb },
      {
        name: after.municipality.name,
        ...pa,
      },
      [],
    );
  }
  diffDepartments(out, before?.departments ?? [], after.departments);
  const [ib, ia] = [placed(before?.items ?? []), placed(after.items)];
  // In document order of the new plan, then what is gone in the order of the old one.
  for (const [k, a] of ia) {
    const b = ib.get(k);
    if (b) diffItem(out, b.item, a.item, [b.parent, a.parent]);
    else
      compare(
        out,
        { itemKey: k, itemLabel: itemLabel(a.item), target: "item" },
        undefined,
        withoutChildren(a.item),
        itemYears({ ...a.item, children: [] }),
      );
  }
  for (const [k, b] of ib)
    if (!ia.has(k))
      compare(
        out,
        {
          itemKey: k,
          itemLabel: itemLabel(b.item),
          target: "item",
          parentKey: b.parent ?? null,
          position: b.position,
          previousKey: b.previous ?? null,
        },
        withoutChildren(b.item),
        undefined,
        itemYears({ ...b.item, children: [] }),
      );
  return out;
}

/** How many changes of each kind, for a one-line summary. */
export function tally(changes: readonly PlanChange[]): { added: number; changed: number; removed: number } {
  return {
    added: changes.filter((c) => c.kind === "added").length,
    changed: changes.filter((c) => c.kind === "changed").length,
    removed: changes.filter((c) => c.kind === "removed").length,
  };
}
