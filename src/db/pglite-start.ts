/**
 * Starting PGlite fast. Two things cost seconds at every start and are avoided here:
 * - Creating a database (initdb) computes the system catalogs from scratch, 3–5 s of CPU. A new database is
 *   instead unpacked from a template: an empty database made once by initdb and kept as a tar file in
 *   node_modules/.cache/gyokaku/ (one per PGlite version, so an upgrade makes a new one; WAL segments of
 *   4 MB).
 * - PostgreSQL clears its shared buffers at start; WebAssembly does it byte by byte, about a second for
 *   PostgreSQL's default 128 MB. gyokaku's embedded database holds one municipality's or a few municipalities'
 *   plans (tens of MB) and the operating system caches the files below it anyway, so 32 MB is plenty (16 MB
 *   with GYOKAKU_LOW_MEMORY=1: the buffers are WebAssembly memory the process keeps, all of it touched);
 *   GYOKAKU_PGLITE_SHARED_BUFFERS sets another size (e.g. 256MB for a large database).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { templateFile } from "./pglite-template-path.ts";

function sharedBuffers(env = process.env): string {
  const value = env.GYOKAKU_PGLITE_SHARED_BUFFERS?.trim();
  if (value && /^\d+\s*(kB|MB|GB)$/.test(value)) return value.replace(/\s+/g, "");
  return env.GYOKAKU_LOW_MEMORY === "1" ? "16MB" : "32MB";
}

function startParams(): string[] {
  return [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers()}`];
}

let template: Promise<Blob> | null = null;

/** The empty database as a tar archive: from the cache file, or made once (and cached when it can be). */
export function emptyDatabaseTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = templateFile();
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    // WAL in segments of 4 MB instead of 16 MB: a database of this size never fills one of either, and every
    // copy made from the template (the tests make many) unpacks 12 MB less of empty log.
    const fresh = new PGlite({ startParams: startParams(), initDbStartParams: ["--wal-segsize=4"] });
    await fresh.waitReady;
    const blob = await fresh.dumpDataDir("none");
    await fresh.close();
    try {
      mkdirSync(dirname(file), { recursive: true });
      // Written under another name first: another process never reads half a file.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
      renameSync(partial, file);
    } catch {
      // A read-only installation: the template lives in this process only.
    }
    return blob;
  })();
  template.catch(() => {
    template = null;
  });
  return template;
}

/** Whether a data directory still has to be created (missing, or empty but for our lock file). */
export function isNewDataDir(dir: string): boolean {
  if (!existsSync(dir)) return true;
  // the lock and the key of the secrets (src/core/secrets.ts) are gyokaku's, not the database's
  return readdirSync(dir).every((f) => f === "gyokaku.lock" || f === "secret.key");
}

/**
 * A started PGlite on a data directory (made from the template when new), or in memory from `from` (a tar
 * archive, e.g. a migrated template the tests keep) or the empty template.
 */
export async function startPGlite(
  target: { dataDir: string } | { memory: true; from?: Blob },
  options: Pick<PGliteOptions, "parsers"> = {},
): Promise<PGlite> {
  const base: PGliteOptions = { ...options, startParams: startParams() };
  const pglite =
    "dataDir" in target
      ? new PGlite({
          ...base,
          dataDir: target.dataDir,
          ...(isNewDataDir(target.dataDir) ? { loadDataDir: await emptyDatabaseTemplate() } : {}),
        })
      : new PGlite({ ...base, loadDataDir: target.from ?? (await emptyDatabaseTemplate()) });
  await pglite.waitReady;
  return pglite;
}
