/**
 * Opens the database: embedded PGlite in a data directory (default ./data, guarded by a lock file),
 * or a PostgreSQL server when DATABASE_URL is set. Both get the same type parsers and the same
 * migrations, run at start-up.
 */
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { acquireLock, type Lock } from "./lock.ts";
import { migrationProvider } from "./migrations/index.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { Database } from "./schema.ts";
import { typeParsers } from "./type-parsers.ts";

export type DB = Kysely<Database>;

export type DatabaseOptions =
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory" }
  | { kind: "postgres"; url: string };

export type OpenDatabase = {
  db: DB;
  kind: DatabaseOptions["kind"];
  describe: string;
  close(): Promise<void>;
};

/** DATABASE_URL wins; otherwise PGlite in --data, GYOKAKU_DATA or ./data. */
export function databaseOptionsFromEnv(dataDir?: string, env = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: resolve(dataDir ?? env.GYOKAKU_DATA ?? "data") };
}

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  let lock: Lock | null = null;
  let db: DB;
  let describe: string;
  if (options.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          typeParsers[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server closes (a restart, an administrator) must not crash the process: the
    // pool drops it and opens another when needed.
    pool.on("error", (e) => console.error(`PostgreSQL: 待機中の接続が切れました: ${e.message}`));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    describe = `PostgreSQL (${redact(options.url)})`;
  } else {
    if (options.kind === "pglite") lock = acquireLock(options.dataDir);
    try {
      const pglite = new PGlite({
        ...(options.kind === "pglite" ? { dataDir: options.dataDir } : {}),
        parsers: typeParsers,
      });
      await pglite.waitReady;
      db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
      describe = options.kind === "pglite" ? `PGlite (${options.dataDir})` : "PGlite (memory)";
    } catch (e) {
      lock?.release();
      throw e;
    }
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.destroy();
    lock?.release();
    throw e;
  }
  return {
    db,
    kind: options.kind,
    describe,
    async close() {
      await db.destroy();
      lock?.release();
    },
  };
}

/** A query the database must answer, for the health check. */
export async function ping(db: DB): Promise<void> {
  await sql`select 1`.execute(db);
}

export async function migrate(db: DB): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(
      `マイグレーションに失敗しました${failed ? `（${failed.migrationName}）` : ""}: ${String(error)}`,
    );
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
