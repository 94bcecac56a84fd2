/**
 * Databases for tests. By default an in-memory PGlite. With GYOKAKU_TEST_DB=postgres, a fresh database
 * on the PostgreSQL server at GYOKAKU_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * dropped afterwards. `.ci/run` runs the database tests both ways.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type OpenDatabase, openDatabase } from "../db/database.ts";

export const postgresAdminUrl = () =>
  process.env.GYOKAKU_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.GYOKAKU_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export async function openPostgresTestDatabase(): Promise<OpenDatabase> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  const name = `gyokaku_test_${randomBytes(6).toString("hex")}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  const open = await openDatabase({ kind: "postgres", url: url.toString() });
  return {
    ...open,
    async close() {
      await open.close();
      const a = new pg.Client({ connectionString: postgresAdminUrl() });
      await a.connect();
      try {
        // pg's pool.end() resolves before its connections have closed on the server. Dropping "with (force)"
        // at once would terminate a closing connection, whose error then surfaces in a later test as an
        // uncaught exception: wait for the server to see them gone first.
        for (let i = 0; i < 100; i++) {
          const r = await a.query("select count(*)::int as n from pg_stat_activity where datname = $1", [
            name,
          ]);
          if (r.rows[0].n === 0) break;
          await new Promise((done) => setTimeout(done, 50));
        }
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

let migrated: Promise<Blob> | null = null;

/**
 * An empty, migrated database as a tar archive, made once per test process: each test database starts from
 * it instead of creating and migrating one (seconds of CPU each).
 */
function migratedTemplate(): Promise<Blob> {
  migrated ??= (async () => {
    const open = await openDatabase({ kind: "pglite-memory" });
    try {
      return await open.dumpDataDir!();
    } finally {
      await open.close();
    }
  })();
  return migrated;
}

export async function openTestDatabase(kind = testDatabaseKind()): Promise<OpenDatabase> {
  return kind === "postgres"
    ? openPostgresTestDatabase()
    : openDatabase({ kind: "pglite-memory", from: await migratedTemplate() });
}

/** Whether a PostgreSQL server answers at the admin URL (for tests that compare both databases). */
export async function postgresAvailable(): Promise<boolean> {
  // A server that is not there refuses at once; one that is there but busy (a loaded CI machine) may take
  // seconds to accept: a short timeout here turned a busy server into a skipped test.
  const c = new pg.Client({ connectionString: postgresAdminUrl(), connectionTimeoutMillis: 30_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}
