/**
 * The static export: a publication written as a self-contained folder (HTML, CSS, SVG, fonts, open data)
 * with relative links only, for any web server, a CMS folder or file://. Nothing is loaded from outside.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { AppError } from "../core/errors.ts";
import type { SiteMode } from "./public.layout.tsx";
import { buildView } from "./public-view.ts";
import type { Publication } from "./publish.service.ts";
import { assetFiles, renderFile, sitePaths } from "./site.tsx";

export const STATIC_MODE: SiteMode = { assets: "assets/", search: false };

/** The list of files an export wrote, kept in the folder: the next export removes those and nothing else. */
export const MANIFEST = ".gyokaku-site.json";
const MANIFEST_FORMAT = "gyokaku.static-site/1";

/** A path from a manifest that stays inside the folder (a changed manifest cannot point outside it). */
function inside(path: unknown): path is string {
  if (typeof path !== "string" || path === "" || isAbsolute(path)) return false;
  const n = normalize(path);
  return n !== ".." && !n.startsWith(`..${sep}`) && n !== MANIFEST;
}

/**
 * The files a previous export wrote into `out`, or [] for a folder that is missing or empty. A folder with
 * other content and no manifest is refused: an export never removes or overwrites what it did not write.
 */
function previousExport(out: string): string[] {
  if (!existsSync(out) || readdirSync(out).length === 0) return [];
  const manifest = join(out, MANIFEST);
  if (!existsSync(manifest)) {
    throw new AppError(
      "invalid",
      `書き出し先 ${out} は空ではなく、gyokaku が書き出したフォルダでもありません（${MANIFEST} がありません）。空のフォルダか新しいフォルダを指定してください。`,
      { fields: { out: "空のフォルダを指定してください。" } },
    );
  }
  let files: unknown;
  try {
    const m = JSON.parse(readFileSync(manifest, "utf8")) as { format?: unknown; files?: unknown };
    files = m.format === MANIFEST_FORMAT ? m.files : undefined;
  } catch {
    files = undefined;
  }
  if (!Array.isArray(files) || !files.every(inside)) {
    throw new AppError(
      "invalid",
      `書き出し先 ${out} の ${MANIFEST} を読めません。空のフォルダか新しいフォルダを指定してください。`,
      { fields: { out: "空のフォルダを指定してください。" } },
    );
  }
  return files;
}

/** Removes the files of the previous export, then the folders that became empty (never `out` itself). */
function removePrevious(out: string, files: string[]): void {
  const dirs = new Set<string>();
  for (const f of files) {
    rmSync(join(out, f), { force: true });
    for (let d = dirname(normalize(f)); d !== "." && d !== ""; d = dirname(d)) dirs.add(d);
  }
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    const path = join(out, d);
    if (existsSync(path) && readdirSync(path).length === 0) rmdirSync(path);
  }
}

/** Reads the bytes of an evidence file taken into the version (publishedEvidenceBytes with the database). */
export type EvidenceReader = (fileId: string) => Promise<Uint8Array | undefined>;

/**
 * Writes the site of a publication into `out`. Public evidence files (根拠資料) taken into the version are
 * written as evidence/<id>.<ext> (the item pages link them with the file's name to save as); a version that
 * has some needs `evidence` to read them.
 */
export async function writeStaticSite(
  publication: Publication,
  out: string,
  evidence?: EvidenceReader,
): Promise<{ files: number }> {
  const view = buildView(publication);
  const files = [...view.evidenceByPath];
  if (files.length > 0 && !evidence)
    throw new Error("根拠資料を含む版の書き出しには、資料の読み出しが必要です");
  removePrevious(out, previousExport(out));
  const pages = sitePaths(view);
  const paths = [...pages, ...files.map(([path]) => path)];
  const assets = assetFiles();
  // The manifest first, naming every file about to be written: an export cut short is still recognised.
  const manifest = (files: string[]) => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, MANIFEST), `${JSON.stringify({ format: MANIFEST_FORMAT, files }, null, 1)}\n`);
  };
  manifest([...paths, ...assets.map((a) => `${STATIC_MODE.assets}${a.path}`)].filter(inside));
  const written: string[] = [];
  let count = 0;
  const write = (path: string, body: string | Buffer) => {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    written.push(path);
    count++;
  };
  for (const [path, f] of files) {
    const data = await evidence!(f.id);
    if (!data) throw new Error(`根拠資料「${f.fileName}」が見つかりません（${path}）`);
    write(path, Buffer.from(data));
  }
  for (const path of pages) {
    const f = await renderFile(view, STATIC_MODE, path);
    if (!f) throw new Error(`静的サイトのファイルを作れません: ${path}`);
    write(f.path, f.body);
  }
  for (const a of assets) {
    const target = join(out, STATIC_MODE.assets, a.path);
    mkdirSync(dirname(target), { recursive: true });
    if ("body" in a) writeFileSync(target, a.body);
    else copyFileSync(a.source, target);
    written.push(`${STATIC_MODE.assets}${a.path}`);
    count++;
  }
  manifest(written);
  return { files: count };
}
