/**
 * The folders' import rules (.dependency-cruiser.cjs, docs/architecture.md) hold on the tree, and they would
 * catch a breach: each rule is tried on a small made-up tree that breaks it.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { after, test } from "node:test";
import { cruise, type ICruiseResult } from "dependency-cruiser";

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, "..");
const config = require(join(ROOT, ".dependency-cruiser.cjs"));
const CAPABILITIES: string[] = config.CAPABILITIES;
const TEST_FILE = /\.(test|dbtest|e2e)\.tsx?$|^src\/testing\//;

async function run(baseDir: string): Promise<ICruiseResult> {
  const r = await cruise(["src"], {
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    ...config.options,
    tsConfig: { fileName: join(ROOT, "tsconfig.json") },
  });
  return r.output as ICruiseResult;
}

const violations = (r: ICruiseResult) =>
  r.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

test("the tree keeps the import rules", async () => {
  const r = await run(ROOT);
  assert.ok(r.modules.length > 100, "the sources were read");
  assert.deepEqual(violations(r), []);
});

test("no two folders of src import each other, directly or through others", async () => {
  const r = await run(ROOT);
  const folder = (p: string) => /^src\/([^/]+)\//.exec(p)?.[1];
  const edges = new Map<string, Set<string>>();
  for (const m of r.modules) {
    const from = folder(m.source);
    if (!from || TEST_FILE.test(m.source)) continue;
    for (const d of m.dependencies) {
      const to = folder(d.resolved);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  // Depth-first search for a cycle among folders.
  const state = new Map<string, "open" | "done">();
  const cycle: string[] = [];
  const visit = (f: string, path: string[]): boolean => {
    if (state.get(f) === "open") return cycle.push(...path.slice(path.indexOf(f)), f) > 0;
    if (state.get(f) === "done") return false;
    state.set(f, "open");
    for (const g of edges.get(f) ?? []) if (visit(g, [...path, f])) return true;
    state.set(f, "done");
    return false;
  };
  for (const f of edges.keys()) if (visit(f, [])) break;
  assert.deepEqual(cycle, []);
  // Every capability folder is in the declared order.
  for (const f of edges.keys())
    if (!["core", "domain", "db", "web", "cli"].includes(f))
      assert.ok(CAPABILITIES.includes(f), `${f} is ordered`);
});

const sandbox = mkdtempSync(join(tmpdir(), "gyokaku-arch-"));
after(() => rmSync(sandbox, { recursive: true, force: true }));

/** A made-up tree: path → source. */
async function violationsOf(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(sandbox, "t-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return violations(await run(dir)).map((v) => v.split(":")[0]!);
}

test("a breach of each rule is caught", async () => {
  const cases: [string, Record<string, string>][] = [
    ["domain-is-pure", { "src/domain/a.ts": 'import "node:fs";\nexport const a = 1;' }],
    [
      "core-imports-domain-and-core",
      {
        "src/core/a.ts": 'import { b } from "../plans/plans.service.ts";\nexport const a = b;',
        "src/plans/plans.service.ts": "export const b = 1;",
      },
    ],
    [
      "db-imports-domain-core-db",
      {
        "src/db/a.ts": 'import { b } from "../rounds/rounds.service.ts";\nexport const a = b;',
        "src/rounds/rounds.service.ts": "export const b = 1;",
      },
    ],
    [
      "capability-through-service",
      {
        "src/reports/a.ts": 'import { b } from "../rounds/rounds.repository.ts";\nexport const a = b;',
        "src/rounds/rounds.repository.ts": "export const b = 1;",
      },
    ],
    [
      "capability-order-rounds",
      {
        "src/rounds/a.ts": 'import { b } from "../reports/reports.service.ts";\nexport const a = b;',
        "src/reports/reports.service.ts": "export const b = 1;",
      },
    ],
    [
      "capability-not-adapters",
      {
        "src/plans/a.ts": 'import { b } from "../web/app.tsx";\nexport const a = b;',
        "src/web/app.tsx": "export const b = 1;",
      },
    ],
    [
      "adapters-through-routes-and-services",
      {
        "src/cli/a.ts": 'import { b } from "../plans/plans.repository.ts";\nexport const a = b;',
        "src/plans/plans.repository.ts": "export const b = 1;",
      },
    ],
    [
      "no-testing-in-production",
      {
        "src/plans/a.ts": 'import { b } from "../testing/db.ts";\nexport const a = b;',
        "src/testing/db.ts": "export const b = 1;",
      },
    ],
    [
      "no-circular",
      {
        "src/plans/a.ts": 'import { b } from "./b.ts";\nexport const a = () => b;',
        "src/plans/b.ts": 'import { a } from "./a.ts";\nexport const b = () => a;',
      },
    ],
  ];
  for (const [rule, files] of cases)
    assert.ok((await violationsOf(files)).includes(rule), `${rule} is caught`);
  // …and tests may import anything.
  assert.deepEqual(
    await violationsOf({
      "src/reports/a.test.ts": 'import { b } from "../rounds/rounds.repository.ts";\nexport const a = b;',
      "src/rounds/rounds.repository.ts": "export const b = 1;",
    }),
    [],
  );
});

test("no production file is over 400 lines (a longer one holds two things)", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  const long = files(join(ROOT, "src"))
    .map((f) => relative(ROOT, f))
    .filter((f) => !TEST_FILE.test(f))
    .filter((f) => readFileSync(join(ROOT, f), "utf8").split("\n").length > 400);
  assert.deepEqual(long, []);
});
