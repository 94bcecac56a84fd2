/**
 * Parts of the dashboard made from a municipality's data, kept per process by municipality, a key naming
 * everything they are made from and a variant (what the reader chose). The departments behind schedule are kept
 * as HTML under `behindKey` (dashboard.service.ts: each open round's row, its plan's data version, its state
 * version, today's date) with the 和暦/西暦 setting as variant; the body of the page is kept as bytes under
 * `stateKey` (everything the dashboard query read: the plans with their data versions, `behindKey`, the latest
 * changes) with the reader's choice (plan, year, level, 和暦/西暦, may edit) as variant. Only one key per
 * municipality and kind is kept (a newer one replaces the older, with all its variants); at most
 * GYOKAKU_DASHBOARD_CACHE municipalities (default 256; least recently used parts first out, up to 8 a
 * municipality).
 *
 * Never a part with the request's CSRF token (a form): it would go to other readers. Rendering such a part here
 * throws, as src/plans/page-cache.ts does for the plan's parts.
 */
import { Lru } from "../core/lru.ts";
import { requestAuth } from "../core/request.ts";

const MAX_MUNICIPALITIES = Number(process.env.GYOKAKU_DASHBOARD_CACHE ?? 256);
const parts = new Lru<string, string | Uint8Array>(MAX_MUNICIPALITIES * 8);
const utf8 = new TextDecoder();

async function kept<T extends string | Uint8Array>(
  kind: string,
  municipalityCode: string,
  key: string | null,
  variant: string,
  render: () => T | Promise<T>,
): Promise<T> {
  if (key === null) return render();
  const hit = parts.get(partKey(kind, municipalityCode, key, variant));
  if (hit !== undefined) return hit as T;
  const made = await render();
  const token = requestAuth().csrfToken;
  if (token && (typeof made === "string" ? made : utf8.decode(made)).includes(token))
    throw new Error(
      `dashboard-cache(${kind}, ${variant}): the part holds the request's CSRF token; it must not be kept`,
    );
  store(kind, municipalityCode, key, variant, made);
  return made;
}

const partKey = (kind: string, municipalityCode: string, key: string, variant: string) =>
  `${kind}|${municipalityCode}|${key}|${variant}`;

/** Keeps a part; the municipality's parts of the kind under another key (older) go. */
function store(
  kind: string,
  municipalityCode: string,
  key: string,
  variant: string,
  value: string | Uint8Array,
) {
  const prefix = `${kind}|${municipalityCode}|`;
  const version = `${prefix}${key}|`;
  parts.deleteWhere((k) => k.startsWith(prefix) && !k.startsWith(version));
  parts.set(version + variant, value);
}

/** The HTML `render` makes for the municipality under `key` (null: not kept) and the variant, rendered once. */
export const keptMunicipalityHtml = (
  municipalityCode: string,
  key: string | null,
  variant: string,
  render: () => string | Promise<string>,
): Promise<string> => kept("html", municipalityCode, key, variant, render);

/** The same for a part kept as bytes (the body of the page, put into the frame by core/ui/kept-part.ts). */
export const keptMunicipalityBytes = (
  municipalityCode: string,
  key: string | null,
  variant: string,
  render: () => Uint8Array | Promise<Uint8Array>,
): Promise<Uint8Array> => kept("bytes", municipalityCode, key, variant, render);

/**
 * The body kept under the municipality's state version read with the session (migration
 * 2026-12-07T1440-municipality-state-versions) and today's date, for what the reader asked (the query's plan,
 * year and level as written, 和暦/西暦, may edit): found without the dashboard's query. Undefined when not kept.
 */
export function bodyByState(municipalityCode: string, key: string, asked: string): Uint8Array | undefined {
  return parts.get(partKey("state", municipalityCode, key, asked)) as Uint8Array | undefined;
}

/**
 * Keeps a body under the state version the request's session read. The body was made from what the dashboard's
 * query read after the session's query: the data as it was at that version or newer, never older (the version
 * changes in the transaction of every change). Bodies under an older key of the municipality go.
 */
export function keepBodyByState(
  municipalityCode: string,
  key: string,
  asked: string,
  body: Uint8Array,
): void {
  if (parts.get(partKey("state", municipalityCode, key, asked)) === body) return;
  store("state", municipalityCode, key, asked, body);
}

/** Forgets every kept part (tests that compare a cold render with a kept one). */
export function clearDashboardCache(): void {
  parts.clear();
}
