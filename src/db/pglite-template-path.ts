/**
 * Where the empty-database template of the installed PGlite is cached (see pglite-start.ts): apart, so that the
 * `gyokaku` command can ask whether it is there without loading PGlite.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** node_modules/.cache/gyokaku/pglite-<version>-empty-wal4.tar, beside the installed PGlite. */
export function templateFile(): string {
  // node_modules/@electric-sql/pglite/dist/index.js → the package; the cache is in node_modules/.cache/
  const pkg = join(dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")), "..");
  const version = (JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { version: string })
    .version;
  return join(pkg, "..", "..", ".cache", "gyokaku", `pglite-${version}-empty-wal4.tar`);
}

export function templateExists(): boolean {
  try {
    return existsSync(templateFile());
  } catch {
    return false;
  }
}
