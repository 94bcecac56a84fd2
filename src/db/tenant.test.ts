/**
 * Tenant scoping, checked on the code itself: every query of a municipality's rows starts from
 * `scoped(q, code)` (or says why it spans municipalities with `acrossMunicipalities` / `scopedOrAll`), every
 * join keeps the joined table in the same municipality, and SQL is written only in repositories and src/db.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import ts from "typescript";

const SRC = join(import.meta.dirname, "..");
const ROOTS = new Set(["scoped", "acrossMunicipalities", "scopedOrAll"]);
const QUERY = new Set(["selectFrom", "updateTable", "deleteFrom"]);
const WRITE = new Set(["insertInto", ...QUERY]);
const JOIN = new Set(["innerJoin", "leftJoin", "rightJoin", "fullJoin"]);

function productionFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "testing" ? [] : productionFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.(test|dbtest|e2e)\.tsx?$/.test(e.name) ? [path] : [];
  });
}

type Problem = { file: string; line: number; text: string; why: string };

/** Where a chain like `scoped(q, c).selectFrom("t").where(…)` starts: the innermost receiver. */
function chainRoot(e: ts.Expression): ts.Expression {
  let x = e;
  for (;;) {
    if (ts.isPropertyAccessExpression(x)) x = x.expression;
    else if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression))
      x = x.expression.expression;
    else if (ts.isParenthesizedExpression(x) || ts.isAwaitExpression(x) || ts.isNonNullExpression(x))
      x = x.expression;
    else return x;
  }
}

/** Identifiers bound to `scoped(…)` and the like in this file (`const s = scoped(q, code)`). */
function scopedNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const root = chainRoot(n.initializer);
      if (ts.isCallExpression(root) && ts.isIdentifier(root.expression) && ROOTS.has(root.expression.text))
        if (n.initializer === root) names.add(n.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return names;
}

/** The whole chain a call stands in: `eb.selectFrom("t").whereRef(…).select(…)`. */
function chainTop(n: ts.Node): ts.Node {
  let x = n;
  while (
    (ts.isPropertyAccessExpression(x.parent) && x.parent.expression === x) ||
    (ts.isCallExpression(x.parent) && x.parent.expression === x)
  )
    x = x.parent;
  return x;
}

function isCallbackParameter(id: ts.Identifier): boolean {
  // `(eb) => eb.selectFrom(…)`: a sub-query built inside a query, correlated to its outer row.
  let n: ts.Node | undefined = id.parent;
  while (n && !ts.isSourceFile(n)) {
    if (
      (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) &&
      n.parameters.some((p) => p.name.getText() === id.text)
    )
      return true;
    n = n.parent;
  }
  return false;
}

/** The problems of one file; `rel` is its path under src/. */
function checkText(rel: string, text: string): Problem[] {
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true);
  const sqlAllowed = /\.repository\.ts$/.test(rel) || rel.startsWith("db/");
  const bound = scopedNames(sf);
  const problems: Problem[] = [];
  const report = (n: ts.Node, why: string) =>
    problems.push({
      file: rel,
      line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1,
      text: n.getText().split("\n")[0]!.slice(0, 100),
      why,
    });
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      if (WRITE.has(method) && !sqlAllowed) report(n, "SQL outside a repository");
      if (QUERY.has(method) && sqlAllowed && !rel.startsWith("db/")) {
        const root = chainRoot(n.expression.expression);
        const ok =
          (ts.isCallExpression(root) &&
            ts.isIdentifier(root.expression) &&
            ROOTS.has(root.expression.text)) ||
          (ts.isIdentifier(root) && bound.has(root.text)) ||
          // a correlated sub-query names the municipality of the outer row
          (ts.isIdentifier(root) &&
            isCallbackParameter(root) &&
            /municipality_code/.test(chainTop(n).getText()));
        if (!ok) report(n, "a query of a municipality's table that does not start from scoped(q, code)");
      }
      if (
        JOIN.has(method) &&
        !/municipality_code|sameMunicipality/.test(n.arguments.map((a) => a.getText()).join())
      )
        report(n, "a join that does not keep the joined table in the same municipality");
    }
    if (ts.isTaggedTemplateExpression(n) && n.tag.getText().startsWith("sql") && !sqlAllowed)
      report(n, "SQL outside a repository");
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return problems;
}

const check = (file: string) => checkText(relative(SRC, file), readFileSync(file, "utf8"));

test("every query of a municipality's rows goes through scoped(); SQL only in repositories and src/db", () => {
  const files = productionFiles();
  assert.ok(
    files.some((f) => f.endsWith("plans.repository.ts")),
    "the repositories are read",
  );
  const problems = files.flatMap(check);
  assert.deepEqual(
    problems.map((p) => `${p.file}:${p.line}: ${p.why}: ${p.text}`),
    [],
  );
});

test("the check finds an unscoped query, a join without the municipality and SQL in a service", () => {
  const samples: Record<string, string> = {
    "x/x.repository.ts": `export const f = (q) => q.selectFrom("plans").selectAll().execute();`,
    "y/y.repository.ts": `export const g = (q, c) => scoped(q, c).selectFrom("plans").innerJoin("plan_items", "plan_items.plan_id", "plans.id").selectAll();`,
    "z/z.service.ts": `export const h = (db) => db.insertInto("plans").values({}).execute();`,
    "ok/ok.repository.ts": `export const k = (q, c) => { const s = scoped(q, c); return s.selectFrom("plans").innerJoin("plan_items", (j) => sameMunicipality(j, "plan_items", "plans")).selectAll(); };`,
  };
  const found = Object.entries(samples).flatMap(([name, code]) => checkText(name, code));
  assert.deepEqual(
    found.map((p) => `${p.file}: ${p.why}`),
    [
      "x/x.repository.ts: a query of a municipality's table that does not start from scoped(q, code)",
      "y/y.repository.ts: a join that does not keep the joined table in the same municipality",
      "z/z.service.ts: SQL outside a repository",
    ],
  );
});
