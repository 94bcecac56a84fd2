/** Test helpers: users of each role and signed-in sessions without going through the login form. */

import { SESSION_COOKIE } from "../auth/auth.middleware.ts";
import { createUser, startSession } from "../auth/auth.service.ts";
import type { Actor } from "../core/policy.ts";
import type { DB } from "../db/database.ts";
import type { Role } from "../domain/roles.ts";

export type TestSession = {
  userId: string;
  email: string;
  role: Role;
  municipalityCode: string;
  /** the Cookie header value */
  cookie: string;
  csrf: string;
};

export const TEST_PASSWORD = "test-password-123";

let counter = 0;

/** Creates a user (department editors need department keys that exist) and a session for them. */
export async function signIn(
  db: DB,
  role: Role,
  options: { departments?: string[]; municipalityCode?: string; email?: string; name?: string } = {},
): Promise<TestSession> {
  const email = options.email ?? `${role}${++counter}-${Date.now()}@test.example.jp`;
  const u = await createUser(db, {
    email,
    name: options.name ?? `${role} テスト`,
    role,
    departments: options.departments ?? [],
    password: TEST_PASSWORD,
    ...(options.municipalityCode ? { municipalityCode: options.municipalityCode } : {}),
  });
  const s = await freshSession(db, u.municipalityCode, u.id);
  return { userId: u.id, email: u.email, role, municipalityCode: u.municipalityCode, ...s };
}

/** Another session for the same user (e.g. a second browser). */
export async function freshSession(
  db: DB,
  code: string,
  userId: string,
): Promise<{ cookie: string; csrf: string }> {
  const s = await startSession(db, code, userId);
  return { cookie: `${SESSION_COOKIE}=${s.cookie}`, csrf: s.csrfToken };
}

/** A POST of a form as a browser sends it, with the session's cookie and CSRF token. */
export function postForm(
  session: { cookie: string; csrf: string } | null,
  body: Record<string, string | string[]>,
) {
  const params = new URLSearchParams();
  if (session) params.append("_csrf", session.csrf);
  for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return {
    method: "POST",
    body: params,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(session ? { cookie: session.cookie } : {}),
    },
  };
}

/**
 * The Actor the services take for a signed-in test user: with the ids of the departments the user belongs to
 * (read from user_departments, as the session does) and signIn's default name unless another is given.
 */
export async function actorOf(db: DB, s: TestSession, name = `${s.role} テスト`): Promise<Actor> {
  const departments = await db
    .selectFrom("user_departments")
    .select("department_id")
    .where("user_id", "=", s.userId)
    .execute();
  return {
    id: s.userId,
    municipalityCode: s.municipalityCode,
    email: s.email,
    name,
    role: s.role,
    departmentIds: departments.map((d) => d.department_id),
  };
}
