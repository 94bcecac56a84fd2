/** Input validation for forms: one zod schema per input; errors come back per field, first one each. */
import { z } from "zod";
import { controlCharacter } from "../domain/text.ts";
import { invalid } from "./errors.ts";

/** Parses the input or throws an `invalid` AppError whose fields name the form fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const name = issue.path.map(String).join(".") || "_form";
    fields[name] ??= issue.message;
  }
  throw invalid(fields);
}

/** A form body (string values; repeated fields as arrays) as a plain object. */
export type FormBody = Record<string, string | string[] | undefined>;

/** The string of a field ('' when absent; the first of repeated values). */
export function field(body: FormBody, name: string): string {
  const v = body[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

/** All values of a repeated field (checkboxes). */
export function fields(body: FormBody, name: string): string[] {
  const v = body[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The version the form was made from (hidden field); required, so that no write happens blind. */
export const versionField = z
  .string("フォームの版番号がありません。ページを読み込み直してください。")
  .regex(/^\d+$/, "フォームの版番号がありません。ページを読み込み直してください。")
  .transform(Number);

/**
 * The first form field or query parameter holding a NUL or another control character (tab and line breaks
 * are text), as an `invalid` AppError naming the field; null when there is none. Files are not looked into.
 */
export function controlCharacterField(values: Record<string, unknown>): ReturnType<typeof invalid> | null {
  for (const [name, v] of Object.entries(values)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      const c = typeof x === "string" ? controlCharacter(`${name}${x}`) : null;
      if (c !== null) {
        return invalid(
          { [name]: `制御文字（${c}）は使えません。` },
          `「${name}」に制御文字（${c}）が含まれています。取り除いてから送信してください。`,
        );
      }
    }
  }
  return null;
}
