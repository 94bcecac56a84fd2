/**
 * Backup and restore of everything in the database (both kinds: PGlite and PostgreSQL), in the one format of
 * backup.format.ts. Tables come from the database's catalogue, so tables added later are covered without a
 * change here. A backup reads one consistent snapshot through cursors and writes as it reads; a restore
 * reads as it writes, in one transaction: all of it or nothing.
 *
 * Who may: the command line (whoever may open the database) backs up and restores the whole database; in the
 * browser an administrator backs up and restores the rows of their own municipality (core/policy.ts).
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { pipeline, Readable, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { record } from "../audit/audit.service.ts";
import { AppError, authorize } from "../core/errors.ts";
import { type Actor, canBackUp } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import type { Q } from "../db/tenant.ts";
import {
  type BackupHeader,
  EXCLUDED,
  FORMAT,
  FORMAT_VERSION,
  invalidBackup,
  lines,
  readHeader,
  readJsonLine,
  sectionSchema,
  trailerSchema,
} from "./backup.format.ts";
import * as repo from "./backup.repository.ts";

export type { BackupHeader } from "./backup.format.ts";
export { FORMAT, FORMAT_VERSION } from "./backup.format.ts";

/** Rows per cursor fetch and per insert; fewer where a table holds files (bytea). */
const BATCH = 500;
const BATCH_WITH_FILES = 20;
/** An insert is sent once its rows reach this much JSON text, whatever their number. */
const BATCH_CHARS = 4 * 1024 * 1024;

export type Scope = "all" | { municipality: string };

function gyokakuVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return String(pkg.version);
}

/**
 * Writes a backup through `write` (which waits when its reader is behind): the header, each table's rows,
 * the trailer. Returns the header (what was backed up).
 */
export async function writeBackup(
  db: DB,
  scope: Scope,
  write: (chunk: string) => Promise<void>,
): Promise<BackupHeader> {
  const codes = scope === "all" ? null : [scope.municipality];
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      await repo.useUtc(trx);
      const all = await repo.catalogue(trx);
      const tables = all.filter((t) => !(t.name in EXCLUDED));
      const municipalities = (await repo.municipalityList(trx)).filter(
        (m) => codes === null || codes.includes(m.code),
      );
      if (codes !== null && municipalities.length === 0)
        throw new AppError("not_found", "団体がありません。");
      // An empty database is almost always the wrong one (another data directory than the server's).
      if (municipalities.length === 0)
        throw new AppError(
          "not_found",
          "このデータベースには団体がひとつもなく、書き出すものがありません。組み込みデータベースなら、サーバーと同じ" +
            "データディレクトリ（--data または GYOKAKU_DATA）を指定してください。何も書き出していません。",
        );
      const header: BackupHeader = {
        format: FORMAT,
        version: FORMAT_VERSION,
        created: new Date().toISOString(),
        gyokaku: gyokakuVersion(),
        database: await repo.serverVersion(trx),
        migrations: await repo.executedMigrations(trx),
        scope: codes ?? "all",
        municipalities,
        tables: [],
        excluded: all
          .filter((t) => t.name in EXCLUDED)
          .map((t) => ({ table: t.name, reason: EXCLUDED[t.name]! })),
      };
      for (const t of tables) {
        header.tables.push({
          name: t.name,
          columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
          rows: await repo.countRows(trx, t.name, codes),
        });
      }
      await write(`${JSON.stringify(header)}\n`);
      let total = 0;
      for (const [i, t] of tables.entries()) {
        const rows = header.tables[i]!.rows;
        await write(`${JSON.stringify({ table: t.name, rows })}\n`);
        const batch = t.columns.some((c) => c.bytea) ? BATCH_WITH_FILES : BATCH;
        await repo.openRowCursor(trx, "backup_rows", t, codes);
        let written = 0;
        for (;;) {
          const got = await repo.fetchRows(trx, "backup_rows", batch);
          if (got.length === 0) break;
          written += got.length;
          await write(`${got.join("\n")}\n`);
        }
        await repo.closeCursor(trx, "backup_rows");
        // The snapshot guarantees it; a difference would be a fault of ours, never a file to trust.
        if (written !== rows) throw new Error(`${t.name}: ${rows} 行のはずが ${written} 行`);
        total += written;
      }
      await write(`${JSON.stringify({ end: true, tables: tables.length, rows: total })}\n`);
      return header;
    });
}

/** Writes a gzip'd backup to a stream (a file, an HTTP response) and waits until it is all written. */
export async function backupToStream(db: DB, scope: Scope, out: Writable): Promise<BackupHeader> {
  const gzip = createGzip();
  gzip.pipe(out);
  const write = async (chunk: string) => {
    if (!gzip.write(chunk)) await once(gzip, "drain");
  };
  try {
    const header = await writeBackup(db, scope, write);
    gzip.end();
    await finished(out);
    return header;
  } catch (e) {
    gzip.destroy();
    out.destroy();
    throw e;
  }
}

export async function backupToFile(db: DB, scope: Scope, path: string): Promise<BackupHeader> {
  return backupToStream(db, scope, createWriteStream(path));
}

/** The administrator's page: their municipality, or refused for anyone else. */
export async function backupPage(db: DB, user: Actor): Promise<{ code: string; name: string }> {
  authorize(canBackUp(user, user), "バックアップと復元は管理者が行います。");
  const found = (await repo.municipalityList(db)).find((m) => m.code === user.municipalityCode);
  return found ?? { code: user.municipalityCode, name: user.municipalityCode };
}

/** The browser's backup: the administrator's municipality, recorded in its history. */
export async function backupForAdmin(db: DB, user: Actor, path: string): Promise<BackupHeader> {
  authorize(canBackUp(user, user));
  const header = await backupToFile(db, { municipality: user.municipalityCode }, path);
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  await record(db, user, [
    { action: "backup.create", subject: "バックアップ", after: { rows, created: header.created } },
  ]);
  return header;
}

export type RestoreOptions = {
  /** The command line's --replace: restore although the municipalities differ (a full backup replaces all). */
  replace?: boolean;
  /** The browser: the backup must hold exactly this municipality; only its rows are replaced. */
  actor?: Actor;
  /** Told after each batch and at the end of each table. */
  onProgress?: (p: { table: string; done: number; rows: number }) => void;
};

export type RestoreResult = { header: BackupHeader; tables: { name: string; rows: number }[]; rows: number };

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));
const names = (ms: readonly { code: string; name: string }[]) =>
  ms.map((m) => `${m.code} ${m.name}`).join("、") || "なし";

/** Which rows the restore replaces (null: every row), after the checks that refuse it. */
async function checkTarget(db: DB, header: BackupHeader, options: RestoreOptions): Promise<string[] | null> {
  const known = new Set(await repo.executedMigrations(db));
  const newer = header.migrations.filter((m) => !known.has(m));
  if (newer.length > 0) {
    throw new AppError(
      "invalid_document",
      `このバックアップは新しい gyokaku（${header.gyokaku}）で作られました（このデータベースにない更新: ${newer.join(", ")}）。gyokaku を更新してから復元してください。`,
    );
  }
  const target = new Map((await repo.catalogue(db)).map((t) => [t.name, t]));
  for (const t of header.tables) {
    const there = target.get(t.name);
    if (!there) throw invalidBackup(`表 ${t.name} がこのデータベースにありません`);
    for (const c of t.columns) {
      if (!there.columns.some((x) => x.name === c.name))
        throw invalidBackup(`表 ${t.name} の列 ${c.name} がこのデータベースにありません`);
    }
  }
  const backupCodes = header.municipalities.map((m) => m.code);
  const present = await repo.municipalityList(db);
  const presentCodes = present.map((m) => m.code);
  if (options.actor) {
    authorize(canBackUp(options.actor, options.actor));
    if (!sameSet(backupCodes, [options.actor.municipalityCode])) {
      throw new AppError(
        "invalid_document",
        `このバックアップは ${names(header.municipalities)} のものです。画面から復元できるのは自分の団体（${options.actor.municipalityCode}）だけのバックアップです。`,
      );
    }
    return [options.actor.municipalityCode];
  }
  const fits =
    header.scope === "all"
      ? presentCodes.length === 0 || sameSet(presentCodes, backupCodes)
      : backupCodes.every((c) => presentCodes.includes(c));
  if (!fits && !options.replace) {
    throw new AppError(
      "conflict",
      `バックアップの団体（${names(header.municipalities)}）とこのデータベースの団体（${names(present)}）が違います。` +
        (header.scope === "all"
          ? "データベースの中身をすべてバックアップの内容に置き換えるには --replace を付けてください。"
          : "バックアップの団体を加えるには --replace を付けてください。"),
    );
  }
  return header.scope === "all" ? null : backupCodes;
}

/**
 * What a gzip or text decoding error means to the person restoring; the code (Z_DATA_ERROR …) stays in the
 * error's cause, for the log.
 */
function unreadable(e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  const cut = code === "Z_BUF_ERROR" || /unexpected end/i.test((e as Error).message ?? "");
  const error = invalidBackup(
    cut
      ? "ファイルが途中で切れています（ダウンロードやコピーが最後まで終わっていない可能性があります）"
      : "gyokaku のバックアップファイル（.jsonl.gz）ではないか、壊れています",
  );
  return new AppError(error.code, error.message, { cause: e });
}

/** The lines of a gzip'd backup, one at a time (undefined at the end); refusals in plain words. */
function backupLines(source: Readable): () => Promise<string | undefined> {
  const gunzip = createGunzip();
  // A read error of the source ends the gunzip stream with it, so that the reading below sees it.
  pipeline(source, gunzip, () => {});
  const input = lines(gunzip);
  return async () => {
    try {
      const r = await input.next();
      return r.done ? undefined : r.value;
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw unreadable(e);
    }
  };
}

/**
 * Makes the checks that would refuse a restore of the bytes (a backup at all, its version, whose it is)
 * without restoring anything: the page says what is wrong with the file even when the restore was not
 * confirmed. Returns the header.
 */
export async function checkBackupBytes(
  db: DB,
  bytes: Uint8Array,
  options: RestoreOptions = {},
): Promise<BackupHeader> {
  const source = Readable.from([Buffer.from(bytes)]);
  try {
    const header = readHeader(await backupLines(source)());
    await checkTarget(db, header, options);
    return header;
  } finally {
    source.destroy();
  }
}

/** Restores a gzip'd backup from a byte stream, in one transaction. */
export async function restoreFromStream(
  db: DB,
  source: Readable,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const next = backupLines(source);
  try {
    const header = readHeader(await next());
    const scope = await checkTarget(db, header, options);
    return await db.transaction().execute(async (trx) => {
      const result = await restoreRows(trx, header, scope, next, options);
      if (options.actor) {
        await record(trx, options.actor, [
          {
            action: "backup.restore",
            subject: "バックアップから復元",
            after: { created: header.created, rows: result.rows },
          },
        ]);
      }
      return result;
    });
  } finally {
    source.destroy();
  }
}

async function restoreRows(
  trx: Q,
  header: BackupHeader,
  scope: string[] | null,
  next: () => Promise<string | undefined>,
  options: RestoreOptions,
): Promise<RestoreResult> {
  await repo.useUtc(trx);
  await repo.triggersAtOnce(trx);
  const target = await repo.catalogue(trx);
  const fks = await repo.foreignKeys(trx);
  for (const fk of fks) await repo.dropForeignKey(trx, fk);
  for (const t of target) if (!(t.name in EXCLUDED)) await repo.deleteRows(trx, t.name, scope);
  const restored: { name: string; rows: number }[] = [];
  for (const expected of header.tables) {
    const section = readJsonLine(await next(), sectionSchema, `表 ${expected.name} の見出し`);
    if (section.table !== expected.name || section.rows !== expected.rows)
      throw invalidBackup(`表 ${expected.name}（${expected.rows} 行）の見出しが見出し行と合いません`);
    const table = target.find((t) => t.name === expected.name)!;
    const columns = table.columns.filter((c) => expected.columns.some((x) => x.name === c.name));
    const limit = columns.some((c) => c.bytea) ? BATCH_WITH_FILES : BATCH;
    let batch: string[] = [];
    let chars = 0;
    let done = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await repo.insertJsonRows(trx, table.name, columns, `[${batch.join(",")}]`);
      done += batch.length;
      batch = [];
      chars = 0;
      options.onProgress?.({ table: table.name, done, rows: expected.rows });
    };
    for (let i = 0; i < expected.rows; i++) {
      const line = await next();
      if (line === undefined) throw invalidBackup(`表 ${table.name} の途中でファイルが終わっています`);
      if (!line.startsWith("{")) throw invalidBackup(`表 ${table.name} の ${i + 1} 行目が不正です`);
      batch.push(line);
      chars += line.length;
      if (batch.length >= limit || chars >= BATCH_CHARS) await flush();
    }
    await flush();
    if (expected.rows === 0) options.onProgress?.({ table: table.name, done: 0, rows: 0 });
    await repo.resetSequences(trx, table);
    restored.push({ name: table.name, rows: done });
  }
  const trailer = readJsonLine(await next(), trailerSchema, "終わりの印");
  const rows = restored.reduce((n, t) => n + t.rows, 0);
  if (trailer.rows !== rows || trailer.tables !== restored.length)
    throw invalidBackup("終わりの印の行数が合いません");
  if ((await next()) !== undefined) throw invalidBackup("終わりの印のあとに行があります");
  if (target.some((t) => t.name === "sessions")) await repo.deleteOrphanSessions(trx);
  // Added back, each checked against every row: a backup that breaks a reference is refused as a whole.
  for (const fk of fks) {
    try {
      await repo.addForeignKey(trx, fk);
    } catch (e) {
      throw new AppError(
        "invalid_document",
        `復元したデータの参照が合いません（${fk.table} の ${fk.name}）。何も変更していません。`,
        { cause: e },
      );
    }
  }
  return { header, tables: restored, rows };
}

export async function restoreFromFile(
  db: DB,
  path: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  return restoreFromStream(db, createReadStream(path), options);
}

export async function restoreFromBytes(
  db: DB,
  bytes: Uint8Array,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  return restoreFromStream(db, Readable.from([Buffer.from(bytes)]), options);
}
