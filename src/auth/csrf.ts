/**
 * CSRF protection by synchroniser token: each session has a random token, every form that changes something
 * carries it in the hidden field `_csrf`, and the middleware refuses a state-changing request without it.
 * The login form has no session yet: it carries a token that is also set in a short-lived HttpOnly cookie.
 * A cross-site Origin header is refused as well (defence in depth beside SameSite=Lax cookies).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";

import { CSRF_FIELD } from "../core/request.ts";

export { CSRF_FIELD };
export const LOGIN_CSRF_COOKIE = "gyokaku_login_csrf";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Constant-time equality; false when either is missing. */
export function tokensMatch(expected: string | undefined | null, given: unknown): boolean {
  if (typeof expected !== "string" || typeof given !== "string" || expected === "" || given === "")
    return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request's Origin (when the browser sent one) is this server. */
export function sameOrigin(origin: string | undefined, requestUrl: string): boolean {
  if (!origin) return true;
  if (origin === "null") return false;
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}
