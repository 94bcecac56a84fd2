/**
 * Text that may be stored: no NUL or other control characters (tab, line feed and carriage return are
 * text), and a length limit per kind of field. Pure: the plan document, the staffing document and every
 * form use it.
 */

/** Field length limits, in characters (UTF-16 code units, as JavaScript counts). */
export const TEXT_LIMITS = {
  /** numbers as written, units, kinds, status tags, series and stage words, keys of maps */
  short: 200,
  /** titles, names, level names, file names */
  name: 1_000,
  /** a value or target as written */
  value: 2_000,
  /** descriptions, progress narratives, activity texts */
  long: 50_000,
} as const;

// C0 controls except tab (09), line feed (0A) and carriage return (0D); DEL; C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The first control character of a text as `U+0000`, or null when it has none. */
export function controlCharacter(text: string): string | null {
  const m = CONTROL.exec(text);
  if (!m) return null;
  return `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why a text cannot be stored (in Japanese), or null when it can. */
export function textProblem(text: string, max: number): string | null {
  const c = controlCharacter(text);
  if (c !== null) return `制御文字（${c}）は使えません`;
  if (text.length > max)
    return `${max.toLocaleString("en-US")}文字以内にしてください（${text.length.toLocaleString("en-US")}文字）`;
  return null;
}
