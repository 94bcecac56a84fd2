/**
 * A baseline (初期値), target (目標) or actual (実績値) from its cells: 記載 (the text as written) beside
 * what was understood of it (種類, 数値, 単位, 段階 …).
 *
 * The text as written is the value; the other columns are its reading. What a person changed is told by
 * comparing 記載 and 数値 with the reference: the hidden columns holding them as exported, or, in a sheet
 * without those, the stored value. Then:
 *  - neither changed: the understood columns are taken as they are (a person may correct them, e.g. mark a
 *    value as 文章), so that an exported value comes back exactly;
 *  - 記載 changed: it is read again with the value reader, since the columns beside it are now stale;
 *  - only 数値 changed (or only 数値 is filled): the text is made from the number and unit;
 *  - no reference at all (a row typed into a sheet without the hidden columns): 記載 is read, and understood
 *    columns that agree with the reading are kept as they are.
 */

import {
  normalizeCell,
  normalizeStageWord,
  type ReadTarget,
  type ReadValue,
  readBasis,
  readTarget,
  readValue,
  type StageLadder,
  SUMMABLE_TARGET_KINDS,
  type TargetBasis,
  type TargetKind,
} from "../../domain/values/index.ts";
import type { Target, Value } from "../plan-document/schema.ts";
import { formatNumber } from "./cells.ts";

export type ValueCore = Omit<Value, "source">;
export type TargetCore = Omit<Target, "source">;

/** The cells of a value row, with a stored field standing in for a column the sheet does not have. */
export type ValueCells = {
  text?: string | undefined;
  kind?: string | undefined;
  number?: number | undefined;
  unit?: string | undefined;
  stage?: string | undefined;
  unreadable?: string | undefined;
  fiscalYear?: number | undefined;
  fromFiscalYear?: number | undefined;
  direction?: string | undefined;
  relativeToFiscalYear?: number | undefined;
  changeAmount?: number | undefined;
  changeUnit?: string | undefined;
  basis?: string | undefined;
};

/** How the value was found: kept, read from 記載, or made from 数値. */
export type Resolution<C> = { core: C; from: "kept" | "text" | "number"; disagreement?: string };

/** Reads the value of one sheet kind: a value (初期値, 実績値) or a target (目標). */
type Codec<C extends { text: string; kind: string }, R> = {
  read(text: string, ladder: StageLadder): R;
  fromReading(r: R, c: ValueCells): C;
  fromCells(c: ValueCells, text: string): C;
  /** The understood columns agree with the reading (so they may be kept as they are). */
  agrees(c: ValueCells, r: R): boolean;
  emptyKind: C["kind"];
};

/** 記載 and 数値 before the person's edits: as exported, or as stored. */
export type Reference = { text: string; number?: number | undefined };

function resolve<
  C extends { text: string; kind: string; number?: number | undefined; unit?: string | undefined },
  R,
>(codec: Codec<C, R>, c: ValueCells, ref: Reference | undefined, ladder: StageLadder): Resolution<C> {
  const text = c.text ?? "";
  const read = (): Resolution<C> => ({ core: codec.fromReading(codec.read(text, ladder), c), from: "text" });
  const kept = (): Resolution<C> => ({
    core: codec.fromCells({ ...c, kind: c.kind ?? codec.emptyKind }, text),
    from: "kept",
  });
  const fromNumber = (): Resolution<C> => ({
    core: codec.fromCells({ ...c, kind: c.kind ?? "number" }, `${formatNumber(c.number!)}${c.unit ?? ""}`),
    from: "number",
  });
  if (ref) {
    const numberSame = c.number === ref.number;
    if (text === ref.text) {
      if (numberSame) return text !== "" && c.kind === undefined ? read() : kept();
      if (c.number !== undefined) return fromNumber();
      return text === "" ? kept() : read();
    }
    // 記載 was changed: cleared (the value is then the number, if one is left), or rewritten.
    if (text === "") {
      if (c.number !== undefined) return fromNumber();
      return { core: codec.fromCells({ kind: codec.emptyKind }, ""), from: "text" };
    }
    const reading = read();
    if (!numberSame && c.number !== undefined && reading.core.number !== c.number)
      return { ...reading, disagreement: "記載と数値の両方が変わって食い違うため、記載を読みました" };
    return reading;
  }
  if (text === "") {
    if (c.number !== undefined) return fromNumber();
    if (c.stage !== undefined)
      return { core: codec.fromCells({ ...c, kind: "stage" }, c.stage), from: "text" };
    return kept();
  }
  if (c.kind === undefined) return read();
  if (codec.agrees(c, codec.read(text, ladder))) return kept();
  return { ...read(), disagreement: "記載と種類・数値などの列が食い違うため、記載を読み直しました" };
}

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const sameStage = (a: string | undefined, b: string | undefined) =>
  (a === undefined ? undefined : normalizeStageWord(a)) ===
  (b === undefined ? undefined : normalizeStageWord(b));

const valueCodec: Codec<ValueCore, ReadValue> = {
  read: (text, ladder) => readValue(text, { ladder }),
  fromReading: (r, c) =>
    defined({
      text: r.text,
      kind: r.kind,
      number: r.number,
      // 26684 typed where 25,000 stood keeps the unit column's unit.
      unit: r.unit ?? (r.kind === "number" ? c.unit : undefined),
      stage: r.stage,
      unreadable: r.unreadable,
    }),
  fromCells: (c, text) =>
    defined({
      text,
      kind: (c.kind ?? "empty") as ValueCore["kind"],
      number: c.number,
      unit: c.unit,
      stage: c.stage,
      unreadable: c.unreadable,
    }),
  agrees: (c, r) =>
    c.kind === r.kind &&
    (r.number === undefined || r.number === c.number) &&
    (r.unit === undefined || c.unit === undefined || r.unit === c.unit) &&
    (r.kind !== "stage" || sameStage(c.stage, r.stage)),
  emptyKind: "empty",
};

const NUMBER_TARGETS = new Set(["value_by_year", "floor", "ceiling"]);

const targetCodec: Codec<TargetCore, ReadTarget> = {
  read: (text, ladder) => readTarget(text, { ladder }),
  fromReading: (r, c) =>
    defined({
      text: r.text,
      kind: r.kind,
      number: r.number,
      unit: r.unit ?? (NUMBER_TARGETS.has(r.kind) ? c.unit : undefined),
      // 100% under a 2027年 column: the year stays where the row gave it.
      fiscalYear: r.fiscalYear ?? (r.kind === "value_by_year" ? c.fiscalYear : undefined),
      fromFiscalYear: r.fromFiscalYear,
      direction: r.direction,
      relativeToFiscalYear: r.relativeToFiscalYear,
      change: r.change,
      stage: r.stage,
      basis: (c.basis as TargetBasis | undefined) ?? r.basis,
      unreadable: r.unreadable,
    }),
  fromCells: (c, text) =>
    defined({
      text,
      kind: (c.kind ?? "text") as TargetCore["kind"],
      number: c.number,
      unit: c.unit,
      fiscalYear: c.fiscalYear,
      fromFiscalYear: c.fromFiscalYear,
      direction: c.direction as TargetCore["direction"],
      relativeToFiscalYear: c.relativeToFiscalYear,
      change: c.changeAmount === undefined ? undefined : { amount: c.changeAmount, unit: c.changeUnit ?? "" },
      stage: c.stage,
      // 累計 in 記載 with the 集計方法 column blank: the words say it.
      basis:
        (c.basis as TargetBasis | undefined) ??
        (SUMMABLE_TARGET_KINDS.includes(c.kind as TargetKind)
          ? readBasis(normalizeCell(text)).basis
          : undefined),
      unreadable: c.unreadable,
    }),
  agrees: (c, r) =>
    c.kind === r.kind &&
    (r.number === undefined || r.number === c.number) &&
    (r.fiscalYear === undefined || r.fiscalYear === c.fiscalYear) &&
    (r.fromFiscalYear === undefined || r.fromFiscalYear === c.fromFiscalYear) &&
    (r.direction === undefined || r.direction === c.direction) &&
    (r.relativeToFiscalYear === undefined || r.relativeToFiscalYear === c.relativeToFiscalYear) &&
    (r.change === undefined || r.change.amount === c.changeAmount) &&
    (r.stage === undefined || sameStage(r.stage, c.stage)),
  emptyKind: "text",
};

export function resolveValue(c: ValueCells, ref: Reference | undefined, ladder: StageLadder) {
  return resolve(valueCodec, c, ref, ladder);
}

export function resolveTarget(c: ValueCells, ref: Reference | undefined, ladder: StageLadder) {
  return resolve(targetCodec, c, ref, ladder);
}

/** The kinds a baseline or actual may have; a target kind in their 種類 column is an error. */
export const isValueKind = (k: string) => ["number", "stage", "text", "empty"].includes(k);
