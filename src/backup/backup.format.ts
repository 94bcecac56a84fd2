/**
 * The backup file (形式 gyokaku-backup, version 1): gzip'd JSON lines, UTF-8.
 *
 *   line 1        the header: {"format":"gyokaku-backup","version":1,"created":ISO time,"gyokaku":"0.1.0",
 *                 "database":"PostgreSQL 15.8 …","migrations":[names],"scope":"all" | ["012173"],
 *                 "municipalities":[{"code","name"}],"tables":[{"name","columns":[{"name","type"}],"rows"}],
 *                 "excluded":[{"table","reason"}]}
 *   then for each table of the header, in its order:
 *                 {"table":"plans","rows":N}   followed by N lines, one row each: the row as PostgreSQL writes
 *                 it as JSON (row_to_json): numerics as exact JSON numbers, timestamps as ISO text in UTC with
 *                 their microseconds, jsonb as JSON, bytea as base64 text
 *   last line     {"end":true,"tables":T,"rows":R} (a file cut short has none and is refused)
 *
 * A reader refuses a version newer than its own; a version it knows stays readable in later releases.
 */
import { z } from "zod";
import { AppError } from "../core/errors.ts";

export const FORMAT = "gyokaku-backup";
export const FORMAT_VERSION = 1;

export const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().positive(),
  created: z.string(),
  gyokaku: z.string(),
  database: z.string(),
  migrations: z.array(z.string()),
  scope: z.union([z.literal("all"), z.array(z.string())]),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
      rows: z.number().int().nonnegative(),
    }),
  ),
  excluded: z.array(z.object({ table: z.string(), reason: z.string() })),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export const sectionSchema = z.object({ table: z.string(), rows: z.number().int().nonnegative() });
export const trailerSchema = z.object({ end: z.literal(true), tables: z.number(), rows: z.number() });

/** Tables whose rows are not in a backup, and why (the test checks that only these are left out). */
export const EXCLUDED: Readonly<Record<string, string>> = {
  plan_data_versions:
    "計画のデータの版（画面の計算結果を覚えておくための印。復元すると、復元した計画にデータベースが新しい印を付けます）",
  round_state_versions:
    "照会の状態の版（画面の計算結果を覚えておくための印。復元すると、復元した照会にデータベースが新しい印を付けます）",
  municipality_state_versions:
    "団体の状態の版（ダッシュボードを覚えておくための印。復元すると、データベースが新しい印を付けます）",
  sessions:
    "ログイン中のセッション（復元すると、復元した利用者のログインはそのまま、いなくなった利用者のものは終了します）",
};

export function invalidBackup(message: string): AppError {
  return new AppError("invalid_document", `バックアップファイルを読めません: ${message}`);
}

/** Reads the header line; refuses another format and a newer version. */
export function readHeader(line: string | undefined): BackupHeader {
  if (line === undefined) throw invalidBackup("空のファイルです");
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw invalidBackup("gyokaku のバックアップ（gzip 圧縮の JSON Lines）ではありません");
  }
  const format = (raw as { format?: unknown; version?: unknown } | null)?.format;
  if (format !== FORMAT) throw invalidBackup("gyokaku のバックアップではありません（format が違います）");
  const version = (raw as { version?: unknown }).version;
  if (typeof version === "number" && version > FORMAT_VERSION) {
    throw new AppError(
      "invalid_document",
      `このバックアップは新しい形式（第${version}版）です。この gyokaku が読めるのは第${FORMAT_VERSION}版までです。gyokaku を更新してから復元してください。`,
    );
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw invalidBackup(`見出し行の ${parsed.error.issues[0]?.path.join(".")} が不正です`);
  return parsed.data;
}

export function readJsonLine<T>(line: string | undefined, schema: z.ZodType<T>, what: string): T {
  if (line === undefined) throw invalidBackup(`${what}の前でファイルが終わっています（途中で切れています）`);
  try {
    return schema.parse(JSON.parse(line));
  } catch {
    throw invalidBackup(`${what}の行が不正です`);
  }
}

/** The lines of a byte stream (gunzipped), without holding more than one chunk and one line. */
export async function* lines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rest = "";
  for await (const chunk of chunks) {
    rest += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let at = rest.indexOf("\n"); at >= 0; at = rest.indexOf("\n", start)) {
      yield rest.slice(start, at);
      start = at + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest !== "") yield rest;
}
