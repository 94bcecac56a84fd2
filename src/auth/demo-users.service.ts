/**
 * Demo accounts, one per role, in the demo municipality (江別市). Created when the demo data is loaded; their
 * passwords are public (docs/accounts.md) and printed at first start: demo only, never in production.
 */
import type { DB } from "../db/database.ts";
import type { Role } from "../domain/roles.ts";
import * as repo from "./auth.repository.ts";
import { createUser } from "./auth.service.ts";

export const DEMO_MUNICIPALITY = "012173";

export type DemoUser = {
  email: string;
  name: string;
  role: Role;
  departments: string[];
  password: string;
  /** 江別市 unless named: the other demo municipalities have one reform-office account each. */
  municipalityCode?: string;
};

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "admin@demo.example.jp",
    name: "管理 一郎",
    role: "admin",
    departments: [],
    password: "demo-admin-2026",
  },
  {
    email: "office@demo.example.jp",
    name: "行革 花子",
    role: "office",
    departments: [],
    password: "demo-office-2026",
  },
  {
    email: "shokuin@demo.example.jp",
    name: "職員課 太郎",
    role: "department",
    departments: ["職員課"],
    password: "demo-shokuin-2026",
  },
  {
    email: "viewer@demo.example.jp",
    name: "閲覧 次郎",
    role: "viewer",
    departments: [],
    password: "demo-viewer-2026",
  },
  {
    email: "sapporo@demo.example.jp",
    name: "札幌 行革",
    role: "office",
    departments: [],
    password: "demo-sapporo-2026",
    municipalityCode: "011002",
  },
  {
    email: "chitose@demo.example.jp",
    name: "千歳 行革",
    role: "office",
    departments: [],
    password: "demo-chitose-2026",
    municipalityCode: "012246",
  },
];

/**
 * Creates the demo accounts that do not exist yet, when the demo municipality and its 職員課 are in the
 * database; returns the accounts created (empty when there was nothing to do).
 */
export async function createDemoUsers(db: DB): Promise<DemoUser[]> {
  const municipalities = new Set((await repo.listMunicipalities(db)).map((m) => m.municipality_code));
  if (!municipalities.has(DEMO_MUNICIPALITY)) return [];
  const created: DemoUser[] = [];
  for (const u of DEMO_USERS) {
    const municipalityCode = u.municipalityCode ?? DEMO_MUNICIPALITY;
    if (!municipalities.has(municipalityCode)) continue;
    if (await repo.findUserByEmail(db, municipalityCode, u.email)) continue;
    const departments = await repo.findDepartmentsByKey(db, municipalityCode, u.departments);
    if (departments.length < u.departments.length) continue;
    await createUser(db, { ...u, municipalityCode });
    created.push(u);
  }
  return created;
}

/** What `gyokaku serve` prints after creating them. */
export function demoUsersMessage(users: readonly DemoUser[]): string {
  if (users.length === 0) return "";
  return [
    "デモ用アカウントを作りました（デモ専用・公開のパスワードです。本番では使わないでください）:",
    ...users.map((u) => `  ${u.role.padEnd(10)} ${u.email.padEnd(26)} ${u.password}  ${u.name}`),
  ].join("\n");
}
