/**
 * Running `gyokaku` in tests: the command line's `run(argv, io)` in the test's own process, with its output
 * captured, on a data directory of its own. (One test runs the real binary: src/cli/binary.e2e.dbtest.ts.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandIo } from "../cli/io.ts";
import { run } from "../cli/main.ts";
import { testDatabaseKind } from "./db.ts";
import { repoRoot } from "./seeds.ts";

/**
 * The command line runs on a data directory of its own (embedded PGlite) whatever database the tests use, so
 * the CLI suites run once, on the PGlite pass of `.ci/run`, not again on the PostgreSQL pass.
 */
export const cliSkip = (): string | false =>
  testDatabaseKind() === "postgres"
    ? "the command line runs on its own embedded database (PGlite pass)"
    : false;

export type CliResult = { code: number | null; out: string; err: string };

export const binScript = join(repoRoot, "bin/gyokaku.js");

/** Standard streams for a command: what it writes is kept; `input` is its standard input. */
export function captureIo(input = ""): CommandIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    log: (line) => out.push(`${line}\n`),
    error: (line) => err.push(`${line}\n`),
    write: (chunk) => out.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")),
    readInput: async () => input,
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

/**
 * `gyokaku ARGS…` in this process. The developer's own database settings (DATABASE_URL, GYOKAKU_DATA) are
 * set aside while it runs, as a command run from the tests must never touch them.
 */
export async function gyokakuInProcess(args: string[], options: { input?: string } = {}): Promise<CliResult> {
  const io = captureIo(options.input);
  const saved = { DATABASE_URL: process.env.DATABASE_URL, GYOKAKU_DATA: process.env.GYOKAKU_DATA };
  delete process.env.DATABASE_URL;
  delete process.env.GYOKAKU_DATA;
  try {
    const code = await run(args, io);
    return { code, out: io.out(), err: io.err() };
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
  }
}

/**
 * A temporary folder with a data directory, and `run` to call gyokaku with `--data` pointing at it (or at
 * another directory, or none with `data: null`). `cleanup` removes the folder.
 */
export function cliSandbox(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `gyokaku-${name}-`));
  const data = join(dir, "data");
  const run = (
    args: string[],
    options: { input?: string; data?: string | null } = {},
  ): Promise<CliResult> => {
    const target = options.data === undefined ? data : options.data;
    return gyokakuInProcess(
      [...args, ...(target === null ? [] : ["--data", target])],
      options.input !== undefined ? { input: options.input } : {},
    );
  };
  return {
    dir,
    data,
    run,
    /** gyokaku ARGS… --data DATA */
    gyokaku: (...args: string[]) => run(args),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
