/**
 * Reads the staffing section of 千歳市 行政改革基本方針 (text extracted from its PDF, seed 003_…) into a
 * staffing document: 図表4 (headcount by 部局 2005–2025 with 定数), 図表6 (cohorts of the retirement
 * schedule), 図表8 (peers' staff per 10,000), 図表10 (定員管理診断表) and the Laspeyres figures. Pure: text
 * in, document and findings out. Figures the document prints but gyokaku computes (group totals, excess,
 * rates, per-10,000 ratios) are checked, not stored.
 */

import { invalidDocument } from "../core/errors.ts";
import type { Finding } from "../core/findings.ts";
import { eraToWestern } from "../domain/fiscal-year.ts";
import {
  compactLabel,
  diagnose,
  findSector,
  findSectorTotal,
  formatChange,
  formatCount,
  formatDecimal,
  NATIONAL_SECTOR_SCHEME,
  parseGroupLabel,
  retirementFiscalYear,
  staffPer10k,
} from "../domain/staffing/index.ts";
import {
  type BreakdownCategory,
  STAFFING_DOCUMENT_FORMAT,
  type StaffingDocumentInput,
} from "./staffing-document.schema.ts";
import { invalidStaffingDocument, type StaffingProblem } from "./staffing-document.ts";

export const CHITOSE = { code: "012246", name: "千歳市" } as const;

/**
 * 図表4's layout: the groups and the 部門 each unit is mapped to. A 部 spans several 部門 in the national
 * survey; this is the main one, editable in the template. Rows not listed here are refused.
 */
const TOP_LEVEL: Record<
  string,
  { key: string; name: string; group: boolean; sector?: string; note?: string }
> = {
  特別職: { key: "特別職", name: "特別職", group: false },
  市長部局: { key: "市長部局", name: "市長部局", group: true, note: "病院除く" },
  病院: { key: "病院", name: "病院", group: true, sector: "病院" },
  消防: { key: "消防", name: "消防", group: false, sector: "消防" },
  公営企業: { key: "公営企業", name: "公営企業", group: false, sector: "水道" },
  行政委員会等: { key: "行政委員会等", name: "行政委員会等", group: true },
};

const UNIT_SECTORS: Record<string, string> = {
  企画部: "総務・企画",
  総務部: "総務・企画",
  市民環境部: "衛生",
  保健福祉部: "民生",
  こども福祉部: "民生",
  産業振興部: "商工",
  観光スポーツ部: "商工",
  建設部: "土木",
  会計室: "総務・企画",
  病院事務局: "病院",
  病院医療職: "病院",
  議会事務局: "議会",
  選挙管理委員会: "総務・企画",
  監査事務局: "総務・企画",
  公平委員会: "総務・企画",
  農業委員会: "農林水産",
  教育委員会: "教育",
};

const BREAKDOWNS: [RegExp, BreakdownCategory][] = [
  [/^\(?うち特定任期付・再任用フルタイム/, "fixedTermOrReappointed"],
  [/^\(?うち再任用フルタイム/, "reappointedFullTime"],
  [/^\(?うち派遣/, "dispatched"],
  [/^\(?うち任期付/, "fixedTerm"],
  [/^\(?うち定数外/, "outsideQuota"],
];

const ROOT = { key: "一般職", name: "一般職" };

export type ReadResult = { document: StaffingDocumentInput; findings: Finding[] };

export function detectChitoseStaffing(text: string): boolean {
  return text.includes("千歳市") && /^<常勤職員>\t/m.test(text);
}

type Ctx = { file: string; lines: string[]; findings: Finding[]; problems: StaffingProblem[] };

const cells = (line: string) => line.split("\t").map((c) => c.trim());

/** "平17 (2005)", "平成31 (2019)", "令7 (2025)", "R5年度 (2023)" → the western year, checked against the era. */
function yearHeader(ctx: Ctx, label: string, line: number): number | null {
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
function countCell(ctx: Ctx, text: string, line: number, column: string, row: string): number | null {
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

function findLine(lines: string[], test: (l: string) => boolean, from = 0): number {
  for (let i = from; i < lines.length; i++) if (test(lines[i]!)) return i;
  return -1;
}

/** 図表4: units, headcounts, quotas, breakdowns and what it printed for the groups. */
function readHeadcountTable(ctx: Ctx, doc: StaffingDocumentInput): void {
  const start = findLine(ctx.lines, (l) => l.startsWith("<常勤職員>\t"));
  if (start < 0) throw invalidDocument(`${ctx.file}: 図表4（<常勤職員> の表）が見つかりません`);
  const header = cells(ctx.lines[start]!);
  const years: { index: number; year: number; label: string }[] = [];
  let quotaIndex = -1;
  header.forEach((h, i) => {
    if (i === 0) return;
    if (compactLabel(h) === "定数") quotaIndex = i;
    const y = yearHeader(ctx, h, start + 1);
    if (y !== null) years.push({ index: i, year: y, label: h });
  });
  if (years.length === 0) throw invalidDocument(`${ctx.file} 行 ${start + 1}: 図表4 の年度の列が読めません`);
  const quotaYear = Math.max(...years.map((y) => y.year));
  // 一般職 (the group of all general staff) goes before its first part; 特別職 stays where it is printed.
  const addRoot = () => {
    if (!doc.units!.some((u) => u.key === ROOT.key))
      doc.units!.push({
        key: ROOT.key,
        name: ROOT.name,
        kind: "職員区分",
        source: { file: ctx.file, line: start + 1 },
      });
  };

  let group: string | null = null; // the current group, for its parts
  let lastFigureRow: string | null = null; // the row a (うち…) line belongs to
  const position = new Set<string>();
  for (let i = start + 1; i < ctx.lines.length; i++) {
    const raw = ctx.lines[i]!;
    if (raw.trim() === "") break;
    const row = cells(raw);
    const lineNo = i + 1;
    const label = compactLabel(row[0] ?? "");
    if (label.startsWith("※")) continue;
    const source = (column: string) => ({ file: ctx.file, line: lineNo, column });
    const breakdown = BREAKDOWNS.find(([re]) => re.test(label));
    if (breakdown) {
      if (!lastFigureRow)
        throw invalidDocument(`${ctx.file} 行 ${lineNo}: 「${row[0]}」の上に組織の行がありません`);
      for (const y of years) {
        const v = countCell(ctx, row[y.index] ?? "", lineNo, y.label, row[0]!);
        if (v !== null)
          doc.breakdowns!.push({
            unit: lastFigureRow,
            fiscalYear: y.year,
            category: breakdown[1],
            count: v,
            label: label.replace(/^\(|\)$/g, ""),
            source: source(y.label),
          });
      }
      continue;
    }
    if (label.startsWith("一般職(合計)") || label.startsWith("一般職(定数合計)")) {
      addRoot();
      const counted = label.startsWith("一般職(定数合計)");
      for (const y of years) {
        const v = countCell(ctx, row[y.index] ?? "", lineNo, y.label, row[0]!);
        if (v === null) continue;
        if (counted)
          doc.breakdowns!.push({
            unit: ROOT.key,
            fiscalYear: y.year,
            category: "countedAgainstQuota",
            count: v,
            label: label,
            source: source(y.label),
          });
        else
          doc.printedTotals!.push({
            unit: ROOT.key,
            fiscalYear: y.year,
            measure: "headcount",
            value: v,
            label,
            source: source(y.label),
          });
      }
      const q = quotaIndex >= 0 ? (row[quotaIndex] ?? "") : "";
      const ceiling = /^\((.+)\)\s*([\d,]+)$/.exec(q);
      if (ceiling) {
        doc.quotaCeilings!.push({
          unit: ROOT.key,
          fiscalYear: quotaYear,
          value: Number(ceiling[2]!.replace(/,/g, "")),
          label: `(${ceiling[1]})`,
          source: source("定数"),
        });
      } else {
        const v = countCell(ctx, q, lineNo, "定数", row[0]!);
        if (v !== null)
          doc.printedTotals!.push({
            unit: ROOT.key,
            fiscalYear: quotaYear,
            measure: "quota",
            value: v,
            label,
            source: source("定数"),
          });
      }
      continue;
    }
    const topKey = Object.keys(TOP_LEVEL).find((k) => label === k || label.startsWith(`${k}※`));
    const top = topKey ? TOP_LEVEL[topKey]! : null;
    let unitKey: string;
    if (top) {
      if (top.key !== "特別職") addRoot();
      unitKey = top.key;
      group = top.group ? top.key : null;
      doc.units!.push({
        key: top.key,
        name: top.name,
        kind: top.key === "特別職" ? "特別職" : top.group ? "部局" : "部局",
        ...(top.key === "特別職" ? { staffClass: "special" as const } : { parent: ROOT.key }),
        ...(top.sector ? { sector: top.sector } : {}),
        ...(top.note ? { note: top.note } : {}),
        source: { file: ctx.file, line: lineNo },
      });
    } else {
      if (!group)
        throw invalidDocument(
          `${ctx.file} 行 ${lineNo}: 「${row[0]}」がどの部局に属するか分かりません（図表4 の様式が想定と違います）`,
        );
      unitKey = label;
      const sector = UNIT_SECTORS[label];
      doc.units!.push({
        key: label,
        name: label,
        parent: group,
        kind: /委員会|事務局/.test(label) ? "委員会等" : /部$|室$/.test(label) ? "部" : "組織",
        ...(sector ? { sector } : {}),
        source: { file: ctx.file, line: lineNo, column: "部門" },
      });
    }
    if (position.has(unitKey))
      throw invalidDocument(`${ctx.file} 行 ${lineNo}: 「${row[0]}」の行が二度あります`);
    position.add(unitKey);
    lastFigureRow = unitKey;
    const isGroup = top?.group ?? false;
    for (const y of years) {
      const v = countCell(ctx, row[y.index] ?? "", lineNo, y.label, row[0]!);
      if (v === null) continue;
      if (isGroup)
        doc.printedTotals!.push({
          unit: unitKey,
          fiscalYear: y.year,
          measure: "headcount",
          value: v,
          label: row[0]!.replace(/\s+/g, ""),
          source: source(y.label),
        });
      else doc.headcounts!.push({ unit: unitKey, fiscalYear: y.year, count: v, source: source(y.label) });
    }
    if (quotaIndex >= 0) {
      const q = countCell(ctx, row[quotaIndex] ?? "", lineNo, "定数", row[0]!);
      if (q !== null) {
        // A group's quota is data when its parts have none (市長部局 483), a printed total otherwise.
        const partsHaveQuota = isGroup && groupPartsHaveQuota(ctx.lines, i, quotaIndex);
        if (partsHaveQuota)
          doc.printedTotals!.push({
            unit: unitKey,
            fiscalYear: quotaYear,
            measure: "quota",
            value: q,
            label: row[0]!.replace(/\s+/g, ""),
            source: source("定数"),
          });
        else doc.quotas!.push({ unit: unitKey, fiscalYear: quotaYear, quota: q, source: source("定数") });
      }
    }
  }
}

/** Whether the rows after a group row (its parts, up to the next top-level row) have a quota. */
function groupPartsHaveQuota(lines: string[], groupLine: number, quotaIndex: number): boolean {
  for (let i = groupLine + 1; i < lines.length; i++) {
    const row = cells(lines[i]!);
    const label = compactLabel(row[0] ?? "");
    if (label === "" || Object.keys(TOP_LEVEL).some((k) => label === k || label.startsWith(`${k}※`))) break;
    if (label.startsWith("一般職")) break;
    if (BREAKDOWNS.some(([re]) => re.test(label))) continue;
    if ((row[quotaIndex] ?? "").trim() !== "") return true;
  }
  return false;
}

/** 図表6: the cohorts, checked against the retirement-age rule. */
function readRetirementTable(ctx: Ctx, doc: StaffingDocumentInput): void {
  const first = findLine(ctx.lines, (l) => /^(昭和|平成)\d+年生まれ\t/.test(l));
  if (first < 0) return;
  const headerLine = (() => {
    for (let i = first - 1; i >= 0; i--) if (/年度 \(\d{4}\)/.test(ctx.lines[i]!)) return i;
    return -1;
  })();
  const years = headerLine >= 0 ? cells(ctx.lines[headerLine]!).map((h) => /\((\d{4})\)/.exec(h)?.[1]) : [];
  const cohorts: NonNullable<NonNullable<StaffingDocumentInput["retirement"]>["cohorts"]> = [];
  for (let i = first; i < ctx.lines.length; i++) {
    const m = /^(昭和|平成)(\d+)年生まれ$/.exec(cells(ctx.lines[i]!)[0] ?? "");
    if (!m) break;
    const birth = eraToWestern(m[1] as "昭和" | "平成", Number(m[2]));
    cohorts.push({ birthFiscalYear: birth, source: { file: ctx.file, line: i + 1 } });
    const row = cells(ctx.lines[i]!);
    let last: { year: number; age: number } | null = null;
    row.forEach((c, j) => {
      const age = /(\d+)歳/.exec(c);
      const y = years[j];
      if (age && y) last = { year: Number(y), age: Number(age[1]) };
    });
    const rule = retirementFiscalYear(birth);
    const lastCell = last as { year: number; age: number } | null;
    if (lastCell && lastCell.year !== rule) {
      ctx.findings.push({
        file: ctx.file,
        line: i + 1,
        code: "staffing.retirement-schedule-mismatch",
        subject: `図表6「${m[0]}」`,
        expected: `${rule}年度末に ${rule - birth}歳で退職`,
        found: `${lastCell.year}年度 ${lastCell.age}歳まで記載`,
        message: `図表6「${m[0]}」の行は ${lastCell.year}年度（${lastCell.age}歳）まで続きますが、定年の規則では ${rule}年度末（${rule - birth}歳）に退職します`,
        severity: "warning",
      });
    }
  }
  doc.retirement = { cohorts, hiring: [] };
}

const num = (t: string | undefined) => (t === undefined ? NaN : Number(t.replace(/,/g, "")));

/** 図表8: the peers' staff and population; Chitose's own row gives the population of the year. */
function readPeerTable(
  ctx: Ctx,
  doc: StaffingDocumentInput,
): { population: number; fiscalYear: number; baseDate: string } | null {
  const head = findLine(ctx.lines, (l) => compactLabel(cells(l)[0] ?? "") === "団体名");
  if (head < 0) return null;
  const headText = `${ctx.lines[head]}\t${ctx.lines[head + 1] ?? ""}`;
  const popDate = /住基人口\s*\(R(\d+)\.(\d+)\.(\d+)\)/.exec(headText);
  const staffDate = /職員数\s*\(R(\d+)\.(\d+)\.(\d+)\)/.exec(headText);
  if (!popDate || !staffDate) throw invalidDocument(`${ctx.file} 行 ${head + 1}: 図表8 の基準日が読めません`);
  const iso = (m: RegExpExecArray) =>
    `${eraToWestern("令和", Number(m[1]))}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const fiscalYear = eraToWestern("令和", Number(staffDate[1]));
  const members: NonNullable<StaffingDocumentInput["peerComparisons"]>[number]["members"] = [];
  let group: {
    label: string;
    members?: number;
    population: number;
    ordinary: number;
    general: number;
    line: number;
  } | null = null;
  const checkRatio = (
    line: number,
    who: string,
    what: string,
    staff: number,
    pop: number,
    printed: string | undefined,
  ) => {
    if (printed === undefined || printed === "") return;
    const computed = staffPer10k(staff, pop);
    if (computed !== Number(printed))
      ctx.findings.push({
        file: ctx.file,
        line,
        code: "staffing.ratio-mismatch",
        subject: `図表8「${who}」の${what}人口1万当たり`,
        expected: formatDecimal(computed, 2),
        found: printed,
        message: `図表8「${who}」の${what}の人口1万当たり ${printed} は ${staff} ÷ ${pop} × 10,000 = ${formatDecimal(computed, 2)} と一致しません`,
        severity: "warning",
      });
  };
  for (let i = head + 2; i < ctx.lines.length; i++) {
    const row = cells(ctx.lines[i]!);
    if ((row[0] ?? "") === "" && row.every((c) => c === "")) {
      if (members.length > 0) break;
      continue;
    }
    const totalRow = /^(.+?)\s*\((\d+)団体\)\s*合計$/.exec(row[0] ?? "");
    if (totalRow) {
      group = {
        label: totalRow[1]!,
        members: Number(totalRow[2]),
        population: num(row[2]),
        ordinary: num(row[3]),
        general: num(row[5]),
        line: i + 1,
      };
      checkRatio(i + 1, row[0]!, "普通会計", group.ordinary, group.population, row[4]);
      checkRatio(i + 1, row[0]!, "一般行政部門", group.general, group.population, row[6]);
      break;
    }
    const [prefecture, name, pop, ordinary, ordinaryRatio, general, generalRatio] = row;
    if (!name || !Number.isFinite(num(pop)) || !Number.isFinite(num(ordinary))) {
      ctx.problems.push({
        path: `行 ${i + 1}`,
        where: `${ctx.file} 行 ${i + 1}`,
        message: `図表8 の行が読めません（団体名・住基人口・職員数）: ${ctx.lines[i]}`,
      });
      continue;
    }
    members.push({
      ...(prefecture ? { prefecture } : {}),
      name,
      self: name === CHITOSE.name,
      population: num(pop),
      ordinaryAccount: num(ordinary),
      ...(general ? { generalAdministration: num(general) } : {}),
      source: { file: ctx.file, line: i + 1 },
    });
    checkRatio(i + 1, name, "普通会計", num(ordinary), num(pop), ordinaryRatio);
    if (general) checkRatio(i + 1, name, "一般行政部門", num(general), num(pop), generalRatio);
  }
  const self = members.find((m) => m.self);
  if (!group || !self)
    throw invalidDocument(`${ctx.file} 行 ${head + 1}: 図表8 に類型の合計か${CHITOSE.name}の行がありません`);
  const groupLabel = parseGroupLabel(group.label);
  if (!groupLabel) throw invalidDocument(`${ctx.file} 行 ${group.line}: 類型「${group.label}」が読めません`);
  const titleLine = findLine(ctx.lines, (l) => /類似団体別職員数の状況/.test(l), head);
  const baseDate = `${fiscalYear}-04-01`;
  const peerGroup = {
    scheme: "ruiji-shokuin-city",
    group: groupLabel,
    members: group.members,
    baseDate,
    ...(titleLine >= 0 ? { title: `類似団体別職員数の状況（令和${fiscalYear - 2018}年4月1日現在）` } : {}),
  };
  doc.peerComparisons!.push({
    fiscalYear,
    populationAsOf: iso(popDate),
    peerGroup,
    members,
    group: {
      population: group.population,
      ordinaryAccount: group.ordinary,
      generalAdministration: group.general,
      source: { file: ctx.file, line: group.line },
    },
  });
  doc.populations!.push({
    fiscalYear,
    population: self.population,
    asOf: iso(popDate),
    basis: "住民基本台帳人口",
    source: self.source,
  });
  return { population: self.population, fiscalYear, baseDate };
}

/** 図表10: the diagnosis inputs; the printed results are checked against what gyokaku computes. */
function readDiagnosisTable(
  ctx: Ctx,
  doc: StaffingDocumentInput,
  peers: { population: number; fiscalYear: number; baseDate: string } | null,
): void {
  const head = findLine(ctx.lines, (l) => compactLabel(cells(l)[0] ?? "") === "大部門");
  if (head < 0) return;
  if (!peers) throw invalidDocument(`${ctx.file} 行 ${head + 1}: 図表10 の人口（図表8）がありません`);
  const dates = [...`${ctx.lines[head + 1]}`.matchAll(/R(\d+)\.4\.1/g)].map((m) =>
    eraToWestern("令和", Number(m[1])),
  );
  if (dates.length < 2)
    throw invalidDocument(`${ctx.file} 行 ${head + 2}: 図表10 の基準日（R5.4.1 など）が読めません`);
  const [previousYear, currentYear] = dates as [number, number];
  if (currentYear !== peers.fiscalYear)
    throw invalidDocument(
      `${ctx.file} 行 ${head + 2}: 図表10 の年度 ${currentYear} が図表8 の ${peers.fiscalYear} と違います`,
    );
  const rows: NonNullable<StaffingDocumentInput["diagnoses"]>[number]["rows"] = [];
  const printedTotals: NonNullable<NonNullable<StaffingDocumentInput["diagnoses"]>[number]["printedTotals"]> =
    [];
  const printed = new Map<string, { line: number; cells: string[] }>();
  for (let i = head + 1; i < ctx.lines.length; i++) {
    const row = cells(ctx.lines[i]!);
    const label = compactLabel(row[0] ?? "");
    if (label === "") {
      if (rows.length > 0 && row.every((c) => c === "")) break;
      continue;
    }
    const lineNo = i + 1;
    const sector = findSector(NATIONAL_SECTOR_SCHEME, label);
    const total = sector ? null : findSectorTotal(NATIONAL_SECTOR_SCHEME, label);
    if (!sector && !total) break;
    const v = (j: number, column: string) =>
      countCell(ctx, row[j] ?? "", lineNo, column, row[0]!) ?? undefined;
    const previous = v(1, "A");
    const current = v(2, "B");
    printed.set((sector ?? total)!.name, { line: lineNo, cells: row });
    if (sector) {
      const simple = v(4, "単純値");
      const corrected = v(7, "修正値");
      rows.push({
        sector: sector.name,
        ...(previous !== undefined ? { previous } : {}),
        ...(current !== undefined ? { current } : {}),
        ...(simple !== undefined ? { simple: { estimate: simple } } : {}),
        ...(corrected !== undefined ? { corrected: { estimate: corrected } } : {}),
        source: { file: ctx.file, line: lineNo },
      });
    } else {
      printedTotals.push({
        total: total!.name,
        ...(previous !== undefined ? { previous } : {}),
        ...(current !== undefined ? { current } : {}),
        source: { file: ctx.file, line: lineNo },
      });
    }
  }
  const comparison = doc.peerComparisons!.find((c) => c.fiscalYear === currentYear);
  const g = comparison?.group;
  // The group averages per 10,000 (図表8's II-3 row) give the subtotals' simple estimates (65.53 → 642).
  const averages = g
    ? [
        ...(g.generalAdministration !== undefined
          ? [{ total: "一般行政計", simplePer10k: staffPer10k(g.generalAdministration, g.population) }]
          : []),
        { total: "普通会計計", simplePer10k: staffPer10k(g.ordinaryAccount, g.population) },
      ]
    : [];
  doc.diagnoses!.push({
    fiscalYear: currentYear,
    population: peers.population,
    populationAsOf: comparison?.populationAsOf,
    peerGroup: comparison!.peerGroup,
    averages,
    rows,
    printedTotals,
    source: { file: ctx.file, line: head + 1 },
  });
  if (previousYear !== currentYear - 1)
    ctx.findings.push({
      file: ctx.file,
      line: head + 2,
      code: "staffing.diagnosis-years",
      message: `図表10 の比較年が ${previousYear} と ${currentYear} で、前年ではありません`,
      severity: "info",
    });
  // The printed results against the computed ones: they must be the same.
  const lines = diagnose({ scheme: NATIONAL_SECTOR_SCHEME, population: peers.population, rows, averages });
  for (const l of lines) {
    const p = printed.get(l.name);
    if (!p) continue;
    const computed = [
      formatChange(l.change),
      formatCount(l.simple?.estimate),
      formatChange(l.simple?.excess),
      formatDecimal(l.simple?.rate, 1),
      formatCount(l.corrected?.estimate),
      formatChange(l.corrected?.excess),
      formatDecimal(l.corrected?.rate, 1),
    ];
    const columns = [
      "B-A",
      "単純値",
      "超過数（単純値）",
      "超過率（単純値）",
      "修正値",
      "超過数（修正値）",
      "超過率（修正値）",
    ];
    computed.forEach((c, k) => {
      const found = (p.cells[k + 3] ?? "").replace(/\s+/g, "");
      if (found !== c)
        ctx.findings.push({
          file: ctx.file,
          line: p.line,
          column: columns[k],
          code: "staffing.diagnosis-result-mismatch",
          subject: `図表10「${l.name}」の${columns[k]}`,
          expected: c,
          found,
          message: `図表10「${l.name}」の${columns[k]} ${found || "（空欄）"} は計算すると ${c || "（空欄）"} です`,
          severity: "warning",
        });
    });
  }
}

/** The Laspeyres figures of the text (本市 97.2, 類似団体平均 98.2, 全国市平均 98.6 on 1 April 2024). */
function readLaspeyres(ctx: Ctx, doc: StaffingDocumentInput): void {
  const i = findLine(ctx.lines, (l) => l.includes("ラスパイレス指数は") && l.includes("類似団体平均"));
  if (i < 0) return;
  const text = ctx.lines[i]!;
  const own = /([0-9]+\.[0-9])\s*（令和\s*(\d+)\s*年/.exec(text);
  const peer = /類似団体平均(?:（注\d）)?の([0-9]+\.[0-9])/.exec(text);
  const nation = /(全国(?:市|町村)平均)の([0-9]+\.[0-9])/.exec(text);
  if (!own) return;
  doc.laspeyres!.push({
    fiscalYear: eraToWestern("令和", Number(own[2])),
    own: Number(own[1]),
    ...(peer ? { peerAverage: Number(peer[1]) } : {}),
    ...(nation ? { nationalAverage: Number(nation[2]), nationalLabel: nation[1] } : {}),
    source: { file: ctx.file, line: i + 1 },
  });
}

/** Reads the staffing tables of one Chitose 行政改革基本方針 text. */
export function readChitoseStaffing(file: string, text: string): ReadResult {
  const ctx: Ctx = { file, lines: text.split(/\r?\n/), findings: [], problems: [] };
  const edition = /^令和(\d+)年度$/m.exec(text);
  const doc: StaffingDocumentInput = {
    format: STAFFING_DOCUMENT_FORMAT,
    municipality: { ...CHITOSE },
    title: `${CHITOSE.name} 行政改革基本方針${edition ? ` 令和${edition[1]}年度` : ""}（定数管理）`,
    sources: [file],
    units: [],
    headcounts: [],
    breakdowns: [],
    quotas: [],
    quotaCeilings: [],
    printedTotals: [],
    populations: [],
    diagnoses: [],
    peerComparisons: [],
    classifications: [],
    laspeyres: [],
  };
  readHeadcountTable(ctx, doc);
  readRetirementTable(ctx, doc);
  const peers = readPeerTable(ctx, doc);
  readDiagnosisTable(ctx, doc, peers);
  readLaspeyres(ctx, doc);
  if (ctx.problems.length > 0) throw invalidStaffingDocument(ctx.problems, file);
  return { document: doc, findings: ctx.findings };
}
