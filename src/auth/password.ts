/**
 * Password hashing with scrypt (node:crypto) and a random salt per user. The parameters are stored with each
 * hash, so they can be raised later without locking anyone out: `scrypt$N$r$p$salt$hash` (base64).
 * N=2^15, r=8, p=3 is one of OWASP's equivalent scrypt settings (2^17/8/1 … 2^13/8/10) at 32 MiB of memory.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

export type ScryptParams = { N: number; r: number; p: number };

export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 64;
/**
 * NIST SP 800-63B-4 §3.1.1.2, which the Digital Agency's authentication guideline follows: at least 15
 * characters for a password that is the only factor, at least 64 allowed, every printable character and
 * space allowed, no composition rules (no "a digit and a symbol"), checked against a blocklist.
 */
export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 200;

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** @example await hashPassword("correct horse battery") → "scrypt$32768$8$3$…$…" */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Constant-time comparison; false (never a throw) for a hash this code did not write. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
  const salt = Buffer.from(parts[4]!, "base64");
  const expected = Buffer.from(parts[5]!, "base64");
  if (expected.length !== KEY_LENGTH) return false;
  const key = await derive(password, salt, { N, r, p });
  return timingSafeEqual(key, expected);
}

/** A hash of nothing anyone knows: verified against for an unknown address, so that timing tells nothing. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}

const BLOCKED = new Set(COMMON_PASSWORDS.map((p) => fold(p)));
/** The words of the list before their digits and symbols: password, qwertyuiop, iloveyou … */
const BASES = new Set(
  COMMON_PASSWORDS.map((p) => base(fold(p))).filter((b) => b.length >= 5 && !/^(.)\1*$/.test(b)),
);

/** A password without its trailing digits and symbols: password2026! → password. */
function base(s: string): string {
  return s.replace(/[^\p{L}]+$/u, "");
}

function fold(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

/** One character repeated, or a short unit repeated (abcabcabc…), or a run of consecutive characters. */
function trivial(s: string): boolean {
  const chars = [...s];
  for (let unit = 1; unit <= 4; unit++) {
    if (chars.length >= unit * 3 && chars.every((c, i) => c === chars[i % unit])) return true;
  }
  const steps = chars.slice(1).map((c, i) => c.codePointAt(0)! - chars[i]!.codePointAt(0)!);
  return steps.every((d) => d === 1) || steps.every((d) => d === -1);
}

/**
 * Why a new password is refused, or null: too short or long, on the list of common passwords, trivially
 * made, or built from the account's own address or name or the product's (the context words). Length is
 * counted in characters as the person sees them (NFC code points), as NIST asks.
 */
export function passwordProblem(password: string, context: readonly string[] = []): string | null {
  const length = [...password.normalize("NFC")].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください（記号や数字を混ぜる必要はありません。長い文が安全です）。`;
  if (length > MAX_PASSWORD_LENGTH) return `パスワードは${MAX_PASSWORD_LENGTH}文字以内にしてください。`;
  const folded = fold(password);
  const b = base(folded);
  if (BLOCKED.has(folded) || trivial(folded) || BASES.has(b) || (b.length >= 4 && trivial(b)))
    return "よく使われるパスワードや、同じ文字・連続した文字の並びは使えません。別のものにしてください。";
  const words = ["gyokaku", ...context.flatMap((c) => fold(c).split(/[@.\s]+/))].filter((w) => w.length >= 4);
  const rest = words.reduce((acc, w) => acc.split(w).join(""), folded).replace(/[^\p{L}\p{N}]/gu, "");
  if (rest.length < 4)
    return "メールアドレスや名前、製品名をもとにしたパスワードは使えません。別のものにしてください。";
  return null;
}

/** A random password for accounts created without one (printed once). */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}
