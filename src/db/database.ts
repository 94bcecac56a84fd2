/**
 * Opens the database: embedded PGlite in a data directory (default ./data, guarded by a lock file),
 * or a PostgreSQL server when DATABASE_URL is set. Both get the same type parsers and the same
 * migrations, run at start-up.
 */
import { resolve } from "node:path";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import { useSecretKeyFrom } from "../core/secrets.ts";
import { withDeadlines } from "./deadline-dialect.ts";
import { acquireLock, type Lock } from "./lock.ts";
import { migrationProvider } from "./migrations/index.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import { startPGlite } from "./pglite-start.ts";
import { preparingClient } from "./prepared.ts";
import type { Database } from "./schema.ts";
import { typeParsers } from "./type-parsers.ts";

export type DB = Kysely<Database>;

export type DatabaseOptions =
  | { kind: "pglite"; dataDir: string }
  /** In memory: empty, or from a tar archive of a database (a migrated template the tests keep). */
  | { kind: "pglite-memory"; from?: Blob }
  /** `dataDir`: where the key of the secrets is (src/core/secrets.ts), as with PGlite */
  | { kind: "postgres"; url: string; dataDir?: string };

export type OpenDatabase = {
  db: DB;
  kind: DatabaseOptions["kind"];
  describe: string;
  close(): Promise<void>;
  /** The embedded database's files as a tar archive (PGlite only). */
  dumpDataDir?: () => Promise<Blob>;
};

/** DATABASE_URL wins; otherwise PGlite in --data, GYOKAKU_DATA or ./data. */
export function databaseOptionsFromEnv(dataDir?: string, env = process.env): DatabaseOptions {
  const dir = resolve(dataDir ?? env.GYOKAKU_DATA ?? "data");
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL, dataDir: dir };
  return { kind: "pglite", dataDir: dir };
}

/** Opens the database and brings it up to date (`migrate: false` only looks: `gyokaku doctor`). */
export async function openDatabase(
  options: DatabaseOptions,
  { migrate: runMigrations = true }: { migrate?: boolean } = {},
): Promise<OpenDatabase> {
  let lock: Lock | null = null;
  let db: DB;
  let describe: string;
  let dumpDataDir: (() => Promise<Blob>) | undefined;
  // the key of the secrets stored encrypted (the SMTP password): in the data directory unless in the environment
  useSecretKeyFrom(options.kind === "pglite-memory" ? null : (options.dataDir ?? null));
  if (options.kind === "postgres") {
    // Loaded only for a server: the embedded database, the default, does without it.
    const { default: pg } = await import("pg");
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
    // the marked hot queries go as prepared statements, planned once per connection (src/db/prepared.ts)
    pool.on("connect", (client) => preparingClient(client));
    db = new Kysely<Database>({ dialect: withDeadlines(new PostgresDialect({ pool })) });
    describe = `PostgreSQL (${redact(options.url)})`;
  } else {
    if (options.kind === "pglite") lock = acquireLock(options.dataDir);
    try {
      const pglite = await startPGlite(
        options.kind === "pglite"
          ? { dataDir: options.dataDir }
          : { memory: true, ...(options.from ? { from: options.from } : {}) },
        { parsers: typeParsers },
      );
      dumpDataDir = () => pglite.dumpDataDir("none") as Promise<Blob>;
      db = new Kysely<Database>({ dialect: withDeadlines(new PGliteDialect(pglite)) });
      describe = options.kind === "pglite" ? `PGlite (${options.dataDir})` : "PGlite (memory)";
    } catch (e) {
      lock?.release();
      throw e;
    }
  }
  try {
    if (runMigrations) await migrate(db);
  } catch (e) {
    await db.destroy();
    lock?.release();
    throw e;
  }
  return {
    db,
    kind: options.kind,
    describe,
    ...(dumpDataDir ? { dumpDataDir } : {}),
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

/** The migrations this database has not had yet, by name. */
export async function pendingMigrations(db: DB): Promise<string[]> {
  const all = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

/** The server's major version (15, 16 …); PGlite answers as the PostgreSQL it is built from. */
export async function serverMajorVersion(db: DB): Promise<number> {
  const r = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Math.floor(Number(r.rows[0]?.v ?? 0) / 10000);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
