/**
 * The one error type of gyokaku. Services, readers and the database layer throw an AppError with a stable
 * code and a message in Japanese for the person in front of the screen; the HTTP status and the CLI's exit
 * code are derived from the code, so the web app and the command line translate every error the same way.
 * Anything else that is thrown is a fault of ours: it is logged, and the reader sees only that something
 * went wrong (never the internal message).
 */
import type { Finding } from "./findings.ts";

export type ErrorCode =
  /** no signed-in user */
  | "unauthenticated"
  /** the policy said no */
  | "forbidden"
  /** the plan, round, item or municipality is not there (or not the user's) */
  | "not_found"
  /** form or option input that breaks a rule; `fields` names the fields */
  | "invalid"
  /** a file or document that cannot be stored as it is; `findings` / `details` say where */
  | "invalid_document"
  /** someone changed the thing first (a stale version) */
  | "conflict"
  /** the fiscal year or round is locked */
  | "locked"
  /** too many attempts */
  | "rate_limited"
  /** the request body or file is over a limit */
  | "too_large"
  /** something gyokaku needs is missing on this machine (Chromium for PDF, a table for a year) */
  | "unavailable"
  /** the embedded database is held by another process */
  | "in_use"
  /** a command line that cannot be understood (wrong option, missing argument) */
  | "usage";

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  invalid_document: 422,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  too_large: 413,
  unavailable: 503,
  in_use: 503,
  usage: 400,
};

/** Exit codes of the CLI: 2 for a command line it cannot understand, 1 for everything refused or missing. */
const EXIT_CODE: Record<ErrorCode, number> = {
  unauthenticated: 1,
  forbidden: 1,
  not_found: 1,
  invalid: 1,
  invalid_document: 1,
  conflict: 1,
  locked: 1,
  rate_limited: 1,
  too_large: 1,
  unavailable: 1,
  in_use: 1,
  usage: 2,
};

export type AppErrorOptions = {
  /** form field name → message (for `invalid`) */
  fields?: Readonly<Record<string, string>>;
  /** where a document went wrong: file, line or sheet, row, column */
  findings?: readonly Finding[];
  cause?: unknown;
};

export class AppError extends Error {
  readonly status: number;
  readonly exitCode: number;
  readonly fields: Readonly<Record<string, string>>;
  readonly findings: readonly Finding[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions | Readonly<Record<string, string>> = {},
  ) {
    const o: AppErrorOptions = isOptions(options) ? options : { fields: options };
    super(message, o.cause === undefined ? undefined : { cause: o.cause });
    this.name = "AppError";
    this.status = STATUS[code];
    this.exitCode = EXIT_CODE[code];
    this.fields = o.fields ?? {};
    this.findings = o.findings ?? [];
  }
}

function isOptions(o: object): o is AppErrorOptions {
  return ["fields", "findings", "cause"].some((k) => k in o);
}

/** Whether `e` is an AppError, and (when codes are given) one of those codes. */
export function isAppError(e: unknown, ...codes: ErrorCode[]): e is AppError {
  return e instanceof AppError && (codes.length === 0 || codes.includes(e.code));
}

export const forbidden = (message = "この操作を行う権限がありません。") => new AppError("forbidden", message);
export const notFound = (message = "お探しのものは見つかりません。") => new AppError("not_found", message);
export const invalid = (fields: Record<string, string>, message = "入力内容を確認してください。") =>
  new AppError("invalid", message, { fields });
export const conflict = (message: string) => new AppError("conflict", message);
export const usage = (message: string) => new AppError("usage", message);
export const unavailable = (message: string) => new AppError("unavailable", message);

/**
 * A file or document that cannot be stored (wrong layout, truncated, binary, breaking the schema): nothing is
 * stored; the findings say where.
 */
export const invalidDocument = (message: string, findings: readonly Finding[] = []) =>
  new AppError("invalid_document", message, { findings });

/** Throws 403 unless the policy allowed it: `authorize(canEditPlan(user, plan))`. */
export function authorize(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw forbidden(message);
}

/** The error as lines for a terminal: the message, then where the document went wrong. */
export function describeError(e: AppError): string[] {
  return [e.message, ...e.findings.map((f) => `  ${f.file}${f.line ? `:${f.line}` : ""} ${f.message}`)];
}
