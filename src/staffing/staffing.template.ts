/**
 * The staffing spreadsheet template (定数管理テンプレート): gyokaku writes a municipality's staffing data
 * into it and reads it back (staffing.template-read.ts), both through the workbook engine
 * (src/core/workbook) and the sheet descriptions of staffing.template-sheets.ts. Headcounts by unit with
 * one column per fiscal year, as 図表4.
 */

import type { Finding } from "../core/findings.ts";
import {
  breakdownCategories,
  type Locate,
  STAFFING_DOCUMENT_FORMAT,
  type StaffingDocument,
  type StaffingDocumentInput,
} from "../core/staffing-document/index.ts";
import { guideSheet, type RowData, type SheetData, writeWorkbook } from "../core/workbook/index.ts";
import { NATIONAL_SECTOR_SCHEME } from "../domain/staffing/index.ts";
import { readStaffingWorkbookPlain } from "./staffing.template-read.ts";
import { locateIn } from "./staffing.template-reader.ts";
import {
  HEADCOUNT_SHEET,
  headcountSheet,
  INSTRUCTIONS,
  PLAN_ITEMS,
  SHEETS,
} from "./staffing.template-sheets.ts";

/** Reads the template back: the document (not yet validated), `locate` for its parse, the findings. */
export async function readStaffingWorkbook(
  file: string,
  bytes: Uint8Array,
): Promise<{ document: StaffingDocumentInput; locate: Locate; findings: Finding[] }> {
  const { document, places, findings } = await readStaffingWorkbookPlain(file, bytes);
  return { document, locate: locateIn(file, places), findings };
}

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
    movements: [],
    yearLabels: [],
  };
}

/** Fields whose value is undefined are left out: an empty cell. */
function row(o: Record<string, unknown>): RowData {
  const out: RowData = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
}

/** 職員数: one row per unit (and one per breakdown), one column per fiscal year. */
function headcountRows(doc: StaffingDocument): SheetData {
  const years = [...new Set([...doc.headcounts, ...doc.breakdowns].map((h) => h.fiscalYear))].sort();
  const byYear = (list: { fiscalYear: number; count: number }[]) =>
    Object.fromEntries(list.map((h) => [String(h.fiscalYear), h.count]));
  const rows: RowData[] = [];
  for (const u of doc.units) {
    const own = doc.headcounts.filter((h) => h.unit === u.key);
    if (own.length > 0) rows.push(row({ key: u.key, name: u.name, category: "headcount", ...byYear(own) }));
    for (const cat of breakdownCategories) {
      const list = doc.breakdowns.filter((x) => x.category === cat && x.unit === u.key);
      if (list.length === 0) continue;
      const label = list.find((x) => x.label !== undefined)?.label;
      rows.push(row({ key: u.key, name: u.name, category: cat, label, ...byYear(list) }));
    }
  }
  return { def: headcountSheet(years), rows };
}

/** The conditions of each year's peer comparison and diagnosis, one row per year. */
function conditionRows(doc: StaffingDocument): RowData[] {
  const conditions = new Map<number, Record<string, unknown>>();
  for (const c of doc.peerComparisons)
    conditions.set(c.fiscalYear, {
      fiscalYear: c.fiscalYear,
      kind: c.peerGroup.scheme,
      ...c.peerGroup,
      populationAsOf: c.populationAsOf,
    });
  for (const d of doc.diagnoses)
    conditions.set(d.fiscalYear, {
      ...conditions.get(d.fiscalYear),
      fiscalYear: d.fiscalYear,
      kind: d.peerGroup.scheme,
      ...d.peerGroup,
      population: d.population,
      populationAsOf: d.populationAsOf ?? conditions.get(d.fiscalYear)?.populationAsOf,
    });
  return [...conditions.values()].sort((a, b) => Number(a.fiscalYear) - Number(b.fiscalYear)).map(row);
}

function diagnosisRows(doc: StaffingDocument): RowData[] {
  return doc.diagnoses.flatMap((d) => [
    ...d.rows.map((r) =>
      row({
        fiscalYear: d.fiscalYear,
        sector: r.sector,
        previous: r.previous,
        current: r.current,
        simplePer10k: r.simple?.per10k,
        simpleEstimate: r.simple?.estimate,
        correctedPer10k: r.corrected?.per10k,
        correctedEstimate: r.corrected?.estimate,
      }),
    ),
    ...NATIONAL_SECTOR_SCHEME.totals.flatMap((t) => {
      const avg = d.averages.find((a) => a.total === t.name);
      const printed = d.printedTotals.find((p) => p.total === t.name);
      if (!avg && !printed) return [];
      return [
        row({
          fiscalYear: d.fiscalYear,
          sector: t.name,
          previous: printed?.previous,
          current: printed?.current,
          simplePer10k: avg?.simplePer10k,
          correctedPer10k: avg?.correctedPer10k,
        }),
      ];
    }),
  ]);
}

/** 定員適正化計画: per scope, the base row then its targets. */
function planRows(doc: StaffingDocument): RowData[] {
  const plan = doc.staffingPlan;
  if (!plan) return [];
  return plan.lines.flatMap((l) => [
    row({ scope: l.scope, fiscalYear: plan.baseFiscalYear, kind: "base", headcount: l.baseHeadcount }),
    ...l.targets.map((t) =>
      row({ scope: l.scope, fiscalYear: t.fiscalYear, kind: "target", headcount: t.headcount }),
    ),
  ]);
}

/** The document as the template's sheets, 説明 first. */
export function staffingSheets(doc: StaffingDocument): SheetData[] {
  const names = new Map(doc.units.map((u) => [u.key, u.name]));
  const sheets: SheetData[] = [
    {
      def: SHEETS.document,
      rows: [
        { item: "団体コード", value: doc.municipality.code },
        { item: "団体名", value: doc.municipality.name },
        { item: "表題", value: doc.title ?? "" },
        { item: "部門の体系", value: doc.sectorScheme },
        ...doc.sources.map((s) => ({ item: "出典", value: s })),
        ...(doc.peerGroup ? [{ item: "類型", value: `${doc.peerGroup.scheme} ${doc.peerGroup.group}` }] : []),
        ...doc.yearLabels.map((y) => ({
          item: "年度の表記",
          value: [y.fiscalYear, y.label, y.note].filter((x) => x !== undefined).join("｜"),
        })),
        ...(doc.staffingPlan
          ? [
              { item: PLAN_ITEMS.title, value: doc.staffingPlan.title ?? "" },
              { item: PLAN_ITEMS.from, value: String(doc.staffingPlan.fromFiscalYear) },
              { item: PLAN_ITEMS.to, value: String(doc.staffingPlan.toFiscalYear) },
            ]
          : []),
      ],
    },
    { def: SHEETS.units, rows: doc.units.map(row) },
    headcountRows(doc),
    { def: SHEETS.quotas, rows: doc.quotas.map((q) => row({ ...q, name: names.get(q.unit) })) },
    {
      def: SHEETS.printed,
      rows: [
        ...doc.printedTotals.map((p) => row({ ...p, name: names.get(p.unit) })),
        ...doc.quotaCeilings.map((c) => row({ ...c, name: names.get(c.unit), measure: "ceiling" })),
      ],
    },
    { def: SHEETS.populations, rows: doc.populations.map(row) },
    { def: SHEETS.peerGroups, rows: conditionRows(doc) },
    { def: SHEETS.diagnosis, rows: diagnosisRows(doc) },
    {
      def: SHEETS.peers,
      rows: doc.peerComparisons.flatMap((c) => [
        ...c.members.map((m) => row({ fiscalYear: c.fiscalYear, role: m.self ? "self" : "member", ...m })),
        ...(c.group
          ? [row({ fiscalYear: c.fiscalYear, role: "group", name: c.peerGroup.group, ...c.group })]
          : []),
      ]),
    },
    {
      def: SHEETS.classifications,
      rows: doc.classifications.map((c) => row({ ...c, kind: c.scheme, ...c.employed, ...c.shares })),
    },
    { def: SHEETS.laspeyres, rows: doc.laspeyres.map(row) },
    { def: SHEETS.cohorts, rows: doc.retirement.cohorts.map(row) },
    { def: SHEETS.hiring, rows: doc.retirement.hiring.map(row) },
    { def: SHEETS.plan, rows: planRows(doc) },
    { def: SHEETS.movements, rows: doc.movements.map(row) },
  ];
  return [
    guideSheet(
      INSTRUCTIONS,
      sheets.map((s) => s.def),
    ),
    ...sheets,
  ];
}

/** Writes a municipality's staffing document as the template workbook. */
export async function writeStaffingWorkbook(doc: StaffingDocument): Promise<Buffer> {
  return writeWorkbook(staffingSheets(doc), {
    title: doc.municipality.name ? `${doc.municipality.name} 定数管理` : "gyokaku 定数管理テンプレート",
    subject: STAFFING_DOCUMENT_FORMAT,
  });
}

export { HEADCOUNT_SHEET };
