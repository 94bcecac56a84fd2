/**
 * The administrator's actions on an account in the browser: change role and departments, disable, enable,
 * reset the password (a generated one, shown once). Each is recorded in the history, in the transaction of
 * the change. An administrator does not change or disable their own account here (no one locks themselves out).
 */
import { z } from "zod";
import { record } from "../audit/audit.service.ts";
import { authorize, invalid, notFound } from "../core/errors.ts";
import { type Actor, canChangeAccount, canManageUsers, ROLES } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { ROLE_LABELS, type Role } from "../domain/roles.ts";
import * as accounts from "./accounts.repository.ts";
import * as repo from "./auth.repository.ts";
import { departmentsFor } from "./auth.service.ts";
import { generatePassword, hashPassword } from "./password.ts";

export type Account = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  departments: { key: string; name: string }[];
  /** Whether the administrator may change it (not their own account). */
  changeable: boolean;
};

const accountSchema = z
  .object({
    role: z.enum(ROLES as [Role, ...Role[]], "役割を選んでください。"),
    departments: z.array(z.string().trim().min(1)).default([]),
  })
  .refine((u) => u.role !== "department" || u.departments.length > 0, {
    path: ["departments"],
    message: "所管課の利用者には担当する部署を一つ以上選んでください。",
  })
  .refine((u) => u.role === "department" || u.departments.length === 0, {
    path: ["departments"],
    message: "部署を選べるのは所管課の利用者だけです。",
  });

async function find(db: DB, admin: Actor, id: string) {
  authorize(canManageUsers(admin, admin));
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findUser(db, admin.municipalityCode, id) : undefined;
  if (!row) throw notFound("その利用者は見つかりません。");
  return row;
}

export async function accountFor(db: DB, admin: Actor, id: string): Promise<Account> {
  const row = await find(db, admin, id);
  const listed = (await repo.listUsers(db, admin.municipalityCode)).find((u) => u.id === row.id);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled_at !== null,
    departments: listed?.departments ?? [],
    changeable: canChangeAccount(admin, { municipalityCode: row.municipality_code, id: row.id }),
  };
}

const describe = (role: Role, departments: readonly string[]) =>
  ({ role: ROLE_LABELS[role], departments: [...departments] }) as const;

/** Role and departments (keys of the municipality's departments); the account's sessions end. */
export async function changeAccount(db: DB, admin: Actor, id: string, raw: unknown): Promise<void> {
  const before = await accountFor(db, admin, id);
  authorize(before.changeable, "自分の役割はこの画面では変えられません（ほかの管理者に依頼してください）。");
  const input = parseInput(accountSchema, raw);
  const found = await repo.findDepartmentsByKey(db, admin.municipalityCode, input.departments);
  const missing = input.departments.filter((k) => !found.some((d) => d.key === k));
  if (missing.length > 0) throw invalid({ departments: `部署が見つかりません: ${missing.join("、")}` });
  const names = new Map((await departmentsFor(db, admin)).map((d) => [d.key, d.name]));
  await db.transaction().execute(async (trx) => {
    await accounts.setRoleAndDepartments(
      trx,
      admin.municipalityCode,
      id,
      input.role,
      found.map((d) => d.id),
    );
    await record(trx, admin, [
      {
        action: "user.update",
        subject: `${before.name}（${before.email}）`,
        before: describe(
          before.role,
          before.departments.map((d) => d.name),
        ),
        after: describe(
          input.role,
          found.map((d) => names.get(d.key) ?? d.key),
        ),
      },
    ]);
  });
}

/** Disables (its sessions end) or enables an account. */
export async function setDisabledAs(db: DB, admin: Actor, id: string, disabled: boolean): Promise<void> {
  const account = await accountFor(db, admin, id);
  authorize(account.changeable, "自分のアカウントは無効にできません。");
  await db.transaction().execute(async (trx) => {
    await repo.setDisabled(trx, admin.municipalityCode, id, disabled);
    await record(trx, admin, [
      { action: disabled ? "user.disable" : "user.enable", subject: `${account.name}（${account.email}）` },
    ]);
  });
}

/**
 * A new generated password for the account, returned once to show to the administrator (never stored in
 * clear, never in the history); the account's sessions end.
 */
export async function resetPasswordAs(db: DB, admin: Actor, id: string): Promise<string> {
  const account = await accountFor(db, admin, id);
  authorize(account.changeable, "自分のパスワードはヘッダーの名前から変更してください。");
  const password = generatePassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, admin.municipalityCode, id, hash, null);
    await record(trx, admin, [
      { action: "user.password_reset", subject: `${account.name}（${account.email}）` },
    ]);
  });
  return password;
}
