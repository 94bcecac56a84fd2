/**
 * What the merges share: the document being built on `base`, indexes by key, the findings, and the rules
 * every sheet follows (readable new keys, 出典 of changed values, the stage ladder for reading values).
 */

import {
  DEFAULT_STAGE_LADDER,
  extendLadder,
  findStage,
  type StageLadder,
} from "../../domain/values/index.ts";
import { walkItems } from "../plan-document/document.ts";
import type { Department, Indicator, Item, PlanDocument, Source } from "../plan-document/schema.ts";
import { parseSource } from "./cells.ts";
import type { Problems, TableRow } from "./table.ts";

export class MergeContext {
  readonly items = new Map<string, Item>();
  /** item key → parent key (undefined at the top) */
  readonly parents = new Map<string, string | undefined>();
  readonly indicators = new Map<string, { ind: Indicator; item: Item }>();
  readonly departments = new Map<string, Department>();
  /** Removed in this reading: rows of their values are skipped instead of refused. */
  readonly removedItems = new Set<string>();
  readonly removedIndicators = new Set<string>();
  private readonly ladders = new Map<string, StageLadder>();

  constructor(
    readonly doc: PlanDocument,
    /** false when the plan is new: then every row is new and its 出典 column is taken as written */
    readonly planExists: boolean,
    readonly file: string,
    readonly problems: Problems,
  ) {
    this.reindex();
  }

  reindex() {
    this.items.clear();
    this.parents.clear();
    this.indicators.clear();
    this.departments.clear();
    for (const d of this.doc.departments) this.departments.set(d.key, d);
    for (const { item } of walkItems(this.doc.items)) {
      this.items.set(item.key, item);
      for (const child of item.children) this.parents.set(child.key, item.key);
      for (const ind of item.indicators) this.indicators.set(ind.key, { ind, item });
    }
  }

  /** The stage ladder used to read values: the default one with the plan's and the indicator's own words. */
  ladder(ind?: Indicator): StageLadder {
    const words = [...(this.doc.plan.stages ?? []), ...(ind?.stages ?? [])];
    const id = words.join("\n");
    let ladder = this.ladders.get(id);
    if (!ladder) {
      ladder = ladderWith(words);
      this.ladders.set(id, ladder);
    }
    return ladder;
  }

  /**
   * 出典 of a record read from a row. A new plan takes the column as written (an exported plan, or one
   * typed from scratch). In a stored plan the column is not read: an unchanged record keeps its 出典, and
   * a new or changed one came from this workbook, so its 出典 is this cell. (Reading the column there would
   * let a workbook exported before an earlier import put back the 出典 that import replaced.)
   */
  source(row: TableRow, column: string | undefined, base: { source?: Source } | undefined, changed: boolean) {
    if (!this.planExists) {
      const text = row.has("source") ? row.text("source") : undefined;
      return text === undefined || text.trim() === "" ? undefined : parseSource(text);
    }
    if (base && !changed) return base.source;
    const at = row.place(column);
    return { file: this.file, sheet: at.sheet, row: at.row, ...(at.column ? { column: at.column } : {}) };
  }
}

/**
 * Words not on the default ladder go just above the word before them (or just below the word after them),
 * so that a plan's own word such as 本格運用 is read as a stage. A word that cannot be placed is left out:
 * its cells are then read as text, which is kept as written.
 */
function ladderWith(words: readonly string[]): StageLadder {
  let ladder = DEFAULT_STAGE_LADDER;
  words.forEach((word, i) => {
    if (findStage(ladder, word)) return;
    const before = words[i - 1];
    const after = words.slice(i + 1).find((w) => findStage(ladder, w));
    try {
      if (before !== undefined && findStage(ladder, before))
        ladder = extendLadder(ladder, { word, above: before });
      else if (after !== undefined) ladder = extendLadder(ladder, { word, below: after });
    } catch {
      // Left out: see above.
    }
  });
  return ladder;
}

/** Deep equality of plain JSON data, ignoring key order. */
export function same(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "undefined";
}

/** A record without its 出典, for telling whether a row changed it. */
export function withoutSource<T extends { source?: unknown }>(r: T): Omit<T, "source"> {
  const { source: _, ...rest } = r;
  return rest;
}

/** Sets an optional field, removing it for undefined (the plan document never holds undefined). */
export function setField<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined) {
  if (v === undefined) delete o[k];
  else o[k] = v;
}

/**
 * A readable new key that continues the siblings' numbering (1-1-1, 1-1-2 → 1-1-3; item-9 → item-10),
 * or `prefix` + a number when the siblings are not numbered.
 */
export function nextKey(siblings: readonly string[], prefix: string, taken: (k: string) => boolean): string {
  const last = siblings.at(-1);
  const m = last === undefined ? null : /^(.*?)(\d+)$/.exec(last);
  let head = prefix;
  let n = siblings.length + 1;
  if (m) {
    head = m[1]!;
    const numbers = siblings.map((s) => (s.startsWith(head) ? Number(s.slice(head.length)) : Number.NaN));
    n = Math.max(...numbers.filter((x) => Number.isInteger(x)), 0) + 1;
  }
  while (taken(`${head}${n}`)) n++;
  return `${head}${n}`;
}
