import assert from "node:assert/strict";
import { test } from "node:test";
import { japanDate, reminderDue, reminderSchedule } from "./reminders.ts";

test("N days before, on the day, the day after, then weekly", () => {
  const s = reminderSchedule("2024-06-30", 3, "2024-07-16");
  assert.deepEqual(
    s.map((r) => [r.kind, r.on, r.daysLeft]),
    [
      ["due_soon", "2024-06-27", 3],
      ["due_today", "2024-06-30", 0],
      ["overdue", "2024-07-01", -1],
      ["overdue", "2024-07-08", -8],
      ["overdue", "2024-07-15", -15],
    ],
  );
  assert.equal(new Set(s.map((r) => r.key)).size, s.length);
});

test("N = 0 sends no advance reminder", () => {
  assert.deepEqual(
    reminderSchedule("2024-06-30", 0, "2024-06-30").map((r) => r.kind),
    ["due_today"],
  );
});

test("the reminder due today: the latest, not stale, not before the round", () => {
  assert.equal(reminderDue("2024-06-30", 3, "2024-06-26"), undefined);
  assert.equal(reminderDue("2024-06-30", 3, "2024-06-27")?.kind, "due_soon");
  // a day later the same reminder is still the latest (made once by its key)
  assert.equal(reminderDue("2024-06-30", 3, "2024-06-28")?.key, "due_soon:2024-06-30:2024-06-27");
  assert.equal(reminderDue("2024-06-30", 3, "2024-06-30")?.kind, "due_today");
  assert.equal(reminderDue("2024-06-30", 3, "2024-07-09")?.on, "2024-07-08");
  // opened after the advance reminder's day: none until the deadline
  assert.equal(reminderDue("2024-06-30", 3, "2024-06-29", "2024-06-29"), undefined);
  // the deadline moved: the keys change, so the reminders come again
  assert.equal(reminderDue("2024-07-31", 3, "2024-07-09"), undefined);
});

test("the day is Japan's", () => {
  assert.equal(japanDate(new Date("2024-06-29T14:59:59Z")), "2024-06-29");
  assert.equal(japanDate(new Date("2024-06-29T15:00:00Z")), "2024-06-30");
});
