import type { EvaluationStatus, ImplementationStatus } from "./types.ts";

/** 達成度 labels as municipalities print them. @example STATUS_LABELS.on_track === "順調" */
export const STATUS_LABELS: Readonly<Record<EvaluationStatus, string>> = {
  achieved: "達成",
  on_track: "順調",
  behind: "遅れ",
  not_achieved: "未達成",
  not_started: "未着手",
  no_data: "データなし",
  not_judgeable: "判定不可",
};

/**
 * One symbol per status, distinct in shape so that the status never depends on colour (CUD, JIS X 8341-3).
 * ◎○△× are the marks Japanese evaluation tables already use; □ is an empty box for 未着手,
 * － the dash documents print for a missing value, ※ points to the reason given beside it.
 * @example STATUS_SYMBOLS.behind === "△"
 */
export const STATUS_SYMBOLS: Readonly<Record<EvaluationStatus, string>> = {
  achieved: "◎",
  on_track: "○",
  behind: "△",
  not_achieved: "×",
  not_started: "□",
  no_data: "－",
  not_judgeable: "※",
};

/** Symbol and label together, the form pages and PDFs show. @example statusText("achieved") === "◎ 達成" */
export function statusText(status: EvaluationStatus): string {
  return `${STATUS_SYMBOLS[status]} ${STATUS_LABELS[status]}`;
}

/**
 * 増減 as municipal tables print it: ▲ for a decrease, ± for none.
 * @example formatChange(2) === "+2"; formatChange(-1) === "▲1"; formatChange(0) === "±0"
 */
export function formatChange(change: number): string {
  if (change > 0) return `+${change}`;
  if (change < 0) return `▲${-change}`;
  return "±0";
}

/** 着手状況 labels. @example IMPLEMENTATION_LABELS.in_progress === "取組中" */
export const IMPLEMENTATION_LABELS: Readonly<Record<ImplementationStatus, string>> = {
  not_started: "未着手",
  in_progress: "取組中",
  completed: "完了",
  no_data: "データなし",
};

/** Shapes, not colours: an empty box, an arrow for work under way, a full box; － as documents print for nothing. */
export const IMPLEMENTATION_SYMBOLS: Readonly<Record<ImplementationStatus, string>> = {
  not_started: "□",
  in_progress: "→",
  completed: "■",
  no_data: "－",
};
