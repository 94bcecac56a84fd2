/**
 * Several departments on one item (issue 12.3): an item of a round is answered in parts, one per responsible
 * department (the item's own 所管課 and its indicators'). Each part has its own state; the item's state is
 * derived from its parts. Each indicator is answered by one part: its own first department, else the item's
 * first department, else the first part. Pure.
 */
import type { ItemState } from "./states.ts";

/** The departments answering an item, in order: the item's own, then its indicators' (each once). */
export function partKeysOf(item: {
  departments: readonly string[];
  indicators: readonly { departments: readonly string[] }[];
}): string[] {
  return [...new Set([...item.departments, ...item.indicators.flatMap((i) => i.departments)])];
}

/** The department (part) that answers an indicator of the item. */
export function ownerOf(
  item: { departments: readonly string[] },
  indicator: { departments: readonly string[] },
  parts: readonly string[],
): string | undefined {
  return indicator.departments[0] ?? item.departments[0] ?? parts[0];
}

/**
 * The item's state from its parts' states: the common state when they agree; returned when any part is
 * returned; submitted when every part is submitted or approved (waiting for the office); else draft (the
 * answer is in progress). Complete (approved) only when every part is approved. No parts: not started.
 */
export function itemStateOf(parts: readonly ItemState[]): ItemState {
  if (parts.length === 0) return "not_started";
  const first = parts[0]!;
  if (parts.every((s) => s === first)) return first;
  if (parts.includes("returned")) return "returned";
  if (parts.every((s) => s === "submitted" || s === "approved")) return "submitted";
  return "draft";
}

/**
 * The item's text of one kind (取組状況, next year's plan) made from its parts' texts: a part's text alone when
 * only one part wrote one, else each non-empty text under its department's name, in the parts' order.
 */
export function composeText(parts: readonly { name: string; text: string }[]): string {
  const written = parts.filter((p) => p.text.trim() !== "");
  if (written.length <= 1) return written[0]?.text.trim() ?? "";
  return written.map((p) => `【${p.name}】\n${p.text.trim()}`).join("\n\n");
}

/** The item's status word from its parts': the common one, else each different one joined by 「・」. */
export function composeStatus(words: readonly string[]): string {
  return [...new Set(words.map((w) => w.trim()).filter((w) => w !== ""))].join("・");
}
