/**
 * Reports as Excel workbooks (exceljs): the same models as the pages, with grouped headers merged, numbers
 * stored as numbers with their unit in the number format (157.1 shows as 157.1時間), and every worksheet set
 * up to print on A4 landscape, one page wide, with its header rows repeated on each page.
 */
import type ExcelJS from "exceljs";
import { newWorkbook } from "../core/xlsx.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import type { ReportModel } from "./build-report.ts";
import { fiscalEffectSheet } from "./fiscal-effect.xlsx.ts";
import { bothYears, yearHeading } from "./format.ts";
import { columnText } from "./grades.ts";
import {
  addSheet,
  borders,
  fitHeight,
  headerCell,
  merge,
  printSetup,
  put,
  resultText,
  titleRows,
  valueInto,
} from "./report-cells.xlsx.ts";
import type { RoadmapModel } from "./roadmap.model.ts";
import { sheetsBook } from "./sheets.xlsx.ts";
import type { SummaryModel } from "./summary.model.ts";
import type { TallyLine, TallyModel, TallySection } from "./tally.model.ts";
import { effectTotalText } from "./views/fiscal-effect.view.tsx";
import { statusHeading } from "./views/tally.view.tsx";

export async function reportXlsx(report: ReportModel): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = "gyokaku";
  wb.title = report.model.title;
  wb.created = new Date(0);
  switch (report.kind) {
    case "summary":
      summarySheet(wb, report.model);
      break;
    case "sheets":
      sheetsBook(wb, report.model);
      break;
    case "tally":
      tallyBook(wb, report.model);
      break;
    case "roadmap":
      roadmapSheet(wb, report.model);
      break;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------- summary

function summarySheet(wb: ExcelJS.Workbook, m: SummaryModel): void {
  const L = m.levels.length;
  const Y = m.years.length;
  const widths = [...m.levels.map(() => 16), 28, 11, 14, ...m.years.map(() => 11), 12, 48];
  const ws = addSheet(wb, "取組状況一覧", widths);
  const cInd = L + 1;
  const cBase = L + 2;
  const cTarget = L + 3;
  const cYear = L + 4;
  const cResult = cYear + Y;
  const cRule = cResult + 1;
  titleRows(ws, m, cRule);
  m.levels.forEach((l, i) => {
    headerCell(ws, 3, i + 1, l, [4, i + 1]);
  });
  headerCell(ws, 3, cInd, "指標", [4, cInd]);
  headerCell(ws, 3, cBase, m.baselineYear ? `初期値\n(${m.baselineYear}年度)` : "初期値", [4, cBase]);
  headerCell(ws, 3, cTarget, "目標", [4, cTarget]);
  headerCell(ws, 3, cYear, "実績値", [3, cYear + Y - 1]);
  m.years.forEach((fy, i) => {
    const y = yearHeading(fy);
    headerCell(ws, 4, cYear + i, `${y.short}\n${y.western}`);
  });
  headerCell(ws, 3, cResult, `評価（${warekiFiscalYear(m.fiscalYear)}）`, [3, cRule]);
  headerCell(ws, 4, cResult, "結果");
  headerCell(ws, 4, cRule, "判定の根拠");
  ws.getRow(4).height = 28;

  let r = 5;
  for (const row of m.rows) {
    row.levels.forEach((cell, i) => {
      if (cell.rowSpan === 0) return;
      put(ws.getCell(r, i + 1), cell.text);
      if (cell.rowSpan > 1) merge(ws, r, i + 1, r + cell.rowSpan - 1, i + 1);
    });
    const tags = [row.seriesLabel ? `［${row.seriesLabel}］` : "", row.crossListed ? "［再掲］" : ""].join(
      "",
    );
    put(ws.getCell(r, cInd), `${row.indicator}${tags}`);
    valueInto(ws.getCell(r, cBase), row.baseline);
    put(ws.getCell(r, cTarget), row.target, {}, { vertical: "top", horizontal: "center", wrapText: true });
    row.actuals.forEach((v, i) => {
      valueInto(ws.getCell(r, cYear + i), v);
    });
    put(ws.getCell(r, cResult), resultText(row.result), { bold: true });
    put(ws.getCell(r, cRule), row.result?.explanation ?? "", { size: 8 });
    fitHeight(ws, r);
    r++;
  }
  borders(ws, 3, 1, r - 1, cRule);
  if (m.fiscalEffects) put(ws.getCell(r++, 1), effectTotalText(m.fiscalEffects), { bold: true });
  ws.views = [{ state: "frozen", xSplit: cInd, ySplit: 4 }];
  printSetup(ws, r - 1, cRule, [3, 4]);
}

// ---------------------------------------------------------------------------------------------- sheets
// ---------------------------------------------------------------------------------------------- tally

function tallyBook(wb: ExcelJS.Workbook, m: TallyModel): void {
  const note = `・増減は${bothYears(m.previousYear)}との比較`;
  tallySheet(wb, m, "達成度", "achievement", m.achievement, note);
  tallySheet(wb, m, "着手状況", "implementation", m.implementation, note);
  fiscalEffectSheet(wb, m.title, m.fiscalEffects);
}

function tallySheet<S extends string>(
  wb: ExcelJS.Workbook,
  m: TallyModel,
  name: string,
  kind: "achievement" | "implementation",
  section: TallySection<S>,
  note: string,
): void {
  const S = section.statuses.length;
  const lastCol = 1 + 2 * (S + 1);
  const ws = addSheet(wb, name, [34, ...Array(2 * (S + 1)).fill(7.5)]);
  titleRows(ws, m, lastCol, note);
  let r = 4;
  const table = (caption: string, head: string, lines: TallyLine<S>[], total?: TallyLine<S>) => {
    merge(ws, r, 1, r, lastCol);
    put(ws.getCell(r, 1), `${caption}（単位：${section.unit}の件数）`, { bold: true });
    r++;
    const top = r;
    headerCell(ws, r, 1, head, [r + 1, 1]);
    section.statuses.forEach((s, i) => {
      headerCell(ws, r, 2 + 2 * i, statusHeading(kind, s, section.headings), [r, 3 + 2 * i]);
      headerCell(ws, r + 1, 2 + 2 * i, "件数");
      headerCell(ws, r + 1, 3 + 2 * i, "増減");
    });
    headerCell(ws, r, 2 + 2 * S, "合計", [r, 3 + 2 * S]);
    headerCell(ws, r + 1, 2 + 2 * S, "件数");
    headerCell(ws, r + 1, 3 + 2 * S, "増減");
    r += 2;
    const line = (l: TallyLine<S>, bold = false) => {
      put(ws.getCell(r, 1), l.label, { bold });
      const counts = [...l.changes.map((c) => [c.current, c.change]), [l.total, l.total - l.previousTotal]];
      counts.forEach(([count, change], i) => {
        const a = put(ws.getCell(r, 2 + 2 * i), count!, { bold }, { horizontal: "right" });
        a.numFmt = '#,##0"件"';
        const b = put(ws.getCell(r, 3 + 2 * i), change!, {}, { horizontal: "right" });
        b.numFmt = '"+"#,##0;"▲"#,##0;"±0"';
      });
      fitHeight(ws, r);
      r++;
    };
    for (const l of lines) line(l);
    if (total && lines.length > 1) line({ ...total, label: "合計" }, true);
    borders(ws, top, 1, r - 1, lastCol);
    r++;
  };
  table("計画全体", "区分", [section.overall]);
  for (const l of section.byLevel)
    if (l.lines.length) table(`${l.level}別`, l.level, l.lines, section.overall);
  if (section.byDepartment.length) table("所管課別", "所管課", section.byDepartment);
  if (kind === "achievement") {
    put(ws.getCell(r, 1), `凡例：${m.legend.map(columnText).join("　")}　増減：▲は減少`, { size: 8 });
    r++;
  }
  printSetup(ws, r - 1, lastCol, [1, 2]);
}

// ---------------------------------------------------------------------------------------------- roadmap

function roadmapSheet(wb: ExcelJS.Workbook, m: RoadmapModel): void {
  const Y = m.years.length;
  const lastCol = 2 + Math.max(Y, 1);
  const ws = addSheet(wb, "工程表", [30, 16, ...m.years.map(() => 28)]);
  titleRows(ws, m, lastCol);
  headerCell(ws, 3, 1, "項目", [4, 1]);
  headerCell(ws, 3, 2, "所管課", [4, 2]);
  if (Y > 0) {
    headerCell(ws, 3, 3, "年度", [3, 2 + Y]);
    m.years.forEach((fy, i) => {
      headerCell(ws, 4, 3 + i, `${m.yearLabels[i]}\n${fy}年度`);
    });
  }
  ws.getRow(4).height = 28;
  const words = { plan: "", next_year_plan: "次年度の取組", target: "目標", result: "実績" } as const;
  let r = 5;
  for (const row of m.rows) {
    put(ws.getCell(r, 1), row.context ? `${row.context}\n${row.title}` : row.title);
    put(ws.getCell(r, 2), row.departments.join("、"));
    row.cells.forEach((entries, i) => {
      const text = entries
        .map((e) => {
          const tag = `${words[e.kind]}${e.status ? `〈${e.status}〉` : ""}`;
          return tag && e.text ? `${tag}\n${e.text}` : tag || e.text;
        })
        .join("\n");
      put(ws.getCell(r, 3 + i), text, { size: 8 });
    });
    fitHeight(ws, r);
    r++;
  }
  borders(ws, 3, 1, Math.max(4, r - 1), lastCol);
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: 4 }];
  printSetup(ws, Math.max(4, r - 1), lastCol, [3, 4]);
}
