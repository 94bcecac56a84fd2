/** Plans: storing documents, reading them back, listing. Callers are the CLI and HTTP adapters. */
import type { Transaction } from "kysely";
import { type AuditEntry, record } from "../audit/audit.service.ts";
import { AppError } from "../core/errors.ts";
import { diffPlans, isRemoval, type PlanChange, tally } from "../core/plan-diff/diff.ts";
import { changesDigest } from "../core/plan-diff/digest.ts";
import { parsePlanDocument, walkItems } from "../core/plan-document/document.ts";
import type { PlanDocument } from "../core/plan-document/schema.ts";
import { type Actor, canView } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { plansUsingDepartments } from "./departments.repository.ts";
import { cachedPlanDocument, type PlanRef } from "./plan-cache.ts";
import { changeEntries, previewOutdated, removalsRefused } from "./plans.import-changes.ts";
import * as repo from "./plans.repository.ts";

export type StoredPlan = {
  planId: string;
  municipalityCode: string;
  key: string;
  title: string;
  items: number;
  indicators: number;
  actuals: number;
  /** departments this import renamed, with the other plans of the municipality that show them */
  renamedDepartments: RenamedDepartment[];
};

export type RenamedDepartment = { key: string; from: string; to: string; otherPlans: string[] };

/** The departments a document renames, and which other plans of the municipality show them (and change too). */
async function departmentRenames(
  q: Parameters<typeof repo.loadDepartments>[0],
  doc: PlanDocument,
): Promise<RenamedDepartment[]> {
  const current = new Map((await repo.loadDepartments(q, doc.municipality.code)).map((d) => [d.key, d]));
  const renamed = doc.departments.filter((d) => {
    const was = current.get(d.key);
    return was !== undefined && was.name !== d.name;
  });
  const users = await plansUsingDepartments(
    q,
    doc.municipality.code,
    renamed.map((d) => current.get(d.key)!.id),
  );
  return renamed.map((d) => ({
    key: d.key,
    from: current.get(d.key)!.name,
    to: d.name,
    otherPlans: (users.get(current.get(d.key)!.id) ?? [])
      .filter((p) => p.key !== doc.plan.key)
      .map((p) => `${p.key} ${p.title}`),
  }));
}

/** "部署名を変更しました: 総務課 → 庶務課（ほかの計画 a、b でも変わります）" for each renamed department. */
export function describeRenames(renamed: readonly RenamedDepartment[]): string[] {
  return renamed.map(
    (r) =>
      `部署名を変更しました: ${r.from} → ${r.to}（${r.key}）` +
      (r.otherPlans.length > 0 ? `。ほかの計画 ${r.otherPlans.join("、")} の表示も変わります` : ""),
  );
}

/** A plan reference that names no plan, or several (then the candidates are listed): not_found. */
export function planNotFound(ref: string, candidates: string[] = []): AppError {
  return new AppError(
    "not_found",
    candidates.length > 1
      ? `計画 "${ref}" が複数あります。ID か 団体コード/キー で指定してください: ${candidates.join(", ")}`
      : `計画 "${ref}" が見つかりません（gyokaku plans で一覧を表示できます）`,
  );
}

export function countDocument(doc: PlanDocument): { items: number; indicators: number; actuals: number } {
  let items = 0;
  let indicators = 0;
  let actuals = 0;
  for (const { item } of walkItems(doc.items)) {
    items++;
    indicators += item.indicators.length;
    for (const ind of item.indicators) actuals += ind.actuals.length;
  }
  return { items, indicators, actuals };
}

/** An import that would change a fiscal year whose reporting round is locked. */
/** An import that would change a fiscal year whose round is locked: nothing is stored ("locked"). */
export function lockedYear(plan: string, changes: readonly { fiscalYear: number; what: string }[]): AppError {
  const shown = changes.slice(0, 10).map((c) => `\n  ${c.fiscalYear}年度: ${c.what}`);
  const more = changes.length > 10 ? `\n  ほか ${changes.length - 10} 件` : "";
  return new AppError(
    "locked",
    `計画 ${plan} の取込は、照会が締め切られた（ロックされた）年度の値を変えるため、何も保存していません。` +
      `ロックを解除（理由を記録）してから取り込むか、その年度の値を元に戻してください。${shown.join("")}${more}`,
  );
}

/** A value as it counts: everything but where it was read from. */
const valueContent = ({ source: _source, ...v }: { source?: unknown } & Record<string, unknown>) =>
  JSON.stringify(v, Object.keys(v).sort());

/**
 * What a fiscal year holds, by place: actuals (the whole value: text, number, unit, kind …), progress
 * (取組状況, 次年度, 状況) and activities (取組計画・実績) of the year.
 */
function yearContent(doc: PlanDocument, fiscalYear: number): Map<string, { shown: string; content: string }> {
  const out = new Map<string, { shown: string; content: string }>();
  for (const { item } of walkItems(doc.items)) {
    for (const ind of item.indicators)
      for (const a of ind.actuals)
        if (a.fiscalYear === fiscalYear)
          out.set(`指標 ${ind.key}${a.series ? `（${a.series}）` : ""} の実績値`, {
            shown: `「${a.text}」`,
            content: valueContent(a),
          });
    for (const p of item.progress)
      if (p.fiscalYear === fiscalYear)
        out.set(`項目 ${item.key} の取組状況・次年度の取組・状況`, {
          shown: "（文章）",
          content: JSON.stringify([p.narrative ?? "", p.nextYearPlan ?? "", p.status ?? ""]),
        });
    const activities = item.activities.filter((a) => a.fiscalYear === fiscalYear);
    if (activities.length > 0)
      out.set(`項目 ${item.key} の取組計画・実績`, {
        shown: "（文章）",
        content: JSON.stringify(activities.map((a) => valueContent(a))),
      });
  }
  return out;
}

/** The changes a document would make to the locked fiscal years of the stored plan. */
export function lockedYearChanges(
  stored: PlanDocument,
  incoming: PlanDocument,
  lockedYears: readonly number[],
): { fiscalYear: number; what: string }[] {
  const changes: { fiscalYear: number; what: string }[] = [];
  for (const fy of lockedYears) {
    const before = yearContent(stored, fy);
    const after = yearContent(incoming, fy);
    for (const place of new Set([...before.keys(), ...after.keys()])) {
      const [b, a] = [before.get(place), after.get(place)];
      if (b?.content === a?.content) continue;
      const shown = (v: { shown: string } | undefined) => v?.shown ?? "（なし）";
      const same = b && a && b.shown === a.shown ? "（読み取り結果・単位などが変わります）" : "";
      changes.push({ fiscalYear: fy, what: `${place}: ${shown(b)} → ${shown(a)}${same}` });
    }
  }
  return changes;
}

/** How an import is stored: who imports, whether removals are consented, what a preview showed. */
export type ImportOptions = {
  /** who imports when no user is signed in (the command line: "CLI"); recorded in the history */
  by?: string | undefined;
  /** removals (items, indicators, values, progress entries) are stored only with consent */
  allowRemovals?: boolean | undefined;
  /** the digest of the changes a preview showed, by "code/key": other changes are refused (conflict) */
  expected?: ReadonlyMap<string, string> | undefined;
  /**
   * Run in the transaction after storing a plan (a restore from the history: its version check); returns the
   * history entries recorded instead of the import's own. Throwing stores nothing.
   */
  history?:
    | ((trx: Transaction<Database>, planId: string, changes: readonly PlanChange[]) => Promise<AuditEntry[]>)
    | undefined;
};

/**
 * Validates and stores documents in one transaction: all or nothing. A document that would change a fiscal
 * year whose reporting round is locked is refused (LockedYearError): locked years change only after an unlock.
 * Over a stored plan, the changes are computed first (diffPlans): removals are refused unless allowed, and
 * every change is recorded on its item with who imported (the user, or `options.by`).
 */
export async function importDocuments(
  db: DB,
  inputs: unknown[],
  /** The signed-in user importing from the app: recorded in the history, in the same transaction. */
  actor?: Actor,
  options: ImportOptions = {},
): Promise<StoredPlan[]> {
  const docs = inputs.map((d) => parsePlanDocument(d));
  // Removals are refused by default only where the caller says so (the importers); old callers keep storing.
  const allowRemovals = options.allowRemovals ?? true;
  return db.transaction().execute(async (trx) => {
    const stored: StoredPlan[] = [];
    for (const doc of docs) {
      const ref = `${doc.municipality.code}/${doc.plan.key}`;
      const existing = await repo.findPlanId(trx, doc.municipality.code, doc.plan.key);
      const before = existing ? await repo.loadPlanDocument(trx, doc.municipality.code, existing) : null;
      if (existing && before) {
        const locked = await repo.lockedFiscalYears(trx, doc.municipality.code, existing);
        const changes = locked.length > 0 ? lockedYearChanges(before, doc, locked) : [];
        if (changes.length > 0) throw lockedYear(ref, changes);
      }
      const changes = before ? diffPlans(before, doc) : [];
      const expected = options.expected?.get(ref);
      if (options.expected && expected !== changesDigest(changes)) throw previewOutdated(ref);
      const removals = changes.filter(isRemoval);
      if (removals.length > 0 && !allowRemovals) throw removalsRefused(ref, removals);
      const renamedDepartments = await departmentRenames(trx, doc);
      const planId = await repo.replacePlan(trx, doc);
      const counts = countDocument(doc);
      stored.push({
        planId,
        municipalityCode: doc.municipality.code,
        key: doc.plan.key,
        title: doc.plan.title,
        ...counts,
        renamedDepartments,
      });
      if (options.history) {
        const entries = await options.history(trx, planId, changes);
        if (actor) await record(trx, actor, entries);
        continue;
      }
      const who =
        actor ??
        (options.by ? { id: null, name: options.by, municipalityCode: doc.municipality.code } : null);
      if (!who) continue;
      const note = `取込: ${doc.plan.sources.join(", ") || "計画文書"}`;
      const entries = [
        {
          action: "plan.import" as const,
          planId,
          subject: doc.plan.title,
          after: {
            ...counts,
            sources: doc.plan.sources,
            ...(before ? tally(changes) : {}),
            ...(renamedDepartments.length > 0 ? { renamedDepartments } : {}),
          },
        },
        ...changeEntries(changes, planId, note),
      ];
      // In chunks: one statement holds at most 65,535 parameters.
      for (let i = 0; i < entries.length; i += 1000) await record(trx, who, entries.slice(i, i + 1000));
    }
    return stored;
  });
}

/** Finds a plan by its id, by "municipality-code/key", or by key when only one municipality has it. */
export async function resolvePlan(db: DB, ref: string): Promise<PlanRef> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) {
    const row = await repo.findPlanRow(db, ref);
    if (row) return { id: row.id, municipalityCode: row.municipality_code, dataVersion: row.data_version };
    throw planNotFound(ref);
  }
  const m = /^(\d{6})\/(.+)$/.exec(ref);
  const rows = m ? await repo.findPlansByKey(db, m[2]!, m[1]!) : await repo.findPlansByKey(db, ref);
  // Found by key (the command line): the version is not read, so the document is read without the cache.
  if (rows.length === 1)
    return { id: rows[0]!.id, municipalityCode: rows[0]!.municipality_code, dataVersion: null };
  throw planNotFound(
    ref,
    rows.map((r) => `${r.municipality_code}/${r.key}`),
  );
}

export async function exportDocument(db: DB, ref: string): Promise<PlanDocument> {
  const { id, municipalityCode } = await resolvePlan(db, ref);
  const doc = await repo.loadPlanDocument(db, municipalityCode, id);
  if (!doc) throw planNotFound(ref);
  return doc;
}

export async function listPlans(db: DB): Promise<repo.PlanSummaryRow[]> {
  return repo.listPlans(db);
}

/** The plans a signed-in user may see: those of their own municipality. */
export async function listPlansFor(db: DB, user: Actor): Promise<repo.PlanSummaryRow[]> {
  return repo.listPlans(db, user.municipalityCode);
}

/** A plan by id for a signed-in user; another municipality's plan is not there for them (null → 404). */
export async function getPlanFor(db: DB, user: Actor, id: string): Promise<PlanDocument | null> {
  const row = await repo.findPlanRow(db, id);
  if (!row || !canView(user, { municipalityCode: row.municipality_code })) return null;
  return cachedPlanDocument(db, refOf(row));
}

/**
 * A plan by id for a signed-in user, with its reference (municipality, id, the data version read with the row:
 * the key of what is kept from it, src/plans/plan-cache.ts and page-cache.ts); null as getPlanFor.
 */
export async function findPlanFor(
  db: DB,
  user: Actor,
  id: string,
): Promise<{ ref: PlanRef; doc: PlanDocument } | null> {
  const row = await repo.findPlanRow(db, id);
  if (!row || !canView(user, { municipalityCode: row.municipality_code })) return null;
  const ref = refOf(row);
  const doc = await cachedPlanDocument(db, ref);
  return doc ? { ref, doc } : null;
}

/** A plan's document by id (the same object for every caller until the plan changes: never change it). */
export async function getPlan(db: DB, id: string): Promise<PlanDocument | null> {
  const row = await repo.findPlanRow(db, id);
  if (!row) return null;
  return cachedPlanDocument(db, refOf(row));
}

/** The document of a plan found by resolvePlan: read once per data version (src/plans/plan-cache.ts). */
export async function getPlanDocument(db: DB, plan: PlanRef): Promise<PlanDocument | null> {
  return cachedPlanDocument(db, plan);
}

/**
 * The plan as it is now: its current data version (one small query) and the document of that version, which
 * is `plan` itself when it still is current. For work that must not use a document read before a change.
 */
export async function currentPlan<P extends { planId: string; municipalityCode: string; doc: PlanDocument }>(
  db: DB,
  plan: P & { dataVersion?: string | null | undefined },
): Promise<P & { dataVersion: string | null }> {
  const version = (await repo.findDataVersion(db, plan.municipalityCode, plan.planId)) ?? null;
  if (version === null) return { ...plan, dataVersion: null };
  if (version === plan.dataVersion) return { ...plan, dataVersion: version };
  const ref = { id: plan.planId, municipalityCode: plan.municipalityCode, dataVersion: version };
  const doc = await cachedPlanDocument(db, ref);
  return doc ? { ...plan, doc, dataVersion: version } : { ...plan, dataVersion: null };
}

const refOf = (row: { id: string; municipality_code: string; data_version: string | null }): PlanRef => ({
  id: row.id,
  municipalityCode: row.municipality_code,
  dataVersion: row.data_version,
});

export { cachedPlanPart } from "./page-cache.ts";
export type { PlanRef } from "./plan-cache.ts";

/** What other capabilities read of the plan store (the repository stays private to this folder). */
export { type DepartmentRow, findPlansByKey, loadDepartments, loadPlanDocument } from "./plans.repository.ts";
