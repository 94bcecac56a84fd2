// The benchmark's database: a PGlite in a fresh temporary directory, or a fresh database on the PostgreSQL server
// (dropped and created again under the given name, so that two benchmarks on one server can use two names).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type OpenDatabase, openDatabase } from "../../src/db/database.ts";

export type BenchDatabase = {
  /** the database as this process has it open (a new object after `reopen`) */
  open: OpenDatabase;
  /** where another process finds the database (the built server of server-rss.ts), once `release`d */
  where: { data: string } | { url: string };
  /** gives the database up for another process (a PGlite directory has one owner); PostgreSQL: nothing */
  release: () => Promise<void>;
  /** opens it again after `release` (PostgreSQL: the same) */
  reopen: () => Promise<OpenDatabase>;
  /** closes `open` and removes a PGlite's directory */
  close: () => Promise<void>;
};

export async function benchDatabase(
  kind: "pglite" | "postgres",
  serverUrl: string,
  name: string,
  /** keep what an earlier run loaded into the PostgreSQL database of that name */
  reuse = false,
): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "gyokaku-bench-"));
    let released: Promise<void> | null = null;
    const bench: BenchDatabase = {
      open: await openDatabase({ kind: "pglite", dataDir: dir }),
      where: { data: dir },
      release: () => {
        released ??= bench.open.close();
        return released;
      },
      reopen: async () => {
        await bench.release();
        bench.open = await openDatabase({ kind: "pglite", dataDir: dir });
        released = null;
        return bench.open;
      },
      close: async () => {
        await bench.release();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return bench;
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
  let closed: Promise<void> | null = null;
  return {
    open,
    where: { url: url.toString() },
    release: async () => {},
    reopen: async () => open,
    close: () => {
      closed ??= open.close();
      return closed;
    },
  };
}
