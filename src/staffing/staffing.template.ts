/**
 * The staffing spreadsheet template (定数管理テンプレート): gyokaku writes a municipality's staffing data
 * into it and reads it back. One sheet per kind of data, header in row 1, one value per cell, numbers
 * without units, western fiscal years; headcounts by unit with one column per fiscal year, as 図表4. Each
 * sheet is described once (its columns) and both directions use that description, so what is written
 * can always be read. Every problem names the sheet, the row and the column.
 */
import ExcelJS from "exceljs";
import type { Locate, StaffingProblem } from "../core/staffing-document/index.ts";
import {
  BREAKDOWN_LABELS,
  type BreakdownCategory,
  breakdownCategories,
  invalidStaffingDocument,
  STAFFING_DOCUMENT_FORMAT,
  type StaffingDocument,
  type StaffingDocumentInput,
} from "../core/staffing-document/index.ts";
import { NATIONAL_SECTOR_SCHEME } from "../domain/staffing/index.ts";

type Kind = "text" | "count" | "positive" | "decimal" | "year" | "date" | "bool";
type Col = { header: string; field: string; kind: Kind; required?: boolean; width?: number; list?: string[] };
type SheetSpec = { name: string; columns: Col[] };

const SECTOR_NAMES = NATIONAL_SECTOR_SCHEME.sectors.map((s) => s.name);
const CLASS_LABELS = { general: "一般職", special: "特別職" } as const;
const PEER_KIND_LABELS: Record<string, string> = {
  "ruiji-shokuin-city": "一般市",
  "ruiji-shokuin-town": "町村",
};
const HEADCOUNT_LABEL = "職員数";

const col = (header: string, field: string, kind: Kind, extra: Partial<Col> = {}): Col => ({
  header,
  field,
  kind,
  ...extra,
});

export const SHEETS = {
  document: {
    name: "団体",
    columns: [
      col("項目", "item", "text", { required: true, width: 16 }),
      col("値", "value", "text", { width: 60 }),
    ],
  },
  units: {
    name: "組織",
    columns: [
      col("キー", "key", "text", { required: true, width: 18 }),
      col("名称", "name", "text", { required: true, width: 18 }),
      col("上位キー", "parent", "text", { width: 16 }),
      col("種別", "kind", "text", { width: 10 }),
      col("部門", "sector", "text", { width: 12, list: SECTOR_NAMES }),
      col("職員区分", "staffClass", "text", { width: 10, list: Object.values(CLASS_LABELS) }),
      col("備考", "note", "text", { width: 20 }),
    ],
  },
  quotas: {
    name: "定数",
    columns: [
      col("キー", "unit", "text", { required: true, width: 18 }),
      col("名称", "name", "text", { width: 18 }),
      col("年度", "fiscalYear", "year", { required: true }),
      col("定数", "quota", "count", { required: true }),
    ],
  },
  printed: {
    name: "資料の合計",
    columns: [
      col("キー", "unit", "text", { required: true, width: 18 }),
      col("名称", "name", "text", { width: 18 }),
      col("年度", "fiscalYear", "year", { required: true }),
      col("種類", "measure", "text", { required: true, width: 10, list: ["職員数", "定数", "定数上限"] }),
      col("値", "value", "count", { required: true }),
      col("表記", "label", "text", { width: 24 }),
    ],
  },
  populations: {
    name: "人口",
    columns: [
      col("年度", "fiscalYear", "year", { required: true }),
      col("人口", "population", "positive", { required: true, width: 12 }),
      col("基準日", "asOf", "date", { width: 12 }),
      col("種別", "basis", "text", { width: 18 }),
    ],
  },
  peerGroups: {
    name: "類似団体の条件",
    columns: [
      col("年度", "fiscalYear", "year", { required: true }),
      col("団体区分", "kind", "text", { required: true, list: Object.values(PEER_KIND_LABELS) }),
      col("類型", "group", "text", { required: true }),
      col("団体数", "members", "positive"),
      col("基準日", "baseDate", "date", { required: true, width: 12 }),
      col("資料名", "title", "text", { width: 40 }),
      col("人口", "population", "positive", { width: 12 }),
      col("人口基準日", "populationAsOf", "date", { width: 12 }),
    ],
  },
  diagnosis: {
    name: "診断表",
    columns: [
      col("年度", "fiscalYear", "year", { required: true }),
      col("部門", "sector", "text", { required: true, width: 14 }),
      col("前年職員数", "previous", "count"),
      col("職員数", "current", "count"),
      col("単純値 人口1万人当たり", "simplePer10k", "decimal", { width: 12 }),
      col("単純値 推計職員数", "simpleEstimate", "count", { width: 12 }),
      col("修正値 人口1万人当たり", "correctedPer10k", "decimal", { width: 12 }),
      col("修正値 推計職員数", "correctedEstimate", "count", { width: 12 }),
    ],
  },
  peers: {
    name: "類似団体",
    columns: [
      col("年度", "fiscalYear", "year", { required: true }),
      col("区分", "role", "text", { required: true, list: ["団体", "自団体", "類型合計"] }),
      col("都道府県", "prefecture", "text"),
      col("団体名", "name", "text", { width: 14 }),
      col("住基人口", "population", "positive", { required: true, width: 12 }),
      col("普通会計職員数", "ordinaryAccount", "count", { required: true }),
      col("一般行政部門職員数", "generalAdministration", "count"),
    ],
  },
  classifications: {
    name: "類型の判定",
    columns: [
      col("年度", "fiscalYear", "year", { required: true }),
      col("団体区分", "kind", "text", { required: true, list: Object.values(PEER_KIND_LABELS) }),
      col("人口", "population", "positive", { required: true, width: 12 }),
      col("人口基準日", "populationAsOf", "date", { width: 12 }),
      col("国勢調査年", "censusYear", "year"),
      col("第1次産業就業者数", "primary", "count"),
      col("第2次産業就業者数", "secondary", "count"),
      col("第3次産業就業者数", "tertiary", "count"),
      col("Ⅱ次・Ⅲ次 %", "secondaryTertiaryPercent", "decimal"),
      col("Ⅲ次 %", "tertiaryPercent", "decimal"),
      col("資料の類型", "printedGroup", "text"),
    ],
  },
  laspeyres: {
    name: "ラスパイレス指数",
    columns: [
      col("年度", "fiscalYear", "year", { required: true }),
      col("指数", "own", "decimal", { required: true }),
      col("類似団体平均", "peerAverage", "decimal"),
      col("全国平均", "nationalAverage", "decimal"),
      col("全国平均の名称", "nationalLabel", "text", { width: 14 }),
    ],
  },
  cohorts: {
    name: "年齢構成",
    columns: [col("生年度", "birthFiscalYear", "year", { required: true }), col("人数", "count", "count")],
  },
  hiring: {
    name: "採用計画",
    columns: [
      col("年度", "fiscalYear", "year", { required: true }),
      col("採用数", "hires", "count", { required: true }),
      col("その他の退職者数", "otherLeavers", "count", { width: 14 }),
    ],
  },
} satisfies Record<string, SheetSpec>;

const HEADCOUNT_SHEET = "職員数";
const README_SHEET = "説明";

/** Column letter of a 1-based index. */
function letter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------- writing

function styleHeader(ws: ExcelJS.Worksheet): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F5" } };
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, rows: Record<string, unknown>[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name);
  ws.columns = spec.columns.map((c) => ({ header: c.header, key: c.field, width: c.width ?? 10 }));
  for (const r of rows) ws.addRow(r);
  styleHeader(ws);
  spec.columns.forEach((c, i) => {
    if (!c.list) return;
    for (let r = 2; r <= rows.length + 100; r++)
      ws.getCell(r, i + 1).dataValidation = {
        type: "list",
        allowBlank: !c.required,
        formulae: [`"${c.list.join(",")}"`],
      };
  });
  return ws;
}

const README = [
  "gyokaku 定数管理テンプレート",
  "",
  "各シートの1行目は見出しです。1セルに1つの値を、数値は単位を付けずに入力してください。年度は西暦（2025 = 令和7年度）です。",
  "「団体」: 団体コード（6桁）と団体名。",
  "「組織」: 部局・部・課などを1行ずつ。上位キーで階層を表します。一般職で下位組織のない組織には、必ず部門（国の定員管理調査の16部門）を選んでください。",
  "「職員数」: 4月1日現在の職員数。組織ごと・年度ごと（列）。合計や小計は入力しません（gyokaku が下位組織から計算します）。区分が「うち派遣職員」などの行は内数です。",
  "「定数」: 条例定数。下位組織に定数がない場合だけ、上位組織に入力します。",
  "「資料の合計」: 元の資料に印刷されていた合計（確認用。計算した合計と違えば指摘します）。",
  "「人口」: 職員数と比べる人口（住民基本台帳人口、基準日）。",
  "「類似団体の条件」「診断表」: 定員管理診断表。部門ごとの類似団体の平均（人口1万人当たり）か、推計職員数を入力します。「普通会計計」「一般行政計」の行には類型の平均を入力できます。",
  "「類似団体」: 類似団体との比較（住基人口、普通会計・一般行政部門の職員数）。",
  "「類型の判定」: 人口と産業別就業者数（または構成比）から類似団体の類型を判定します。",
  "「ラスパイレス指数」「年齢構成」「採用計画」: 給与水準、生年度（4月2日～翌年4月1日生まれ）ごとの人数、採用計画。",
  "",
  "負の数、数値でない人数、部門のない組織、0の人口は取り込めません（シート・行・列を示してお知らせします）。",
];

/** A document with nothing in it, for the blank template. */
export function emptyStaffingDocument(): StaffingDocument {
  return {
    format: STAFFING_DOCUMENT_FORMAT,
    municipality: { code: "", name: "" },
    sources: [],
    sectorScheme: "teiin-kanri-chosa",
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
    retirement: { cohorts: [], hiring: [] },
  };
}

/** Writes a municipality's staffing document as the template workbook. */
export async function writeStaffingWorkbook(doc: StaffingDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "gyokaku";
  const readme = wb.addWorksheet(README_SHEET);
  readme.getColumn(1).width = 120;
  for (const line of README) readme.addRow([line]);
  readme.getRow(1).font = { bold: true, size: 14 };

  const names = new Map(doc.units.map((u) => [u.key, u.name]));
  addSheet(wb, SHEETS.document, [
    { item: "団体コード", value: doc.municipality.code },
    { item: "団体名", value: doc.municipality.name },
    { item: "表題", value: doc.title ?? "" },
    { item: "部門の体系", value: doc.sectorScheme },
    ...doc.sources.map((s) => ({ item: "出典", value: s })),
  ]);
  addSheet(
    wb,
    SHEETS.units,
    doc.units.map((u) => ({ ...u, staffClass: u.staffClass ? CLASS_LABELS[u.staffClass] : undefined })),
  );

  // 職員数: one row per unit (and one per breakdown), one column per fiscal year.
  const years = [...new Set([...doc.headcounts, ...doc.breakdowns].map((h) => h.fiscalYear))].sort();
  const ws = wb.addWorksheet(HEADCOUNT_SHEET);
  ws.columns = [
    { header: "キー", key: "key", width: 18 },
    { header: "名称", key: "name", width: 18 },
    { header: "区分", key: "category", width: 26 },
    { header: "表記", key: "label", width: 18 },
    ...years.map((y) => ({ header: `${y}年度`, key: String(y), width: 9 })),
  ];
  const value = (list: { unit: string; fiscalYear: number; count: number }[], unit: string) =>
    Object.fromEntries(list.filter((h) => h.unit === unit).map((h) => [String(h.fiscalYear), h.count]));
  for (const u of doc.units) {
    const own = value(doc.headcounts, u.key);
    if (Object.keys(own).length > 0)
      ws.addRow({ key: u.key, name: u.name, category: HEADCOUNT_LABEL, ...own });
    for (const cat of breakdownCategories) {
      const list = doc.breakdowns.filter((x) => x.category === cat && x.unit === u.key);
      if (list.length === 0) continue;
      const label = list.find((x) => x.label !== undefined)?.label;
      ws.addRow({
        key: u.key,
        name: u.name,
        category: BREAKDOWN_LABELS[cat],
        label: label !== BREAKDOWN_LABELS[cat] ? label : undefined,
        ...value(list, u.key),
      });
    }
  }
  styleHeader(ws);
  const categoryList = `"${[HEADCOUNT_LABEL, ...breakdownCategories.map((c) => BREAKDOWN_LABELS[c])].join(",")}"`;
  const lastRow = ws.rowCount + 100; // fixed first: touching a cell adds rows
  for (let r = 2; r <= lastRow; r++)
    ws.getCell(r, 3).dataValidation = { type: "list", allowBlank: true, formulae: [categoryList] };

  addSheet(
    wb,
    SHEETS.quotas,
    doc.quotas.map((q) => ({ ...q, name: names.get(q.unit) })),
  );
  addSheet(wb, SHEETS.printed, [
    ...doc.printedTotals.map((p) => ({
      ...p,
      name: names.get(p.unit),
      measure: p.measure === "headcount" ? "職員数" : "定数",
    })),
    ...doc.quotaCeilings.map((c) => ({ ...c, name: names.get(c.unit), measure: "定数上限" })),
  ]);
  addSheet(wb, SHEETS.populations, doc.populations);

  const conditions = new Map<number, Record<string, unknown>>();
  for (const c of doc.peerComparisons)
    conditions.set(c.fiscalYear, {
      fiscalYear: c.fiscalYear,
      kind: PEER_KIND_LABELS[c.peerGroup.scheme] ?? c.peerGroup.scheme,
      ...c.peerGroup,
      populationAsOf: c.populationAsOf,
    });
  for (const d of doc.diagnoses)
    conditions.set(d.fiscalYear, {
      ...conditions.get(d.fiscalYear),
      fiscalYear: d.fiscalYear,
      kind: PEER_KIND_LABELS[d.peerGroup.scheme] ?? d.peerGroup.scheme,
      ...d.peerGroup,
      population: d.population,
      populationAsOf: d.populationAsOf ?? conditions.get(d.fiscalYear)?.populationAsOf,
    });
  addSheet(
    wb,
    SHEETS.peerGroups,
    [...conditions.values()].sort((a, b) => Number(a.fiscalYear) - Number(b.fiscalYear)),
  );
  addSheet(
    wb,
    SHEETS.diagnosis,
    doc.diagnoses.flatMap((d) => [
      ...d.rows.map((r) => ({
        fiscalYear: d.fiscalYear,
        sector: r.sector,
        previous: r.previous,
        current: r.current,
        simplePer10k: r.simple?.per10k,
        simpleEstimate: r.simple?.estimate,
        correctedPer10k: r.corrected?.per10k,
        correctedEstimate: r.corrected?.estimate,
      })),
      ...NATIONAL_SECTOR_SCHEME.totals
        .map((t) => {
          const avg = d.averages.find((a) => a.total === t.name);
          const printed = d.printedTotals.find((p) => p.total === t.name);
          if (!avg && !printed) return null;
          return {
            fiscalYear: d.fiscalYear,
            sector: t.name,
            previous: printed?.previous,
            current: printed?.current,
            simplePer10k: avg?.simplePer10k,
            correctedPer10k: avg?.correctedPer10k,
          };
        })
        .filter((x) => x !== null),
    ]),
  );
  addSheet(
    wb,
    SHEETS.peers,
    doc.peerComparisons.flatMap((c) => [
      ...c.members.map((m) => ({ fiscalYear: c.fiscalYear, role: m.self ? "自団体" : "団体", ...m })),
      ...(c.group
        ? [{ fiscalYear: c.fiscalYear, role: "類型合計", name: c.peerGroup.group, ...c.group }]
        : []),
    ]),
  );
  addSheet(
    wb,
    SHEETS.classifications,
    doc.classifications.map((c) => ({
      ...c,
      kind: PEER_KIND_LABELS[c.scheme] ?? c.scheme,
      ...c.employed,
      ...c.shares,
    })),
  );
  addSheet(wb, SHEETS.laspeyres, doc.laspeyres);
  addSheet(wb, SHEETS.cohorts, doc.retirement.cohorts);
  addSheet(wb, SHEETS.hiring, doc.retirement.hiring);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reading

export function isXlsx(path: string, bytes: Uint8Array): boolean {
  // An xlsx file is a zip archive: "PK\x03\x04".
  return (
    path.toLowerCase().endsWith(".xlsx") ||
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
  );
}

type Ctx = {
  file: string;
  problems: StaffingProblem[];
  places: Map<string, { sheet: string; row: number; cols: Map<string, string> }>;
};

function cellText(v: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && !(v instanceof Date)) {
    if ("result" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as { text: unknown }).text);
    if ("error" in v) return `#${String((v as { error: unknown }).error)}`;
    return null;
  }
  return v;
}

/** A number written in a cell: 1104, "1,104", "１１０４". */
function numberOf(raw: string | number | boolean | Date): number | null {
  if (typeof raw === "number") return raw;
  if (typeof raw !== "string") return null;
  const t = raw.normalize("NFKC").replace(/,/g, "").replace(/[▲△]/, "-").trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

function isoDate(raw: string | number | boolean | Date): string | null {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === "string") {
    const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw.normalize("NFKC").trim());
    if (m) return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  }
  return null;
}

/** Reads one cell by its kind; a problem (naming sheet, row, column) makes it undefined. */
function readCell(
  ctx: Ctx,
  sheet: string,
  row: number,
  colIndex: number,
  header: string,
  kind: Kind,
  raw: ExcelJS.CellValue,
  required: boolean,
): unknown {
  const v = cellText(raw);
  const where = `シート「${sheet}」 行 ${row} 列 ${letter(colIndex)}（${header}）`;
  const problem = (message: string) => {
    ctx.problems.push({ path: `${sheet}!${letter(colIndex)}${row}`, where, message });
    return undefined;
  };
  if (v === null || (typeof v === "string" && v.trim() === "")) {
    return required ? problem(`${header}が空欄です`) : undefined;
  }
  switch (kind) {
    case "text":
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
    case "bool":
      return v === true || v === "true" || v === "はい";
    case "date":
      return isoDate(v) ?? problem(`日付「${String(v)}」が読めません（YYYY-MM-DD）`);
    default: {
      const n = numberOf(v);
      if (n === null) return problem(`「${String(v)}」が数値として読めません`);
      if (kind === "decimal") return n < 0 ? problem(`負の数「${String(v)}」は使えません`) : n;
      if (!Number.isInteger(n)) return problem(`「${String(v)}」は整数ではありません`);
      if (kind === "year")
        return n >= 1900 && n <= 2200 ? n : problem(`年度「${String(v)}」は西暦で書きます（例 2025）`);
      if (n < 0) return problem(`負の数「${String(v)}」は使えません`);
      if (kind === "positive" && n === 0) return problem(`${header}が 0 です（0 より大きい数が必要です）`);
      return n;
    }
  }
}

/** Rows of a sheet as records keyed by field; blank rows are skipped. Headers are checked. */
function readSheet(
  ctx: Ctx,
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
): { row: number; values: Record<string, unknown> }[] {
  const ws = wb.getWorksheet(spec.name);
  if (!ws) return [];
  const header = ws.getRow(1);
  const index = new Map<string, number>();
  header.eachCell((cell, c) => {
    const h = String(cellText(cell.value) ?? "").trim();
    const column = spec.columns.find((x) => x.header === h);
    if (column) index.set(column.field, c);
  });
  for (const c of spec.columns.filter((x) => x.required && !index.has(x.field)))
    ctx.problems.push({
      path: `${spec.name}!1`,
      where: `シート「${spec.name}」 行 1`,
      message: `見出し「${c.header}」の列がありません`,
    });
  const out: { row: number; values: Record<string, unknown> }[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const blank = spec.columns.every((c) => {
      const v = index.has(c.field) ? cellText(row.getCell(index.get(c.field)!).value) : null;
      return v === null || (typeof v === "string" && v.trim() === "");
    });
    if (blank) continue;
    const values: Record<string, unknown> = {};
    for (const c of spec.columns) {
      const ci = index.get(c.field);
      if (ci === undefined) continue;
      const v = readCell(ctx, spec.name, r, ci, c.header, c.kind, row.getCell(ci).value, c.required ?? false);
      if (v !== undefined) values[c.field] = v;
    }
    out.push({ row: r, values });
  }
  return out;
}

function place(
  ctx: Ctx,
  path: string,
  sheet: string,
  row: number,
  wb: ExcelJS.Workbook,
  cols?: Map<string, string>,
) {
  let map = cols;
  if (!map) {
    map = new Map();
    const ws = wb.getWorksheet(sheet);
    ws?.getRow(1).eachCell((cell, c) => {
      const h = String(cellText(cell.value) ?? "").trim();
      const spec = Object.values(SHEETS).find((s) => s.name === sheet);
      const column = spec?.columns.find((x) => x.header === h);
      if (column) map!.set(column.field, `${letter(c)}（${h}）`);
    });
  }
  ctx.places.set(path, { sheet, row, cols: map });
}

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * Reads the template back into a staffing document (not yet validated: the caller parses it with
 * `locate`, so document-level problems also name the cell).
 */
export async function readStaffingWorkbook(
  file: string,
  bytes: Uint8Array,
): Promise<{ document: StaffingDocumentInput; locate: Locate }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw invalidStaffingDocument(
      [{ path: "$", message: `xlsx として読めません: ${(e as Error).message}` }],
      file,
    );
  }
  const ctx: Ctx = { file, problems: [], places: new Map() };
  const source = (sheet: string, row: number, column?: string) =>
    defined({ file, sheet, row, column: column ?? undefined });

  const meta = readSheet(ctx, wb, SHEETS.document);
  const item = (name: string) =>
    meta.filter((m) => m.values.item === name).map((m) => m.values.value as string);
  const code = item("団体コード")[0];
  const name = item("団体名")[0];
  if (!wb.getWorksheet(SHEETS.units.name) || !wb.getWorksheet(HEADCOUNT_SHEET) || !code || !name)
    throw invalidStaffingDocument(
      [
        {
          path: "$",
          message: `gyokaku の定数管理テンプレートではありません（シート「${SHEETS.document.name}」の団体コード・団体名、シート「${SHEETS.units.name}」「${HEADCOUNT_SHEET}」が必要です）`,
        },
      ],
      file,
    );
  const classOf = (label: unknown) =>
    label === CLASS_LABELS.special
      ? "special"
      : label === CLASS_LABELS.general || label === undefined
        ? undefined
        : label;

  const units = readSheet(ctx, wb, SHEETS.units).map((r, i) => {
    place(ctx, `$.units[${i}]`, SHEETS.units.name, r.row, wb);
    return defined({
      key: r.values.key as string,
      name: r.values.name as string,
      parent: r.values.parent as string | undefined,
      kind: r.values.kind as string | undefined,
      sector: r.values.sector as string | undefined,
      staffClass: classOf(r.values.staffClass) as "special" | undefined,
      note: r.values.note as string | undefined,
      source: source(SHEETS.units.name, r.row),
    });
  });

  // 職員数 (wide): the year columns are those whose header names a fiscal year.
  const headcounts: NonNullable<StaffingDocumentInput["headcounts"]> = [];
  const breakdowns: NonNullable<StaffingDocumentInput["breakdowns"]> = [];
  const ws = wb.getWorksheet(HEADCOUNT_SHEET)!;
  const yearCols: { col: number; year: number; header: string }[] = [];
  let keyCol = 1;
  let categoryCol = 3;
  let labelCol = 0;
  ws.getRow(1).eachCell((cell, c) => {
    const h = String(cellText(cell.value) ?? "")
      .normalize("NFKC")
      .trim();
    if (h === "キー") keyCol = c;
    else if (h === "区分") categoryCol = c;
    else if (h === "表記") labelCol = c;
    const y = /^(\d{4})(年度)?$/.exec(h);
    if (y) yearCols.push({ col: c, year: Number(y[1]), header: h });
  });
  if (yearCols.length === 0)
    ctx.problems.push({
      path: `${HEADCOUNT_SHEET}!1`,
      where: `シート「${HEADCOUNT_SHEET}」 行 1`,
      message: "年度の列（2025年度 など）がありません",
    });
  const categoryByLabel = new Map<string, BreakdownCategory>(
    breakdownCategories.map((c) => [BREAKDOWN_LABELS[c], c] as const),
  );
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const unit = cellText(row.getCell(keyCol).value);
    const cells = yearCols.map((y) => ({ ...y, raw: row.getCell(y.col).value }));
    if ((unit === null || String(unit).trim() === "") && cells.every((c) => cellText(c.raw) === null))
      continue;
    if (unit === null || String(unit).trim() === "") {
      ctx.problems.push({
        path: `${HEADCOUNT_SHEET}!A${r}`,
        where: `シート「${HEADCOUNT_SHEET}」 行 ${r} 列 ${letter(keyCol)}（キー）`,
        message: "組織のキーが空欄です",
      });
      continue;
    }
    const catLabel = String(cellText(row.getCell(categoryCol).value) ?? "").trim();
    const category = catLabel === "" || catLabel === HEADCOUNT_LABEL ? null : categoryByLabel.get(catLabel);
    if (category === undefined) {
      ctx.problems.push({
        path: `${HEADCOUNT_SHEET}!${letter(categoryCol)}${r}`,
        where: `シート「${HEADCOUNT_SHEET}」 行 ${r} 列 ${letter(categoryCol)}（区分）`,
        message: `区分「${catLabel}」を知りません（${[HEADCOUNT_LABEL, ...categoryByLabel.keys()].join("、")}）`,
      });
      continue;
    }
    for (const c of cells) {
      const v = readCell(ctx, HEADCOUNT_SHEET, r, c.col, c.header, "count", c.raw, false) as
        | number
        | undefined;
      if (v === undefined) continue;
      const src = source(HEADCOUNT_SHEET, r, letter(c.col));
      if (category === null) {
        ctx.places.set(`$.headcounts[${headcounts.length}]`, {
          sheet: HEADCOUNT_SHEET,
          row: r,
          cols: new Map([
            ["count", `${letter(c.col)}（${c.header}）`],
            ["unit", `${letter(keyCol)}（キー）`],
          ]),
        });
        headcounts.push({ unit: String(unit).trim(), fiscalYear: c.year, count: v, source: src });
      } else {
        ctx.places.set(`$.breakdowns[${breakdowns.length}]`, {
          sheet: HEADCOUNT_SHEET,
          row: r,
          cols: new Map([["count", `${letter(c.col)}（${c.header}）`]]),
        });
        breakdowns.push({
          unit: String(unit).trim(),
          fiscalYear: c.year,
          category,
          count: v,
          label: (labelCol ? String(cellText(row.getCell(labelCol).value) ?? "").trim() : "") || catLabel,
          source: src,
        });
      }
    }
  }

  const quotas = readSheet(ctx, wb, SHEETS.quotas).map((r, i) => {
    place(ctx, `$.quotas[${i}]`, SHEETS.quotas.name, r.row, wb);
    return {
      unit: r.values.unit as string,
      fiscalYear: r.values.fiscalYear as number,
      quota: r.values.quota as number,
      source: source(SHEETS.quotas.name, r.row),
    };
  });
  const printedRows = readSheet(ctx, wb, SHEETS.printed);
  const printedTotals: NonNullable<StaffingDocumentInput["printedTotals"]> = [];
  const quotaCeilings: NonNullable<StaffingDocumentInput["quotaCeilings"]> = [];
  for (const r of printedRows) {
    const base = {
      unit: r.values.unit as string,
      fiscalYear: r.values.fiscalYear as number,
      value: r.values.value as number,
      ...(r.values.label ? { label: r.values.label as string } : {}),
      source: source(SHEETS.printed.name, r.row),
    };
    if (r.values.measure === "定数上限") {
      place(ctx, `$.quotaCeilings[${quotaCeilings.length}]`, SHEETS.printed.name, r.row, wb);
      quotaCeilings.push(base);
    } else if (r.values.measure === "職員数" || r.values.measure === "定数") {
      place(ctx, `$.printedTotals[${printedTotals.length}]`, SHEETS.printed.name, r.row, wb);
      printedTotals.push({ ...base, measure: r.values.measure === "職員数" ? "headcount" : "quota" });
    } else if (r.values.measure !== undefined) {
      ctx.problems.push({
        path: `${SHEETS.printed.name}!D${r.row}`,
        where: `シート「${SHEETS.printed.name}」 行 ${r.row} 列 D（種類）`,
        message: `種類「${String(r.values.measure)}」を知りません（職員数、定数、定数上限）`,
      });
    }
  }
  const populations = readSheet(ctx, wb, SHEETS.populations).map((r, i) => {
    place(ctx, `$.populations[${i}]`, SHEETS.populations.name, r.row, wb);
    return defined({
      fiscalYear: r.values.fiscalYear as number,
      population: r.values.population as number,
      asOf: r.values.asOf as string | undefined,
      basis: r.values.basis as string | undefined,
      source: source(SHEETS.populations.name, r.row),
    });
  });

  const schemeOf = (kind: unknown) =>
    Object.entries(PEER_KIND_LABELS).find(([, v]) => v === kind)?.[0] ?? String(kind ?? "");
  const conditions = new Map(
    readSheet(ctx, wb, SHEETS.peerGroups).map((r) => [r.values.fiscalYear as number, r] as const),
  );
  const peerGroupOf = (fy: number, sheet: string, row: number) => {
    const c = conditions.get(fy);
    if (!c) {
      ctx.problems.push({
        path: `${sheet}!A${row}`,
        where: `シート「${sheet}」 行 ${row} 列 A（年度）`,
        message: `${fy}年度の類似団体の条件がシート「${SHEETS.peerGroups.name}」にありません`,
      });
      return null;
    }
    return {
      condition: c,
      peerGroup: defined({
        scheme: schemeOf(c.values.kind),
        group: c.values.group as string,
        members: c.values.members as number | undefined,
        baseDate: c.values.baseDate as string,
        title: c.values.title as string | undefined,
      }),
    };
  };

  const diagnosisRows = readSheet(ctx, wb, SHEETS.diagnosis);
  const diagnoses: NonNullable<StaffingDocumentInput["diagnoses"]> = [];
  for (const fy of [...new Set(diagnosisRows.map((r) => r.values.fiscalYear as number))].sort()) {
    const rows = diagnosisRows.filter((r) => r.values.fiscalYear === fy);
    const pg = peerGroupOf(fy, SHEETS.diagnosis.name, rows[0]!.row);
    if (!pg) continue;
    if (pg.condition.values.population === undefined) {
      ctx.problems.push({
        path: `${SHEETS.peerGroups.name}!G${pg.condition.row}`,
        where: `シート「${SHEETS.peerGroups.name}」 行 ${pg.condition.row} 列 G（人口）`,
        message: `${fy}年度の診断表に使う人口が空欄です`,
      });
      continue;
    }
    const totals = new Set(NATIONAL_SECTOR_SCHEME.totals.map((t) => t.name));
    const sectorRows = rows.filter((r) => !totals.has(r.values.sector as string));
    const totalRows = rows.filter((r) => totals.has(r.values.sector as string));
    const di = diagnoses.length;
    sectorRows.forEach((r, j) => {
      place(ctx, `$.diagnoses[${di}].rows[${j}]`, SHEETS.diagnosis.name, r.row, wb);
    });
    const figure = (per10k: unknown, estimate: unknown) =>
      per10k === undefined && estimate === undefined
        ? undefined
        : defined({ per10k: per10k as number | undefined, estimate: estimate as number | undefined });
    diagnoses.push(
      defined({
        fiscalYear: fy,
        population: pg.condition.values.population as number,
        populationAsOf: pg.condition.values.populationAsOf as string | undefined,
        peerGroup: pg.peerGroup,
        averages: totalRows
          .filter((r) => r.values.simplePer10k !== undefined || r.values.correctedPer10k !== undefined)
          .map((r) =>
            defined({
              total: r.values.sector as string,
              simplePer10k: r.values.simplePer10k as number | undefined,
              correctedPer10k: r.values.correctedPer10k as number | undefined,
            }),
          ),
        rows: sectorRows.map((r) =>
          defined({
            sector: r.values.sector as string,
            previous: r.values.previous as number | undefined,
            current: r.values.current as number | undefined,
            simple: figure(r.values.simplePer10k, r.values.simpleEstimate),
            corrected: figure(r.values.correctedPer10k, r.values.correctedEstimate),
            source: source(SHEETS.diagnosis.name, r.row),
          }),
        ),
        printedTotals: totalRows
          .filter((r) => r.values.previous !== undefined || r.values.current !== undefined)
          .map((r) =>
            defined({
              total: r.values.sector as string,
              previous: r.values.previous as number | undefined,
              current: r.values.current as number | undefined,
              source: source(SHEETS.diagnosis.name, r.row),
            }),
          ),
      }),
    );
  }

  const peerRows = readSheet(ctx, wb, SHEETS.peers);
  const peerComparisons: NonNullable<StaffingDocumentInput["peerComparisons"]> = [];
  for (const fy of [...new Set(peerRows.map((r) => r.values.fiscalYear as number))].sort()) {
    const rows = peerRows.filter((r) => r.values.fiscalYear === fy);
    const pg = peerGroupOf(fy, SHEETS.peers.name, rows[0]!.row);
    if (!pg) continue;
    const group = rows.find((r) => r.values.role === "類型合計");
    const members = rows.filter((r) => r.values.role !== "類型合計");
    const ci = peerComparisons.length;
    members.forEach((r, j) => {
      place(ctx, `$.peerComparisons[${ci}].members[${j}]`, SHEETS.peers.name, r.row, wb);
    });
    peerComparisons.push(
      defined({
        fiscalYear: fy,
        populationAsOf: pg.condition.values.populationAsOf as string | undefined,
        peerGroup: pg.peerGroup,
        members: members.map((r) =>
          defined({
            prefecture: r.values.prefecture as string | undefined,
            name: (r.values.name as string | undefined) ?? "",
            self: r.values.role === "自団体",
            population: r.values.population as number,
            ordinaryAccount: r.values.ordinaryAccount as number,
            generalAdministration: r.values.generalAdministration as number | undefined,
            source: source(SHEETS.peers.name, r.row),
          }),
        ),
        group: group
          ? defined({
              population: group.values.population as number,
              ordinaryAccount: group.values.ordinaryAccount as number,
              generalAdministration: group.values.generalAdministration as number | undefined,
              source: source(SHEETS.peers.name, group.row),
            })
          : undefined,
      }),
    );
  }

  const classifications = readSheet(ctx, wb, SHEETS.classifications).map((r, i) => {
    place(ctx, `$.classifications[${i}]`, SHEETS.classifications.name, r.row, wb);
    const v = r.values;
    const hasCounts = v.primary !== undefined || v.secondary !== undefined || v.tertiary !== undefined;
    const hasShares = v.secondaryTertiaryPercent !== undefined || v.tertiaryPercent !== undefined;
    return defined({
      fiscalYear: v.fiscalYear as number,
      scheme: schemeOf(v.kind),
      population: v.population as number,
      populationAsOf: v.populationAsOf as string | undefined,
      censusYear: v.censusYear as number | undefined,
      employed: hasCounts ? { primary: v.primary, secondary: v.secondary, tertiary: v.tertiary } : undefined,
      shares: hasShares
        ? { secondaryTertiaryPercent: v.secondaryTertiaryPercent, tertiaryPercent: v.tertiaryPercent }
        : undefined,
      printedGroup: v.printedGroup as string | undefined,
      source: source(SHEETS.classifications.name, r.row),
    });
  });
  const laspeyres = readSheet(ctx, wb, SHEETS.laspeyres).map((r, i) => {
    place(ctx, `$.laspeyres[${i}]`, SHEETS.laspeyres.name, r.row, wb);
    return defined({ ...r.values, source: source(SHEETS.laspeyres.name, r.row) });
  });
  const cohorts = readSheet(ctx, wb, SHEETS.cohorts).map((r, i) => {
    place(ctx, `$.retirement.cohorts[${i}]`, SHEETS.cohorts.name, r.row, wb);
    return defined({ ...r.values, source: source(SHEETS.cohorts.name, r.row) });
  });
  const hiring = readSheet(ctx, wb, SHEETS.hiring).map((r, i) => {
    place(ctx, `$.retirement.hiring[${i}]`, SHEETS.hiring.name, r.row, wb);
    return defined({ ...r.values, source: source(SHEETS.hiring.name, r.row) });
  });

  if (ctx.problems.length > 0) throw invalidStaffingDocument(ctx.problems, file);

  const document = defined({
    format: STAFFING_DOCUMENT_FORMAT,
    municipality: { code: String(code), name: String(name) },
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
  }) as StaffingDocumentInput;

  const locate: Locate = (path) => {
    const m = /^(\$\.[A-Za-z.]+\[\d+\](?:\.rows\[\d+\]|\.members\[\d+\])?)(?:\.(\w+))?/.exec(path);
    if (!m) return undefined;
    const p = ctx.places.get(m[1]!);
    if (!p) return undefined;
    const column = m[2] ? p.cols.get(m[2]) : undefined;
    return `${file} シート「${p.sheet}」 行 ${p.row}${column ? ` 列 ${column}` : ""}`;
  };
  return { document, locate };
}
