/** 図表4 of 千歳市 行政改革基本方針: units, headcounts 2005–2025, quotas, breakdowns and printed totals. */
import { invalidDocument } from "../../core/errors.ts";
import type { BreakdownCategory, StaffingDocumentInput } from "../../core/staffing-document/index.ts";
import { compactLabel } from "../../domain/staffing/index.ts";
import { type Ctx, cells, countCell, findLine, yearHeader } from "./common.ts";

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

/** 図表4: units, headcounts, quotas, breakdowns and what it printed for the groups. */
export function readHeadcountTable(ctx: Ctx, doc: StaffingDocumentInput): void {
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
