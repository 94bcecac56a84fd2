/**
 * Reports as Excel workbooks (exceljs): the same models as the pages, with grouped headers merged, numbers
 * stored as numbers with their unit in the number format (157.1 shows as 157.1時間), and every worksheet set
 * up to print on A4 landscape, one page wide, with its header rows repeated on each page.
 */
import type ExcelJS from "exceljs";
import { newWorkbook, sheetName } from "../core/xlsx.ts";
import { STATUS_LABELS, STATUS_SYMBOLS } from "../domain/evaluation/index.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import type { ReportModel } from "./build-report.ts";
import { fiscalEffectSheet } from "./fiscal-effect.xlsx.ts";
import { bothYears, numberFormat, type ValueCell, yearHeading } from "./format.ts";
import type { ReportHead } from "./report.model.ts";
import type { RoadmapModel } from "./roadmap.model.ts";
import type { Sheet, SheetsModel } from "./sheets.model.ts";
import type { ResultCell, SummaryModel } from "./summary.model.ts";
import type { TallyLine, TallyModel, TallySection } from "./tally.model.ts";
import { effectTotalText } from "./views/fiscal-effect.view.tsx";
import { statusHeading } from "./views/tally.view.tsx";

const FONT = "BIZ UDPGothic";
const A4 = 9 as ExcelJS.PaperSize;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFECECF1" } };

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

// ---------------------------------------------------------------------------------------------- helpers

function addSheet(wb: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: A4,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L&8${name.replace(/&/g, "&&")}&R&8&P / &N` },
  });
  ws.columns = widths.map((width) => ({ width, style: { font: { name: FONT, size: 9 } } }));
  return ws;
}

/** Title and meta line above a table, merged across its width. */
function titleRows(ws: ExcelJS.Worksheet, head: ReportHead, lastCol: number, note = ""): void {
  merge(ws, 1, 1, 1, lastCol);
  merge(ws, 2, 1, 2, lastCol);
  put(ws.getCell(1, 1), head.title, { bold: true, size: 13 });
  put(
    ws.getCell(2, 1),
    `${head.municipality}（${head.municipalityCode}）・${head.planTitle}・対象年度 ${bothYears(head.fiscalYear)}${note}`,
    { size: 9 },
  );
  ws.getRow(1).height = 22;
}

function put(
  cell: ExcelJS.Cell,
  value: ExcelJS.CellValue,
  font: Partial<ExcelJS.Font> = {},
  align: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true },
): ExcelJS.Cell {
  cell.value = value;
  cell.font = { name: FONT, size: 9, ...font };
  cell.alignment = align;
  return cell;
}

function headerCell(ws: ExcelJS.Worksheet, row: number, col: number, text: string, span?: [number, number]) {
  if (span && (span[0] > row || span[1] > col)) merge(ws, row, col, span[0], span[1]);
  const cell = put(
    ws.getCell(row, col),
    text,
    { bold: true },
    { vertical: "middle", horizontal: "center", wrapText: true },
  );
  cell.fill = HEAD_FILL;
}

function valueInto(cell: ExcelJS.Cell, v: ValueCell): void {
  if (v.number !== undefined) {
    put(cell, v.number, {}, { vertical: "top", horizontal: "right" });
    cell.numFmt = numberFormat(v.unit, v.decimals);
  } else {
    put(
      cell,
      v.unreadable ? `${v.text}（読取不可：${v.unreadable}）` : v.text,
      {},
      {
        vertical: "top",
        horizontal: "center",
        wrapText: true,
      },
    );
  }
}

function resultText(r: ResultCell | null): string {
  if (!r) return "";
  const computed = r.computed ? `（評価者の判定。計算：${r.computed.symbol} ${r.computed.label}）` : "";
  return `${r.symbol} ${r.label}${computed}`;
}

/** Thin borders on every cell of a block. */
function borders(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).border = THIN;
}

/** Merged blocks by their top-left cell, so that row heights can be estimated from the merged width. */
const MERGES = new WeakMap<ExcelJS.Worksheet, Map<string, { rows: number; cols: number }>>();

function merge(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  ws.mergeCells(top, left, bottom, right);
  const m = MERGES.get(ws) ?? new Map<string, { rows: number; cols: number }>();
  MERGES.set(ws, m);
  m.set(`${top}:${left}`, { rows: bottom - top + 1, cols: right - left + 1 });
}

/**
 * Excel does not fit row heights to wrapped text on opening; estimate them from the text, the font size and
 * the (merged) column width. A column width unit is about one digit of 11pt text; a full-width character is
 * two of those at 11pt, fewer at the 8–9pt the reports use.
 */
function fitHeight(ws: ExcelJS.Worksheet, rowNo: number, minHeight = 15): void {
  const row = ws.getRow(rowNo);
  const merges = MERGES.get(ws);
  let height = minHeight;
  row.eachCell((cell, col) => {
    if (cell.isMerged && cell.master !== cell) return;
    const span = merges?.get(`${rowNo}:${col}`);
    if (span && span.rows > 1) return;
    let width = 0;
    for (let c = col; c < col + (span?.cols ?? 1); c++) width += ws.getColumn(c).width ?? 10;
    const size = cell.font?.size ?? 9;
    const perChar = (ch: string) => ((ch.charCodeAt(0) > 0xff ? 2 : 1.1) * size) / 11;
    const lines = (cell.text ?? "").split("\n").reduce((sum, line) => {
      const units = [...line].reduce((u, ch) => u + perChar(ch), 0);
      return sum + Math.max(1, Math.ceil(units / Math.max(2, width - 0.8)));
    }, 0);
    height = Math.max(height, lines * (size * 1.35 + 1) + 3);
  });
  row.height = Math.min(409, height);
}

function colName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function printSetup(
  ws: ExcelJS.Worksheet,
  lastRow: number,
  lastCol: number,
  titles?: [number, number],
): void {
  ws.pageSetup.printArea = `A1:${colName(lastCol)}${lastRow}`;
  if (titles) ws.pageSetup.printTitlesRow = `${titles[0]}:${titles[1]}`;
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

function sheetsBook(wb: ExcelJS.Workbook, m: SheetsModel): void {
  const used = new Set<string>();
  for (const [i, s] of m.sheets.entries()) sheetPage(wb, m, s, sheetName(`${i + 1} ${s.title}`, used));
  if (m.sheets.length === 0) {
    const ws = addSheet(wb, "個票", [80]);
    titleRows(ws, m, 1);
    put(ws.getCell(3, 1), "個票にする項目がありません。");
  }
}

function sheetPage(wb: ExcelJS.Workbook, m: SheetsModel, s: Sheet, name: string): void {
  const Y = m.years.length;
  const lastCol = Math.max(2 + Y, 5);
  const ws = addSheet(wb, name, [18, 13, ...m.years.map(() => 13), ...Array(Math.max(0, 3 - Y)).fill(13)]);
  merge(ws, 1, 1, 1, lastCol);
  merge(ws, 2, 1, 2, lastCol);
  put(ws.getCell(1, 1), s.headings.map((h) => `${h.level} ${h.text}`.trim()).join(" › "), { size: 9 });
  put(
    ws.getCell(2, 1),
    `${s.level ? `${s.level} ` : ""}${s.title}　（${m.title}　着手状況：${s.implementation.symbol} ${s.implementation.label}）`,
    { bold: true, size: 12 },
  );
  fitHeight(ws, 1);
  fitHeight(ws, 2, 20);
  let r = 3;
  const kv = (label: string, text: string | undefined) => {
    put(ws.getCell(r, 1), label, { bold: true });
    ws.getCell(r, 1).fill = HEAD_FILL;
    merge(ws, r, 2, r, lastCol);
    put(ws.getCell(r, 2), text ?? "—");
    borders(ws, r, 1, r, lastCol);
    fitHeight(ws, r);
    r++;
  };
  if (s.crossListingOf) kv("再掲", s.crossListingOf);
  for (const [k, v] of s.attributes) kv(k, v);
  if (s.departments.length) kv("所管課", s.departments.join("、"));
  kv("取組内容", s.description);
  for (const [heading, text] of s.texts) if (heading !== "備考") kv(heading, text);
  for (const ind of s.indicators) {
    r++;
    merge(ws, r, 1, r, lastCol);
    put(
      ws.getCell(r, 1),
      `指標${ind.number ?? ""} ${ind.name}${ind.departments.length ? `　所管課：${ind.departments.join("、")}` : ""}`,
      { bold: true },
    );
    r++;
    const top = r;
    headerCell(ws, r, 1, "区分");
    headerCell(ws, r, 2, ind.baselineYear ? `初期値\n(${ind.baselineYear}年度)` : "初期値");
    m.years.forEach((fy, i) => {
      headerCell(ws, r, 3 + i, `${warekiFiscalYear(fy)}\n${fy}年度`);
    });
    ws.getRow(r).height = 28;
    r++;
    for (const ser of ind.series) {
      const suffix = ser.series ? `（${ser.series}）` : "";
      put(ws.getCell(r, 1), `目標${suffix}`);
      ser.targets.forEach((t, i) => {
        put(ws.getCell(r, 3 + i), t ?? "", {}, { vertical: "top", horizontal: "center", wrapText: true });
      });
      fitHeight(ws, r);
      r++;
      put(ws.getCell(r, 1), `実績値${suffix}`);
      valueInto(ws.getCell(r, 2), ser.baseline);
      ser.actuals.forEach((v, i) => {
        valueInto(ws.getCell(r, 3 + i), v);
      });
      r++;
    }
    borders(ws, top, 1, r - 1, 2 + Y);
    for (const ser of ind.series) {
      put(
        ws.getCell(r, 1),
        `${warekiFiscalYear(m.fiscalYear)}の評価${ser.series ? `（${ser.series}）` : ""}`,
        {
          bold: true,
        },
      );
      put(ws.getCell(r, 2), resultText(ser.result), { bold: true });
      merge(ws, r, 3, r, lastCol);
      put(ws.getCell(r, 3), ser.result.explanation, { size: 8 });
      fitHeight(ws, r);
      r++;
    }
  }
  if (s.page) {
    if (s.page.plans.length) {
      r++;
      put(ws.getCell(r, 1), "取組計画", { bold: true });
      r++;
      const top = r;
      s.page.plans.forEach((p, i) => {
        headerCell(ws, r, 1 + i, p.label);
        put(
          ws.getCell(r + 1, 1 + i),
          p.entries.map((e) => `${e.status ? `〈${e.status}〉\n` : ""}${e.text}`).join("\n"),
          { size: 8 },
        );
      });
      fitHeight(ws, r + 1);
      r += 2;
      borders(ws, top, 1, r - 1, s.page.plans.length);
    }
    if (s.page.history.length) {
      r++;
      put(ws.getCell(r, 1), "これまでの取組計画・実績", { bold: true });
      r++;
      const top = r;
      const mid = 2 + Math.floor((lastCol - 1) / 2);
      headerCell(ws, r, 1, "区分");
      headerCell(ws, r, 2, "取組計画", [r, mid - 1]);
      headerCell(ws, r, mid, "取組実績", [r, lastCol]);
      r++;
      for (const h of s.page.history) {
        const text = (list: { status?: string | undefined; text: string }[]) =>
          list.map((e) => `${e.status ? `〈${e.status}〉\n` : ""}${e.text}`).join("\n") || "—";
        put(ws.getCell(r, 1), `${h.label}\n${h.fiscalYear}年度`);
        merge(ws, r, 2, r, mid - 1);
        put(ws.getCell(r, 2), text(h.plan), { size: 8 });
        merge(ws, r, mid, r, lastCol);
        put(ws.getCell(r, mid), text(h.result), { size: 8 });
        fitHeight(ws, r);
        r++;
      }
      borders(ws, top, 1, r - 1, lastCol);
    }
  }
  r++;
  if (s.progress || s.indicators.length) {
    kv(`${warekiFiscalYear(m.fiscalYear)}取組状況`, s.progress?.narrative);
    kv(`実績値を踏まえた${warekiFiscalYear(m.fiscalYear + 1)}の取組内容`, s.progress?.nextYearPlan);
  }
  for (const [heading, text] of s.texts) if (heading === "備考") kv(heading, text);
  printSetup(ws, r - 1, lastCol, [1, 2]);
}

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
    put(
      ws.getCell(r, 1),
      `凡例：${Object.entries(STATUS_SYMBOLS)
        .map(([s, sym]) => `${sym} ${STATUS_LABELS[s as keyof typeof STATUS_LABELS]}`)
        .join("　")}　増減：▲は減少`,
      { size: 8 },
    );
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
