/**
 * ECharts, loaded on first use and from its single-file CommonJS build: one file instead of the hundreds of
 * ES modules behind `import "echarts"`, about three times faster to load, and not on the path of a server
 * start or of a command that draws no chart. `warmCharts()` loads it once the server is idle.
 * The minified build is the production build: the default one (dist/echarts.js) is the development build,
 * which checks and warns as it goes (hundreds of `"development" !== "production"` branches) and takes some
 * 5 % more CPU a chart (npm run bench:charts, A/B on a loaded machine); the charts drawn are the same.
 */
import { createRequire } from "node:module";

type ECharts = typeof import("echarts");

let engine: ECharts | undefined;

/** The ECharts module (loaded now if this is the first chart). */
export function echarts(): ECharts {
  engine ??= createRequire(import.meta.url)("echarts/dist/echarts.min") as ECharts;
  return engine;
}

/** Loads ECharts in the background a moment after start-up, so that the first chart does not wait for it. */
export function warmCharts(afterMs = 1000): void {
  setTimeout(() => echarts(), afterMs).unref();
}

/**
 * The chart's SVG without what only a pointer uses: ECharts' server rendering writes a `<style>` of `:hover`
 * rules for every chart (a colour change on hovering a legend entry), a class per element for them and
 * `pointer-events` on every line. On a page of charts those style elements all join the document's one style
 * scope, and the browser matches every element of the page against their rules: printing 120 個票 with
 * their charts cost Chromium noticeably more with them. The pictures are the same without.
 */
export function staticSvg(svg: string): string {
  return svg
    .replace(/<style[^>]*><!\[CDATA\[([^\]]*)\]\]>\s*<\/style>/g, (whole, rules: string) =>
      onlyHoverRules(rules) ? "" : whole,
    )
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ pointer-events="visible"/g, "");
}

/** Whether every rule of a CSS text is a `:hover` rule. */
function onlyHoverRules(css: string): boolean {
  const selectors = [...css.matchAll(/([^{}]+)\{[^{}]*\}/g)].map((m) => m[1]!.trim());
  return selectors.length > 0 && selectors.every((s) => /^\.zr\d+-cls-\d+:hover$/.test(s));
}
