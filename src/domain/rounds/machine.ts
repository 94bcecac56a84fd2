/**
 * The state machine of an item in a round, as a table: for the state of the item, the part the user plays
 * and the action, the state it moves to, or null when the action is not allowed. src/core/policy.ts asks it
 * whether a user may act; the services ask it where the item goes. Pure.
 */
import type { ItemState, RoundStatus } from "./states.ts";

/** save: a draft (or the office's correction); submit; approve; return (差戻し). */
export type ItemAction = "save" | "submit" | "approve" | "return";
export const ITEM_ACTIONS: readonly ItemAction[] = ["save", "submit", "approve", "return"];

/**
 * reform: the reform office or an administrator of the municipality; responsible: a department editor
 * answering for the item; other: anyone else (a viewer, a department not responsible).
 */
export type Part = "reform" | "responsible" | "other";

const ANSWERABLE: readonly ItemState[] = ["not_started", "draft", "returned"];

/** Where an action takes an item, or null when the part may not do it in this state. */
export function nextState(
  round: RoundStatus,
  state: ItemState,
  part: Part,
  action: ItemAction,
): ItemState | null {
  if (round !== "open" || part === "other") return null;
  switch (action) {
    case "save":
      if (part === "responsible") return ANSWERABLE.includes(state) ? "draft" : null;
      // the office corrects any item that is not approved, without taking it from the department
      return state === "approved" ? null : state === "not_started" ? "draft" : state;
    case "submit":
      if (part === "responsible") return ANSWERABLE.includes(state) ? "submitted" : null;
      return state === "approved" ? null : "submitted";
    case "approve":
      return part === "reform" && state === "submitted" ? "approved" : null;
    case "return":
      return part === "reform" && (state === "submitted" || state === "approved") ? "returned" : null;
  }
}
