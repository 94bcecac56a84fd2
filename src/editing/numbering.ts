/**
 * Numbering styles of plan items as Japanese plans write them: ① ② (取組項目), (1) (2) (取組方針),
 * 1 2 (基本目標), Ⅰ Ⅱ (札幌). Renumbering keeps a level's style and puts its numbers in order. Pure.
 */
export type NumberingStyle = "circled" | "paren" | "arabic" | "roman" | "fullwidth";

export const STYLE_LABELS: Record<NumberingStyle, string> = {
  circled: "①②③",
  paren: "(1)(2)(3)",
  arabic: "1 2 3",
  roman: "Ⅰ Ⅱ Ⅲ",
  fullwidth: "１ ２ ３",
};

/** The nth number (1-based) in a style. @example formatNumberIn("circled", 3) === "③" */
export function formatNumberIn(style: NumberingStyle, n: number): string {
  switch (style) {
    case "circled":
      if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
      if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
      if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
      return `(${n})`;
    case "paren":
      return `(${n})`;
    case "arabic":
      return String(n);
    case "roman":
      return n >= 1 && n <= 12 ? String.fromCodePoint(0x2160 + n - 1) : String(n);
    case "fullwidth":
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
  }
}

/** The style a number is written in, or undefined when it is none of them. @example detectStyle("(2)") === "paren" */
export function detectStyle(number: string | null | undefined): NumberingStyle | undefined {
  const s = (number ?? "").trim();
  if (/^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]$/.test(s)) return "circled";
  if (/^[(（]\s*[0-9０-９]+\s*[)）]$/.test(s)) return "paren";
  if (/^[0-9]+$/.test(s)) return "arabic";
  if (/^[０-９]+$/.test(s)) return "fullwidth";
  if (/^[\u2160-\u216b]$/.test(s)) return "roman";
  return undefined;
}

/** Numbers for n items in order. @example renumber("circled", 3) → ["①", "②", "③"] */
export function renumber(style: NumberingStyle, count: number): string[] {
  return Array.from({ length: count }, (_, i) => formatNumberIn(style, i + 1));
}
