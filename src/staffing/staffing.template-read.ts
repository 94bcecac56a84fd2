/**
 * Reading the staffing template back into a staffing document, through the workbook engine: every cell is read
 * by its column's type, every problem names sheet, row and column, and any problem refuses the whole workbook.
 * Not yet validated: the caller parses it with `locate`, so document-level problems name the cell too.
 */
import { invalidStaffingDocument, STAFFING_DOCUMENT_FORMAT } from "../core/staffing-document/index.ts";
import { loadWorkbook, rawOf, readTable, type SheetDef, type TableRow } from "../core/workbook/index.ts";
import { NATIONAL_SECTOR_SCHEME } from "../domain/staffing/index.ts";
import * as reader from "./staffing.template-reader.ts";
import { defined, type Input, num, Reader, refuse, str, type Values } from "./staffing.template-reader.ts";
import {
  HEADCOUNT_SHEET,
  headcountSheet,
  PLAN_ITEMS,
  SHEETS,
  yearOfHeader,
} from "./staffing.template-sheets.ts";

type Condition = { row: TableRow; values: Values };

/** 職員数 (wide): the year columns are those whose header names a fiscal year. */
function readHeadcounts(r: Reader): Pick<Input, "headcounts" | "breakdowns"> {
  const ws = r.wb.getWorksheet(HEADCOUNT_SHEET)!;
  const years: number[] = [];
  ws.getRow(1).eachCell((cell) => {
    const y = yearOfHeader(String(rawOf(cell.value) ?? ""));
    if (y !== undefined) years.push(y);
  });
  if (years.length === 0)
    r.problems.error(
      "sheet.no-years",
      { sheet: HEADCOUNT_SHEET, row: 1 },
      "年度の列（2025年度 など）がありません",
    );
  const table = readTable(ws, headcountSheet(years), r.problems);
  const headcounts: NonNullable<Input["headcounts"]> = [];
  const breakdowns: NonNullable<Input["breakdowns"]> = [];
  for (const row of table.rows) {
    const unit = row.key("key");
    const category = row.has("category") ? (row.choice("category") ?? "headcount") : "headcount";
    if (unit === undefined) {
      row.error("key", "cell.required", "組織のキーが空欄です");
      continue;
    }
    const label = row.has("label") ? row.text("label")?.trim() : undefined;
    for (const y of years) {
      if (!row.has(String(y))) continue;
      const count = row.count(String(y));
      if (count === undefined) continue;
      const source = r.source(row, row.place(String(y)).column);
      if (category === "headcount") {
        r.at(`$.headcounts[${headcounts.length}]`, row);
        headcounts.push({ unit, fiscalYear: y, count, source });
      } else {
        r.at(`$.breakdowns[${breakdowns.length}]`, row);
        const cat = category as NonNullable<Input["breakdowns"]>[number]["category"];
        breakdowns.push({ unit, fiscalYear: y, category: cat, count, label: label || undefined, source });
      }
    }
  }
  return { headcounts, breakdowns: breakdowns.map((b) => defined(b)) };
}

function readPrinted(r: Reader): Pick<Input, "printedTotals" | "quotaCeilings"> {
  const printedTotals: NonNullable<Input["printedTotals"]> = [];
  const quotaCeilings: NonNullable<Input["quotaCeilings"]> = [];
  for (const { row, values: v } of r.rows(SHEETS.printed)) {
    const base = defined({
      unit: str(v.unit)!,
      fiscalYear: num(v.fiscalYear),
      value: num(v.value),
      label: str(v.label),
      source: r.source(row),
    });
    if (v.measure === "ceiling") {
      r.at(`$.quotaCeilings[${quotaCeilings.length}]`, row);
      quotaCeilings.push(base);
    } else if (v.measure === "headcount" || v.measure === "quota") {
      r.at(`$.printedTotals[${printedTotals.length}]`, row);
      printedTotals.push({ ...base, measure: v.measure });
    }
  }
  return { printedTotals, quotaCeilings };
}

function peerGroupOf(_r: Reader, conditions: Map<number, Condition>, fy: number, row: TableRow) {
  const c = conditions.get(fy);
  if (!c) {
    row.error(
      "fiscalYear",
      "staffing.no-conditions",
      `${fy}年度の類似団体の条件がシート「${SHEETS.peerGroups.name}」にありません`,
    );
    return null;
  }
  const v = c.values;
  return {
    condition: c,
    peerGroup: defined({
      scheme: str(v.kind) ?? "",
      group: str(v.group) ?? "",
      members: v.members as number | undefined,
      baseDate: str(v.baseDate) ?? "",
      title: str(v.title),
    }),
  };
}

function readDiagnoses(r: Reader, conditions: Map<number, Condition>): Input["diagnoses"] {
  const all = r.rows(SHEETS.diagnosis);
  const totals = new Set(NATIONAL_SECTOR_SCHEME.totals.map((t) => t.name));
  const diagnoses: NonNullable<Input["diagnoses"]> = [];
  for (const fy of [...new Set(all.map((x) => num(x.values.fiscalYear)))].sort()) {
    const rows = all.filter((x) => x.values.fiscalYear === fy);
    const pg = peerGroupOf(r, conditions, fy, rows[0]!.row);
    if (!pg) continue;
    if (pg.condition.values.population === undefined) {
      pg.condition.row.error("population", "staffing.no-population", `${fy}年度の診断表に使う人口が空欄です`);
      continue;
    }
    const sectorRows = rows.filter((x) => !totals.has(str(x.values.sector) ?? ""));
    const totalRows = rows.filter((x) => totals.has(str(x.values.sector) ?? ""));
    const di = diagnoses.length;
    sectorRows.forEach((x, j) => {
      r.at(`$.diagnoses[${di}].rows[${j}]`, x.row);
    });
    const figure = (per10k: unknown, estimate: unknown) =>
      per10k === undefined && estimate === undefined
        ? undefined
        : defined({ per10k: per10k as number | undefined, estimate: estimate as number | undefined });
    diagnoses.push(
      defined({
        fiscalYear: fy,
        population: num(pg.condition.values.population),
        populationAsOf: str(pg.condition.values.populationAsOf),
        peerGroup: pg.peerGroup,
        averages: totalRows
          .filter(({ values: v }) => v.simplePer10k !== undefined || v.correctedPer10k !== undefined)
          .map(({ values: v }) =>
            defined({
              total: str(v.sector)!,
              simplePer10k: v.simplePer10k as number | undefined,
              correctedPer10k: v.correctedPer10k as number | undefined,
            }),
          ),
        rows: sectorRows.map(({ row, values: v }) =>
          defined({
            sector: str(v.sector)!,
            previous: v.previous as number | undefined,
            current: v.current as number | undefined,
            simple: figure(v.simplePer10k, v.simpleEstimate),
            corrected: figure(v.correctedPer10k, v.correctedEstimate),
            source: r.source(row),
          }),
        ),
        printedTotals: totalRows
          .filter(({ values: v }) => v.previous !== undefined || v.current !== undefined)
          .map(({ row, values: v }) =>
            defined({
              total: str(v.sector)!,
              previous: v.previous as number | undefined,
              current: v.current as number | undefined,
              source: r.source(row),
            }),
          ),
      }),
    );
  }
  return diagnoses;
}

function readPeers(r: Reader, conditions: Map<number, Condition>): Input["peerComparisons"] {
  const all = r.rows(SHEETS.peers);
  const out: NonNullable<Input["peerComparisons"]> = [];
  for (const fy of [...new Set(all.map((x) => num(x.values.fiscalYear)))].sort()) {
    const rows = all.filter((x) => x.values.fiscalYear === fy);
    const pg = peerGroupOf(r, conditions, fy, rows[0]!.row);
    if (!pg) continue;
    const group = rows.find((x) => x.values.role === "group");
    const members = rows.filter((x) => x.values.role !== "group");
    const ci = out.length;
    members.forEach((x, j) => {
      r.at(`$.peerComparisons[${ci}].members[${j}]`, x.row);
    });
    out.push(
      defined({
        fiscalYear: fy,
        populationAsOf: str(pg.condition.values.populationAsOf),
        peerGroup: pg.peerGroup,
        members: members.map(({ row, values: v }) =>
          defined({
            prefecture: str(v.prefecture),
            name: str(v.name) ?? "",
            self: v.role === "self",
            population: num(v.population),
            ordinaryAccount: num(v.ordinaryAccount),
            generalAdministration: v.generalAdministration as number | undefined,
            source: r.source(row),
          }),
        ),
        group: group
          ? defined({
              population: num(group.values.population),
              ordinaryAccount: num(group.values.ordinaryAccount),
              generalAdministration: group.values.generalAdministration as number | undefined,
              source: r.source(group.row),
            })
          : undefined,
      }),
    );
  }
  return out;
}

function readClassifications(r: Reader): Input["classifications"] {
  return r.rows(SHEETS.classifications).map(({ row, values: v }, i) => {
    r.at(`$.classifications[${i}]`, row);
    const hasCounts = v.primary !== undefined || v.secondary !== undefined || v.tertiary !== undefined;
    const hasShares = v.secondaryTertiaryPercent !== undefined || v.tertiaryPercent !== undefined;
    return defined({
      fiscalYear: num(v.fiscalYear),
      scheme: str(v.kind) ?? "",
      population: num(v.population),
      populationAsOf: str(v.populationAsOf),
      censusYear: v.censusYear as number | undefined,
      employed: hasCounts
        ? { primary: num(v.primary), secondary: num(v.secondary), tertiary: num(v.tertiary) }
        : undefined,
      shares: hasShares
        ? {
            secondaryTertiaryPercent: num(v.secondaryTertiaryPercent),
            tertiaryPercent: num(v.tertiaryPercent),
          }
        : undefined,
      printedGroup: str(v.printedGroup),
      source: r.source(row),
    });
  });
}

/**
 * 定員適正化計画: per scope one 基準 row (all in the same base year) and its 目標 rows; the period from the
 * 団体 sheet, or the span of the targets.
 */
function readPlan(r: Reader, item: (name: string) => string[]): Input["staffingPlan"] {
  const rows = r.rows(SHEETS.plan);
  if (rows.length === 0) return undefined;
  const bases = rows.filter((x) => x.values.kind === "base");
  const baseYear = bases[0] ? num(bases[0].values.fiscalYear) : undefined;
  if (baseYear === undefined) {
    rows[0]!.row.error("kind", "staffing.plan-no-base", "種類「基準」の行（基準年度の職員数）がありません");
    return undefined;
  }
  for (const b of bases)
    if (b.values.fiscalYear !== baseYear)
      b.row.error(
        "fiscalYear",
        "staffing.plan-base-years",
        `基準年度が二つあります（${baseYear} と ${String(b.values.fiscalYear)}）`,
      );
  const scopes = [...new Set(rows.map((x) => str(x.values.scope) ?? ""))];
  const lines: NonNullable<Input["staffingPlan"]>["lines"] = [];
  for (const scope of scopes) {
    const mine = rows.filter((x) => (str(x.values.scope) ?? "") === scope);
    const base = mine.find((x) => x.values.kind === "base");
    const targets = mine.filter((x) => x.values.kind === "target");
    if (!base) {
      mine[0]!.row.error(
        "scope",
        "staffing.plan-no-base",
        `対象「${scope || "全体"}」の基準の行がありません`,
      );
      continue;
    }
    const li = lines.length;
    r.at(`$.staffingPlan.lines[${li}]`, base.row);
    targets.forEach((t, j) => {
      r.at(`$.staffingPlan.lines[${li}].targets[${j}]`, t.row);
    });
    lines.push(
      defined({
        scope: scope || undefined,
        baseHeadcount: num(base.values.headcount),
        targets: targets.map((t) => ({
          fiscalYear: num(t.values.fiscalYear),
          headcount: num(t.values.headcount),
          source: r.source(t.row),
        })),
        source: r.source(base.row),
      }),
    );
  }
  const years = rows.filter((x) => x.values.kind === "target").map((x) => num(x.values.fiscalYear));
  const yearItem = (name: string) => {
    const v = item(name)[0];
    return v === undefined || v.trim() === "" ? undefined : Number(v.normalize("NFKC").trim());
  };
  return defined({
    title: item(PLAN_ITEMS.title)[0] || undefined,
    baseFiscalYear: baseYear,
    fromFiscalYear: yearItem(PLAN_ITEMS.from) ?? (years.length > 0 ? Math.min(...years) : baseYear + 1),
    toFiscalYear: yearItem(PLAN_ITEMS.to) ?? (years.length > 0 ? Math.max(...years) : baseYear + 1),
    lines,
  });
}

/** Rows of a simple sheet as records: the row's values and its source, placed at `path[i]`. */
function records<T>(r: Reader, def: SheetDef, path: string): T[] {
  return r.rows(def).map(({ row, values }, i) => {
    r.at(`${path}[${i}]`, row);
    return defined({ ...values, source: r.source(row) }) as T;
  });
}

/**
 * The workbook as a document (not yet validated), where its records were read from (plain data, so it crosses
 * from a worker thread; reader.locateIn makes the `locate` of the document's parse from it) and the findings.
 */
export async function readStaffingWorkbookPlain(
  file: string,
  bytes: Uint8Array,
): Promise<reader.WorkbookRead> {
  const loaded = await loadWorkbook(bytes);
  if ("failure" in loaded) {
    const why =
      loaded.failure.code === "file.xls"
        ? "古い Excel 形式（.xls）です。.xlsx で保存し直してください"
        : (loaded.failure.detail ?? "xlsx ではありません");
    throw invalidStaffingDocument([{ path: "$", message: `xlsx として読めません: ${why}` }], file);
  }
  const r = new Reader(loaded.workbook, file);
  const meta = r.rows(SHEETS.document);
  const item = (name: string) =>
    meta.filter((m) => m.values.item === name).map((m) => String(m.values.value ?? ""));
  const code = item("団体コード")[0];
  const name = item("団体名")[0];
  if (!r.wb.getWorksheet(SHEETS.units.name) || !r.wb.getWorksheet(HEADCOUNT_SHEET) || !code || !name)
    throw invalidStaffingDocument(
      [
        {
          path: "$",
          message: `gyokaku の定数管理テンプレートではありません（シート「${SHEETS.document.name}」の団体コード・団体名、シート「${SHEETS.units.name}」「${HEADCOUNT_SHEET}」が必要です）`,
        },
      ],
      file,
    );
  const units = records<NonNullable<Input["units"]>[number]>(r, SHEETS.units, "$.units");
  const { headcounts, breakdowns } = readHeadcounts(r);
  const quotas = records<NonNullable<Input["quotas"]>[number]>(r, SHEETS.quotas, "$.quotas");
  const { printedTotals, quotaCeilings } = readPrinted(r);
  const populations = records<NonNullable<Input["populations"]>[number]>(
    r,
    SHEETS.populations,
    "$.populations",
  );
  const conditions = new Map(r.rows(SHEETS.peerGroups).map((c) => [num(c.values.fiscalYear), c] as const));
  const diagnoses = readDiagnoses(r, conditions);
  const peerComparisons = readPeers(r, conditions);
  const classifications = readClassifications(r);
  const laspeyres = records<NonNullable<Input["laspeyres"]>[number]>(r, SHEETS.laspeyres, "$.laspeyres");
  const cohorts = records<Record<string, unknown>>(r, SHEETS.cohorts, "$.retirement.cohorts");
  const hiring = records<Record<string, unknown>>(r, SHEETS.hiring, "$.retirement.hiring");
  const staffingPlan = readPlan(r, item);
  const movements = records<Record<string, unknown>>(r, SHEETS.movements, "$.movements");
  if (r.problems.errors.length > 0) refuse(r.problems);

  const document = defined({
    format: STAFFING_DOCUMENT_FORMAT,
    municipality: { code, name },
    title: item("表題")[0] || undefined,
    sources: item("出典"),
    sectorScheme: item("部門の体系")[0] || undefined,
    units,
    headcounts,
    breakdowns,
    quotas,
    quotaCeilings,
    printedTotals,
    populations,
    diagnoses,
    peerComparisons,
    classifications,
    laspeyres,
    retirement: { cohorts, hiring },
    staffingPlan,
    movements,
    ...reader.peerGroupAndYearLabels(item),
  }) as Input;
  return { document, places: r.placeIndex(), findings: r.problems.findings };
}
