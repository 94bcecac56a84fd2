/** What the readers of the Chitose tables share: the reading context, cells, year headers and counts. */
import type { Finding } from "../../core/findings.ts";
import type { StaffingProblem } from "../../core/staffing-document/index.ts";
import { eraToWestern } from "../../domain/fiscal-year.ts";

export const CHITOSE = { code: "012246", name: "千歳市" } as const;

export type Ctx = { file: string; lines: string[]; findings: Finding[]; problems: StaffingProblem[] };

export const cells = (line: string) => line.split("\t").map((c) => c.trim());

/** "平17 (2005)", "平成31 (2019)", "令7 (2025)", "R5年度 (2023)" → the western year, checked against the era. */
export function yearHeader(ctx: Ctx, label: string, line: number): number | null {
  const m = /^(平成|平|令和|令|昭和|R|H)\s*(\d+)(?:年度)?\s*\((\d{4})\)$/.exec(
    label.replace(/\s+/g, " ").trim(),
  );
  if (!m) return null;
  const era =
    m[1]!.startsWith("平") || m[1] === "H"
      ? "平成"
      : m[1]!.startsWith("令") || m[1] === "R"
        ? "令和"
        : "昭和";
  const western = Number(m[3]);
  const fromEra = eraToWestern(era, Number(m[2]));
  if (fromEra !== western) {
    ctx.findings.push({
      file: ctx.file,
      line,
      column: label,
      code: "staffing.year-label-mismatch",
      subject: `列「${label}」`,
      expected: String(fromEra),
      found: String(western),
      message: `列「${label}」の和暦は ${fromEra}年度、西暦は ${western}年度です。西暦の ${western}年度として読みました`,
      severity: "warning",
    });
  }
  return western;
}

/** A headcount cell: "1,055" → 1055, "" → null; anything else is a problem naming line and column. */
export function countCell(ctx: Ctx, text: string, line: number, column: string, row: string): number | null {
  const t = text.replace(/^\((.*)\)$/, "$1").trim();
  if (t === "") return null;
  if (/^[▲△-]\s*\d/.test(t)) {
    ctx.problems.push({
      path: `行 ${line}`,
      where: `${ctx.file} 行 ${line} 列「${column}」`,
      message: `「${row}」の人数「${text}」が負の数です`,
    });
    return null;
  }
  if (!/^\d{1,3}(,\d{3})*$|^\d+$/.test(t)) {
    ctx.problems.push({
      path: `行 ${line}`,
      where: `${ctx.file} 行 ${line} 列「${column}」`,
      message: `「${row}」の人数「${text}」が数値として読めません`,
    });
    return null;
  }
  return Number(t.replace(/,/g, ""));
}

export function findLine(lines: string[], test: (l: string) => boolean, from = 0): number {
  for (let i = from; i < lines.length; i++) if (test(lines[i]!)) return i;
  return -1;
}

export const num = (t: string | undefined) => (t === undefined ? NaN : Number(t.replace(/,/g, "")));
