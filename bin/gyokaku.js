#!/usr/bin/env node
// The gyokaku command: runs the JavaScript built from src/ into dist/ (scripts/build.js, esbuild). It builds
// first when dist/ is missing or older than the sources, so a fresh clone and an edited source both work
// without a separate step; an installation that cannot write dist/ gets the reason and the command to run.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import * as nodeModule from "node:module";
import { fileURLToPath } from "node:url";

// Run directly (./bin/gyokaku.js, a global link) by an older Node.js: hand over to the project's Node 24
// (the npm package `node`), as `npm start` and `npm run gyokaku` do.
if (Number(process.versions.node.split(".")[0]) < 24) {
  const node24 = fileURLToPath(new URL("../node_modules/node/bin/node", import.meta.url));
  if (!existsSync(node24)) {
    console.error(
      `gyokaku: Node.js 24 が必要です（この Node.js は ${process.versions.node}）。` +
        "プロジェクトのフォルダーで npm ci を実行してください。",
    );
    process.exit(1);
  }
  const child = spawn(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise(() => {}); // until the child exits
}

// V8 keeps the compiled code of the modules on disk (node_modules/.cache): later starts skip compiling them.
nodeModule.enableCompileCache?.(fileURLToPath(new URL("../node_modules/.cache/gyokaku/v8", import.meta.url)));
const { ensureBuilt, mainUrl } = await import("../scripts/build.js");

const args = process.argv.slice(2);
try {
  await ensureBuilt();
} catch (e) {
  console.error(
    `gyokaku: ビルドできませんでした（${e instanceof Error ? e.message : String(e)}）。` +
      "プロジェクトのフォルダーで npm ci と npm run build を実行してください。",
  );
  process.exit(1);
}
const main = await import(mainUrl);
// The flags the command runs with (nodeFlags in src/cli/main.ts: V8's quick WebAssembly code only, a low-memory
// server's heap); a process started without them starts the command once more with them.
const missing = main.nodeFlags(args).filter((flag) => !process.execArgv.includes(flag));
if (missing.length > 0) {
  const child = spawn(
    process.execPath,
    [...missing, ...process.execArgv, fileURLToPath(import.meta.url), ...args],
    {
      stdio: "inherit",
    },
  );
  // Ctrl-C reaches both processes; the child stops cleanly (releasing the data directory) and this one follows.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await main.runProcess(args);
}
