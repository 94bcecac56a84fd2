/**
 * Actual against target over the fiscal years, for one indicator: an SVG string rendered on the server by
 * ECharts (no browser, no script on the page). Readable without colour: each series has its own marker
 * shape, targets are dashed with hollow triangles, and every value is printed beside its point.
 */
import { echarts, staticSvg } from "./engine.ts";
import { CHART_FONT, SERIES_COLORS, SERIES_SYMBOLS, TARGET_STYLE, TEXT_COLOR } from "./palette.ts";

export type ChartLine = {
  /** The legend entry: 「実績値」, 「実績値（男性）」, 「目標・目安」. */
  name: string;
  /** One value per category; null where there is none (the line is not drawn through it). */
  values: readonly (number | null)[];
  /** The label beside each point: a text, null for none, undefined for the value with the unit (the default). */
  labels?: readonly (string | null | undefined)[];
};

export type IndicatorChartInput = {
  /** The category labels of the x axis, oldest first: 「H29」, 「R1」 … */
  categories: readonly string[];
  /** Printed after every value label and on the axis: 人, %, 千円. */
  unit?: string | undefined;
  actuals: readonly ChartLine[];
  /** Targets or expected paths, drawn dashed. */
  targets?: readonly ChartLine[];
  width?: number;
  height?: number;
  /** What the chart shows, for screen readers (the SVG gets it as its title). */
  description?: string;
};

/** @example formatValue(26684, "人") === "26,684人" */
export function formatValue(n: number, unit = ""): string {
  const [whole = "0", fraction] = String(Math.round(Math.abs(n) * 1e6) / 1e6).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}${unit}`;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * @example indicatorChart({ categories: ["H29", "R1", "R2"], unit: "人",
 *   actuals: [{ name: "実績値", values: [1483, 5253, 6825] }],
 *   targets: [{ name: "目標・目安", values: [1483, 2236, 2989] }] }) // → "<svg …>…</svg>"
 */
export function indicatorChart(input: IndicatorChartInput): string {
  const key = JSON.stringify(input);
  const kept = drawn.get(key);
  if (kept !== undefined) {
    // Most recently used last; a copy gets ids of its own, so that two copies on one page never share one.
    drawn.delete(key);
    drawn.set(key, kept);
    const copy = `zr${1_000_000_000 + ++copies}-`;
    return kept.replace(/\bzr\d+-/g, copy);
  }
  const svg = render(input);
  drawn.set(key, svg);
  drawnChars += key.length + svg.length;
  for (const [k, v] of drawn) {
    if (drawnChars <= DRAWN_LIMIT) break;
    drawn.delete(k);
    drawnChars -= k.length + v.length;
  }
  return svg;
}

/**
 * Charts already drawn, by their input: a report of 600 indicators draws each chart once and every later
 * page, PDF or workbook that shows the same indicator and year reuses it (ECharts takes milliseconds a
 * chart). Bounded by size, least recently used dropped first.
 */
const drawn = new Map<string, string>();
let drawnChars = 0;
let copies = 0;
const DRAWN_LIMIT = 32_000_000;

function render(input: IndicatorChartInput): string {
  const width = input.width ?? 420;
  const height = input.height ?? 230;
  const unit = input.unit ?? "";
  const labelOf = (line: ChartLine) => (p: { dataIndex: number; value: unknown }) => {
    const given = line.labels?.[p.dataIndex];
    if (given !== undefined) return given ?? "";
    return typeof p.value === "number" ? formatValue(p.value, unit) : "";
  };
  const actualSeries = input.actuals.map((line, i) => ({
    name: line.name,
    type: "line" as const,
    data: [...line.values],
    connectNulls: true,
    color: SERIES_COLORS[i % SERIES_COLORS.length],
    symbol: SERIES_SYMBOLS[i % SERIES_SYMBOLS.length],
    symbolSize: 8,
    lineStyle: { width: 2.5, type: "solid" as const },
    label: {
      show: true,
      position: i % 2 === 0 ? ("top" as const) : ("bottom" as const),
      color: TEXT_COLOR,
      fontSize: 10,
      formatter: labelOf(line),
    },
    labelLayout: { moveOverlap: "shiftY" as const },
    z: 3,
  }));
  const targetSeries = (input.targets ?? []).map((line, i) => ({
    name: line.name,
    type: "line" as const,
    data: [...line.values],
    connectNulls: true,
    color: TARGET_STYLE.color,
    symbol: TARGET_STYLE.symbol,
    symbolSize: 9,
    lineStyle: { width: 1.5, type: i === 0 ? ("dashed" as const) : ("dotted" as const) },
    label: {
      show: true,
      position: "top" as const,
      color: TEXT_COLOR,
      fontSize: 10,
      formatter: labelOf({ ...line, labels: line.labels ?? line.values.map(() => null) }),
    },
    labelLayout: { moveOverlap: "shiftY" as const },
    z: 2,
  }));
  // The axis labels' width, estimated (measuring text with containLabel doubles the rendering time).
  const all = [...input.actuals, ...(input.targets ?? [])].flatMap((l) => l.values.filter((v) => v !== null));
  const widest = Math.max(3, ...all.map((v) => formatValue(Math.abs(v)).length + 1));
  // The legend wraps below the axis: leave room for as many lines as it needs (about 11px a character).
  const names = [...input.actuals, ...(input.targets ?? [])].map((l) => l.name);
  let legendLines = 1;
  let used = 0;
  for (const n of names) {
    const w = 40 + [...n].length * 11;
    if (used > 0 && used + w > width - 16) {
      legendLines++;
      used = 0;
    }
    used += w;
  }
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT, color: TEXT_COLOR },
      grid: { left: 12 + widest * 6, right: 26, top: 24, bottom: 30 + legendLines * 17 },
      legend: { bottom: 0, itemWidth: 28, itemGap: 8, textStyle: { fontSize: 11, color: TEXT_COLOR } },
      xAxis: {
        type: "category",
        data: [...input.categories],
        boundaryGap: true,
        axisLabel: { color: TEXT_COLOR, fontSize: 11 },
        axisLine: { lineStyle: { color: "#4d4d55" } },
      },
      yAxis: {
        type: "value",
        scale: true,
        splitNumber: 4,
        name: unit ? `（${unit}）` : "",
        nameTextStyle: { color: TEXT_COLOR, fontSize: 10, align: "right" },
        axisLabel: { color: TEXT_COLOR, fontSize: 10, formatter: (v: number) => formatValue(v) },
        splitLine: { lineStyle: { color: "#e3e3e8" } },
      },
      series: [...actualSeries, ...targetSeries],
    });
    const svg = staticSvg(chart.renderToSVGString());
    const title = input.description ? `<title>${escapeXml(input.description)}</title>` : "";
    return svg.replace(/^<svg([^>]*)>/, `<svg$1 role="img" focusable="false">${title}`);
  } finally {
    chart.dispose();
  }
}
