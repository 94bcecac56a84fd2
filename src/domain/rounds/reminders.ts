/**
 * When a round reminds departments of its deadline: N days before it (N set per round), on the day, the day
 * after (overdue), and then every week while answers are missing. Dates are calendar days in Japan
 * (YYYY-MM-DD); pure, so that the timer in the server and the tests (with a fake clock) compute the same.
 */

export type ReminderKind = "due_soon" | "due_today" | "overdue";

export type Reminder = {
  kind: ReminderKind;
  /** the day it is sent */
  on: string;
  /** made once per round: the kind, the deadline it is about, and the day */
  key: string;
  /** days from `on` to the deadline; negative when overdue */
  daysLeft: number;
};

const DAY = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The calendar day in Japan (UTC+9, no daylight saving) at an instant. */
export function japanDate(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Every reminder of a deadline up to `until` (inclusive), in order. */
export function reminderSchedule(deadline: string, daysBefore: number, until: string): Reminder[] {
  const out: Reminder[] = [];
  const add = (kind: ReminderKind, on: string) => {
    if (on <= until)
      out.push({ kind, on, key: `${kind}:${deadline}:${on}`, daysLeft: daysBetween(on, deadline) });
  };
  if (daysBefore > 0) add("due_soon", addDays(deadline, -daysBefore));
  add("due_today", deadline);
  for (let on = addDays(deadline, 1); on <= until; on = addDays(on, 7)) add("overdue", on);
  return out;
}

/**
 * The reminder to make today, if any: the latest one due on or before today, unless it is older than a week
 * (a server that was stopped does not send stale reminders) or older than the round itself.
 */
export function reminderDue(
  deadline: string,
  daysBefore: number,
  today: string,
  openedOn?: string,
): Reminder | undefined {
  const last = reminderSchedule(deadline, daysBefore, today).at(-1);
  if (!last) return undefined;
  if (daysBetween(last.on, today) >= 7) return undefined;
  if (openedOn !== undefined && last.on < openedOn) return undefined;
  return last;
}
