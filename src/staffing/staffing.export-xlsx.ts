/**
 * Reports as workbooks: one value per cell, header in row 1, numbers without units; a figure that cannot
 * be computed is an empty cell (never 0), with the reason in its own column where the report has one.
 */
import type ExcelJS from "exceljs";
import { newWorkbook } from "../core/xlsx.ts";
import { warekiFiscalYear } from "../domain/fiscal-year.ts";
import type {
  DiagnosisView,
  HeadcountView,
  PlanView,
  PopulationView,
  RetirementView,
} from "./staffing.reports.ts";

export type View =
  | { kind: "headcount"; view: HeadcountView }
  | { kind: "population"; view: PopulationView }
  | { kind: "diagnosis"; view: DiagnosisView }
  | { kind: "retirement"; view: RetirementView }
  | { kind: "plan"; view: PlanView };

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: (string | number | null | undefined)[][],
) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((x) => (x === undefined ? null : x)));
  ws.columns.forEach((c, i) => {
    c.width = Math.max(10, Math.min(40, (header[i]?.length ?? 4) * 2 + 2));
  });
  return ws;
}

/** Staff per 10,000 for every total, the population and its date on each row (the same basis everywhere). */
function per10kSheet(wb: ExcelJS.Workbook, d: DiagnosisView) {
  sheet(
    wb,
    "人口1万人当たり",
    [
      "区分",
      "職員数",
      "人口",
      "人口の基準日",
      "人口1万人当たり職員数",
      "類似団体 単純値",
      "類似団体 修正値",
      "欠けている値",
    ],
    d.per10k.map((t) => [
      t.total,
      t.staff,
      d.population,
      d.populationAsOf,
      t.per10k,
      t.peerSimple,
      t.peerCorrected,
      t.missing,
    ]),
  );
}

/** 定員適正化計画: one sheet per scope, one row per year; a figure that cannot be computed is left empty. */
function planSheets(wb: ExcelJS.Workbook, view: PlanView) {
  view.lines.forEach((line, i) => {
    sheet(
      wb,
      `計画${i + 1}`.slice(0, 31),
      [
        "対象",
        "年度",
        "和暦",
        "目標",
        "実績（4月1日）",
        "差（実績−目標）",
        "基準年度からの増減（目標）",
        "率%（目標）",
        "基準年度からの増減（実績）",
        "率%（実績）",
        "前年度からの増減",
        "欠けている値",
      ],
      line.years.map((y) => [
        line.scope,
        y.fiscalYear,
        warekiFiscalYear(y.fiscalYear),
        y.target,
        y.actual,
        y.difference,
        y.targetChange,
        y.targetRate,
        y.actualChange,
        y.actualRate,
        y.previousChange,
        y.missing.join("。") || undefined,
      ]),
    );
  });
  sheet(
    wb,
    "採用と退職",
    ["年度", "和暦", "採用計画", "定年以外の退職（計画）", "採用（実績）", "退職（実績）"],
    view.movements.map((m) => [
      m.fiscalYear,
      warekiFiscalYear(m.fiscalYear),
      m.plannedHires,
      m.plannedOtherLeavers,
      m.hires,
      m.leavers,
    ]),
  );
}

/** 図表4: headcount by unit and year as the page shows it, and how the document labelled its columns. */
function headcountSheets(wb: ExcelJS.Workbook, h: HeadcountView) {
  sheet(
    wb,
    "部局別職員数",
    [
      "組織",
      "行の種類",
      "部門",
      ...h.years.map((y) => h.yearLabels.get(y)?.label ?? `${y}年度`),
      ...(h.quotaYear !== undefined ? [`定数（${h.quotaYear}年度）`] : []),
    ],
    h.rows.map((r) => [
      `${"　".repeat(r.depth)}${r.label}`,
      { unit: "組織", group: "小計", total: "合計", breakdown: "内数" }[r.kind],
      r.sector,
      ...r.values,
      ...(h.quotaYear !== undefined ? [r.quota] : []),
    ]),
  );
  if (h.yearLabels.size > 0)
    sheet(
      wb,
      "列の表記",
      ["列（資料の表記）", "集計した年度", "注記"],
      [...h.yearLabels].map(([y, l]) => [l.label, y, l.note]),
    );
}

/** Staff against population, per 10,000 by 区分, the 類似団体 and ラスパイレス指数. */
function populationSheets(wb: ExcelJS.Workbook, p: PopulationView) {
  sheet(
    wb,
    "職員数と人口",
    ["年度", "和暦", p.staffLabel, "人口", "人口の基準日", "人口1万人当たり職員数", "欠けている値"],
    p.rows.map((r) => [
      r.fiscalYear,
      warekiFiscalYear(r.fiscalYear),
      r.staff,
      r.population,
      r.populationAsOf,
      r.per10k,
      r.missing,
    ]),
  );
  if (p.diagnosis) per10kSheet(wb, p.diagnosis);
  sheet(
    wb,
    "類似団体",
    [
      "年度",
      "類型",
      "都道府県",
      "団体名",
      "自団体",
      "住基人口",
      "普通会計職員数",
      "人口1万当たり",
      "一般行政部門職員数",
      "人口1万当たり",
    ],
    p.peers.flatMap((c) => [
      ...c.rows.map((r) => [
        c.fiscalYear,
        c.group,
        r.prefecture,
        r.name,
        r.self ? "○" : "",
        r.population,
        r.ordinaryAccount,
        r.ordinaryPer10k,
        r.generalAdministration,
        r.generalPer10k,
      ]),
      ...(c.groupAverage
        ? [
            [
              c.fiscalYear,
              c.group,
              null,
              `${c.group} 合計`,
              "",
              c.groupAverage.population,
              c.groupAverage.ordinaryAccount,
              c.groupAverage.ordinaryPer10k,
              c.groupAverage.generalAdministration,
              c.groupAverage.generalPer10k,
            ],
          ]
        : []),
    ]),
  );
  sheet(
    wb,
    "ラスパイレス指数",
    ["年度", "本市", "類似団体平均", "全国平均", "全国平均の名称", "類似団体との差", "全国平均との差"],
    p.laspeyres.map((r) => [
      r.fiscalYear,
      r.own,
      r.peerAverage,
      r.nationalAverage,
      r.nationalLabel,
      r.againstPeers,
      r.againstNation,
    ]),
  );
}

/** 定員管理診断表 with per 10,000 and the conditions it was computed under. */
function diagnosisSheets(wb: ExcelJS.Workbook, d: DiagnosisView) {
  const m = d.municipality;
  sheet(
    wb,
    "定員管理診断表",
    [
      "部門",
      `職員数A（${d.previousYear}年4月1日）`,
      `職員数B（${d.fiscalYear}年4月1日）`,
      "増減B-A",
      "単純値 推計職員数",
      "単純値 超過数",
      "単純値 超過率(%)",
      "修正値 推計職員数",
      "修正値 超過数",
      "修正値 超過率(%)",
      "増減B-Aが出せない理由",
    ],
    d.lines.map((l) => [
      l.name,
      l.previous,
      l.current,
      l.change,
      l.simple?.estimate,
      l.simple?.excess,
      l.simple?.rate,
      l.corrected?.estimate,
      l.corrected?.excess,
      l.corrected?.rate,
      l.changeMissing,
    ]),
  );
  per10kSheet(wb, d);
  sheet(
    wb,
    "条件",
    ["項目", "値"],
    [
      ["団体", `${m.name}（${m.code}）`],
      ["年度", d.fiscalYear],
      ["人口", d.population],
      ["人口の基準日", d.populationAsOf],
      ["区分方式", d.schemeName],
      ["類型", d.group],
      ["団体数", d.members],
      ["基準日", d.baseDate],
      ["資料", d.title],
      ...d.averages.map((a) => [
        `${a.total} 類型平均（人口1万人当たり）`,
        a.simplePer10k ?? a.correctedPer10k,
      ]),
    ],
  );
}

/** The retirement schedule, each cohort's ages, the years without retirees and the projection. */
function retirementSheets(wb: ExcelJS.Workbook, r: RetirementView) {
  const years: number[] = [];
  for (let y = r.from; y <= r.to; y++) years.push(y);
  sheet(
    wb,
    "定年",
    ["開始年度", "終了年度", "定年"],
    r.schedule.map((s) => [s.from, s.to, s.age]),
  );
  sheet(
    wb,
    "生年度別",
    ["生年度", "生年度（和暦）", "人数", "退職年度", "退職時の年齢", ...years.map((y) => `${y}年度の年齢`)],
    r.table.map((row) => [
      row.birthFiscalYear,
      row.label,
      r.cohortCounts.get(row.birthFiscalYear),
      row.retirementFiscalYear,
      row.retirementAge,
      ...years.map((y) => row.cells.find((c) => c.fiscalYear === y)?.age),
    ]),
  );
  sheet(
    wb,
    "定年退職者のいない年度",
    ["年度", "和暦"],
    r.withoutRetirees.map((y) => [y, warekiFiscalYear(y)]),
  );
  if (r.projection)
    sheet(
      wb,
      "見通し",
      ["年度", "4月1日の採用", "4月1日の職員数", "年度末の定年退職", "定年以外の退職", "年度末の職員数"],
      r.projection.map((p) => [p.fiscalYear, p.hires, p.headcount, p.retirees, p.otherLeavers, p.yearEnd]),
    );
}

export async function reportXlsx(v: View): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = "gyokaku";
  switch (v.kind) {
    case "headcount":
      headcountSheets(wb, v.view);
      break;
    case "population":
      populationSheets(wb, v.view);
      break;
    case "diagnosis":
      diagnosisSheets(wb, v.view);
      break;
    case "retirement":
      retirementSheets(wb, v.view);
      break;
    case "plan":
      planSheets(wb, v.view);
      break;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
