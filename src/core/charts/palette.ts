/**
 * Colours safe for colour-vision differences: the Color Universal Design (CUD) recommended set, ver. 4
 * (カラーユニバーサルデザイン推奨配色セット). Colour never carries meaning alone: every series also has its
 * own marker shape and line style, and values are printed as labels.
 */
export const CUD = {
  blue: "#005AFF",
  red: "#FF4B00",
  green: "#03AF7A",
  orange: "#F6AA00",
  skyBlue: "#4DC4FF",
  purple: "#990099",
  brown: "#804000",
  pink: "#FF8082",
  black: "#000000",
  gray: "#84919E",
  lightGray: "#C8C8CB",
} as const;

/** Series colours in the order they are given out: the most distinguishable pairs first. */
export const SERIES_COLORS = [CUD.blue, CUD.red, CUD.green, CUD.purple, CUD.brown, CUD.orange] as const;

/** Marker shapes in the same order, so that the second series differs from the first by shape as well. */
export const SERIES_SYMBOLS = ["circle", "rect", "diamond", "triangle", "pin", "roundRect"] as const;

/** Targets and expected paths: dark and dashed, with a marker no actual series uses. */
export const TARGET_STYLE = { color: "#333333", symbol: "emptyTriangle" } as const;

/** Text in charts: the UD font the pages use, dark enough for WCAG AA on white. */
export const CHART_FONT = "'BIZ UDPGothic', sans-serif";
export const TEXT_COLOR = "#1a1a1c";

/** Colours for areas and bars (stacked groups): the series colours, then lighter ones of the same set. */
export const FILL_COLORS = [...SERIES_COLORS, CUD.skyBlue, CUD.pink, CUD.gray, CUD.black] as const;
