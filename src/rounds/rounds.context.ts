/**
 * What every part of the reporting round reads: the round with its plan document, the items it asks about
 * (scope), each item's state, and the series of an item's indicators for the round's year.
 */
import type { AuditEvent } from "../audit/audit.service.ts";
import { AppError, authorize, conflict, notFound } from "../core/errors.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canView } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { itemStateOf, ownerOf } from "../domain/rounds/parts.ts";
import type { RuleOverride } from "../domain/rounds/plausibility.ts";
import type { ItemState } from "../domain/rounds/states.ts";
import { getPlanDocument, loadDepartments } from "../plans/plans.service.ts";
import { entriesOf, type SeriesEntry } from "./round-entries.ts";
import { itemsWithParts, type PartRow, roundParts } from "./round-parts.repository.ts";
import { hasScope, type Scope, type ScopeItem, scopeOf } from "./round-scope.ts";
import * as repo from "./rounds.repository.ts";

/** One department's part of an item (issue 12.3). */
export type PartStatus = {
  departmentKey: string;
  /** "" when the department is not in the municipality's list */
  departmentId: string;
  state: ItemState;
  version: number;
  returnComment: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
  /** the part's own texts (an item with several parts); null where the part has not written one */
  texts: { narrative: string | null; nextYearPlan: string | null; status: string | null };
};

export { entriesOf, own, type SeriesEntry } from "./round-entries.ts";
export {
  COMMON_STATUS_WORDS,
  deptNamer,
  type ScopeItem,
  scopeItems,
  statusWordsOf,
  walk,
} from "./round-scope.ts";

export type ItemStatus = ScopeItem & {
  /** the item's state: derived from its parts (src/domain/rounds/parts.ts) */
  state: ItemState;
  parts: PartStatus[];
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
  return contextOfRow(db, user, round);
}

/** The context of a round whose row the caller has read (its access checked here), its view as of `today`. */
export async function contextOfRow(
  db: DB,
  user: Actor,
  round: repo.RoundRow,
  today = todayInJapan(),
): Promise<Context> {
  authorize(canView(user, { municipalityCode: round.municipality_code }));
  const doc = await getPlanDocument(db, planOf(round));
  if (!doc) throw notFound("照会の計画が見つかりません。");
  return contextOf(round, { doc, ...(await scopeOf(db, round.municipality_code, doc)) }, today);
}

/**
 * The round's plan for the document cache (src/plans/plan-cache.ts): its data version was read with the round,
 * so the document is the plan as it was then or newer, read once per version and shared (frozen: never change it).
 */
const planOf = (round: repo.RoundRow) => ({
  id: round.plan_id,
  municipalityCode: round.municipality_code,
  dataVersion: round.plan_data_version,
});

function contextOf(round: repo.RoundRow, scope: Scope & { doc: PlanDocument }, today?: string): Context {
  return {
    round,
    view: roundView(round, today),
    doc: scope.doc,
    items: scope.items,
    deptName: scope.deptName,
  };
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
  today = todayInJapan(),
): Promise<{ ctx: Context; items: ItemStatus[] }[]> {
  const code = user.municipalityCode;
  const plans = new Map(rounds.map((r) => [r.plan_id, planOf(r)]));
  const planIds = [...plans.keys()];
  const ids = rounds.map((r) => r.id);
  const [docs, states] = await Promise.all([
    Promise.all(planIds.map((id) => known.get(id) ?? getPlanDocument(db, plans.get(id)!))),
    itemsWithParts(db, code, ids),
  ]);
  // the departments are read once, and only for a plan whose scope is not kept yet
  let depts: Map<string, string> | undefined;
  const scopeList: (Scope | undefined)[] = [];
  for (const doc of docs) {
    if (doc && !hasScope(doc)) depts ??= new Map((await loadDepartments(db, code)).map((d) => [d.key, d.id]));
    scopeList.push(doc ? await scopeOf(db, code, doc, depts) : undefined);
  }
  const docOf = new Map(planIds.map((id, i) => [id, docs[i]]));
  const scopeOfPlan = new Map(planIds.map((id, i) => [id, scopeList[i]]));
  return rounds.map((round) => {
    authorize(canView(user, { municipalityCode: round.municipality_code }));
    const doc = docOf.get(round.plan_id);
    const scope = scopeOfPlan.get(round.plan_id);
    if (!doc || !scope) throw notFound("照会の計画が見つかりません。");
    const ctx = contextOf(round, { doc, ...scope }, today);
    const st = states.get(round.id);
    return { ctx, items: withStatus(ctx.items, st?.items ?? [], st?.parts ?? []) };
  });
}

export function roundRef(r: repo.RoundRow) {
  return { municipalityCode: r.municipality_code, status: r.status };
}

/** The round's items with their parts, in one query. */
export async function statusesOf(q: Parameters<typeof repo.roundItems>[0], code: string, ctx: Context) {
  const st = (await itemsWithParts(q, code, [ctx.round.id])).get(ctx.round.id);
  return withStatus(ctx.items, st?.items ?? [], st?.parts ?? []);
}

export function withStatus(items: ScopeItem[], rows: repo.RoundItemRow[], partRows: PartRow[]): ItemStatus[] {
  const byKey = new Map(rows.map((r) => [r.item_key, r]));
  const partsOf = new Map<string, Map<string, PartRow>>();
  for (const p of partRows) {
    const ofItem = partsOf.get(p.item_key) ?? new Map<string, PartRow>();
    partsOf.set(p.item_key, ofItem);
    if (!ofItem.has(p.department_key)) ofItem.set(p.department_key, p);
  }
  return items.map((s) => {
    const r = byKey.get(s.item.key);
    const saved = partsOf.get(s.item.key);
    const parts = s.departmentKeys.map((key, i): PartStatus => {
      const p = saved?.get(key);
      return {
        departmentKey: key,
        departmentId: s.departmentIds[i] ?? "",
        state: p?.state ?? "not_started",
        version: p?.version ?? 0,
        returnComment: p?.return_comment ?? null,
        updatedBy: p?.updated_by ?? null,
        updatedAt: p?.updated_at ?? null,
        texts: {
          narrative: p?.narrative ?? null,
          nextYearPlan: p?.next_year_plan ?? null,
          status: p?.status ?? null,
        },
      };
    });
    return {
      ...s,
      // an item whose parts are not written yet (a round before parts): the item's own row
      state: saved ? itemStateOf(parts.map((p) => p.state)) : (r?.state ?? "not_started"),
      parts,
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

export function itemRef(ctx: Context, status: ItemStatus) {
  return { round: roundRef(ctx.round), state: status.state, departmentIds: status.departmentIds };
}

/** A part as the policy sees it: the item's round, the part's state, the part's department only. */
export function partRef(ctx: Context, part: PartStatus) {
  return {
    round: roundRef(ctx.round),
    state: part.state,
    departmentIds: part.departmentId ? [part.departmentId] : [],
  };
}

/** The user's parts of an item: a department's own, none for anyone else. */
export function myParts(user: Actor, item: ItemStatus): PartStatus[] {
  if (user.role !== "department") return [];
  return item.parts.filter((p) => p.departmentId !== "" && user.departmentIds.includes(p.departmentId));
}

/**
 * A department's view of items (its inbox): only the items it answers, each in the state of its own part(s),
 * so that another department's unfinished part does not show as its own work.
 */
export function asDepartment(user: Actor, items: readonly ItemStatus[]): ItemStatus[] {
  return items.flatMap((i) => {
    const mine = myParts(user, i);
    if (mine.length === 0) return [];
    return [{ ...i, state: itemStateOf(mine.map((p) => p.state)) }];
  });
}

/** The part a page or form is about: the one asked for, else the user's own, else the first. */
export function choosePart(user: Actor, status: ItemStatus, asked: string | undefined): PartStatus {
  if (asked) {
    const p = status.parts.find((x) => x.departmentKey === asked);
    if (!p) throw notFound("この項目に、指定された課の回答部分はありません。");
    return p;
  }
  const p = myParts(user, status)[0] ?? status.parts[0];
  if (!p) throw notFound("この項目には回答する課がありません。");
  return p;
}

/** Which part answers each indicator of the item (by indicator key). */
export function indicatorOwners(status: Pick<ItemStatus, "item" | "departmentKeys">): Map<string, string> {
  return new Map(
    status.item.indicators.map((i) => [
      i.key,
      ownerOf(status.item, i, status.departmentKeys) ?? status.departmentKeys[0] ?? "",
    ]),
  );
}

/** The entries a part answers: its indicators' series. */
export function entriesOfPart(
  status: Pick<ItemStatus, "item" | "departmentKeys">,
  part: Pick<PartStatus, "departmentKey">,
  fy: number,
  overrides: ReadonlyMap<string, RuleOverride> = new Map(),
): SeriesEntry[] {
  const owners = indicatorOwners(status);
  return entriesOf(status.item, fy, overrides).filter(
    (e) => owners.get(e.indicator.key) === part.departmentKey,
  );
}

export type LoadedItem = Awaited<ReturnType<typeof loadItem>>;

/**
 * One item of a round with its parts, and the part asked for (the department key; without one the user's own
 * part, else the first).
 */
export async function loadItem(db: DB, user: Actor, roundId: string, itemKey: string, partKey?: string) {
  // the round with its plan's rules in one query
  const found = /^[0-9a-f-]{36}$/i.test(roundId)
    ? await repo.findRoundWithRules(db, user.municipalityCode, roundId)
    : undefined;
  if (!found) throw notFound("指定された照会は見つかりません。");
  const { rules: ruleRows, ...round } = found;
  const ctx = await contextOfRow(db, user, round);
  const scope = ctx.items.find((i) => i.item.key === itemKey);
  if (!scope) throw notFound("この項目はこの照会の対象ではありません。");
  const rules = new Map(ruleRows.map((r) => [r.indicator_key, r.rule as RuleOverride]));
  const st = await itemsWithParts(db, user.municipalityCode, [roundId], itemKey);
  const [status] = withStatus([scope], st.get(roundId)?.items ?? [], st.get(roundId)?.parts ?? []);
  const part = choosePart(user, status!, partKey || undefined);
  return { ctx, status: status!, part, rules };
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
  departmentKey?: string,
) {
  const row = (await roundParts(q, code, roundId, key)).find(
    (r) => departmentKey === undefined || r.department_key === departmentKey,
  );
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
  /** the part this page is about (its state, version, comment); the item's state is status.state */
  part: PartStatus;
  /** every part: its department, state, what it answers, and the link to it */
  parts: { part: PartStatus; name: string; indicators: string[]; mine: boolean }[];
  deptName: (key: string) => string;
  /** the entries of this part */
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
