// The UI kit's one stylesheet system: every set starts with base.css, every file of static/ is used, and every
// design token a stylesheet uses is defined once, in base.css (a page-specific file may only re-set it).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { STYLESHEETS, staticDir, stylesheet } from "./assets.ts";

const read = (f: string) => readFileSync(join(staticDir, f), "utf8");
const cssFiles = readdirSync(staticDir).filter((f) => f.endsWith(".css"));
const defined = (css: string) => new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]!));

describe("the stylesheets of src/core/ui/static", () => {
  test("every set starts with base.css and names files that exist", () => {
    for (const [set, files] of Object.entries(STYLESHEETS)) {
      assert.equal(files[0], "base.css", set);
      for (const f of files) assert.ok(cssFiles.includes(f), `${set}: ${f}`);
    }
  });

  test("every stylesheet is part of a set (report-page.css is linked by the report pages)", () => {
    const used = new Set<string>([...Object.values(STYLESHEETS).flat(), "report-page.css"]);
    assert.deepEqual(
      cssFiles.filter((f) => !used.has(f)),
      [],
    );
  });

  test("the tokens are defined in base.css; the other files use them and define none of their own", () => {
    const base = defined(read("base.css"));
    for (const t of [
      "--text",
      "--accent",
      "--line",
      "--focus",
      "--h1",
      "--space-4",
      "--radius",
      "--page-width",
    ]) {
      assert.ok(base.has(t), t);
    }
    for (const f of cssFiles) {
      const css = read(f);
      for (const m of css.matchAll(/var\((--[\w-]+)/g))
        assert.ok(base.has(m[1]!), `${f} uses ${m[1]} not in base.css`);
      for (const t of defined(css))
        assert.ok(base.has(t), `${f} defines ${t}, a token that is not in base.css`);
    }
  });

  test("the shared components are written once: base.css only, not again in public.css or report.css", () => {
    for (const f of ["public.css", "report.css", "app.css"]) {
      const css = read(f);
      for (const rule of [
        ".skip-link",
        ".visually-hidden",
        ".breadcrumbs ol",
        "caption",
        ".meta dt",
        "thead th",
      ]) {
        assert.ok(!css.split("\n").includes(`${rule} {`), `${f} repeats ${rule}`);
      }
    }
  });

  test("a set as one text is its files in order, nothing loaded from elsewhere", () => {
    const css = stylesheet("public");
    assert.ok(css.startsWith(read("base.css")));
    assert.ok(css.endsWith(read("public.css")));
    assert.doesNotMatch(stylesheet("report"), /@import|url\(/);
  });
});
