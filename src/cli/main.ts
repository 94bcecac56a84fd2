/**
 * The gyokaku command line: `run(argv, io)` reads the arguments, runs one command and returns its exit code.
 * The `gyokaku` binary (bin/gyokaku.js, on the built JavaScript) and the tests call it alike; the tests with
 * buffers for its output, in their own process.
 *
 * A command's code is loaded only when that command runs (`load`): `gyokaku help` needs none of it, and
 * `gyokaku plans` does not load Excel, charts or the browser.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describeError, isAppError } from "../core/errors.ts";
import { templateExists } from "../db/pglite-template-path.ts";
import {
  backupHelp,
  doctorHelp,
  exportHelp,
  importHelp,
  opendataHelp,
  plansHelp,
  publishHelp,
  reportHelp,
  restoreHelp,
  serveHelp,
  staffingHelp,
  userHelp,
} from "./help.ts";
import { type CommandIo, processIo } from "./io.ts";
import { serverHoldsDatabase } from "./server-pages.ts";

/** A command's code: done when it returns (exit code 0, or the code it returns), refused when it throws. */
type CommandFn = (argv: string[], io: CommandIo) => Promise<unknown>;
type Command = { help: string; load: () => Promise<CommandFn> };

const commands: Record<string, Command> = {
  serve: { help: serveHelp, load: async () => (await import("./commands/serve.ts")).serveCommand },
  import: { help: importHelp, load: async () => (await import("./commands/import.ts")).importCommand },
  export: { help: exportHelp, load: async () => (await import("./commands/export.ts")).exportCommand },
  plans: { help: plansHelp, load: async () => (await import("./commands/plans.ts")).plansCommand },
  report: { help: reportHelp, load: async () => (await import("./commands/report.ts")).reportCommand },
  staffing: {
    help: staffingHelp,
    load: async () => (await import("./commands/staffing.ts")).staffingCommand,
  },
  publish: { help: publishHelp, load: async () => (await import("./commands/publish.ts")).publishCommand },
  opendata: {
    help: opendataHelp,
    load: async () => (await import("./commands/opendata.ts")).opendataCommand,
  },
  user: { help: userHelp, load: async () => (await import("./commands/user.ts")).userCommand },
  backup: { help: backupHelp, load: async () => (await import("./commands/backup.ts")).backupCommand },
  restore: { help: restoreHelp, load: async () => (await import("./commands/backup.ts")).restoreCommand },
  doctor: { help: doctorHelp, load: async () => (await import("./commands/doctor.ts")).doctorCommand },
};

export const mainHelp = `gyokaku — 行政改革の計画・進捗・評価・公表・定数管理
gyokaku — administrative reform plans for Japanese municipalities

使い方 / usage: gyokaku <command> [options]

${Object.values(commands)
  .map((c) => c.help)
  .join("\n\n")}

共通 / common:
  --data DIR      組み込みデータベースの場所（既定 ./data、環境変数 GYOKAKU_DATA）
  DATABASE_URL    設定すると PostgreSQL サーバーを使います（15 以降）
  gyokaku help <command> で各コマンドの説明を表示します。`;

/** Runs one command; returns the exit code (0 done, 1 refused with a message, 2 wrong usage). */
export async function run(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const topic = rest[0] && commands[rest[0]];
    io.log(topic ? topic.help : mainHelp);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.error(`gyokaku: 知らないコマンドです: ${name}（gyokaku help で一覧）`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.log(command.help);
    return 0;
  }
  try {
    const code = await (await command.load())(rest, io);
    return typeof code === "number" ? code : 0;
  } catch (e) {
    if (!isAppError(e)) {
      // A fault of ours or of the machine: one line, never the internal message, SQL or stack (unless asked).
      if (process.env.GYOKAKU_DEBUG === "1")
        io.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      const code = (e as NodeJS.ErrnoException | undefined)?.code;
      const why = typeof code === "string" && /^E[A-Z]+$/.test(code) ? `（${code}）` : "";
      io.error(
        `gyokaku ${name}: 処理を完了できませんでした${why}。GYOKAKU_DEBUG=1 を付けて実行すると詳しい内容を表示します。`,
      );
      return 1;
    }
    const [message, ...where] = describeError(e);
    io.error(`gyokaku ${name}: ${message}`);
    for (const line of where) io.error(line);
    if (e.code === "in_use") for (const line of serverHoldsDatabase(name)) io.error(line);
    if (e.code === "usage") io.error(`\n${command.help}`);
    return e.exitCode;
  }
}

/**
 * Whether this command is better run with V8's quick WebAssembly code only (`node --liftoff-only`, which
 * bin/gyokaku.js starts it with). The embedded database is WebAssembly; V8 first compiles it quickly, then
 * optimises its busy parts in the background — seconds of CPU that a short command never profits from, and
 * waits for at its end. The server (long-running) keeps the optimising compiler, and so does the very first
 * database on a machine: creating the empty database (cached, see db/pglite-start.ts) runs far slower
 * without it. With a PostgreSQL server there is nothing to gain.
 *
 * A server on a machine short of memory can ask for the quick code too (GYOKAKU_LOW_MEMORY=1): optimising
 * the database's WebAssembly takes some 400–600 MB while V8 does it (the process's peak, in the first minute of
 * requests), and without it the server's database work takes about a quarter more CPU.
 */
function quickWasmSuits(argv: string[], env: NodeJS.ProcessEnv): boolean {
  const [name] = argv;
  if (!name || !commands[name] || env.DATABASE_URL) return false;
  if (name === "serve") return env.GYOKAKU_LOW_MEMORY === "1" && templateExists();
  return templateExists();
}

/**
 * A low-memory server's JavaScript heap (GYOKAKU_LOW_MEMORY=1): V8's `--optimize-for-size` (smaller steps of heap
 * growth, a smaller young generation, less memory for optimised code). At `npm run bench:scale` on PGlite at 87
 * municipalities it took the server's peak from 310–340 MB to about 250 MB, for some 20–40 % fewer requests a
 * second (a loaded 2-core machine: uncertain). A smaller young generation alone (`--max-semi-space-size=2` or
 * 4) made the peak higher under load, not lower: the objects of the requests in flight reached the old generation.
 */
const LOW_MEMORY_HEAP = ["--optimize-for-size"];

/**
 * The flags of node the command's process runs with (bin/gyokaku.js starts the command again with them when the
 * process has not): --liftoff-only where the quick WebAssembly code suits (above), and a server asked for
 * GYOKAKU_LOW_MEMORY=1 also V8's --optimize-for-size (LOW_MEMORY_HEAP), on PGlite or PostgreSQL.
 */
export function nodeFlags(argv: string[], env = process.env): string[] {
  const quick = quickWasmSuits(argv, env) ? ["--liftoff-only"] : [];
  const lowMemoryServer = argv[0] === "serve" && env.GYOKAKU_LOW_MEMORY === "1";
  return lowMemoryServer ? [...quick, ...LOW_MEMORY_HEAP] : quick;
}

/** The `gyokaku` process: its arguments, its standard streams, its exit code. */
export async function runProcess(argv = process.argv.slice(2)): Promise<void> {
  // Output piped into a command that stops reading (gyokaku report … | head) is not an error of ours.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const code = await run(argv, processIo());
  // A server keeps running after its command returned; any other command ends with its code.
  if (code !== 0 || argv[0] !== "serve") process.exitCode = code;
}

// Run directly (`tsx src/cli/main.ts …` in development); bin/gyokaku.js calls runProcess on the build.
function isEntry(): boolean {
  try {
    return !!process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}
if (isEntry()) await runProcess();
