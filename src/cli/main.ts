/** The gyokaku command line: one thin adapter per command. */

import { describeError, isAppError } from "../core/errors.ts";
import { exportCommand, exportHelp } from "./commands/export.ts";
import { importCommand, importHelp } from "./commands/import.ts";
import { opendataCommand, opendataHelp } from "./commands/opendata.ts";
import { plansCommand, plansHelp } from "./commands/plans.ts";
import { publishCommand, publishHelp } from "./commands/publish.ts";
import { reportCommand, reportHelp } from "./commands/report.ts";
import { serveCommand, serveHelp } from "./commands/serve.ts";
import { staffingCommand, staffingHelp } from "./commands/staffing.ts";
import { userCommand, userHelp } from "./commands/user.ts";

const commands: Record<string, { run: (argv: string[]) => Promise<void>; help: string }> = {
  serve: { run: serveCommand, help: serveHelp },
  import: { run: importCommand, help: importHelp },
  export: { run: exportCommand, help: exportHelp },
  plans: { run: plansCommand, help: plansHelp },
  report: { run: reportCommand, help: reportHelp },
  staffing: { run: staffingCommand, help: staffingHelp },
  publish: { run: publishCommand, help: publishHelp },
  opendata: { run: opendataCommand, help: opendataHelp },
  user: { run: userCommand, help: userHelp },
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

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const topic = rest[0] && commands[rest[0]];
    console.log(topic ? topic.help : mainHelp);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`gyokaku: 知らないコマンドです: ${name}（gyokaku help で一覧）`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    const [message, ...where] = describeError(e);
    console.error(`gyokaku ${name}: ${message}`);
    for (const line of where) console.error(line);
    if (e.code === "usage") console.error(`\n${command.help}`);
    return e.exitCode;
  }
}

// Output piped into a command that stops reading (gyokaku report … | head) is not an error of ours.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const code = await main(process.argv.slice(2));
if (code !== 0 || process.argv[2] !== "serve") process.exitCode = code;
