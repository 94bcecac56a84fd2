/**
 * The BIZ UDPGothic font the project ships (npm @fontsource/biz-udpgothic), for pages and for PDF alike: one
 * file per weight (the package's whole Japanese font, which holds kana, kanji and Latin) instead of the ~120
 * unicode-range slices per weight its default stylesheets name. A page then asks for two files, named in its
 * <head> (preload and @font-face inline) so that they load in the same round as the stylesheets, and every
 * later page finds them in the browser's cache. The PDF printer serves the same files to Chromium, so a PDF
 * embeds this font whether or not the system has BIZ UD fonts installed.
 */
import { raw } from "hono/html";

export const FONT_FAMILY = "BIZ UDPGothic";

/** The weights the pages and reports use: regular text and bold (headings, table heads). */
export const FONT_FILES = [
  { weight: 400, file: "files/biz-udpgothic-japanese-400-normal.woff2" },
  { weight: 700, file: "files/biz-udpgothic-japanese-700-normal.woff2" },
] as const;

/** The @font-face rules, with the font files found below `base` ("/assets/fonts/", "../assets/fonts/"). */
export function fontFaceCss(base: string): string {
  return FONT_FILES.map(
    (f) =>
      `@font-face{font-family:"${FONT_FAMILY}";font-style:normal;font-weight:${f.weight};font-display:swap;src:url("${base}${f.file}") format("woff2")}`,
  ).join("\n");
}

/** For a page's <head>: preload both files at once and declare them; `base` as in fontFaceCss. */
export function FontHead({ base }: { base: string }) {
  return (
    <>
      {FONT_FILES.map((f) => (
        <link rel="preload" href={`${base}${f.file}`} as="font" type="font/woff2" crossorigin="anonymous" />
      ))}
      <style>{raw(fontFaceCss(base))}</style>
    </>
  );
}
