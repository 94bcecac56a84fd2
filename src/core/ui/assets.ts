/** Where the UI's static files are: the stylesheets of this folder and the BIZ UDPGothic font package. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Served under /assets/. */
export const staticDir = join(dirname(fileURLToPath(import.meta.url)), "static");

/** Served under /assets/fonts/. */
export const fontDir = dirname(createRequire(import.meta.url).resolve("@fontsource/biz-udpgothic/400.css"));

let appCss: string | undefined;
/** The app's stylesheet as text, for standalone HTML (reports printed to PDF, downloads). */
export function appStylesheet(): string {
  appCss ??= readFileSync(join(staticDir, "app.css"), "utf8");
  return appCss;
}
