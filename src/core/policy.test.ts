import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Role } from "../domain/roles.ts";
import {
  type Actor,
  canApproveRoundItem,
  canEditPlan,
  canEditRoundItem,
  canLockRound,
  canManageUsers,
  canOpenRound,
  canReturnRoundItem,
  canUnlockRound,
  canView,
  canViewInternal,
  hasInbox,
  isResponsibleFor,
} from "./policy.ts";

const EBETSU = "012173";
const user = (role: Role, departmentIds: string[] = [], municipalityCode = EBETSU): Actor => ({
  id: `u-${role}`,
  municipalityCode,
  email: `${role}@example.jp`,
  name: role,
  role,
  departmentIds,
});
const admin = user("admin");
const office = user("office");
const shokuin = user("department", ["職員課"]);
const nozei = user("department", ["納税課"]);
const viewer = user("viewer");
const chitoseOffice = user("office", [], "012246");

const open = { municipalityCode: EBETSU, status: "open" as const };
const locked = { municipalityCode: EBETSU, status: "locked" as const };
const item = (
  state: "not_started" | "draft" | "submitted" | "returned" | "approved",
  round: { municipalityCode: string; status: "open" | "locked" } = open,
) => ({
  round,
  state,
  departmentIds: ["職員課"],
});

describe("policy", () => {
  test("internal pages need a login; a municipality's data is for its own users", () => {
    assert.equal(canViewInternal(null), false);
    for (const u of [admin, office, shokuin, viewer]) assert.equal(canViewInternal(u), true);
    assert.equal(canView(viewer, { municipalityCode: EBETSU }), true);
    assert.equal(canView(chitoseOffice, { municipalityCode: EBETSU }), false);
  });

  test("accounts: admin only", () => {
    assert.deepEqual(
      [admin, office, shokuin, viewer].map((u) => canManageUsers(u, { municipalityCode: EBETSU })),
      [true, false, false, false],
    );
    assert.equal(canManageUsers(user("admin", [], "012246"), { municipalityCode: EBETSU }), false);
  });

  test("plan editing and opening rounds: admin and reform office of the municipality", () => {
    const plan = { municipalityCode: EBETSU };
    for (const can of [canEditPlan, canOpenRound]) {
      assert.deepEqual(
        [admin, office, shokuin, viewer, chitoseOffice].map((u) => can(u, plan)),
        [true, true, false, false, false],
      );
    }
  });

  test("locking an open round and unlocking a locked one: admin and office", () => {
    assert.equal(canLockRound(office, open), true);
    assert.equal(canLockRound(office, locked), false);
    assert.equal(canUnlockRound(office, locked), true);
    assert.equal(canUnlockRound(office, open), false);
    for (const u of [shokuin, viewer, chitoseOffice]) {
      assert.equal(canLockRound(u, open), false);
      assert.equal(canUnlockRound(u, locked), false);
    }
  });

  test("a department edits exactly its items, until it submits and again when returned", () => {
    assert.equal(isResponsibleFor(shokuin, item("draft")), true);
    assert.equal(isResponsibleFor(nozei, item("draft")), false);
    assert.equal(isResponsibleFor(office, item("draft")), false);
    assert.equal(hasInbox(shokuin), true);
    assert.equal(hasInbox(office), false);
    for (const s of ["not_started", "draft", "returned"] as const) {
      assert.equal(canEditRoundItem(shokuin, item(s)), true, s);
      assert.equal(canEditRoundItem(nozei, item(s)), false, s);
    }
    for (const s of ["submitted", "approved"] as const)
      assert.equal(canEditRoundItem(shokuin, item(s)), false, s);
  });

  test("the reform office corrects any item that is not approved; viewers edit nothing", () => {
    for (const s of ["not_started", "draft", "submitted", "returned"] as const)
      assert.equal(canEditRoundItem(office, item(s)), true, s);
    assert.equal(canEditRoundItem(office, item("approved")), false);
    for (const s of ["not_started", "draft", "submitted", "returned", "approved"] as const)
      assert.equal(canEditRoundItem(viewer, item(s)), false, s);
  });

  test("a locked round is read-only for everyone", () => {
    for (const u of [admin, office, shokuin, viewer])
      for (const s of ["not_started", "draft", "submitted", "returned", "approved"] as const) {
        assert.equal(canEditRoundItem(u, item(s, locked)), false);
        assert.equal(canApproveRoundItem(u, item(s, locked)), false);
        assert.equal(canReturnRoundItem(u, item(s, locked)), false);
      }
  });

  test("review: approve a submitted item, return a submitted or approved one; office and admin only", () => {
    assert.equal(canApproveRoundItem(office, item("submitted")), true);
    assert.equal(canApproveRoundItem(office, item("draft")), false);
    assert.equal(canReturnRoundItem(office, item("submitted")), true);
    assert.equal(canReturnRoundItem(admin, item("approved")), true);
    assert.equal(canReturnRoundItem(office, item("returned")), false);
    for (const u of [shokuin, viewer, chitoseOffice]) {
      assert.equal(canApproveRoundItem(u, item("submitted")), false);
      assert.equal(canReturnRoundItem(u, item("submitted")), false);
    }
  });
});
