/** The signed-in user and CSRF token of the current request, as the session middleware set them. */
import type { Context } from "hono";
import { tryGetContext } from "hono/context-storage";
import { AppError } from "./errors.ts";
import type { Actor } from "./policy.ts";

/** The hidden form field that carries the CSRF token (checked by the auth middleware). */
export const CSRF_FIELD = "_csrf";

export type Era = "wareki" | "seireki";
export type AuthEnv = {
  Variables: {
    user: Actor | null;
    csrfToken: string | null;
    era: Era;
    /** the user's unread notifications, for the header (read with the session: src/auth/auth.middleware.ts) */
    unread?: number;
    /**
     * the municipality's state version, read with the session: changes with every change to its plans, rounds and
     * history (migration 2026-12-07T1440-municipality-state-versions); null or absent: not known
     */
    municipalityState?: string | null;
  };
};

/** The 和暦/西暦 display switch is kept in this cookie (a preference, not a secret). */
export const ERA_COOKIE = "gyokaku_era";
export function readEra(value: string | undefined): Era {
  return value === "seireki" ? "seireki" : "wareki";
}

/** The user of a request that the login check has let through; throws (401) otherwise. */
export function currentUser(c: Context<AuthEnv>): Actor {
  const user = c.get("user");
  if (!user) throw new AppError("unauthenticated", "ログインしてください。");
  return user;
}

/** For components rendered inside a request (the header, CSRF fields) without threading props through. */
export function requestAuth(): { user: Actor | null; csrfToken: string | null; era: Era; unread: number } {
  const c = tryGetContext<AuthEnv>();
  return {
    user: c?.get("user") ?? null,
    csrfToken: c?.get("csrfToken") ?? null,
    era: c?.get("era") ?? "wareki",
    unread: c?.get("unread") ?? 0,
  };
}
