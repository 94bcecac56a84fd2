/**
 * The staffing charts, built on the shared chart set-up (src/core/charts/svg.ts: SVG rendered on the
 * server, one colour-vision-safe palette, patterns on bars). Every series also has its own pattern, line
 * style or symbol, and values are printed on the chart, so nothing depends on colour alone. Each chart
 * sits beside a table with the same numbers.
 */
import { CUD, FILL_COLORS, SERIES_SYMBOLS, TEXT_COLOR as TEXT } from "../core/charts/palette.ts";
import { AXIS_TEXT as axisText, DECALS, renderSvg as render, yearLabel } from "../core/charts/svg.ts";
import {
  type DiagnosisLine,
  formatCount,
  formatDecimal,
  type ProjectionRow,
} from "../domain/staffing/index.ts";
import type { HeadcountView, PeerView, PopulationRow } from "./staffing.reports.ts";

/** The one palette of the app (src/core/charts/palette.ts), in the order bars take it. */
export const PALETTE = FILL_COLORS;

/** 図表4: headcount by group, stacked, with the total and the quota of the years that have one. */
export function headcountChart(view: HeadcountView, width = 960, height = 460): string {
  const hasQuota = view.total.quotas.some((q) => q !== undefined);
  return render(
    {
      legend: { top: 0, textStyle: axisText, itemWidth: 22, itemHeight: 14 },
      grid: { left: 64, right: 24, top: 64, bottom: 56 },
      xAxis: { type: "category", data: view.years.map(yearLabel), axisLabel: axisText },
      yAxis: { type: "value", name: "人", nameTextStyle: axisText, axisLabel: axisText },
      series: [
        ...view.series.map((s) => ({
          type: "bar",
          stack: "staff",
          name: s.name,
          data: s.values.map((v) => v ?? null),
          barMaxWidth: 48,
          label: {
            show: true,
            position: "inside",
            fontSize: 11,
            color: TEXT,
            backgroundColor: "rgba(255,255,255,0.85)",
            padding: [1, 3],
            borderRadius: 2,
            formatter: labelIfTall,
          },
          itemStyle: { borderColor: "#fff", borderWidth: 1 },
        })),
        {
          type: "line",
          name: view.total.label,
          data: view.total.values.map((v) => v ?? null),
          symbol: "circle",
          symbolSize: 7,
          lineStyle: { color: TEXT, width: 2 },
          itemStyle: { color: TEXT },
          label: {
            show: true,
            position: "top",
            distance: 8,
            color: TEXT,
            fontWeight: "bold",
            formatter: countLabel,
          },
        },
        ...(hasQuota
          ? [
              {
                type: "line",
                name: "定数",
                data: view.total.quotas.map((q) => q ?? null),
                symbol: "rect",
                symbolSize: 14,
                lineStyle: { color: CUD.red, type: "dashed", width: 2 },
                itemStyle: { color: "#fff", borderColor: CUD.red, borderWidth: 3 },
                label: {
                  show: true,
                  position: "bottom",
                  distance: 10,
                  color: TEXT,
                  backgroundColor: "rgba(255,255,255,0.9)",
                  padding: [1, 3],
                  formatter: quotaLabel,
                },
              },
            ]
          : []),
      ],
    },
    width,
    height,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: echarts label callback parameters
function quotaLabel(p: any): string {
  return typeof p.value === "number" ? `定数 ${formatCount(p.value)}` : "";
}

// biome-ignore lint/suspicious/noExplicitAny: echarts label callback parameters
function labelIfTall(p: any): string {
  return typeof p.value === "number" && p.value >= 70 ? formatCount(p.value) : "";
}
// biome-ignore lint/suspicious/noExplicitAny: echarts label callback parameters
function countLabel(p: any): string {
  return typeof p.value === "number" ? formatCount(p.value) : "";
}

/** 図表5: staff (bars) and population (line, right axis). */
export function populationChart(
  rows: PopulationRow[],
  staffLabel: string,
  width = 960,
  height = 420,
): string {
  return render(
    {
      legend: { top: 0, textStyle: axisText },
      grid: { left: 64, right: 88, top: 56, bottom: 56 },
      xAxis: { type: "category", data: rows.map((r) => yearLabel(r.fiscalYear)), axisLabel: axisText },
      yAxis: [
        { type: "value", name: "職員数（人）", nameTextStyle: axisText, axisLabel: axisText },
        {
          type: "value",
          name: "人口（人）",
          nameTextStyle: axisText,
          axisLabel: axisText,
          splitLine: { show: false },
          scale: true,
        },
      ],
      series: [
        {
          type: "bar",
          name: staffLabel,
          data: rows.map((r) => r.staff ?? null),
          barMaxWidth: 40,
          label: { show: true, position: "top", fontSize: 11, color: TEXT, formatter: countLabel },
        },
        {
          type: "line",
          name: "人口",
          yAxisIndex: 1,
          data: rows.map((r) => r.population ?? null),
          connectNulls: true,
          symbol: "diamond",
          symbolSize: 10,
          lineStyle: { type: "dashed", width: 2, color: CUD.red },
          itemStyle: { color: CUD.red },
          label: { show: true, position: "top", color: TEXT, formatter: countLabel },
        },
      ],
    },
    width,
    height,
  );
}

/** 図表8: staff per 10,000 of the peers; the municipality itself patterned, the group average as a line. */
export function peerChart(peer: PeerView, width = 960, height = 80 + peer.rows.length * 44): string {
  const rows = [...peer.rows].reverse();
  return render(
    {
      grid: { left: 120, right: 80, top: 36, bottom: 40 },
      xAxis: {
        type: "value",
        name: "人口1万人当たり普通会計職員数（人）",
        nameLocation: "middle",
        nameGap: 26,
        axisLabel: axisText,
        nameTextStyle: axisText,
      },
      yAxis: {
        type: "category",
        data: rows.map((r) => (r.self ? `▶ ${r.name}` : r.name)),
        axisLabel: { ...axisText, fontWeight: "bold" },
      },
      series: [
        {
          type: "bar",
          name: "人口1万人当たり普通会計職員数",
          data: rows.map((r) => ({
            value: r.ordinaryPer10k,
            itemStyle: r.self
              ? { color: FILL_COLORS[1], decal: DECALS[1] }
              : { color: FILL_COLORS[0], decal: DECALS[0] },
          })),
          barMaxWidth: 28,
          label: { show: true, position: "right", color: TEXT, formatter: decimalLabel },
          ...(peer.groupAverage
            ? {
                markLine: {
                  symbol: "none",
                  lineStyle: { color: TEXT, type: "dashed", width: 2 },
                  label: {
                    formatter: `${peer.group} 平均 ${formatDecimal(peer.groupAverage.ordinaryPer10k, 2)}`,
                    position: "end",
                    color: TEXT,
                  },
                  data: [{ xAxis: peer.groupAverage.ordinaryPer10k }],
                },
              }
            : {}),
        },
      ],
    },
    width,
    height,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: echarts label callback parameters
function decimalLabel(p: any): string {
  return typeof p.value === "number" ? formatDecimal(p.value, 2) : "";
}

/** 図表9: the Laspeyres index against the peers' and the national average. */
export function laspeyresChart(
  rows: {
    fiscalYear: number;
    own: number;
    peerAverage?: number | undefined;
    nationalAverage?: number | undefined;
  }[],
  nationalLabel: string,
  width = 720,
  height = 360,
): string {
  const line = (name: string, data: (number | null)[], k: number, dash: "solid" | "dashed" | "dotted") => ({
    type: "line",
    name,
    data,
    symbol: SERIES_SYMBOLS[k],
    symbolSize: 10,
    lineStyle: { type: dash, width: 2, color: FILL_COLORS[k] },
    itemStyle: { color: FILL_COLORS[k] },
    label: { show: true, position: k === 0 ? "bottom" : "top", color: TEXT, formatter: oneDecimal },
  });
  return render(
    {
      legend: { top: 0, textStyle: axisText },
      grid: { left: 56, right: 32, top: 56, bottom: 56 },
      xAxis: { type: "category", data: rows.map((r) => yearLabel(r.fiscalYear)), axisLabel: axisText },
      yAxis: { type: "value", scale: true, axisLabel: axisText },
      series: [
        line(
          "本市",
          rows.map((r) => r.own),
          0,
          "solid",
        ),
        line(
          "類似団体平均",
          rows.map((r) => r.peerAverage ?? null),
          1,
          "dashed",
        ),
        line(
          nationalLabel,
          rows.map((r) => r.nationalAverage ?? null),
          2,
          "dotted",
        ),
      ],
    },
    width,
    height,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: echarts label callback parameters
function oneDecimal(p: any): string {
  return typeof p.value === "number" ? formatDecimal(p.value, 1) : "";
}

/** 図表10: excess rate by 部門, simple and corrected averages side by side. */
export function diagnosisChart(lines: DiagnosisLine[], width = 960, height?: number): string {
  const compared = lines.filter((l) => l.simple || l.corrected).reverse();
  const h = height ?? 90 + compared.length * 46;
  const bar = (name: string, k: number, pick: (l: DiagnosisLine) => number | null | undefined) => ({
    type: "bar",
    name,
    data: compared.map((l) => pick(l) ?? null),
    barMaxWidth: 16,
    itemStyle: { color: FILL_COLORS[k], decal: DECALS[k] },
    label: { show: true, position: "right", color: TEXT, fontSize: 11, formatter: rateLabel },
  });
  return render(
    {
      legend: { top: 0, textStyle: axisText },
      grid: { left: 112, right: 72, top: 40, bottom: 40 },
      xAxis: {
        type: "value",
        name: "超過率（%）",
        nameLocation: "middle",
        nameGap: 26,
        axisLabel: axisText,
        nameTextStyle: axisText,
      },
      yAxis: { type: "category", data: compared.map((l) => l.name), axisLabel: axisText },
      series: [
        bar("単純値による超過率", 0, (l) => l.simple?.rate),
        bar("修正値による超過率", 1, (l) => l.corrected?.rate),
      ],
    },
    width,
    h,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: echarts label callback parameters
function rateLabel(p: any): string {
  return typeof p.value === "number" ? `${formatDecimal(p.value, 1)}%` : "";
}

/** Headcount on 1 April under the hiring plan, with the retirees of each year. */
export function projectionChart(rows: ProjectionRow[], width = 960, height = 400): string {
  return render(
    {
      legend: { top: 0, textStyle: axisText },
      grid: { left: 64, right: 72, top: 56, bottom: 56 },
      xAxis: { type: "category", data: rows.map((r) => yearLabel(r.fiscalYear)), axisLabel: axisText },
      yAxis: [
        { type: "value", name: "職員数（人）", nameTextStyle: axisText, axisLabel: axisText },
        {
          type: "value",
          name: "退職者（人）",
          nameTextStyle: axisText,
          axisLabel: axisText,
          splitLine: { show: false },
        },
      ],
      series: [
        {
          type: "bar",
          name: "4月1日の職員数",
          data: rows.map((r) => r.headcount),
          barMaxWidth: 40,
          label: { show: true, position: "top", fontSize: 11, color: TEXT, formatter: countLabel },
        },
        {
          type: "line",
          name: "年度末の定年退職者",
          yAxisIndex: 1,
          data: rows.map((r) => r.retirees),
          symbol: "triangle",
          symbolSize: 10,
          lineStyle: { type: "dashed", width: 2, color: CUD.red },
          itemStyle: { color: CUD.red },
          label: { show: true, position: "top", color: TEXT, formatter: countLabel },
        },
      ],
    },
    width,
    height,
  );
}
