// Benchmark of one indicator chart (src/core/charts/indicator-chart.ts): ~200 varied inputs (1–3 actual lines,
// targets with labels, units, 5–10 years) rendered by ECharts as SVG, every input new (the cache of drawn charts
// never hits). Prints CPU time per chart (process.cpuUsage, so that other load on the machine counts less than
// wall time would), for several rounds after a warm-up.
//   npm run bench:charts            (CHARTS=200 ROUNDS=5 to change the size; OUT=dir writes the first 6 SVGs)
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type IndicatorChartInput, indicatorChart } from "../src/core/charts/indicator-chart.ts";

const count = Number(process.env.CHARTS ?? 200);
const rounds = Number(process.env.ROUNDS ?? 5);

/** A small deterministic generator, so that every run draws the same inputs. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const UNITS = ["人", "%", "千円", "件", "時間", "", "回", "団体"];
const ERAS = ["H27", "H28", "H29", "H30", "R1", "R2", "R3", "R4", "R5", "R6", "R7"];
const ACTUAL_NAMES = [["実績値"], ["実績値（男性）", "実績値（女性）"], ["市内", "市外", "合計"]];

export function benchInputs(n: number): IndicatorChartInput[] {
  const rnd = random(42);
  const inputs: IndicatorChartInput[] = [];
  for (let k = 0; k < n; k++) {
    const years = 5 + Math.floor(rnd() * 6);
    const start = Math.floor(rnd() * (ERAS.length - years + 1));
    const categories = ERAS.slice(start, start + years);
    const unit = UNITS[k % UNITS.length];
    const scale = [1, 100, 10_000, 1_000_000][Math.floor(rnd() * 4)]!;
    const decimals = unit === "%" || unit === "時間";
    const value = (base: number) => {
      const v = base * scale * (0.5 + rnd());
      return decimals ? Math.round(v * 10) / 10 : Math.round(v);
    };
    const names = ACTUAL_NAMES[k % 3]!;
    const actuals = names.map((name, i) => ({
      name,
      values: categories.map((_, y) =>
        y === years - 1 || rnd() < 0.1 ? null : value(1 + y * 0.1 + i * 0.3),
      ),
    }));
    const targetValues = categories.map((_, y) => value(1 + y * 0.12));
    const targets =
      k % 5 === 4
        ? []
        : [
            {
              name: "目標・目安",
              values: targetValues,
              labels: targetValues.map((_, y) => (y === years - 1 ? undefined : null)),
            },
            ...(k % 4 === 0
              ? [{ name: "中間目標", values: targetValues.map((v) => (v === null ? null : v * 0.9)) }]
              : []),
          ];
    inputs.push({ categories, unit, actuals, targets, description: `指標 ${k}：実績値と目標の推移` });
  }
  return inputs;
}

if (process.argv[1]?.endsWith("bench-charts.ts")) main();

function main(): void {
  const inputs = benchInputs(count);
  if (process.env.OUT) {
    mkdirSync(process.env.OUT, { recursive: true });
    for (const [i, input] of inputs.slice(0, 6).entries())
      writeFileSync(join(process.env.OUT, `chart-${i}.svg`), indicatorChart(input));
  }

  /** Renders every input once, each with a description of its own so that none is taken from the cache. */
  function round(r: number): { cpu: number; wall: number } {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const input of inputs) indicatorChart({ ...input, description: `${input.description} #${r}` });
    const c = process.cpuUsage(c0);
    return {
      cpu: (c.user + c.system) / 1000 / inputs.length,
      wall: (performance.now() - t0) / inputs.length,
    };
  }

  round(-1); // warm-up: loading ECharts and compiling
  const results = Array.from({ length: rounds }, (_, r) => round(r));
  for (const [r, { cpu, wall }] of results.entries())
    console.log(
      `round ${r + 1}: ${cpu.toFixed(2)} ms/chart CPU, ${wall.toFixed(2)} ms/chart wall (${inputs.length} charts)`,
    );
  const cpus = results.map((x) => x.cpu).sort((a, b) => a - b);
  console.log(
    `median ${cpus[Math.floor(cpus.length / 2)]!.toFixed(2)} ms/chart CPU, best ${cpus[0]!.toFixed(2)}`,
  );
}
