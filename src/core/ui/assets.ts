/** Where the UI's static files are: the stylesheets of this folder and the BIZ UDPGothic font package. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Served under /assets/. */
export const staticDir = join(dirname(fileURLToPath(import.meta.url)), "static");

/** Served under /assets/fonts/. */
export const fontDir = dirname(createRequire(import.meta.url).resolve("@fontsource/biz-udpgothic/400.css"));

/**
 * The one stylesheet system, by where it is used: every set starts with base.css (the design tokens and the
 * shared components); the rest adds only what that kind of page needs. The app's pages link the files one by
 * one (layout.tsx); the public pages and the static site get their set as one file (public.css); the PDF
 * inlines the report set.
 */
export const STYLESHEETS = {
  app: ["base.css", "app.css", "forms.css"],
  public: ["base.css", "public.css"],
  report: ["base.css", "app.css", "report.css"],
  standalone: ["base.css", "app.css"],
} as const;
export type StylesheetSet = keyof typeof STYLESHEETS;

const sets = new Map<StylesheetSet, string>();
/** A set of stylesheets as one text, in order, for standalone HTML and for files served or copied as one. */
export function stylesheet(set: StylesheetSet): string {
  let css = sets.get(set);
  if (css === undefined) {
    css = STYLESHEETS[set].map((f) => readFileSync(join(staticDir, f), "utf8")).join("\n");
    sets.set(set, css);
  }
  return css;
}

/** The app's stylesheets as one text, for standalone HTML (downloads such as the staffing reports). */
export function appStylesheet(): string {
  return stylesheet("standalone");
}
