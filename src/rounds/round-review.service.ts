/**
 * Reviewing in bulk (issue 13.5): the round's items filtered by department, state and warnings and sorted;
 * several submitted items approved at once, each through the same rules as one approval (plausibility,
 * versions, history); the department's next unanswered item; the landing page of a department.
 */
import { AppError } from "../core/errors.ts";
import { type Actor, hasInbox, isResponsibleFor } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import type { RuleOverride } from "../domain/rounds/plausibility.ts";
import { type ItemState, OPEN_STATES, STATE_LABELS, STATES } from "../domain/rounds/states.ts";
import { openFindings } from "./round-answers.service.ts";
import { reviewItem } from "./round-decisions.service.ts";
import { ruleOverrides } from "./round-rules.repository.ts";
import {
  asDepartment,
  entriesOf,
  type ItemStatus,
  loadContext,
  type RoundView,
  statusesOf,
} from "./rounds.context.ts";
import * as repo from "./rounds.repository.ts";

export type ItemFilter = {
  department?: string | undefined;
  state?: ItemState | undefined;
  warnings?: boolean | undefined;
  sort?: "plan" | "updated" | undefined;
};

/** The filter as the query string gives it; anything unknown is left out. */
export function filterFrom(q: Record<string, string | undefined>): ItemFilter {
  return {
    department: q.department || undefined,
    state: STATES.includes(q.state as ItemState) ? (q.state as ItemState) : undefined,
    warnings: q.warnings === "1" ? true : undefined,
    sort: q.sort === "updated" ? "updated" : undefined,
  };
}

/** Warnings (plausibility, reading) of each item's saved answer, by item key. */
export async function warningCounts(
  db: DB,
  user: Actor,
  /** the round as getRound read it (its access already checked): the plan is not read again */
  round: Pick<RoundView, "planId" | "fiscalYear">,
  items: readonly ItemStatus[],
  /** the plan's rules as the caller read them (not read again) */
  read?: ReadonlyMap<string, RuleOverride>,
): Promise<Map<string, number>> {
  const rules = read ?? (await ruleOverrides(db, user.municipalityCode, round.planId));
  const inputs = `${round.fiscalYear}|${JSON.stringify([...rules].sort(([a], [b]) => (a < b ? -1 : 1)))}`;
  const out = new Map<string, number>();
  for (const i of items) {
    // An item of a cached (frozen) plan document cannot change: its count is kept with it, per year and rules.
    const kept = Object.isFrozen(i.item) ? warningsKept.get(i.item) : undefined;
    const hit = kept?.get(inputs);
    if (hit !== undefined) {
      out.set(i.item.key, hit);
      continue;
    }
    const f = openFindings(entriesOf(i.item, round.fiscalYear, rules));
    const n = f.warnings.length + f.errors.length;
    out.set(i.item.key, n);
    if (Object.isFrozen(i.item)) {
      const m = kept ?? new Map<string, number>();
      if (m.size > 16) m.clear();
      m.set(inputs, n);
      warningsKept.set(i.item, m);
    }
  }
  return out;
}

/** Warning counts by item object (of a frozen, cached document: gone with it), then by year and rules. */
const warningsKept = new WeakMap<object, Map<string, number>>();

export function applyFilter(
  items: readonly ItemStatus[],
  f: ItemFilter,
  warnings: ReadonlyMap<string, number>,
): ItemStatus[] {
  const shown = items.filter(
    (i) =>
      (!f.department || i.departmentKeys.includes(f.department)) &&
      (!f.state || i.state === f.state) &&
      (!f.warnings || (warnings.get(i.item.key) ?? 0) > 0),
  );
  if (f.sort === "updated")
    return shown.sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0));
  return shown;
}

/** A part chosen for approval: the item, the part's department ("" for the item's first part), its version. */
export type SelectedPart = { key: string; part: string; version: string };
export type BulkResult = {
  approved: { key: string; part: string }[];
  skipped: { key: string; part: string; why: string }[];
};

/**
 * Approves each selected part as one approval would (its version, its plausibility: open warnings need the
 * reason, impossible values are never approved), each in its own transaction and history entry. A part
 * that cannot be approved is skipped with the reason; the others are approved.
 */
export async function approveMany(
  db: DB,
  user: Actor,
  roundId: string,
  selected: readonly SelectedPart[],
  reason: string,
): Promise<BulkResult> {
  const out: BulkResult = { approved: [], skipped: [] };
  for (const s of selected) {
    try {
      await reviewItem(db, user, roundId, s.key, {
        version: s.version,
        decision: "approve",
        comment: reason,
        part: s.part,
      });
      out.approved.push({ key: s.key, part: s.part });
    } catch (e) {
      if (!(e instanceof AppError) || e.code === "locked") throw e;
      const why = Object.values(e.fields ?? {})[0] ?? e.message;
      out.skipped.push({ key: s.key, part: s.part, why });
    }
  }
  return out;
}

/** The department's next item still to answer after this one (in the plan's order, wrapping round), if any. */
export async function nextOpenItem(
  db: DB,
  user: Actor,
  roundId: string,
  afterKey: string,
): Promise<string | undefined> {
  if (!hasInbox(user)) return undefined;
  const ctx = await loadContext(db, user, roundId);
  const mine = asDepartment(user, await statusesOf(db, user.municipalityCode, ctx));
  const at = mine.findIndex((i) => i.item.key === afterKey);
  const order = [...mine.slice(at + 1), ...mine.slice(0, Math.max(at, 0))];
  return order.find((i) => OPEN_STATES.includes(i.state))?.item.key;
}

/** Where a department lands: its open round with something to answer (the latest year), else the list of rounds. */
export async function inboxPath(db: DB, user: Actor): Promise<string> {
  if (!hasInbox(user)) return "/rounds";
  const rounds = (await repo.listRounds(db, user.municipalityCode)).filter((r) => r.status === "open");
  for (const r of rounds) {
    const ctx = await loadContext(db, user, r.id);
    if (ctx.items.some((i) => isResponsibleFor(user, i))) return `/rounds/${r.id}`;
  }
  return "/rounds";
}

/** A checkbox of the bulk form: the item's key, or `key|department` (both URI-encoded) for one part of several. */
export function pickedPart(value: string): { key: string; part: string } {
  const at = value.indexOf("|");
  if (at < 0) return { key: value, part: "" };
  try {
    return { key: decodeURIComponent(value.slice(0, at)), part: decodeURIComponent(value.slice(at + 1)) };
  } catch {
    return { key: value, part: "" };
  }
}

/** The checkbox value of a part (see pickedPart): the item's key alone when the item has one part. */
export function partValue(item: Pick<ItemStatus, "item" | "parts">, part: string): string {
  return item.parts.length > 1
    ? `${encodeURIComponent(item.item.key)}|${encodeURIComponent(part)}`
    : item.item.key;
}

/** The result of a bulk approval as the address of the round's page (Post/Redirect/Get). */
export function bulkQuery(r: BulkResult): string {
  const q = new URLSearchParams({ done: "bulk", approved: String(r.approved.length) });
  for (const s of r.skipped)
    q.append("skipped", s.part ? `${encodeURIComponent(s.key)}|${encodeURIComponent(s.part)}` : s.key);
  return q.toString();
}

export type BulkShown = {
  approved: number;
  skipped: { key: string; part: string; title: string; partName: string | undefined; why: string }[];
};

/**
 * The result of a bulk approval read back from the page's address: only items of this round are named, and
 * why each was not approved is read from its state now (the address carries no text to show).
 */
export function bulkFrom(
  q: Record<string, string[]>,
  items: readonly ItemStatus[],
  warnings: ReadonlyMap<string, number>,
  deptName: (key: string) => string,
): BulkShown | undefined {
  if (q.done?.[0] !== "bulk") return undefined;
  const n = Number(q.approved?.[0] ?? "0");
  const skipped = (q.skipped ?? []).flatMap((v) => {
    const { key, part } = pickedPart(v);
    const item = items.find((i) => i.item.key === key);
    const p = item?.parts.find((x) => x.departmentKey === part) ?? (part === "" ? item?.parts[0] : undefined);
    if (!item || !p) return [];
    const why =
      p.state !== "submitted"
        ? `いまは${STATE_LABELS[p.state]}です`
        : (warnings.get(key) ?? 0) > 0
          ? "注意があります。注意を確認したうえで承認する理由を書いてください"
          : "ほかの人が先に変更しました。項目を開いて確かめてください";
    return [
      {
        key,
        part: item.parts.length > 1 ? p.departmentKey : "",
        title: `${item.item.number ?? ""} ${item.item.title}`.trim(),
        partName: item.parts.length > 1 ? deptName(p.departmentKey) : undefined,
        why,
      },
    ];
  });
  return { approved: Number.isInteger(n) && n >= 0 && n < 100_000 ? n : 0, skipped };
}
