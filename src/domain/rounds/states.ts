/** The states of a reporting round (照会) and of each item in it. */

export type RoundStatus = "open" | "locked";
export type ItemState = "not_started" | "draft" | "submitted" | "returned" | "approved";

export const STATES: readonly ItemState[] = ["not_started", "draft", "submitted", "returned", "approved"];

export const STATE_LABELS: Record<ItemState, string> = {
  not_started: "未着手",
  draft: "下書き",
  submitted: "提出済",
  returned: "差戻し",
  approved: "承認済",
};

/** Items the department still owes an answer for. */
export const OPEN_STATES: readonly ItemState[] = ["not_started", "draft", "returned"];
