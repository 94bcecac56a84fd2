/**
 * The one shape of the errors services throw: a stable code, an HTTP status and a message in Japanese for the
 * person in front of the screen. Field errors name the form field they belong to, so that pages can show
 * them next to it and in the error summary.
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "locked"
  | "rate_limited";

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** field name → message */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

export const forbidden = (message = "この操作を行う権限がありません。") => new AppError("forbidden", message);
export const notFound = (message = "お探しのものは見つかりません。") => new AppError("not_found", message);
export const invalid = (fields: Record<string, string>, message = "入力内容を確認してください。") =>
  new AppError("invalid", message, fields);
export const conflict = (message: string) => new AppError("conflict", message);

/** Throws 403 unless the policy allowed it: `authorize(canEditPlan(user, plan))`. */
export function authorize(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw forbidden(message);
}
