/** Running `gyokaku` as a user does, in a real process on a data directory of its own, for CLI tests. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

export const mainScript = join(repoRoot, "src/cli/main.ts");
export const binScript = join(repoRoot, "bin/gyokaku.js");

/** The environment of the command: never a PostgreSQL server or data directory of the developer's. */
export const cliEnv = () => ({ ...process.env, DATABASE_URL: "", GYOKAKU_DATA: "" });

/**
 * A temporary folder with a data directory, and `run` to call gyokaku with `--data` pointing at it (or at
 * another directory, or none with `data: null`). `cleanup` removes the folder.
 */
export function cliSandbox(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `gyokaku-${name}-`));
  const data = join(dir, "data");
  const run = (
    args: string[],
    options: { input?: string; data?: string | null; cwd?: string; viaBin?: boolean } = {},
  ): CliResult => {
    const target = options.data === undefined ? data : options.data;
    // Through bin/gyokaku.js, as an installed command runs, or the sources with the tsx loader.
    const entry = options.viaBin ? [binScript] : ["--import", "tsx", mainScript];
    const r = spawnSync(
      process.execPath,
      [...entry, ...args, ...(target === null ? [] : ["--data", target])],
      {
        encoding: "utf8",
        env: cliEnv(),
        ...(options.input !== undefined ? { input: options.input } : {}),
        ...(options.cwd ? { cwd: options.cwd } : {}),
      },
    );
    return { code: r.status, out: r.stdout, err: r.stderr };
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
