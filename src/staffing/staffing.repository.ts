/**
 * SQL for staffing: storing a whole staffing document of a municipality (replacing what it had). Reading
 * it back is in staffing.load.repository.ts. Every query goes through scoped(q, code) (src/db/tenant.ts).
 */
import { randomUUID } from "node:crypto";
import type { Source, StaffingDocument } from "../core/staffing-document/index.ts";
import { json } from "../db/schema.ts";
import { type Q, scoped } from "../db/tenant.ts";

const CHUNK = 500;
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const src = (s: Source | undefined) => (s ? json(s) : null);

/** Children first, so no foreign key is left dangling. */
const TABLES_IN_DELETE_ORDER = [
  "staffing_movements",
  "staffing_plans",
  "staffing_hiring_plans",
  "staffing_cohorts",
  "staffing_laspeyres",
  "staffing_classifications",
  "staffing_peer_members",
  "staffing_peer_comparisons",
  "staffing_diagnosis_rows",
  "staffing_diagnoses",
  "staffing_populations",
  "staffing_printed_totals",
  "staffing_quota_ceilings",
  "staffing_quotas",
  "staffing_breakdowns",
  "staffing_headcounts",
  "staffing_units",
  "staffing_documents",
] as const;

export async function deleteStaffing(q: Q, code: string): Promise<void> {
  const s = scoped(q, code);
  for (const t of TABLES_IN_DELETE_ORDER) await s.deleteFrom(t).execute();
}

/** Replaces the municipality's staffing data by the document. Run inside a transaction. */
export async function replaceStaffing(q: Q, doc: StaffingDocument): Promise<void> {
  const code = doc.municipality.code;
  await q
    .insertInto("municipalities")
    .values({ municipality_code: code, name: doc.municipality.name })
    // A staffing document registers a new municipality but never renames one: its name as the plans know it stays.
    .onConflict((oc) => oc.column("municipality_code").doNothing())
    .execute();
  await deleteStaffing(q, code);
  await q
    .insertInto("staffing_documents")
    .values({
      municipality_code: code,
      title: doc.title ?? null,
      sector_scheme: doc.sectorScheme,
      sources: json(doc.sources),
      peer_group: doc.peerGroup ? json(doc.peerGroup) : null,
      year_labels: doc.yearLabels.length > 0 ? json(doc.yearLabels) : null,
    })
    .execute();
  const unitId = await insertUnits(q, code, doc.units);
  await insertUnitFigures(q, code, doc, unitId);
  await insertDiagnoses(q, code, doc.diagnoses);
  await insertPeerComparisons(q, code, doc.peerComparisons);
  await insertYearFigures(q, code, doc);
}

type Doc = StaffingDocument;

/**
 * Units in an order where every parent comes before its children (the document's order otherwise), so each row
 * is inserted with its parent link in one statement per chunk. Returns the database id of each unit key.
 */
async function insertUnits(q: Q, code: string, units: Doc["units"]): Promise<(key: string) => string> {
  const ids = new Map(units.map((u) => [u.key, randomUUID()]));
  const position = new Map(units.map((u, i) => [u.key, i]));
  const byKey = new Map(units.map((u) => [u.key, u]));
  const ordered: Doc["units"] = [];
  const placed = new Set<string>();
  const place = (u: Doc["units"][number]) => {
    // The document's validation refuses cycles and unknown parents; the bound keeps this walk finite regardless.
    const chain: Doc["units"] = [];
    for (let x: typeof u | undefined = u; x && !placed.has(x.key) && chain.length <= units.length; ) {
      chain.push(x);
      x = x.parent === undefined ? undefined : byKey.get(x.parent);
    }
    for (const x of chain.reverse()) {
      if (placed.has(x.key)) continue;
      placed.add(x.key);
      ordered.push(x);
    }
  };
  for (const u of units) place(u);
  const unitId = (key: string) => ids.get(key)!;
  await insertChunks(ordered, (chunk) =>
    q
      .insertInto("staffing_units")
      .values(
        chunk.map((u) => ({
          municipality_code: code,
          id: unitId(u.key),
          key: u.key,
          name: u.name,
          parent_id: u.parent === undefined ? null : unitId(u.parent),
          kind: u.kind ?? null,
          sector: u.sector ?? null,
          staff_class: u.staffClass ?? null,
          note: u.note ?? null,
          position: position.get(u.key)!,
          source: src(u.source),
        })),
      )
      .execute(),
  );
  return unitId;
}

/** The figures kept per unit and year: headcounts, breakdowns, quotas, quota ceilings, printed totals. */
async function insertUnitFigures(
  q: Q,
  code: string,
  doc: Doc,
  unitId: (key: string) => string,
): Promise<void> {
  await insertChunks(doc.headcounts, (chunk) =>
    q
      .insertInto("staffing_headcounts")
      .values(
        chunk.map((h) => ({
          municipality_code: code,
          unit_id: unitId(h.unit),
          fiscal_year: h.fiscalYear,
          count: h.count,
          as_of: h.asOf ?? null,
          source: src(h.source),
        })),
      )
      .execute(),
  );
  await insertChunks(doc.breakdowns, (chunk) =>
    q
      .insertInto("staffing_breakdowns")
      .values(
        chunk.map((b) => ({
          municipality_code: code,
          unit_id: unitId(b.unit),
          fiscal_year: b.fiscalYear,
          category: b.category,
          count: b.count,
          label: b.label ?? null,
          source: src(b.source),
        })),
      )
      .execute(),
  );
  await insertChunks(doc.quotas, (chunk) =>
    q
      .insertInto("staffing_quotas")
      .values(
        chunk.map((x) => ({
          municipality_code: code,
          unit_id: unitId(x.unit),
          fiscal_year: x.fiscalYear,
          quota: x.quota,
          source: src(x.source),
        })),
      )
      .execute(),
  );
  await insertChunks(doc.quotaCeilings, (chunk) =>
    q
      .insertInto("staffing_quota_ceilings")
      .values(
        chunk.map((x) => ({
          municipality_code: code,
          unit_id: unitId(x.unit),
          fiscal_year: x.fiscalYear,
          value: x.value,
          label: x.label ?? null,
          source: src(x.source),
        })),
      )
      .execute(),
  );
  await insertChunks(doc.printedTotals, (chunk) =>
    q
      .insertInto("staffing_printed_totals")
      .values(
        chunk.map((x) => ({
          municipality_code: code,
          unit_id: unitId(x.unit),
          fiscal_year: x.fiscalYear,
          measure: x.measure,
          value: x.value,
          label: x.label ?? null,
          source: src(x.source),
        })),
      )
      .execute(),
  );
}

/** The 類似団体 diagnoses, each with its rows by 部門. */
async function insertDiagnoses(q: Q, code: string, diagnoses: Doc["diagnoses"]): Promise<void> {
  for (const d of diagnoses) {
    await q
      .insertInto("staffing_diagnoses")
      .values({
        municipality_code: code,
        fiscal_year: d.fiscalYear,
        population: d.population,
        population_as_of: d.populationAsOf ?? null,
        peer_group: json(d.peerGroup),
        averages: json(d.averages),
        printed_totals: json(d.printedTotals),
        source: src(d.source),
      })
      .execute();
    if (d.rows.length > 0)
      await q
        .insertInto("staffing_diagnosis_rows")
        .values(
          d.rows.map((r, i) => ({
            municipality_code: code,
            fiscal_year: d.fiscalYear,
            sector: r.sector,
            position: i,
            previous: r.previous ?? null,
            current: r.current ?? null,
            simple_per10k: r.simple?.per10k ?? null,
            simple_estimate: r.simple?.estimate ?? null,
            corrected_per10k: r.corrected?.per10k ?? null,
            corrected_estimate: r.corrected?.estimate ?? null,
            source: src(r.source),
          })),
        )
        .execute();
  }
}

/** The peer comparisons, each with its member municipalities. */
async function insertPeerComparisons(q: Q, code: string, comparisons: Doc["peerComparisons"]): Promise<void> {
  for (const c of comparisons) {
    await q
      .insertInto("staffing_peer_comparisons")
      .values({
        municipality_code: code,
        fiscal_year: c.fiscalYear,
        population_as_of: c.populationAsOf ?? null,
        peer_group: json(c.peerGroup),
        group_totals: c.group ? json(c.group) : null,
      })
      .execute();
    if (c.members.length > 0)
      await q
        .insertInto("staffing_peer_members")
        .values(
          c.members.map((m, i) => ({
            municipality_code: code,
            fiscal_year: c.fiscalYear,
            position: i,
            prefecture: m.prefecture ?? null,
            name: m.name,
            is_self: m.self,
            population: m.population,
            ordinary_account: m.ordinaryAccount,
            general_administration: m.generalAdministration ?? null,
            source: src(m.source),
          })),
        )
        .execute();
  }
}

/** What is kept per fiscal year for the whole municipality: population, classification, ラスパイレス, retirement, plans. */
async function insertYearFigures(q: Q, code: string, doc: Doc): Promise<void> {
  await insertChunks(doc.populations, (chunk) =>
    q
      .insertInto("staffing_populations")
      .values(
        chunk.map((p) => ({
          municipality_code: code,
          fiscal_year: p.fiscalYear,
          population: p.population,
          as_of: p.asOf ?? null,
          basis: p.basis ?? null,
          source: src(p.source),
        })),
      )
      .execute(),
  );
  if (doc.classifications.length > 0)
    await q
      .insertInto("staffing_classifications")
      .values(
        doc.classifications.map((c) => ({
          municipality_code: code,
          fiscal_year: c.fiscalYear,
          scheme: c.scheme,
          population: c.population,
          population_as_of: c.populationAsOf ?? null,
          census_year: c.censusYear ?? null,
          employed: c.employed ? json(c.employed) : null,
          shares: c.shares ? json(c.shares) : null,
          printed_group: c.printedGroup ?? null,
          source: src(c.source),
        })),
      )
      .execute();
  if (doc.laspeyres.length > 0)
    await q
      .insertInto("staffing_laspeyres")
      .values(
        doc.laspeyres.map((l) => ({
          municipality_code: code,
          fiscal_year: l.fiscalYear,
          own: l.own,
          peer_average: l.peerAverage ?? null,
          national_average: l.nationalAverage ?? null,
          national_label: l.nationalLabel ?? null,
          source: src(l.source),
        })),
      )
      .execute();
  if (doc.retirement.cohorts.length > 0)
    await q
      .insertInto("staffing_cohorts")
      .values(
        doc.retirement.cohorts.map((c) => ({
          municipality_code: code,
          birth_fiscal_year: c.birthFiscalYear,
          count: c.count ?? null,
          label: c.label ?? null,
          printed_until: c.printedUntil ?? null,
          source: src(c.source),
        })),
      )
      .execute();
  if (doc.retirement.hiring.length > 0)
    await q
      .insertInto("staffing_hiring_plans")
      .values(
        doc.retirement.hiring.map((h) => ({
          municipality_code: code,
          fiscal_year: h.fiscalYear,
          hires: h.hires,
          other_leavers: h.otherLeavers ?? null,
          source: src(h.source),
        })),
      )
      .execute();
  if (doc.staffingPlan)
    await q
      .insertInto("staffing_plans")
      .values({ municipality_code: code, plan: json(doc.staffingPlan) })
      .execute();
  if (doc.movements.length > 0)
    await q
      .insertInto("staffing_movements")
      .values(
        doc.movements.map((m) => ({
          municipality_code: code,
          fiscal_year: m.fiscalYear,
          leavers: m.leavers ?? null,
          hires: m.hires ?? null,
          source: src(m.source),
        })),
      )
      .execute();
}

export { listStaffing, loadStaffing, type StaffingSummaryRow } from "./staffing.load.repository.ts";
