/** The 個表 (one sheet per item) workbook of the reports, in the cells of report-cells.xlsx.ts. */
import type ExcelJS from "exceljs";
import { sheetName } from "../core/xlsx.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import {
  addSheet,
  borders,
  fitHeight,
  HEAD_FILL,
  headerCell,
  merge,
  printSetup,
  put,
  resultText,
  titleRows,
  valueInto,
} from "./report-cells.xlsx.ts";
import type { Sheet, SheetsModel } from "./sheets.model.ts";

export function sheetsBook(wb: ExcelJS.Workbook, m: SheetsModel): void {
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
