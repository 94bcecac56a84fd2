/**
 * Parts of the dashboard made from a municipality's open rounds (the departments behind schedule), kept as
 * HTML per process by municipality, a key naming everything they are made from (`behindKey` in
 * dashboard.service.ts: each open round's row, its plan's data version, its state version, today's date) and a
 * variant (the 和暦/西暦 setting). Only one key per municipality is kept (a newer one replaces the older); at
 * most GYOKAKU_DASHBOARD_CACHE municipalities (default 256, least recently used first out).
 *
 * Never a part with the request's CSRF token (a form): it would go to other readers. Rendering such a part here
 * throws, as src/plans/page-cache.ts does for the plan's parts.
 */
import { Lru } from "../core/lru.ts";
import { requestAuth } from "../core/request.ts";

const MAX_MUNICIPALITIES = Number(process.env.GYOKAKU_DASHBOARD_CACHE ?? 256);
const parts = new Lru<string, string>(MAX_MUNICIPALITIES * 2);

/** The HTML `render` makes for the municipality under `key` (null: not kept) and the variant, rendered once. */
export async function keptMunicipalityHtml(
  municipalityCode: string,
  key: string | null,
  variant: string,
  render: () => string | Promise<string>,
): Promise<string> {
  if (key === null) return render();
  const prefix = `${municipalityCode}|`;
  const version = `${prefix}${key}|`;
  const hit = parts.get(version + variant);
  if (hit !== undefined) return hit;
  const html = await render();
  const token = requestAuth().csrfToken;
  if (token && html.includes(token))
    throw new Error(
      `keptMunicipalityHtml(${variant}): the part holds the request's CSRF token; it must not be kept`,
    );
  parts.deleteWhere((k) => k.startsWith(prefix) && !k.startsWith(version));
  parts.set(version + variant, html);
  return html;
}

/** Forgets every kept part (tests that compare a cold render with a kept one). */
export function clearDashboardCache(): void {
  parts.clear();
}
