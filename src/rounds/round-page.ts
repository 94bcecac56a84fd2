/**
 * The bodies of the rounds' pages (the list of rounds, a round's table), kept per process as HTML (issue 16): at
 * 20 % of Japan a round's page read and rendered 150 items with their parts per request. Kept by a key naming
 * everything a body is made from, each of it read in the one query the page makes anyway:
 *
 * - the round's row as read (state, deadline, version, who locked it, the plan's title), used as read to make the
 *   body, so a change of the row by hand changes the key even without its version;
 * - the plan's data version (the document, its departments: src/db/data-version.ts) and the round's state
 *   version (its items' and parts' states, round_state_versions), random values the database changes in the
 *   same transaction as the data: what is made after they were read is of that version or newer, never older;
 * - the plan's plausibility rules (indicator_rules, under no version: the round's page reads them with the row
 *   and makes the warnings from exactly those), today's date in Japan (the days left, 期限超過);
 * - a variant naming the reader's side: the 和暦/西暦 setting, the role and the departments (the inbox, the
 *   bulk approval), and the page's filters.
 *
 * Without a version (a round with no items yet) nothing is kept. One key per round (and one per municipality's
 * list) is kept, a newer replacing the older; at most GYOKAKU_ROUND_PAGE_CACHE_MB megabytes (default 32), least
 * recently used first out. A body holds forms only with KEPT_CSRF as their token (src/core/ui/kept-part.ts): one
 * holding the request's own token is refused with an error.
 */
import { Lru } from "../core/lru.ts";
import type { Actor } from "../core/policy.ts";
import { requestAuth } from "../core/request.ts";
import { type KeptPieces, keptPieces } from "../core/ui/kept-part.ts";
import type { RoundRow } from "./rounds.repository.ts";

/** A kept body (its pieces between CSRF tokens) with what its frame needs to know of it. */
export type KeptBody<M> = { pieces: KeptPieces; meta: M };

const MAX_BYTES = Number(process.env.GYOKAKU_ROUND_PAGE_CACHE_MB ?? 32) * 2 ** 20;
const weight = (b: KeptBody<unknown>) => b.pieces.reduce((n, p) => n + p.byteLength, 0);
const bodies = new Lru<string, KeptBody<unknown>>(4096, { weigh: weight, maxWeight: MAX_BYTES });

/** Renders under way, by key: requests that miss together share one. */
const rendering = new Map<string, Promise<KeptBody<unknown>>>();

/** What a round's body is made from besides the reader (null: a version is missing, nothing is kept). */
export function roundKey(row: RoundRow, rules: unknown, today: string): string | null {
  if (row.plan_data_version === null || row.state_version === null) return null;
  return JSON.stringify([today, row, rules]);
}

/** What the list of rounds is made from besides the reader: every round's row with its versions, today. */
export function listKey(rows: readonly RoundRow[], today: string): string | null {
  if (rows.some((r) => r.plan_data_version === null || r.state_version === null)) return null;
  return JSON.stringify([today, rows]);
}

/** The reader's side of a body: the calendar, the role, the departments (sorted), and what else the page adds. */
export function readerVariant(user: Actor, ...more: unknown[]): string {
  return JSON.stringify([requestAuth().era, user.role, [...user.departmentIds].sort(), ...more]);
}

/**
 * The body `render` makes, kept under `place` (the municipality and the round, or its list), `key` and
 * `variant`; rendered once per key and variant.
 */
export async function keptBody<M>(
  place: string,
  key: string | null,
  variant: string,
  render: () => Promise<{ html: string; meta: M }>,
): Promise<KeptBody<M>> {
  if (key === null) return checked(variant, await render());
  const version = `${place}|${key}|`;
  const full = version + variant;
  const hit = bodies.get(full);
  if (hit !== undefined) return hit as KeptBody<M>;
  const pending = rendering.get(full);
  if (pending) {
    const shared = await pending.catch(() => undefined);
    if (shared !== undefined) return shared as KeptBody<M>;
  }
  const made = (async () => {
    const body = checked(variant, await render());
    bodies.deleteWhere((k) => k.startsWith(`${place}|`) && !k.startsWith(version));
    bodies.set(full, body);
    return body;
  })();
  if (!pending) {
    rendering.set(full, made);
    made.then(
      () => rendering.delete(full),
      () => rendering.delete(full),
    );
  }
  return made;
}

function checked<M>(variant: string, made: { html: string; meta: M }): KeptBody<M> {
  const token = requestAuth().csrfToken;
  if (token && made.html.includes(token))
    throw new Error(`keptBody(${variant}): the body holds the request's CSRF token; it must not be kept`);
  return { pieces: keptPieces(made.html), meta: made.meta };
}

/** Forgets every kept body (tests that compare a cold render with a kept one). */
export function clearRoundPageCache(): void {
  bodies.clear();
}
