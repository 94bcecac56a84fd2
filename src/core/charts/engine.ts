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
