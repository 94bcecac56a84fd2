/** Small helpers shared by the commands: parsing options, failing with a message, reading files. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { unavailable, usage } from "../core/errors.ts";
import { findChromium } from "../core/pdf/chromium.ts";

export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usage((e as Error).message);
  }
}

export const dataOption = { data: { type: "string" } } as const;

/** Before any work for a PDF: refuses with what is missing and how to install it when there is no Chromium. */
export function requireChromium(): void {
  const found = findChromium();
  if (!found.ok) {
    throw unavailable(
      `PDF を作るには Chromium が必要です。${found.problem}（gyokaku doctor で確かめられます。画面と Excel はそのまま使えます）`,
    );
  }
}
