/** A made-up plan scale: S/A/B/C with thresholds ≥ 100 % / ≥ 80 % / ≥ 50 % / below, and three implementation words. */
export function sabcScales() {
  return {
    outcome: {
      grades: [
        { label: "S", symbol: "◎", rule: { atLeast: 100 } },
        { label: "A", symbol: "○", rule: { atLeast: 80 } },
        { label: "B", symbol: "△", rule: { atLeast: 50 } },
        { label: "C", symbol: "×", rule: { otherwise: true as const } },
      ],
    },
    implementation: {
      states: [{ label: "検討中" }, { label: "部分実施" }, { label: "達成", done: true }],
    },
  };
}
