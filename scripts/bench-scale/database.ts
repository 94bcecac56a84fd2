// The benchmark's database: a PGlite in a fresh temporary directory, or a fresh database on the PostgreSQL server
// (dropped and created again under the given name, so that two benchmarks on one server can use two names).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type OpenDatabase, openDatabase } from "../../src/db/database.ts";

export async function benchDatabase(
  kind: "pglite" | "postgres",
  serverUrl: string,
  name: string,
  /** keep what an earlier run loaded into the PostgreSQL database of that name */
  reuse = false,
): Promise<{
  open: OpenDatabase;
  /** where another process finds the database (the built server of server-rss.ts), once `open` is closed */
  where: { data: string } | { url: string };
  /** closes `open` (again: nothing) */
  closeDatabase: () => Promise<void>;
  /** closes `open` and removes a PGlite's directory */
  close: () => Promise<void>;
}> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "gyokaku-bench-"));
    const open = await openDatabase({ kind: "pglite", dataDir: dir });
    const closeDatabase = once(() => open.close());
    return {
      open,
      where: { data: dir },
      closeDatabase,
      close: async () => {
        await closeDatabase();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`--database: 英小文字・数字・_ の名前にしてください（${name}）`);
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  if (!reuse) await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`).catch((e) => {
    if (!(reuse && /already exists/.test(String(e)))) throw e;
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const open = await openDatabase({ kind: "postgres", url: url.toString() });
  const closeDatabase = once(() => open.close());
  return { open, where: { url: url.toString() }, closeDatabase, close: closeDatabase };
}

function once(f: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => {
    done ??= f();
    return done;
  };
}
