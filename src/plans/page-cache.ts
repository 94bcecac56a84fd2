/**
 * Parts of pages made from one plan, kept as HTML per process: the whole plan's tree and tables take hundreds of
 * milliseconds to render and are the same for every reader until the plan changes. Kept by municipality, plan id,
 * the plan's data version (src/db/data-version.ts: the database gives the plan a new random version in the same
 * transaction as any change to its data) and a variant that names everything else the HTML depends on (whether
 * the reader may edit, the 和暦/西暦 setting, the query). So a part found here was rendered from the plan as it
 * is now, for a reader who sees the same. Only one version of a plan is kept (a newer one replaces the older);
 * at most GYOKAKU_PAGE_CACHE_MB megabytes in all (default 64, least recently used first out).
 *
 * Never a part with the request's CSRF token (a form): it would go to other readers. Rendering such a part here
 * throws, so a form added to a cached part fails its tests instead of leaking.
 */
import { Lru } from "../core/lru.ts";
import { requestAuth } from "../core/request.ts";
import type { PlanRef } from "./plan-cache.ts";

const MAX_BYTES = Number(process.env.GYOKAKU_PAGE_CACHE_MB ?? 64) * 2 ** 20;
// A JavaScript string of Japanese text holds two bytes a character.
const parts = new Lru<string, string>(1024, { weigh: (html) => html.length * 2, maxWeight: MAX_BYTES });

const planPrefix = (plan: PlanRef) => `${plan.municipalityCode}|${plan.id}|`;

/** The HTML `render` makes for the plan at its data version and the variant, rendered once and kept. */
export async function cachedPlanHtml(
  plan: PlanRef,
  variant: string,
  render: () => string | Promise<string>,
): Promise<string> {
  if (plan.dataVersion === null) return render();
  const version = `${planPrefix(plan)}${plan.dataVersion}|`;
  const key = version + variant;
  const hit = parts.get(key);
  if (hit !== undefined) return hit;
  const html = await render();
  const token = requestAuth().csrfToken;
  if (token && html.includes(token))
    throw new Error(
      `cachedPlanHtml(${variant}): the part holds the request's CSRF token; it must not be kept`,
    );
  const prefix = planPrefix(plan);
  parts.deleteWhere((k) => k.startsWith(prefix) && !k.startsWith(version));
  parts.set(key, html);
  return html;
}

/** Forgets every kept part (tests that compare a cold render with a kept one). */
export function clearPageCache(): void {
  parts.clear();
}
