/** The 財政効果額 worksheet of the 集計 workbook: the same model as the page, amounts as numbers in the unit. */
import type ExcelJS from "exceljs";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import type { FiscalEffectLine, FiscalEffectModel } from "./fiscal-effect.model.ts";

const FONT = "BIZ UDPGothic";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export function fiscalEffectSheet(wb: ExcelJS.Workbook, title: string, m: FiscalEffectModel | null): void {
  if (!m) return;
  const ws = wb.addWorksheet("財政効果額");
  ws.columns = [{ width: 34 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }];
  const amountFmt = `#,##0.###"${m.unit}"`;
  let r = 1;
  const cell = (c: number, v: string | number | null, bold = false, fmt?: string) => {
    const x = ws.getCell(r, c);
    x.value = v === null ? "—" : v;
    x.font = { name: FONT, size: 10, bold };
    if (typeof v === "number" && fmt) x.numFmt = fmt;
    if (typeof v === "number" || v === null) x.alignment = { horizontal: "right" };
    return x;
  };
  cell(1, title, true);
  r++;
  cell(
    1,
    `単位：${m.unit}。${warekiFiscalYear(m.periodStart)}から${warekiFiscalYear(m.fiscalYear)}までの累計。実績未報告は 0 ではなく「—」。計画期間全体の計画額：${m.periodPlanned ?? "—"}${m.unit}`,
  );
  r += 2;
  if (m.target) {
    cell(1, `財政効果額の目標（${warekiFiscalYear(m.fiscalYear)}の評価）`, true);
    r++;
    cell(1, `目標「${m.target.text}」：${m.target.result}`);
    r++;
    cell(1, m.target.explanation);
    r += 2;
  }
  const table = (caption: string, head: string[], rows: (string | number | null)[][]) => {
    cell(1, caption, true);
    r++;
    head.forEach((h, i) => {
      const x = cell(i + 1, h, true);
      x.border = THIN;
      x.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFECECF1" } };
    });
    r++;
    for (const row of rows) {
      row.forEach((v, i) => {
        const fmt =
          i === 0
            ? undefined
            : head[i] === "達成率"
              ? '0.0"%"'
              : head[i] === "実績未報告"
                ? '0"件"'
                : amountFmt;
        cell(i + 1, v, false, fmt).border = THIN;
      });
      r++;
    }
    r++;
  };
  const head = (first: string) => [first, "計画", "実績", "達成率", "実績未報告"];
  const rows = (lines: FiscalEffectLine[]) =>
    lines.map((l) => [l.label, l.planned, l.actual, l.rate, l.actualMissing || ""]);
  table("計画全体", head("区分"), rows([{ label: "合計", ...m.toDate }, ...m.byKind]));
  for (const l of m.byLevel) if (l.lines.length) table(`${l.level}別`, head(l.level), rows(l.lines));
  if (m.byDepartment.length) table("所管課別", head("所管課"), rows(m.byDepartment));
  table(
    "年度別",
    ["年度", "計画", "実績", "計画（累計）", "実績（累計）"],
    m.byYear.map((y) => [
      warekiFiscalYear(y.fiscalYear),
      y.planned,
      y.actual,
      y.cumulativePlanned,
      y.cumulativeActual,
    ]),
  );
  ws.pageSetup = {
    paperSize: 9 as ExcelJS.PaperSize,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}
