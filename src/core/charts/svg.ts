/**
 * The shared ECharts set-up for charts rendered on the server as SVG (no script reaches the browser): one
 * palette (palette.ts), the UD font, patterns (decals) on bars so that no bar depends on colour alone,
 * and year labels in both calendars. Capabilities build their options and render them here.
 */

import { shortWareki } from "../../domain/fiscal-year.ts";
import { echarts, staticSvg } from "./engine.ts";
import { CHART_FONT, FILL_COLORS, TEXT_COLOR } from "./palette.ts";

// biome-ignore lint/suspicious/noExplicitAny: echarts' option type is too wide to spell out here
export type ChartOption = Record<string, any>;

/** Patterns for bars and areas, in the order of the colours: plain, hatched, dotted, … */
export const DECALS = [
  { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [0, 0] },
  {
    symbol: "rect",
    dashArrayX: [1, 0],
    dashArrayY: [2, 5],
    rotation: Math.PI / 4,
    color: "rgba(0,0,0,0.35)",
  },
  { symbol: "circle", symbolSize: 0.6, dashArrayX: [[4, 4]], dashArrayY: [4, 4], color: "rgba(0,0,0,0.4)" },
  {
    symbol: "rect",
    dashArrayX: [1, 0],
    dashArrayY: [2, 5],
    rotation: -Math.PI / 4,
    color: "rgba(255,255,255,0.7)",
  },
  { symbol: "rect", dashArrayX: [[2, 4]], dashArrayY: [1, 0], color: "rgba(0,0,0,0.35)" },
  { symbol: "triangle", symbolSize: 0.7, dashArrayX: [[5, 5]], dashArrayY: [5, 5], color: "rgba(0,0,0,0.4)" },
];

/** Axis and legend text: the UD font, dark enough for WCAG AA on white. */
export const AXIS_TEXT = { color: TEXT_COLOR, fontFamily: CHART_FONT } as const;

/** A fiscal year on a category axis: "2025\nR7". */
export const yearLabel = (fy: number) => `${fy}\n${shortWareki(fy)}`;

/** Renders an option as an SVG string, with the shared palette, font and patterns. */
export function renderSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({
    animation: false,
    color: [...FILL_COLORS],
    textStyle: { fontFamily: CHART_FONT, color: TEXT_COLOR, fontSize: 13 },
    aria: { enabled: true, decal: { show: true, decals: DECALS } },
    ...option,
  });
  const svg = staticSvg(chart.renderToSVGString());
  chart.dispose();
  return svg;
}
