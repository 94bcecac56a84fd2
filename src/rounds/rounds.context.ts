/**
 * What every part of the reporting round reads: the round with its plan document, the items it asks about
 * (scope), each item's state, and the series of an item's indicators for the round's year.
 */
import type { AuditEvent } from "../audit/audit.service.ts";
import { AppError, authorize, conflict, notFound } from "../core/errors.ts";
import type { Indicator, Item, PlanDocument, Value } from "../core/plan-document/schema.ts";
import { type Actor, canView } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import {
  derivedRule,
  effectiveRule,
  indicatorKind,
  type PlausibilityRule,
  type RuleOverride,
} from "../domain/rounds/plausibility.ts";
import type { ItemState } from "../domain/rounds/states.ts";
import { loadDepartments, loadPlanDocument } from "../plans/plans.service.ts";
import { ruleOverrides } from "./round-rules.repository.ts";
import * as repo from "./rounds.repository.ts";

export type ScopeItem = {
  item: Item;
  /** ancestors, top first */
  path: Item[];
  departmentKeys: string[];
  departmentIds: string[];
};

export type ItemStatus = ScopeItem & {
  state: ItemState;
  version: number;
  returnComment: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
};

export type RoundView = {
  id: string;
  planId: string;
  planTitle: string;
  municipalityCode: string;
  fiscalYear: number;
  deadline: string;
  status: "open" | "locked";
  version: number;
  lockedBy: string | null;
  lockedAt: Date | null;
  /** days until the deadline in Japan time; negative when past */
  daysLeft: number;
};

export type Context = {
  round: repo.RoundRow;
  view: RoundView;
  doc: PlanDocument;
  items: ScopeItem[];
  deptName: (key: string) => string;
};

/** Today's date in Japan (YYYY-MM-DD), whatever the server's time zone. */
export function todayInJapan(now = new Date()): string {
  return new Date(now.getTime() + 9 * 60 * 60_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

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
        departmentIds: keys.map((k) => deptIds.get(k)!).filter(Boolean),
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

export function roundView(r: repo.RoundRow, today = todayInJapan()): RoundView {
  return {
    id: r.id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    municipalityCode: r.municipality_code,
    fiscalYear: r.fiscal_year,
    deadline: r.deadline,
    status: r.status,
    version: r.version,
    lockedBy: r.locked_by,
    lockedAt: r.locked_at,
    daysLeft: daysBetween(today, r.deadline),
  };
}

export async function loadContext(db: DB, user: Actor, roundId: string): Promise<Context> {
  const round = /^[0-9a-f-]{36}$/i.test(roundId)
    ? await repo.findRound(db, user.municipalityCode, roundId)
    : undefined;
  if (!round) throw notFound("指定された照会は見つかりません。");
  authorize(canView(user, { municipalityCode: round.municipality_code }));
  const [doc, depts] = await Promise.all([
    loadPlanDocument(db, round.municipality_code, round.plan_id),
    loadDepartments(db, round.municipality_code),
  ]);
  if (!doc) throw notFound("照会の計画が見つかりません。");
  return contextOf(round, doc, new Map(depts.map((d) => [d.key, d.id])));
}

function contextOf(round: repo.RoundRow, doc: PlanDocument, deptIds: Map<string, string>): Context {
  return { round, view: roundView(round), doc, items: scopeItems(doc, deptIds), deptName: deptNamer(doc) };
}

/**
 * Several rounds of the user's municipality with their items' states, in a number of queries that does not
 * grow with the rounds: each plan read once, the departments once, every round's items in one query.
 */
export async function loadContexts(
  db: DB,
  user: Actor,
  rounds: readonly repo.RoundRow[],
  /** plans the caller has just read, by id: not read again */
  known: ReadonlyMap<string, PlanDocument> = new Map(),
): Promise<{ ctx: Context; items: ItemStatus[] }[]> {
  const code = user.municipalityCode;
  const planIds = [...new Set(rounds.map((r) => r.plan_id))];
  const [docs, depts, states] = await Promise.all([
    Promise.all(planIds.map((id) => known.get(id) ?? loadPlanDocument(db, code, id))),
    loadDepartments(db, code),
    repo.roundItemsOfRounds(
      db,
      code,
      rounds.map((r) => r.id),
    ),
  ]);
  const deptIds = new Map(depts.map((d) => [d.key, d.id]));
  const docOf = new Map(planIds.map((id, i) => [id, docs[i]]));
  return rounds.map((round) => {
    authorize(canView(user, { municipalityCode: round.municipality_code }));
    const doc = docOf.get(round.plan_id);
    if (!doc) throw notFound("照会の計画が見つかりません。");
    const ctx = contextOf(round, doc, deptIds);
    return { ctx, items: withStatus(ctx.items, states.get(round.id) ?? []) };
  });
}

export function roundRef(r: repo.RoundRow) {
  return { municipalityCode: r.municipality_code, status: r.status };
}

export function withStatus(items: ScopeItem[], rows: repo.RoundItemRow[]): ItemStatus[] {
  const byKey = new Map(rows.map((r) => [r.item_key, r]));
  return items.map((s) => {
    const r = byKey.get(s.item.key);
    return {
      ...s,
      state: r?.state ?? "not_started",
      version: r?.version ?? 0,
      returnComment: r?.return_comment ?? null,
      updatedBy: r?.updated_by ?? null,
      updatedAt: r?.updated_at ?? null,
    };
  });
}

export function emptyCounts(): Record<ItemState, number> {
  return { not_started: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };
}

export function countStates(items: readonly { state: ItemState }[]): Record<ItemState, number> {
  const counts = emptyCounts();
  for (const i of items) counts[i.state]++;
  return counts;
}

export type SeriesEntry = {
  indicator: Indicator;
  /** undefined for an indicator without series */
  series: string | undefined;
  baseline: Value | undefined;
  targets: Indicator["targets"];
  /** earlier years' actuals, oldest first */
  previous: { fiscalYear: number; value: Value }[];
  /** this year's actual as saved */
  current: Value | undefined;
  /** the plausibility rule in force (derived from unit and kind, with the office's changes) */
  rule: PlausibilityRule;
  /** last year's actual, when it was a number: for the jump check */
  lastYear: { fiscalYear: string; number: number } | undefined;
};

export const COMMON_STATUS_WORDS = ["実施", "継続実施", "一部実施", "検討", "調査検討", "完了", "未着手"];

export function itemRef(ctx: Context, status: ItemStatus) {
  return { round: roundRef(ctx.round), state: status.state, departmentIds: status.departmentIds };
}

export type LoadedItem = Awaited<ReturnType<typeof loadItem>>;

export async function loadItem(db: DB, user: Actor, roundId: string, itemKey: string) {
  const ctx = await loadContext(db, user, roundId);
  const scope = ctx.items.find((i) => i.item.key === itemKey);
  if (!scope) throw notFound("この項目はこの照会の対象ではありません。");
  const [rows, rules] = await Promise.all([
    repo.roundItems(db, user.municipalityCode, roundId),
    ruleOverrides(db, user.municipalityCode, ctx.round.plan_id),
  ]);
  const [status] = withStatus([scope], rows);
  return { ctx, status: status!, rules };
}

/** Values of one series; values written without a series hold for every series (as the reports read them). */
export function own<T extends { series?: string | undefined }>(
  list: readonly T[],
  series: string | undefined,
): T[] {
  const exact = list.filter((v) => v.series === series);
  return exact.length > 0 ? exact : list.filter((v) => v.series === undefined);
}

export function entriesOf(
  item: Item,
  fy: number,
  overrides: ReadonlyMap<string, RuleOverride> = new Map(),
): SeriesEntry[] {
  return item.indicators.flatMap((indicator) =>
    (indicator.series.length > 0 ? indicator.series : [undefined]).map((series) => {
      const last = indicator.actuals.find((a) => a.series === series && a.fiscalYear === fy - 1);
      return {
        indicator,
        rule: effectiveRule(
          derivedRule({ unit: indicator.unit, kind: indicatorKind(indicator) }),
          overrides.get(indicator.key),
        ),
        lastYear:
          last?.kind === "number" && last.number !== undefined
            ? { fiscalYear: warekiFiscalYear(fy - 1), number: last.number }
            : undefined,
        series,
        baseline: own(indicator.baselines, series)[0],
        targets: own(indicator.targets, series),
        previous: indicator.actuals
          .filter((a) => a.series === series && a.fiscalYear < fy)
          .sort((a, b) => a.fiscalYear - b.fiscalYear)
          .map((a) => ({ fiscalYear: a.fiscalYear, value: a })),
        current: indicator.actuals.find((a) => a.series === series && a.fiscalYear === fy),
      };
    }),
  );
}

export const lockedError = () =>
  new AppError(
    "locked",
    "この照会は締め切られています（ロック中）。入力内容は保存されていません。変更が必要なら行革担当に連絡してください。",
  );

export async function conflictError(
  q: DB | Parameters<typeof repo.roundItems>[0],
  code: string,
  roundId: string,
  key: string,
) {
  const row = (await repo.roundItems(q, code, roundId)).find((r) => r.item_key === key);
  const who = row?.updated_by ? `${row.updated_by}さん` : "ほかの人";
  const when = row?.updated_at
    ? new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" }).format(
        row.updated_at,
      )
    : "";
  return conflict(
    `${who}が${when ? ` ${when} に` : ""}この項目を先に保存しました。あなたの入力はまだ保存されていません（下に残してあります）。` +
      "各欄の下に表示した最新の内容を確かめてから、必要ならもう一度保存してください。",
  );
}

export type ItemDetail = {
  round: RoundView;
  status: ItemStatus;
  deptName: (key: string) => string;
  entries: SeriesEntry[];
  /** the saved answer's plausibility warnings and errors, for the reviewer */
  findings: { warnings: string[]; errors: string[] };
  progress: { narrative: string; nextYearPlan: string; status: string };
  can: { edit: boolean; approve: boolean; return: boolean };
  history: AuditEvent[];
  /** the statuses written in this plan, offered as suggestions */
  statusWords: string[];
  /** the round and item as read for this page, for the page's other parts (not read again) */
  loaded: LoadedItem;
};
