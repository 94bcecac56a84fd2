/** SQL for accounts and sessions. Every query is scoped by municipality_code, except the operator's look-up by address. */
import type { Kysely, Transaction } from "kysely";
import { compiledOnce } from "../db/prepared.ts";
import type { Database } from "../db/schema.ts";
import { acrossMunicipalities, scoped, scopedOrAll } from "../db/tenant.ts";
import { SHARED_REFERENCE_CODE } from "../domain/municipality-code.ts";
import type { Role } from "../domain/roles.ts";

type Q = Kysely<Database> | Transaction<Database>;

export async function listMunicipalities(q: Q) {
  return (
    acrossMunicipalities(q, "the list of municipalities")
      .selectFrom("municipalities")
      .select(["municipality_code", "name"])
      // The shared reference scope (national peer tables) is no municipality.
      .where("municipality_code", "<>", SHARED_REFERENCE_CODE)
      .orderBy("municipality_code")
      .execute()
  );
}

/** Creates the municipality with a provisional name (its code) when it is not there; a plan import names it. */
export async function ensureMunicipality(q: Q, code: string, name: string): Promise<void> {
  await q
    .insertInto("municipalities")
    .values({ municipality_code: code, name })
    .onConflict((oc) => oc.column("municipality_code").doNothing())
    .execute();
}

export async function findDepartmentsByKey(q: Q, code: string, keys: readonly string[]) {
  if (keys.length === 0) return [];
  return scoped(q, code).selectFrom("departments").select(["id", "key"]).where("key", "in", keys).execute();
}

export async function insertUser(
  q: Q,
  row: {
    municipality_code: string;
    id: string;
    email: string;
    name: string;
    role: Role;
    password_hash: string;
  },
  departmentIds: readonly string[],
): Promise<void> {
  await q
    .insertInto("users")
    .values({ ...row, disabled_at: null })
    .execute();
  if (departmentIds.length > 0) {
    await q
      .insertInto("user_departments")
      .values(
        departmentIds.map((department_id) => ({
          municipality_code: row.municipality_code,
          user_id: row.id,
          department_id,
        })),
      )
      .execute();
  }
}

/** The account with this address in one municipality (an address is unique within a municipality only). */
export async function findUserByEmail(q: Q, code: string, email: string) {
  return scoped(q, code).selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

/** The municipalities that have an account with this address: for the operator's commands only. */
export async function municipalitiesWithEmail(q: Q, email: string) {
  return acrossMunicipalities(q, "the operator's commands name an account by its address")
    .selectFrom("users")
    .innerJoin("municipalities", "municipalities.municipality_code", "users.municipality_code")
    .select(["users.municipality_code", "municipalities.name"])
    .where("users.email", "=", email)
    .orderBy("users.municipality_code")
    .execute();
}

export async function findUser(q: Q, code: string, id: string) {
  return scoped(q, code).selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function userDepartmentIds(q: Q, code: string, userId: string): Promise<string[]> {
  const rows = await scoped(q, code)
    .selectFrom("user_departments")
    .select("department_id")
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.department_id);
}

export type UserListRow = {
  municipalityCode: string;
  municipalityName: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  disabled: boolean;
  departments: { key: string; name: string }[];
};

/** Users with their departments' current names; all municipalities when code is undefined. */
export async function listUsers(q: Q, code?: string): Promise<UserListRow[]> {
  const users = scopedOrAll(q, code, "the CLI's list of every account")
    .selectFrom("users")
    .innerJoin("municipalities", "municipalities.municipality_code", "users.municipality_code")
    .select([
      "users.municipality_code",
      "municipalities.name as municipality_name",
      "users.id",
      "users.email",
      "users.name",
      "users.role",
      "users.created_at",
      "users.disabled_at",
    ])
    .orderBy("users.municipality_code")
    .orderBy("users.email");
  const depts = scopedOrAll(q, code, "the CLI's list of every account")
    .selectFrom("user_departments as ud")
    .innerJoin("departments as d", (j) =>
      j.onRef("d.municipality_code", "=", "ud.municipality_code").onRef("d.id", "=", "ud.department_id"),
    )
    .select(["ud.municipality_code", "ud.user_id", "d.key", "d.id"]);
  const names = await departmentNames(q, code);
  const [rows, deptRows] = await Promise.all([users.execute(), depts.execute()]);
  return rows.map((u) => ({
    municipalityCode: u.municipality_code,
    municipalityName: u.municipality_name,
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    createdAt: u.created_at,
    disabled: u.disabled_at !== null,
    departments: deptRows
      .filter((d) => d.municipality_code === u.municipality_code && d.user_id === u.id)
      .map((d) => ({ key: d.key, name: names.get(d.id) ?? d.key })),
  }));
}

/** Department id → its current name (the latest valid_from). */
export async function departmentNames(q: Q, code?: string): Promise<Map<string, string>> {
  const rows = await scopedOrAll(q, code, "the CLI's list of every account")
    .selectFrom("department_names")
    .select(["department_id", "name", "valid_from"])
    .orderBy("valid_from")
    .execute();
  return new Map(rows.map((r) => [r.department_id, r.name]));
}

export async function insertSession(
  q: Q,
  row: { municipality_code: string; id: string; user_id: string; csrf_token: string; expires_at: Date },
): Promise<void> {
  await q.insertInto("sessions").values(row).execute();
}

const sessionQuery = (q: Q, code: string, id: string) =>
  scoped(q, code)
    .selectFrom("sessions")
    .innerJoin("users", (j) =>
      j
        .onRef("users.municipality_code", "=", "sessions.municipality_code")
        .onRef("users.id", "=", "sessions.user_id"),
    )
    .select([
      "sessions.municipality_code",
      "sessions.id",
      "sessions.csrf_token",
      "sessions.created_at",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "users.id as user_id",
      "users.email",
      "users.name",
      "users.role",
      "users.disabled_at",
      // The header's bell: the user's unread notifications, in the same query (one query fewer on every page).
      (eb) =>
        eb
          .selectFrom("notifications")
          .select((n) => n.fn.countAll<string>().as("n"))
          .whereRef("notifications.municipality_code", "=", "sessions.municipality_code")
          .whereRef("notifications.user_id", "=", "users.id")
          .where("notifications.read_at", "is", null)
          .as("unread"),
      // The municipality's state version (migration 2026-12-07T1440-municipality-state-versions): the dashboard
      // finds its kept body by it, without a query of its own.
      (eb) =>
        eb
          .selectFrom("municipality_state_versions")
          .select("municipality_state_versions.version")
          .whereRef("municipality_state_versions.municipality_code", "=", "sessions.municipality_code")
          .as("state_version"),
    ])
    .where("sessions.id", "=", id);

/**
 * A session with its user and the count of unread notifications. Every signed-in request reads it: built and
 * compiled once per process and prepared, planned once per connection (src/db/prepared.ts).
 */
export async function findSession(q: Q, code: string, id: string) {
  type Row = Awaited<ReturnType<ReturnType<typeof sessionQuery>["execute"]>>[number];
  const query = compiledOnce("findSession", (c, i: string) => sessionQuery(q, c, i), code, id);
  return (await q.executeQuery(query)).rows[0] as Row | undefined;
}

export async function touchSession(q: Q, code: string, id: string, expiresAt: Date): Promise<void> {
  await scoped(q, code)
    .updateTable("sessions")
    .set({ last_seen_at: new Date(), expires_at: expiresAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(q: Q, code: string, id: string): Promise<void> {
  await scoped(q, code).deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteExpiredSessions(q: Q, now: Date): Promise<void> {
  await acrossMunicipalities(q, "expired sessions of every account")
    .deleteFrom("sessions")
    .where("expires_at", "<", now)
    .execute();
}

/** A new password hash; the user's sessions other than `keepSessionId` end (everyone else must log in again). */
export async function setPasswordHash(
  q: Q,
  code: string,
  userId: string,
  passwordHash: string,
  keepSessionId: string | null,
): Promise<void> {
  // Callers pass a transaction: the new hash and the end of the other sessions go together.
  await scoped(q, code)
    .updateTable("users")
    .set({ password_hash: passwordHash })
    .where("id", "=", userId)
    .execute();
  let del = scoped(q, code).deleteFrom("sessions").where("user_id", "=", userId);
  if (keepSessionId) del = del.where("id", "!=", keepSessionId);
  await del.execute();
}

/** Disables (with the time) or enables an account; a disabled account's sessions end. */
export async function setDisabled(q: Q, code: string, userId: string, disabled: boolean): Promise<void> {
  await scoped(q, code)
    .updateTable("users")
    .set({ disabled_at: disabled ? new Date() : null })
    .where("id", "=", userId)
    .execute();
  if (disabled) await scoped(q, code).deleteFrom("sessions").where("user_id", "=", userId).execute();
}
