/**
 * The static export: a publication written as a self-contained folder (HTML, CSS, SVG, fonts, open data)
 * with relative links only, for any web server, a CMS folder or file://. Nothing is loaded from outside.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SiteMode } from "./public.layout.tsx";
import { buildView } from "./public-view.ts";
import type { Publication } from "./publish.service.ts";
import { assetFiles, renderFile, sitePaths } from "./site.tsx";

export const STATIC_MODE: SiteMode = { assets: "assets/", search: false };

/** Folders the export owns and empties first, so that pages of items no longer in the plan do not linger. */
const OWNED = ["items", "charts", "opendata", "assets"];

export async function writeStaticSite(publication: Publication, out: string): Promise<{ files: number }> {
  const view = buildView(publication);
  for (const d of OWNED) rmSync(join(out, d), { recursive: true, force: true });
  let files = 0;
  const write = (path: string, body: string | Buffer) => {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    files++;
  };
  for (const path of sitePaths(view)) {
    const f = await renderFile(view, STATIC_MODE, path);
    if (!f) throw new Error(`静的サイトのファイルを作れません: ${path}`);
    write(f.path, f.body);
  }
  for (const a of assetFiles()) {
    const target = join(out, STATIC_MODE.assets, a.path);
    mkdirSync(dirname(target), { recursive: true });
    if ("body" in a) writeFileSync(target, a.body);
    else copyFileSync(a.source, target);
    files++;
  }
  return { files };
}
