/**
 * The import rules of gyokaku (docs/architecture.md): run by `npm run check` (and so by `npm test`).
 *
 *   adapters   src/web, src/cli            compose routes / commands; reach capabilities through routes and services
 *   capability src/<name>/                  routes, pages, service, repository, tests side by side
 *   db         src/db                      opening, migrations, table types, tenant scoping
 *   core       src/core                    the shared core every capability builds on
 *   domain     src/domain                  pure: no I/O, imports only itself
 *
 * A capability imports the domain, the core, db and its own files; it reaches another capability only through
 * that capability's service, and only one lower in CAPABILITIES (so the folders can never form a cycle).
 * Tests (*.test.ts, *.dbtest.ts, e2e) and src/testing may import anything.
 */

/** Lower first: each may use the services of those before it. */
const CAPABILITIES = [
  "audit",
  "plans",
  "auth",
  "importers",
  "editing",
  "rounds",
  "notifications",
  "reports",
  "dashboard",
  "publish",
  "staffing",
  "demo",
  "backup",
  "admin",
];

const TESTS = ["\\.(test|dbtest|e2e)\\.tsx?$", "^src/testing/"];
const cap = (names) => `^src/(${names.join("|")})/`;

const order = CAPABILITIES.map((name, i) => ({
  name: `capability-order-${name}`,
  comment: `${name} may use only the capabilities before it (${CAPABILITIES.slice(0, i).join(", ") || "none"}).`,
  severity: "error",
  from: { path: `^src/${name}/`, pathNot: TESTS },
  to: { path: cap(CAPABILITIES.slice(i + 1)) },
})).filter((r) => r.to.path !== "^src/()/");

module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "The domain core does no I/O and imports nothing but itself: no packages, no Node built-ins.",
      severity: "error",
      from: { path: "^src/domain/", pathNot: TESTS },
      to: { pathNot: "^src/domain/" },
    },
    {
      name: "core-imports-domain-and-core",
      comment: "The shared core builds on the domain only; capabilities build on it.",
      severity: "error",
      from: { path: "^src/core/", pathNot: TESTS },
      to: { path: "^src/", pathNot: ["^src/core/", "^src/domain/"] },
    },
    {
      name: "db-imports-domain-core-db",
      comment: "The database layer knows the domain's types and the core's errors, nothing of the capabilities.",
      severity: "error",
      from: { path: "^src/db/", pathNot: TESTS },
      to: { path: "^src/", pathNot: ["^src/db/", "^src/core/", "^src/domain/"] },
    },
    {
      name: "capability-through-service",
      comment: "A capability reaches another capability only through that capability's *.service.ts.",
      severity: "error",
      from: { path: cap(CAPABILITIES), pathNot: TESTS },
      to: { path: cap(CAPABILITIES), pathNot: ["^src/$1/", "\\.service\\.ts$"] },
    },
    {
      name: "capability-not-adapters",
      comment: "Capabilities never import the adapters (web app, command line).",
      severity: "error",
      from: { path: cap(CAPABILITIES), pathNot: TESTS },
      to: { path: "^src/(web|cli)/" },
    },
    {
      name: "adapters-through-routes-and-services",
      comment: "The web app composes routes and middleware; CLI commands call services.",
      severity: "error",
      from: { path: "^src/(web|cli)/", pathNot: TESTS },
      to: {
        path: cap(CAPABILITIES),
        pathNot: ["\\.service\\.ts$", "\\.routes\\.tsx?$", "\\.middleware\\.ts$"],
      },
    },
    {
      name: "no-testing-in-production",
      comment: "Test helpers and fixtures (src/testing) are for tests only.",
      severity: "error",
      from: { path: "^src/", pathNot: TESTS },
      to: { path: "^src/testing/" },
    },
    ...order,
    {
      name: "no-circular",
      comment: "No module imports itself through others.",
      severity: "error",
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    reporterOptions: {
      archi: {
        collapsePattern: "^src/(core|domain|db|testing)/|^src/[^/]+/",
      },
    },
  },
};

// Read by src/architecture.test.ts (not a dependency-cruiser option).
Object.defineProperty(module.exports, "CAPABILITIES", { value: CAPABILITIES, enumerable: false });
