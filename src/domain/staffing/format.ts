/** Numbers as municipal staffing tables print them: 1,104 · ▲10 · ▲33.3 · blank for no change. */

/** @example formatCount(1104) === "1,104"; formatCount(-10) === "▲10" */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return "";
  const abs = Math.abs(n).toLocaleString("ja-JP");
  return n < 0 ? `▲${abs}` : abs;
}

/** A change or excess: blank when zero, as 図表10 leaves it (議会 B−A, 労働 修正値 超過数). */
export function formatChange(n: number | null | undefined): string {
  return n === 0 ? "" : formatCount(n);
}

/** @example formatDecimal(-33.3, 1) === "▲33.3"; formatDecimal(0, 1) === "0.0" */
export function formatDecimal(n: number | null | undefined, places: number): string {
  if (n === null || n === undefined) return "";
  const text = Math.abs(n).toLocaleString("ja-JP", {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  });
  return n < 0 ? `▲${text}` : text;
}
