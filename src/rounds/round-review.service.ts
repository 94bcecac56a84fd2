/**
 * Reviewing in bulk (issue 13.5): the round's items filtered by department, state and warnings and sorted;
 * several submitted items approved at once, each through the same rules as one approval (plausibility,
 * versions, history); the department's next unanswered item; the landing page of a department.
 */
import { AppError } from "../core/errors.ts";
import { type Actor, hasInbox, isResponsibleFor } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import { type ItemState, OPEN_STATES, STATES } from "../domain/rounds/states.ts";
import { openFindings, reviewItem } from "./round-answers.service.ts";
import { ruleOverrides } from "./round-rules.repository.ts";
import { entriesOf, type ItemStatus, loadContext, type RoundView, withStatus } from "./rounds.context.ts";
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
): Promise<Map<string, number>> {
  const rules = await ruleOverrides(db, user.municipalityCode, round.planId);
  const out = new Map<string, number>();
  for (const i of items) {
    const f = openFindings(entriesOf(i.item, round.fiscalYear, rules));
    out.set(i.item.key, f.warnings.length + f.errors.length);
  }
  return out;
}

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

export type BulkResult = { approved: string[]; skipped: { key: string; why: string }[] };

/**
 * Approves each selected item as one approval would (its version, its plausibility: open warnings need the
 * reason, impossible values are never approved), each in its own transaction and history entry. An item
 * that cannot be approved is skipped with the reason; the others are approved.
 */
export async function approveMany(
  db: DB,
  user: Actor,
  roundId: string,
  selected: readonly { key: string; version: string }[],
  reason: string,
): Promise<BulkResult> {
  const out: BulkResult = { approved: [], skipped: [] };
  for (const s of selected) {
    try {
      await reviewItem(db, user, roundId, s.key, {
        version: s.version,
        decision: "approve",
        comment: reason,
      });
      out.approved.push(s.key);
    } catch (e) {
      if (!(e instanceof AppError) || e.code === "locked") throw e;
      const why = Object.values(e.fields ?? {})[0] ?? e.message;
      out.skipped.push({ key: s.key, why });
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
  const mine = withStatus(ctx.items, await repo.roundItems(db, user.municipalityCode, roundId)).filter((i) =>
    isResponsibleFor(user, i),
  );
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
