/** SQL of the administrator's account page (role, departments); the rest is in auth.repository.ts. */
import { type Q, scoped } from "../db/tenant.ts";
import type { Role } from "../domain/roles.ts";

/** A new role and departments; the user's sessions end, so that the new rights apply at the next login. */
export async function setRoleAndDepartments(
  q: Q,
  code: string,
  userId: string,
  role: Role,
  departmentIds: readonly string[],
): Promise<void> {
  await scoped(q, code).updateTable("users").set({ role }).where("id", "=", userId).execute();
  await scoped(q, code).deleteFrom("user_departments").where("user_id", "=", userId).execute();
  if (departmentIds.length > 0)
    await q
      .insertInto("user_departments")
      .values(departmentIds.map((d) => ({ municipality_code: code, user_id: userId, department_id: d })))
      .execute();
  await scoped(q, code).deleteFrom("sessions").where("user_id", "=", userId).execute();
}
