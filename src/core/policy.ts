/**
 * Who may do what: one function per question, each taking the user and the thing asked about. Services call
 * them (through `authorize`) before they read or change anything; pages call them only to hide buttons.
 *
 * Roles: admin (everything in its municipality, and accounts); office (行革担当: edits plans, runs rounds,
 * reviews); department (所管課: answers for the items of its departments); viewer (reads everything internal).
 * Everything is scoped to the user's municipality: another municipality's data is not there for them.
 */

import type { Role } from "../domain/roles.ts";
import { type ItemAction, nextState, type Part } from "../domain/rounds/machine.ts";
import type { ItemState, RoundStatus } from "../domain/rounds/states.ts";

export type Actor = {
  id: string;
  municipalityCode: string;
  email: string;
  name: string;
  role: Role;
  /** The departments a department editor answers for (ids); empty for the other roles. */
  departmentIds: readonly string[];
};

export { ROLE_LABELS, ROLES } from "../domain/roles.ts";

type Owned = { municipalityCode: string };
type RoundRef = Owned & { status: RoundStatus };
type RoundItemRef = { round: RoundRef; state: ItemState; departmentIds: readonly string[] };

const sameMunicipality = (user: Actor, thing: Owned) => user.municipalityCode === thing.municipalityCode;
const runsReform = (user: Actor) => user.role === "admin" || user.role === "office";

/** Internal pages (plans, rounds, dashboard): any signed-in user. */
export function canViewInternal(user: Actor | null): user is Actor {
  return user !== null;
}

/** Plans, rounds, history and the dashboard of a municipality: its own users. */
export function canView(user: Actor, thing: Owned): boolean {
  return sameMunicipality(user, thing);
}

export function canManageUsers(user: Actor, municipality: Owned): boolean {
  return user.role === "admin" && sameMunicipality(user, municipality);
}

/** Changing another account (role, departments, disabling, a new password): an administrator, not on their own. */
export function canChangeAccount(user: Actor, account: Owned & { id: string }): boolean {
  return canManageUsers(user, account) && account.id !== user.id;
}

/** Importing staffing data (定数管理) from the browser: the reform office and the administrators. */
export function canImportStaffing(user: Actor, municipality: Owned): boolean {
  return runsReform(user) && sameMunicipality(user, municipality);
}

/** The municipality's settings (its name as shown): its administrators. */
export function canManageMunicipality(user: Actor, municipality: Owned): boolean {
  return user.role === "admin" && sameMunicipality(user, municipality);
}

/**
 * Backing up and restoring a municipality's data in the browser: its administrators. (The whole database,
 * every municipality, only from the command line, by whoever may open the database.)
 */
export function canBackUp(user: Actor, municipality: Owned): boolean {
  return user.role === "admin" && sameMunicipality(user, municipality);
}

/** Plan structure: add, move, renumber, rename items; indicators and targets. */
export function canEditPlan(user: Actor, plan: Owned): boolean {
  return runsReform(user) && sameMunicipality(user, plan);
}

/** Staffing (定数管理) figures a municipality keeps by hand, such as its hiring plan: the reform office's and the administrators'. */
export function canEditStaffing(user: Actor, municipality: Owned): boolean {
  return runsReform(user) && sameMunicipality(user, municipality);
}

/** Reviewers' judgements that override an evaluation result: the reform office's and the administrators'. */
export function canJudge(user: Actor, plan: Owned): boolean {
  return runsReform(user) && sameMunicipality(user, plan);
}

/** Reviewing a round's answers (approving, returning): the reform office and the administrators. */
export function canReview(user: Actor): boolean {
  return runsReform(user);
}

export function canOpenRound(user: Actor, plan: Owned): boolean {
  return runsReform(user) && sameMunicipality(user, plan);
}

export function canLockRound(user: Actor, round: RoundRef): boolean {
  return runsReform(user) && sameMunicipality(user, round) && round.status === "open";
}

export function canUnlockRound(user: Actor, round: RoundRef): boolean {
  return runsReform(user) && sameMunicipality(user, round) && round.status === "locked";
}

/** Whether the item is one of the department editor's: its own departments or one of its indicators'. */
export function isResponsibleFor(user: Actor, item: { departmentIds: readonly string[] }): boolean {
  return user.role === "department" && item.departmentIds.some((d) => user.departmentIds.includes(d));
}

/** The department inbox: the items a department editor answers for. */
export function hasInbox(user: Actor): boolean {
  return user.role === "department";
}

/** The part a user plays for an item of a round (src/domain/rounds/machine.ts). */
export function partIn(user: Actor, item: RoundItemRef): Part {
  if (!sameMunicipality(user, item.round)) return "other";
  if (runsReform(user)) return "reform";
  return isResponsibleFor(user, item) ? "responsible" : "other";
}

const may = (user: Actor, item: RoundItemRef, action: ItemAction) =>
  nextState(item.round.status, item.state, partIn(user, item), action) !== null;

/**
 * Entering the year's actuals, narrative, next year's plan and status, and submitting them. A department
 * edits its own items until it submits and again when the item is returned; the reform office may correct
 * any item that is not approved. Nothing changes in a locked round.
 */
export function canEditRoundItem(user: Actor, item: RoundItemRef): boolean {
  return may(user, item, "save");
}

/** Approving a submitted item. */
export function canApproveRoundItem(user: Actor, item: RoundItemRef): boolean {
  return may(user, item, "approve");
}

/** Returning an item to its department with a comment: a submitted one, or an approved one reconsidered. */
export function canReturnRoundItem(user: Actor, item: RoundItemRef): boolean {
  return may(user, item, "return");
}

/** Writing in an item's conversation: the item's departments and the reform office, while the round is open. */
export function canCommentOnRoundItem(user: Actor, item: RoundItemRef): boolean {
  if (!sameMunicipality(user, item.round) || item.round.status !== "open") return false;
  return runsReform(user) || isResponsibleFor(user, item);
}

/** Attaching evidence to an item's answer: whoever may edit the answer. */
export function canAttachEvidence(user: Actor, item: RoundItemRef): boolean {
  return canEditRoundItem(user, item);
}

/** Removing evidence: its uploader, until the item is approved, while the round is open. */
export function canRemoveEvidence(
  user: Actor,
  item: RoundItemRef,
  file: { uploadedById: string | null },
): boolean {
  return (
    sameMunicipality(user, item.round) &&
    item.round.status === "open" &&
    item.state !== "approved" &&
    file.uploadedById === user.id
  );
}

/** Making an evidence file public (or internal again): the reform office. */
export function canPublishEvidence(user: Actor, item: RoundItemRef): boolean {
  return runsReform(user) && sameMunicipality(user, item.round);
}

/** The mail server settings and the delivery failures: administrators (settings) and the office (failures). */
export function canManageMail(user: Actor, municipality: Owned): boolean {
  return user.role === "admin" && sameMunicipality(user, municipality);
}

export function canSeeMailDeliveries(user: Actor, municipality: Owned): boolean {
  return runsReform(user) && sameMunicipality(user, municipality);
}

/** The days before a round's deadline at which its reminder goes out: whoever runs the round. */
export function canSetReminders(user: Actor, round: RoundRef): boolean {
  return runsReform(user) && sameMunicipality(user, round);
}
