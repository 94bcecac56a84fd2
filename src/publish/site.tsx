/**
 * The files of a publication's site, by their path below the publication root: the same for the server
 * (rendered on request) and the static export (written to a folder). Paths: index.html, departments.html,
 * items/<slug>.html, charts/<slug>-<n>.svg, opendata/<table>.csv|json; the shared assets (public.css and the
 * BIZ UDPGothic fonts) sit in a folder the mode names.
 */
import { join } from "node:path";
import { fontDir, stylesheet } from "../core/ui/assets.ts";
import { FONT_FILES } from "../core/ui/fonts.tsx";
import { chartFile, ItemPage, indicatorSvg } from "./item.page.tsx";
import { tableCsv, tableResponse } from "./opendata/opendata.service.ts";
import { buildTables, TABLE_NAMES, type TableName, type Tables } from "./opendata/tables.ts";
import type { SiteMode } from "./public.layout.tsx";
import { DepartmentsPage, OverviewPage } from "./public.pages.tsx";
import type { PublicView } from "./public-view.ts";

export { fontDir };

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8; header=present",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

export function contentType(path: string): string {
  return CONTENT_TYPES[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream";
}

export type SiteFile = { path: string; body: string | Buffer };

/** Memoised per view: the open-data tables are built once for all downloads of a page set. */
const tablesOf = new WeakMap<PublicView, Tables>();
function tables(view: PublicView): Tables {
  let t = tablesOf.get(view);
  if (!t) {
    t = buildTables(view.publication);
    tablesOf.set(view, t);
  }
  return t;
}

/**
 * One file of the site, or null when there is none at that path. CSV is UTF-8 with a BOM here; Shift_JIS
 * is asked for with `sjis` (the server's ?encoding=sjis) and throws UnrepresentableCharacterError.
 */
export async function renderFile(
  view: PublicView,
  mode: SiteMode,
  path: string,
  options: { sjis?: boolean } = {},
): Promise<SiteFile | null> {
  if (path === "" || path === "index.html") {
    return { path: "index.html", body: await html(<OverviewPage view={view} mode={mode} />) };
  }
  if (path === "departments.html") {
    return { path, body: await html(<DepartmentsPage view={view} mode={mode} />) };
  }
  let m = /^items\/([^/]+)\.html$/.exec(path);
  if (m) {
    const item = view.bySlug.get(m[1]!);
    return item ? { path, body: await html(<ItemPage view={view} item={item} mode={mode} />) } : null;
  }
  m = /^charts\/([^/]+)-(\d+)\.svg$/.exec(path);
  if (m) {
    const item = view.bySlug.get(m[1]!);
    const index = Number(m[2]) - 1;
    const indicator = item?.item.indicators[index];
    if (!item || !indicator) return null;
    const svg = indicatorSvg(
      indicator,
      item.series.filter((s) => s.indicatorKey === indicator.key),
      `c${index + 1}`,
    );
    return svg ? { path, body: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}` } : null;
  }
  m = /^opendata\/([a-z_]+)\.(csv|json)$/.exec(path);
  if (m && (TABLE_NAMES as string[]).includes(m[1]!)) {
    const table = m[1] as TableName;
    if (m[2] === "csv") {
      return { path, body: tableCsv(view.publication, table, options.sjis ? "sjis" : "utf8", tables(view)) };
    }
    return {
      path,
      body: `${JSON.stringify(tableResponse(view.publication, table, tables(view)), null, 2)}\n`,
    };
  }
  return null;
}

async function html(node: unknown): Promise<string> {
  return String(await node);
}

/** Every path of the site below the publication root (the assets not included). */
export function sitePaths(view: PublicView): string[] {
  const charts = view.all.flatMap((v) =>
    v.item.indicators.flatMap((ind, i) =>
      indicatorSvg(
        ind,
        v.series.filter((s) => s.indicatorKey === ind.key),
        `c${i + 1}`,
      )
        ? [chartFile(v, i)]
        : [],
    ),
  );
  return [
    "index.html",
    "departments.html",
    ...view.all.map((v) => `items/${v.slug}.html`),
    ...charts,
    ...TABLE_NAMES.flatMap((t) => [`opendata/${t}.csv`, `opendata/${t}.json`]),
  ];
}

/** public.css: the UI kit's public set (base.css + public.css of src/core/ui/static) as one file. */
export function publicCss(): string {
  return stylesheet("public");
}

/**
 * The shared assets, by their path below the assets folder: public.css (its text) and the two font files
 * (fonts/files/…, copied from their source).
 */
export function assetFiles(): ({ path: string; body: string } | { path: string; source: string })[] {
  return [
    { path: "public.css", body: publicCss() },
    ...FONT_FILES.map((f) => ({ path: `fonts/${f.file}`, source: join(fontDir, f.file) })),
  ];
}
