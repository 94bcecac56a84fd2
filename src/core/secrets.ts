/**
 * Secrets kept in the database encrypted at rest (today: the SMTP password of the admin page), with
 * AES-256-GCM (node:crypto). The key is, in this order:
 *   1. GYOKAKU_SECRET_KEY: 32 bytes as 64 hex digits or as base64 (e.g. `openssl rand -base64 32`);
 *   2. the file `secret.key` in the data directory (--data, GYOKAKU_DATA or ./data; also with PostgreSQL),
 *      made with 32 random bytes (mode 600) the first time a secret is stored;
 *   3. for a database in memory (tests), a random key for the life of the process.
 * The key is never stored in the database, so a backup (`gyokaku backup`) holds the secret only encrypted: a
 * restore on a server with another key cannot read it, and the admin enters the password again.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "./errors.ts";

export const KEY_FILE = "secret.key";
const PREFIX = "aes256gcm:v1:";

type Source = { dir: string | null; env: NodeJS.ProcessEnv };
let source: Source = { dir: null, env: process.env };
const keys = new Map<string, Buffer>();
let memoryKey: Buffer | null = null;

/**
 * Where the key comes from: the data directory of the database this process opened (null: in memory).
 * openDatabase calls it before the migrations run; one process serves one database.
 */
export function useSecretKeyFrom(dir: string | null, env: NodeJS.ProcessEnv = process.env): void {
  source = { dir, env };
}

/** Where the key is, in words for the documentation and `gyokaku doctor`. */
export function secretKeyLocation(): string {
  if (source.env.GYOKAKU_SECRET_KEY?.trim()) return "環境変数 GYOKAKU_SECRET_KEY";
  return source.dir ? join(source.dir, KEY_FILE) : "メモリー（このプロセスの間だけ）";
}

function parseKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(t) && !/^[A-Za-z0-9+/]{43}=$/.test(t)))
    throw new AppError(
      "unavailable",
      `${where}の鍵が読めません。32 バイトを 16 進数 64 桁か base64（例: openssl rand -base64 32）で指定してください。`,
    );
  return key;
}

/**
 * What `gyokaku doctor` says of the key: where it is, whether it can be read, and whether the file is readable
 * by others than the owner. Reads, never creates.
 */
export function inspectSecretKey(
  dir: string | null,
  env: NodeJS.ProcessEnv = process.env,
): { where: string; exists: boolean; problem?: string; loose?: boolean } {
  const fromEnv = env.GYOKAKU_SECRET_KEY;
  if (fromEnv?.trim()) {
    try {
      parseKey(fromEnv, "環境変数 GYOKAKU_SECRET_KEY ");
      return { where: "環境変数 GYOKAKU_SECRET_KEY", exists: true };
    } catch (e) {
      return { where: "環境変数 GYOKAKU_SECRET_KEY", exists: true, problem: (e as Error).message };
    }
  }
  if (!dir) return { where: "メモリー（このプロセスの間だけ）", exists: false };
  const path = join(dir, KEY_FILE);
  if (!existsSync(path)) return { where: path, exists: false };
  try {
    parseKey(readFileSync(path, "utf8"), `鍵のファイル ${path} `);
  } catch (e) {
    return { where: path, exists: true, problem: (e as Error).message };
  }
  return { where: path, exists: true, loose: (statSync(path).mode & 0o077) !== 0 };
}

/** The key, made in the data directory on first use when `create` (storing a secret) and there is none. */
function secretKey(create: boolean): Buffer | null {
  const fromEnv = source.env.GYOKAKU_SECRET_KEY;
  if (fromEnv?.trim()) return parseKey(fromEnv, "環境変数 GYOKAKU_SECRET_KEY ");
  if (!source.dir) {
    if (!memoryKey && create) memoryKey = randomBytes(32);
    return memoryKey;
  }
  const path = join(source.dir, KEY_FILE);
  const known = keys.get(path);
  if (known) return known;
  if (!existsSync(path)) {
    if (!create) return null;
    mkdirSync(source.dir, { recursive: true });
    try {
      // wx: never overwrite a key another process has just written
      writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  const key = parseKey(readFileSync(path, "utf8"), `鍵のファイル ${path} `);
  keys.set(path, key);
  return key;
}

/** Encrypts a secret for the database: `aes256gcm:v1:` + base64(iv 12 bytes, tag 16 bytes, ciphertext). */
export function sealSecret(plain: string): string {
  const key = secretKey(true)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
}

export class SecretUnreadableError extends Error {}

/** Decrypts what sealSecret made; SecretUnreadableError when the key is another (or missing) or the text is damaged. */
export function openSecret(sealed: string): string {
  if (!sealed.startsWith(PREFIX)) throw new SecretUnreadableError("暗号化された値の形ではありません。");
  const key = secretKey(false);
  if (!key) throw new SecretUnreadableError(`鍵（${secretKeyLocation()}）がありません。`);
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError(
      `鍵（${secretKeyLocation()}）で復号できません（別の鍵で暗号化されています）。`,
    );
  }
}
