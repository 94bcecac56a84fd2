/**
 * Parts of pages made from one plan, kept per process as UTF-8 bytes: the whole plan's tree and tables, a
 * report's body, take hundreds of milliseconds to render and are the same for every reader until the plan
 * changes. Kept by municipality, plan id, the plan's data version (src/db/data-version.ts: the database gives the
 * plan a new random version in the same transaction as any change to its data) and a variant that names
 * everything else the HTML depends on (whether the reader may edit or judge, the 和暦/西暦 setting, the kind and
 * year of a report, the page). So a part found here was rendered from the plan as it is now, for a reader who
 * sees the same. Only one version of a plan is kept (a newer one replaces the older); at most
 * GYOKAKU_PAGE_CACHE_MB megabytes in all (default 64, least recently used first out). A page puts the part into
 * its frame with htmlWithKeptPart (src/core/ui/kept-part.ts), as bytes, without encoding it again.
 *
 * Never a part with the request's CSRF token (a form): it would go to other readers. Rendering such a part here
 * throws, so a form added to a cached part fails its tests instead of leaking.
 */
import { Lru } from "../core/lru.ts";
import { requestAuth } from "../core/request.ts";
import { htmlBytes } from "../core/ui/kept-part.ts";
import type { PlanRef } from "./plan-cache.ts";

const MAX_BYTES = Number(process.env.GYOKAKU_PAGE_CACHE_MB ?? 64) * 2 ** 20;
const parts = new Lru<string, Uint8Array>(1024, { weigh: (html) => html.byteLength, maxWeight: MAX_BYTES });

/** Renders under way, by key: requests that miss together share one. */
const rendering = new Map<string, Promise<Uint8Array>>();

const planPrefix = (plan: PlanRef) => `${plan.municipalityCode}|${plan.id}|`;

/** The HTML `render` makes for the plan at its data version and the variant, rendered once and kept as bytes. */
export async function cachedPlanPart(
  plan: PlanRef,
  variant: string,
  render: () => string | Promise<string>,
): Promise<Uint8Array> {
  if (plan.dataVersion === null) return checked(variant, await render());
  const version = `${planPrefix(plan)}${plan.dataVersion}|`;
  const key = version + variant;
  const hit = parts.get(key);
  if (hit !== undefined) return hit;
  // Requests that miss together wait for one render (32 readers of a new version would otherwise queue 32
  // renders for the worker); if it fails (its request's budget spent), each renders for itself.
  const pending = rendering.get(key);
  if (pending) {
    const html = await pending.catch(() => undefined);
    if (html !== undefined) return html;
  }
  const made = renderAndKeep(plan, version, key, variant, render);
  if (!pending) {
    rendering.set(key, made);
    made.then(
      () => rendering.delete(key),
      () => rendering.delete(key),
    );
  }
  return made;
}

async function renderAndKeep(
  plan: PlanRef,
  version: string,
  key: string,
  variant: string,
  render: () => string | Promise<string>,
): Promise<Uint8Array> {
  const html = checked(variant, await render());
  const prefix = planPrefix(plan);
  parts.deleteWhere((k) => k.startsWith(prefix) && !k.startsWith(version));
  parts.set(key, html);
  return html;
}

/** The part as bytes; refused when it holds the request's CSRF token. */
function checked(variant: string, html: string): Uint8Array {
  const token = requestAuth().csrfToken;
  if (token && html.includes(token))
    throw new Error(
      `cachedPlanPart(${variant}): the part holds the request's CSRF token; it must not be kept`,
    );
  return htmlBytes(html);
}

/** Forgets every kept part (tests that compare a cold render with a kept one). */
export function clearPageCache(): void {
  parts.clear();
}
