import assert from "node:assert/strict";
import { test } from "node:test";
import { ITEM_ACTIONS, type ItemAction, nextState, type Part } from "./machine.ts";
import { type ItemState, STATES } from "./states.ts";

// state → part → action → next state ("-" = refused), the whole table of an open round.
const TABLE: Record<ItemState, Record<Part, Record<ItemAction, ItemState | "-">>> = {
  not_started: {
    reform: { save: "draft", submit: "submitted", approve: "-", return: "-" },
    responsible: { save: "draft", submit: "submitted", approve: "-", return: "-" },
    other: { save: "-", submit: "-", approve: "-", return: "-" },
  },
  draft: {
    reform: { save: "draft", submit: "submitted", approve: "-", return: "-" },
    responsible: { save: "draft", submit: "submitted", approve: "-", return: "-" },
    other: { save: "-", submit: "-", approve: "-", return: "-" },
  },
  submitted: {
    reform: { save: "submitted", submit: "submitted", approve: "approved", return: "returned" },
    responsible: { save: "-", submit: "-", approve: "-", return: "-" },
    other: { save: "-", submit: "-", approve: "-", return: "-" },
  },
  returned: {
    reform: { save: "returned", submit: "submitted", approve: "-", return: "-" },
    responsible: { save: "draft", submit: "submitted", approve: "-", return: "-" },
    other: { save: "-", submit: "-", approve: "-", return: "-" },
  },
  approved: {
    reform: { save: "-", submit: "-", approve: "-", return: "returned" },
    responsible: { save: "-", submit: "-", approve: "-", return: "-" },
    other: { save: "-", submit: "-", approve: "-", return: "-" },
  },
};

test("every state × part × action of an open round", () => {
  for (const state of STATES)
    for (const part of ["reform", "responsible", "other"] as const)
      for (const action of ITEM_ACTIONS)
        assert.equal(
          nextState("open", state, part, action) ?? "-",
          TABLE[state][part][action],
          `${state} / ${part} / ${action}`,
        );
});

test("nothing moves in a locked round", () => {
  for (const state of STATES)
    for (const part of ["reform", "responsible", "other"] as const)
      for (const action of ITEM_ACTIONS) assert.equal(nextState("locked", state, part, action), null);
});
