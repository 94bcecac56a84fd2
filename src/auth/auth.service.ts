/**
 * Accounts and sessions: creating users (CLI, admin page, demo), logging in with rate limiting, reading the
 * session of a request, logging out.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { record } from "../audit/audit.service.ts";
import { AppError, authorize, invalid } from "../core/errors.ts";
import { type Actor, canManageUsers, ROLE_LABELS } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { codeProblem } from "../domain/municipality-code.ts";
import { loadDepartments } from "../plans/plans.service.ts";
import * as repo from "./auth.repository.ts";
import { loginSchema, type NewUserInput, newUserSchema } from "./auth.schema.ts";
import { newToken } from "./csrf.ts";
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from "./password.ts";
import type { LoginLimiter } from "./rate-limit.ts";

/** A session ends after 8 hours without use, and 24 hours after login whatever happens. */
export const SESSION_IDLE_MS = 8 * 60 * 60_000;
export const SESSION_MAX_MS = 24 * 60 * 60_000;
/** Sliding expiry is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export type CreatedUser = { id: string; municipalityCode: string; email: string; role: string };

/**
 * Creates a user. The municipality is the one given, or the only one in the database; a department editor
 * names the department keys it answers for. Used by the CLI (the first admin), the admin page and the demo.
 */
export async function createUser(
  db: DB,
  input: NewUserInput & { password: string },
  /** The administrator who adds the account in the browser: recorded in the history. */
  actor?: Actor,
): Promise<CreatedUser> {
  const u = parseInput(newUserSchema, input);
  const problem = passwordProblem(input.password, [u.email, u.name]);
  if (problem) throw invalid({ password: problem });
  const code = await resolveMunicipality(db, u.municipalityCode, u.municipalityName);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    // Only the municipality's own accounts are looked at: an address another municipality uses is free here,
    // and adding it tells nothing about that municipality (issue 17.4).
    if (await repo.findUserByEmail(trx, code, u.email))
      throw invalid({ email: `${u.email} はすでに登録されています（この団体のアカウント）。` });
    const found = await repo.findDepartmentsByKey(trx, code, u.departments);
    const missing = u.departments.filter((k) => !found.some((d) => d.key === k));
    if (missing.length > 0)
      throw invalid({
        departments: `部署が見つかりません: ${missing.join("、")}（計画を取り込むと部署が登録されます）`,
      });
    const id = randomUUID();
    await repo.insertUser(
      trx,
      {
        municipality_code: code,
        id,
        email: u.email,
        name: u.name,
        role: u.role,
        password_hash: passwordHash,
      },
      found.map((d) => d.id),
    );
    if (actor)
      await record(trx, actor, [
        {
          action: "user.add",
          subject: `${u.name}（${u.email}）`,
          after: { role: ROLE_LABELS[u.role], departments: found.map((d) => d.key) },
        },
      ]);
    return { id, municipalityCode: code, email: u.email, role: u.role };
  });
}

async function resolveMunicipality(
  db: DB,
  code: string | undefined,
  name: string | undefined,
): Promise<string> {
  const all = await repo.listMunicipalities(db);
  if (code) {
    const problem = codeProblem(code);
    if (problem) throw invalid({ municipalityCode: problem });
    if (!all.some((m) => m.municipality_code === code)) await repo.ensureMunicipality(db, code, name || code);
    return code;
  }
  if (all.length === 1) return all[0]!.municipality_code;
  throw invalid({
    municipalityCode:
      all.length === 0
        ? "団体がまだ登録されていません。--municipality で全国地方公共団体コードを指定してください。"
        : `団体を --municipality で指定してください: ${all.map((m) => `${m.municipality_code} ${m.name}`).join("、")}`,
  });
}

export async function listUsers(db: DB, code?: string) {
  return repo.listUsers(db, code);
}

/** The users of the admin's municipality (the admin page). */
export async function listUsersFor(db: DB, user: Actor) {
  authorize(canManageUsers(user, user));
  return repo.listUsers(db, user.municipalityCode);
}

/** Creating a user from the admin page: always in the admin's own municipality. */
export async function createUserAs(db: DB, user: Actor, input: NewUserInput & { password: string }) {
  authorize(canManageUsers(user, user));
  return createUser(db, { ...input, municipalityCode: user.municipalityCode }, user);
}

/** The signed-in user, the session's CSRF token and the user's unread notifications (for the header's bell). */
export type SessionInfo = {
  actor: Actor;
  csrfToken: string;
  unread: number;
  /** the municipality's state version, read with the session (null: it has none yet) */
  stateVersion: string | null;
};

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The cookie value: the municipality (the shard to look in) and a random token. */
function cookieValue(code: string, token: string): string {
  return `${code}.${token}`;
}

function parseCookie(value: string | undefined): { code: string; id: string } | null {
  const m = /^(\d{6})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  return m ? { code: m[1]!, id: hashToken(m[2]!) } : null;
}

/** Starts a session for a user (after login, or in tests); returns the cookie value and the CSRF token. */
export async function startSession(
  db: DB,
  code: string,
  userId: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = newToken();
  await repo.insertSession(db, {
    municipality_code: code,
    id: hashToken(token),
    user_id: userId,
    csrf_token: csrfToken,
    expires_at: new Date(Date.now() + SESSION_IDLE_MS),
  });
  return { cookie: cookieValue(code, token), csrfToken };
}

const WRONG = "メールアドレスまたはパスワードが違います。";
const CHECK_MUNICIPALITY = "選んだ団体が正しいかも確かめてください。";
export const CHOOSE_MUNICIPALITY = "団体を選んでください。";

/** The municipalities to choose from on the login page (none to choose when the instance has one). */
export async function loginMunicipalities(db: DB): Promise<{ code: string; name: string }[]> {
  return (await repo.listMunicipalities(db)).map((m) => ({ code: m.municipality_code, name: m.name }));
}

/**
 * The municipality a login is for: the one chosen, or the only one of the instance. An address is unique only
 * within a municipality, so with several the login page asks; the answer never depends on which addresses
 * exist anywhere, so it tells nothing about another municipality's accounts.
 */
async function loginMunicipality(db: DB, chosen: string | undefined): Promise<string> {
  const all = await repo.listMunicipalities(db);
  if (chosen) {
    if (!all.some((m) => m.municipality_code === chosen))
      throw invalid({ municipality: CHOOSE_MUNICIPALITY });
    return chosen;
  }
  if (all.length === 1) return all[0]!.municipality_code;
  throw invalid({ municipality: CHOOSE_MUNICIPALITY });
}

/**
 * Checks the address and password in the chosen municipality, within the rate limits, and starts a session.
 * The same message and about the same time for an unknown address and a wrong password, so that neither tells
 * which addresses exist.
 */
export async function login(
  db: DB,
  limiter: LoginLimiter,
  input: { email?: unknown; password?: unknown; municipality?: unknown },
  ip: string,
): Promise<{ cookie: string; csrfToken: string; actor: Actor }> {
  const { email, password, municipality } = parseInput(loginSchema, input);
  const code = await loginMunicipality(db, municipality);
  // The account is the municipality and the address: failures in one municipality do not slow another's.
  const account = `${code}/${email}`;
  const wait = limiter.retryAfter(account, ip);
  if (wait > 0) {
    const when = wait < 60_000 ? `${Math.ceil(wait / 1000)}秒` : `${Math.ceil(wait / 60_000)}分`;
    throw new AppError(
      "rate_limited",
      `ログインの失敗が続いたため、少し間をおいて受け付けます。${when}ほど待ってからもう一度お試しください。`,
    );
  }
  const user = await repo.findUserByEmail(db, code, email);
  const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (!user || !ok || user.disabled_at !== null) {
    limiter.failed(account, ip);
    // With several municipalities the 団体 chosen may be the mistake: said for every failure alike, so it tells
    // nothing about which addresses exist where.
    const message = (await repo.listMunicipalities(db)).length > 1 ? `${WRONG}${CHECK_MUNICIPALITY}` : WRONG;
    throw invalid({ email: message }, message);
  }
  limiter.succeeded(account, ip);
  await repo.deleteExpiredSessions(db, new Date());
  const session = await startSession(db, user.municipality_code, user.id);
  const actor = await actorOf(db, user.municipality_code, user);
  return { ...session, actor };
}

async function actorOf(
  db: DB,
  code: string,
  user: { id: string; email: string; name: string; role: Actor["role"] },
): Promise<Actor> {
  return {
    id: user.id,
    municipalityCode: code,
    email: user.email,
    name: user.name,
    role: user.role,
    departmentIds: user.role === "department" ? await repo.userDepartmentIds(db, code, user.id) : [],
  };
}

/** The session a cookie stands for, or null (absent, unknown, expired, or the user disabled). */
export async function sessionFromCookie(db: DB, value: string | undefined): Promise<SessionInfo | null> {
  const ref = parseCookie(value);
  if (!ref) return null;
  const s = await repo.findSession(db, ref.code, ref.id);
  const now = Date.now();
  if (!s || s.disabled_at !== null) return null;
  if (s.expires_at.getTime() <= now || s.created_at.getTime() + SESSION_MAX_MS <= now) {
    await repo.deleteSession(db, ref.code, ref.id);
    return null;
  }
  if (now - s.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    const expires = Math.min(now + SESSION_IDLE_MS, s.created_at.getTime() + SESSION_MAX_MS);
    await repo.touchSession(db, ref.code, ref.id, new Date(expires));
  }
  const actor = await actorOf(db, s.municipality_code, {
    id: s.user_id,
    email: s.email,
    name: s.name,
    role: s.role,
  });
  return {
    actor,
    csrfToken: s.csrf_token,
    unread: Number(s.unread ?? 0),
    stateVersion: s.state_version ?? null,
  };
}

/**
 * A signed-in user changes their own password: the current one is asked for, the new one twice. Their other
 * sessions end; this one stays.
 */
export async function changeOwnPassword(
  db: DB,
  user: Actor,
  sessionCookie: string | undefined,
  input: { current: string; password: string; confirm: string },
): Promise<void> {
  const row = await repo.findUser(db, user.municipalityCode, user.id);
  if (!row) throw invalid({ current: "利用者が見つかりません。" });
  const errors: Record<string, string> = {};
  if (!(await verifyPassword(input.current, row.password_hash)))
    errors.current = "今のパスワードが違います。";
  const problem = passwordProblem(input.password, [row.email, row.name]);
  if (problem) errors.password = problem;
  else if (input.password !== input.confirm)
    errors.confirm = "確認のため、同じパスワードをもう一度入力してください。";
  else if (input.password === input.current) errors.password = "今のパスワードと違うものにしてください。";
  if (Object.keys(errors).length > 0) throw invalid(errors);
  const hash = await hashPassword(input.password);
  const keep = parseCookie(sessionCookie)?.id ?? null;
  await db
    .transaction()
    .execute((trx) => repo.setPasswordHash(trx, user.municipalityCode, user.id, hash, keep));
}

/**
 * The operator's account by address: in the municipality given, or the only one that has the address. The
 * operator runs the server and sees every municipality, so the message may list them.
 */
async function operatorAccount(db: DB, rawEmail: string, code: string | undefined) {
  const email = rawEmail.trim().toLowerCase();
  const unknown = (where: string) =>
    invalid({ email: `${email} は${where}登録されていません。` }, `${email} は${where}登録されていません。`);
  if (code) {
    const problem = codeProblem(code);
    if (problem) throw invalid({ municipality: problem }, problem);
    const row = await repo.findUserByEmail(db, code, email);
    if (!row) throw unknown(`団体 ${code} に`);
    return row;
  }
  const found = await repo.municipalitiesWithEmail(db, email);
  if (found.length === 0) throw unknown("");
  if (found.length > 1) {
    const message = `${email} は複数の団体にあります。--municipality で団体を指定してください: ${found.map((m) => `${m.municipality_code} ${m.name}`).join("、")}`;
    throw invalid({ municipality: message }, message);
  }
  const row = await repo.findUserByEmail(db, found[0]!.municipality_code, email);
  if (!row) throw unknown("");
  return row;
}

/** The operator (CLI) sets a new password for an account, e.g. a forgotten one; all its sessions end. */
export async function resetPassword(
  db: DB,
  email: string,
  password: string,
  municipalityCode?: string,
): Promise<void> {
  const row = await operatorAccount(db, email, municipalityCode);
  const problem = passwordProblem(password, [row.email, row.name]);
  if (problem) throw invalid({ password: problem }, problem);
  const hash = await hashPassword(password);
  await db
    .transaction()
    .execute((trx) => repo.setPasswordHash(trx, row.municipality_code, row.id, hash, null));
}

/** The operator (CLI) disables or enables an account; a disabled one cannot log in and its sessions end. */
export async function setAccountDisabled(
  db: DB,
  email: string,
  disabled: boolean,
  municipalityCode?: string,
): Promise<void> {
  const row = await operatorAccount(db, email, municipalityCode);
  await db.transaction().execute((trx) => repo.setDisabled(trx, row.municipality_code, row.id, disabled));
}

export async function logout(db: DB, value: string | undefined): Promise<void> {
  const ref = parseCookie(value);
  if (ref) await repo.deleteSession(db, ref.code, ref.id);
}

/** The departments of the admin's municipality, for the department checkboxes. */
export async function departmentsFor(db: DB, user: Actor): Promise<{ key: string; name: string }[]> {
  authorize(canManageUsers(user, user));
  return (await loadDepartments(db, user.municipalityCode)).map((d) => ({ key: d.key, name: d.name }));
}

export { generatePassword } from "./password.ts";
