/** Small helpers shared by the commands: parsing options, failing with a message, reading files. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { usage } from "../core/errors.ts";

export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usage((e as Error).message);
  }
}

export const dataOption = { data: { type: "string" } } as const;
