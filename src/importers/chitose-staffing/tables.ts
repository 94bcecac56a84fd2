/** 図表6 (retirement cohorts), 図表8 (peers), 図表10 (diagnosis) and the Laspeyres figures of the text. */
import { invalidDocument } from "../../core/errors.ts";
import type { StaffingDocumentInput } from "../../core/staffing-document/index.ts";
import { eraToWestern } from "../../domain/fiscal-year.ts";
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
} from "../../domain/staffing/index.ts";
import { CHITOSE, type Ctx, cells, countCell, findLine, num } from "./common.ts";

/** 図表6: the cohorts, checked against the retirement-age rule. */
export function readRetirementTable(ctx: Ctx, doc: StaffingDocumentInput): void {
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
    const cohort: (typeof cohorts)[number] = {
      birthFiscalYear: birth,
      label: m[0],
      source: { file: ctx.file, line: i + 1 },
    };
    cohorts.push(cohort);
    const row = cells(ctx.lines[i]!);
    let last: { year: number; age: number } | null = null;
    row.forEach((c, j) => {
      const age = /(\d+)歳/.exec(c);
      const y = years[j];
      if (age && y) last = { year: Number(y), age: Number(age[1]) };
    });
    const rule = retirementFiscalYear(birth);
    const lastCell = last as { year: number; age: number } | null;
    if (lastCell) cohort.printedUntil = lastCell.year;
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

/** 図表8: the peers' staff and population; Chitose's own row gives the population of the year. */
export function readPeerTable(
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
export function readDiagnosisTable(
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
export function readLaspeyres(ctx: Ctx, doc: StaffingDocumentInput): void {
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
