#!/usr/bin/env node
// @ts-check
/**
 * The build: esbuild compiles src/cli/main.ts and everything it imports into JavaScript in dist/, so that
 * `npm start` and the `gyokaku` command start without compiling TypeScript on the fly.
 *
 * - npm packages stay external (loaded from node_modules as they are); only our own code is bundled.
 * - Code splitting: each command's code is a chunk of its own, loaded when the command runs, so `gyokaku help`
 *   loads almost nothing.
 * - Our code finds its files next to itself (`new URL("static", import.meta.url)`: stylesheets, open data's
 *   openapi.json, the demo data, the seeds). In the bundle, `import.meta.url` is rewritten to the source
 *   file's address relative to the chunk, so those files are read from src/ where they are. Every output
 *   file sits directly in dist/ (chunk names have no folder), which keeps that relative address right.
 * - Worker threads (src/core/workers/pool.ts): each NAME.worker.ts under src/ is an entry point of its own,
 *   dist/NAME.worker.js, beside the chunks, where the pool looks for it in the build.
 * - dist/build-info.json lists the inputs with their sizes and modification times: `isBuildStale()` compares
 *   them, and `npm start` / bin/gyokaku.js rebuild when a source changed (see ensureBuilt()).
 *
 * Usage: node scripts/build.js [--if-stale] [--quiet]
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = join(root, "dist");
const infoFile = join(distDir, "build-info.json");
/** Files outside the bundle's inputs whose change changes the output (JSX settings, the target). */
const configFiles = ["tsconfig.json", "scripts/build.js"];

/** @param {string} path */
function stamp(path) {
  try {
    const s = statSync(join(root, path));
    return `${s.size}:${Math.trunc(s.mtimeMs)}`;
  } catch {
    return "missing";
  }
}

/** Why the build must be made again, or null when dist/ matches the sources. */
export function staleReason() {
  /** @type {{ inputs: Record<string, string> }} */
  let info;
  try {
    info = JSON.parse(readFileSync(infoFile, "utf8"));
  } catch {
    return "dist/ がありません";
  }
  for (const [path, was] of Object.entries(info.inputs)) {
    if (stamp(path) !== was) return `${path} が変わりました`;
  }
  return null;
}

/** An esbuild plugin: `import.meta.url` of each of our modules keeps pointing at its source file. */
const sourceUrlPlugin = {
  name: "source-import-meta-url",
  /** @param {import("esbuild").PluginBuild} build */
  setup(build) {
    build.onLoad({ filter: /[/\\]src[/\\].*\.tsx?$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      // Chunks are written straight into dist/ (or the folder beside it where the build is made: the same
      // depth), so the source is this path away from any of them.
      const fromDist = relative(distDir, args.path).split("\\").join("/");
      return {
        contents: text.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`,
        ),
        loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
        resolveDir: dirname(args.path),
      };
    });
  },
};

/** The worker threads' entry points: every NAME.worker.ts under src/ → dist/NAME.worker.js. */
function workerEntries() {
  /** @type {Record<string, string>} */
  const entries = {};
  for (const file of readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })) {
    if (!/\.worker\.ts$/.test(file)) continue;
    const name = basename(file).replace(/\.ts$/, "");
    if (entries[name]) throw new Error(`two worker files named ${name}: ${entries[name]} and src/${file}`);
    entries[name] = `src/${file.split("\\").join("/")}`;
  }
  return entries;
}

/** @param {{ quiet?: boolean }} [options] */
export async function build(options = {}) {
  const started = performance.now();
  const esbuild = await import("esbuild");
  // Built beside dist/ and swapped in at the end: a process starting meanwhile finds the old build whole.
  const temp = `${distDir}.building-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: "src/cli/main.ts", ...workerEntries() },
    outdir: temp,
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node24",
    packages: "external",
    tsconfig: "tsconfig.json",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    plugins: [sourceUrlPlugin],
  });
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs), ...configFiles].map((path) => [path, stamp(path)]),
  );
  writeFileSync(
    join(temp, "build-info.json"),
    `${JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1)}\n`,
  );
  const old = `${distDir}.old-${process.pid}`;
  if (existsSync(distDir)) renameSync(distDir, old);
  renameSync(temp, distDir);
  rmSync(old, { recursive: true, force: true });
  if (!options.quiet) {
    const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js")).length;
    console.error(
      `gyokaku: ビルドしました（${Object.keys(inputs).length} ファイル → dist/ の ${files} ファイル、${Math.round(performance.now() - started)} ms）`,
    );
  }
}

/** Builds when dist/ is missing or older than the sources; returns the reason it built, or null. */
export async function ensureBuilt(options = {}) {
  const reason = staleReason();
  if (reason) await build(options);
  return reason;
}

/** The entry point of the built command line. */
export const mainUrl = pathToFileURL(join(distDir, "main.js")).href;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quiet = process.argv.includes("--quiet");
  if (process.argv.includes("--if-stale")) {
    const reason = staleReason();
    if (reason) {
      if (!quiet) console.error(`gyokaku: ${reason}。ビルドします。`);
      await build({ quiet });
    }
  } else {
    await build({ quiet });
  }
}
