/** Kysely's view of the account tables (see src/db/migrations/2026-11-22T0500-rounds.ts). */
import type { Generated } from "kysely";

import type { Role } from "../../domain/roles.ts";

export type { Role };

export interface UsersTable {
  municipality_code: string;
  id: string;
  /** trimmed, lower case */
  email: string;
  name: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash (see password.ts) */
  password_hash: string;
  created_at: Generated<Date>;
  disabled_at: Date | null;
}

export interface UserDepartmentsTable {
  municipality_code: string;
  user_id: string;
  department_id: string;
}

export interface SessionsTable {
  municipality_code: string;
  /** SHA-256 (hex) of the cookie's token */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}

export interface AuthTables {
  users: UsersTable;
  user_departments: UserDepartmentsTable;
  sessions: SessionsTable;
}
