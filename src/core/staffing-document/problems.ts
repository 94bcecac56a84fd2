/** A problem of a staffing document and the place a person can find it at. */
import type { Source } from "./schema.ts";

export type StaffingProblem = { path: string; message: string; where?: string | undefined };

/** "千歳市.txt 行 162" or "template.xlsx シート「職員数」 行 5 列 D" */
export function describeSource(s: Source | undefined): string | undefined {
  if (!s) return undefined;
  return [
    s.file,
    s.line && `行 ${s.line}`,
    s.sheet && `シート「${s.sheet}」`,
    s.row && `行 ${s.row}`,
    s.column && `列 ${s.column}`,
  ]
    .filter(Boolean)
    .join(" ");
}
