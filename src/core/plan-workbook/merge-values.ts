/**
 * The 初期値・目標 and 実績値 sheets merged onto the indicators. An actual is its indicator, series and
 * year; a baseline or target is its indicator, series and 区分, matched in order when there are several.
 * How a row's cells become a value is in values.ts.
 */
import {
  checkActual,
  derivedRule,
  effectiveRule,
  errorsOf,
  indicatorKind,
  type RuleOverride,
} from "../../domain/rounds/plausibility.ts";
import { SUMMABLE_TARGET_KINDS } from "../../domain/values/index.ts";
import type { Indicator } from "../plan-document/schema.ts";
import { type MergeContext, same, withoutSource } from "./merge-context.ts";
import type { Table, TableRow } from "./table.ts";
import {
  isValueKind,
  type Reference,
  type Resolution,
  resolveTarget,
  resolveValue,
  type ValueCells,
} from "./values.ts";

type Baseline = Indicator["baselines"][number];
type Target = Indicator["targets"][number];
type Actual = Indicator["actuals"][number];
type PlannedValue = NonNullable<Indicator["plannedValues"]>[number];

/** The indicator a row refers to, and the row's series checked against it. */
function indicatorOf(
  ctx: MergeContext,
  row: TableRow,
): { ind: Indicator; series: string | undefined } | undefined {
  const key = row.key("indicator_key");
  if (key === undefined) {
    row.error("indicator_key", "cell.required", "指標キーがありません");
    return undefined;
  }
  if (ctx.removedIndicators.has(key)) return undefined;
  const found = ctx.indicators.get(key);
  if (!found) {
    row.error("indicator_key", "ref.missing", `指標キー「${key}」の指標がありません`, key);
    return undefined;
  }
  const series = row.key("series");
  const { ind } = found;
  if (series === undefined && ind.series.length > 0) {
    row.error("series", "value.series", `系列が必要です（指標の系列: ${ind.series.join("、")}）`);
    return undefined;
  }
  if (series !== undefined && !ind.series.includes(series)) {
    const known =
      ind.series.length > 0 ? `（指標の系列: ${ind.series.join("、")}）` : "（この指標には系列がありません）";
    row.error("series", "value.series", `系列「${series}」は指標「${ind.name}」にありません${known}`, series);
    return undefined;
  }
  return { ind, series };
}

/** A stored baseline, target or actual, as far as the value columns go. */
type Stored = {
  text?: string;
  kind?: string;
  number?: number | undefined;
  unit?: string | undefined;
  stage?: string | undefined;
  unreadable?: string | undefined;
  fiscalYear?: number | undefined;
  fromFiscalYear?: number | undefined;
  direction?: string | undefined;
  relativeToFiscalYear?: number | undefined;
  change?: { amount: number; unit: string } | undefined;
  basis?: string | undefined;
};

/** The value cells of a row; a column the sheet lacks stands in with the stored field. */
function valueCells(row: TableRow, base: Stored | undefined): ValueCells {
  const pick = <T>(id: string, read: (id: string) => T | undefined, stored: T | undefined) =>
    row.has(id) ? read(id) : stored;
  const text = (id: string) => row.text(id);
  const number = (id: string) => row.number(id);
  const year = (id: string) => row.year(id);
  const choice = (id: string) => row.choice(id);
  return {
    text: pick("text", text, base?.text),
    kind: pick("kind", choice, base?.kind),
    number: pick("number", number, base?.number),
    unit: pick("unit", (id) => row.text(id)?.trim() || undefined, base?.unit),
    stage: pick("stage", (id) => row.key(id), base?.stage),
    unreadable: pick("unreadable", text, base?.unreadable),
    fiscalYear: pick("fiscal_year", year, base?.fiscalYear),
    fromFiscalYear: pick("from_fiscal_year", year, base?.fromFiscalYear),
    direction: pick("direction", choice, base?.direction),
    relativeToFiscalYear: pick("relative_to_fiscal_year", year, base?.relativeToFiscalYear),
    changeAmount: pick("change_amount", number, base?.change?.amount),
    changeUnit: pick("change_unit", (id) => row.text(id)?.trim() || undefined, base?.change?.unit),
    basis: pick("basis", choice, base?.basis),
  };
}

/** 記載 and 数値 as exported (hidden columns), or else as stored; none for a new row of a hand-made sheet. */
function referenceOf(row: TableRow, base: Stored | undefined): Reference | undefined {
  if (row.has("exported_text") || row.has("exported_number")) {
    return { text: row.text("exported_text") ?? "", number: row.number("exported_number") };
  }
  return base && { text: base.text ?? "", number: base.number };
}

/**
 * Finishes a record: 出典 by the rules of MergeContext.source, the stored record itself when nothing
 * changed, and a finding for a value that could not be read or whose columns disagreed.
 */
function settle<R extends { source?: unknown; unreadable?: string | undefined }>(
  ctx: MergeContext,
  row: TableRow,
  made: R,
  base: R | undefined,
  resolution: Resolution<unknown>,
): R {
  const changed = !base || !same(withoutSource(made), withoutSource(base));
  const column = resolution.from === "number" ? "number" : "text";
  const source = ctx.source(row, column, base as { source?: never } | undefined, changed);
  const { source: _, ...rest } = made;
  const record = (source === undefined ? rest : { ...rest, source }) as R;
  if (resolution.disagreement) row.note("warning", "text", "value.disagreement", resolution.disagreement);
  if (record.unreadable !== undefined && changed) {
    row.note(
      "warning",
      "text",
      "value.unreadable",
      `値として読めません（書かれたとおり残しました）: ${record.unreadable}`,
    );
  }
  return base && same(record, base) ? base : record;
}

const seriesOf = (series: string | undefined) => (series === undefined ? {} : { series });

export function mergeTargets(table: Table, ctx: MergeContext) {
  const seen = new Map<string, number>();
  const removed = new Set<object>();
  for (const row of table.rows) {
    const found = indicatorOf(ctx, row);
    const role = row.choice("role");
    if (role === undefined && row.key("role") === undefined)
      row.error("role", "cell.required", "区分（初期値・目標）がありません");
    const deleted = row.isDeleted();
    if (!found || role === undefined) continue;
    const { ind, series } = found;
    const group = `${ind.key}\n${series ?? ""}\n${role}`;
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    const list: (Baseline | Target)[] = role === "baseline" ? ind.baselines : ind.targets;
    const base = list.filter((x) => x.series === series)[n];
    if (deleted) {
      if (base) removed.add(base);
      else row.note("warning", undefined, "delete.missing", "削除する値がありません");
      continue;
    }
    const cells = valueCells(row, base);
    if (cells.kind !== undefined && role === "baseline" && !isValueKind(cells.kind)) {
      row.error("kind", "value.kind", "初期値の種類は 数値・段階・文章・空欄 のいずれかです", cells.kind);
      continue;
    }
    if (
      cells.kind !== undefined &&
      role === "target" &&
      (cells.kind === "number" || cells.kind === "empty")
    ) {
      row.error(
        "kind",
        "value.kind",
        "目標の種類は 年度までの値・下限・上限・方向・相対・段階・文章 のいずれかです",
        cells.kind,
      );
      continue;
    }
    let record: Baseline | Target;
    const ladder = ctx.ladder(ind);
    if (role === "baseline") {
      const b = base as Baseline | undefined;
      const r = resolveValue(cells, referenceOf(row, b), ladder);
      const made: Baseline = {
        ...r.core,
        ...(cells.fiscalYear === undefined ? {} : { fiscalYear: cells.fiscalYear }),
        ...seriesOf(series),
      };
      record = settle(ctx, row, made, b, r);
    } else {
      const t = base as Target | undefined;
      const r = resolveTarget(cells, referenceOf(row, t), ladder);
      if (
        (r.core.basis === "cumulative" || r.core.basis === "period_total") &&
        !SUMMABLE_TARGET_KINDS.includes(r.core.kind)
      ) {
        row.error(
          "basis",
          "value.basis",
          "累計・計画期間の合計は数値の目標（年度までの値・下限・上限）にだけ指定できます",
          cells.basis,
        );
        continue;
      }
      record = settle(ctx, row, { ...r.core, ...seriesOf(series) } as Target, t, r);
    }
    if (base) list[list.indexOf(base)] = record;
    else list.push(record);
  }
  for (const { ind } of ctx.indicators.values()) {
    ind.baselines = ind.baselines.filter((b) => !removed.has(b));
    ind.targets = ind.targets.filter((t) => !removed.has(t));
  }
}

/**
 * The 実績値 sheet: actuals, and, by its 区分 column, the plan's yearly values (計画値) and its cumulative row
 * (計画値（累計）). A sheet without 区分 holds actuals only.
 */
export function mergeActuals(
  table: Table,
  ctx: MergeContext,
  /** the office's changes to the plausibility rules, by indicator key */
  rules: ReadonlyMap<string, RuleOverride> = new Map(),
) {
  const rowOf = new Map<Actual | PlannedValue, number>();
  for (const row of table.rows) {
    const found = indicatorOf(ctx, row);
    const fiscalYear = row.year("fiscal_year");
    if (fiscalYear === undefined && row.key("fiscal_year") === undefined)
      row.error("fiscal_year", "cell.required", "年度がありません");
    const role = (row.has("role") ? row.choice("role") : undefined) ?? "actual";
    const deleted = row.isDeleted();
    if (!found || fiscalYear === undefined) continue;
    const { ind, series } = found;
    const cumulative = role === "plan_cumulative";
    if (role !== "actual" && !ind.plannedValues) ind.plannedValues = [];
    const list: (Actual | PlannedValue)[] = role === "actual" ? ind.actuals : ind.plannedValues!;
    const base = list.find(
      (a) =>
        a.series === series &&
        a.fiscalYear === fiscalYear &&
        (role === "actual" || ((a as PlannedValue).cumulative === true) === cumulative),
    );
    if (base && rowOf.has(base)) {
      row.note(
        "warning",
        "fiscal_year",
        "value.duplicate-row",
        `${rowOf.get(base)}行と同じ指標・系列・年度です（この行の値にしました）`,
      );
    }
    if (deleted) {
      if (base) list.splice(list.indexOf(base), 1);
      else row.note("warning", undefined, "delete.missing", "削除する値がありません");
      continue;
    }
    const cells = valueCells(row, base);
    const r = resolveValue(cells, referenceOf(row, base), ctx.ladder(ind));
    const made = { fiscalYear, ...seriesOf(series), ...r.core, ...(cumulative ? { cumulative: true } : {}) };
    const record = settle(ctx, row, made, base, r);
    if (role === "actual" && record !== base && implausible(row, ind, record as Actual, rules)) continue;
    if (base) list[list.indexOf(base)] = record;
    else list.push(record);
    rowOf.set(record, row.rowNumber);
  }
  for (const { ind } of ctx.indicators.values()) {
    if (ind.plannedValues?.length === 0) delete ind.plannedValues;
  }
}

/**
 * A changed actual that its indicator's plausibility rule refuses (a negative headcount, 100.1%, 12.5件),
 * as a finding on the row: the same rule as a save in the round (src/domain/rounds/plausibility.ts), by the
 * indicator's unit and kind with the office's changes. Values the sheet does not change are left alone.
 */
function implausible(
  row: TableRow,
  ind: Indicator,
  record: Actual,
  rules: ReadonlyMap<string, RuleOverride>,
): boolean {
  const rule = effectiveRule(derivedRule({ unit: ind.unit, kind: indicatorKind(ind) }), rules.get(ind.key));
  const errors = errorsOf(checkActual(rule, record, { unit: ind.unit, submitting: false }));
  for (const e of errors) row.error("text", "value.implausible", e.message, record.text);
  return errors.length > 0;
}
