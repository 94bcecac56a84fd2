/**
 * The roles of an account: admin (everything in its municipality, and accounts); office (行革担当: edits
 * plans, runs rounds, reviews); department (所管課: answers for the items of its departments); viewer (reads
 * everything internal).
 */
export type Role = "admin" | "office" | "department" | "viewer";

export const ROLES: readonly Role[] = ["admin", "office", "department", "viewer"];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "管理者",
  office: "行革担当",
  department: "所管課",
  viewer: "閲覧者",
};
