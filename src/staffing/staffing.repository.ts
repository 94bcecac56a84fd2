/**
 * SQL for staffing: storing a whole staffing document of a municipality (replacing what it had) and
 * reading it back. Every query is scoped by municipality_code, the tenant key.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import {
  type BreakdownCategory,
  breakdownCategories,
  canonicalOrder,
  type Source,
  STAFFING_DOCUMENT_FORMAT,
  type StaffingDocument,
} from "../core/staffing-document/index.ts";
import type { Database } from "../db/schema.ts";
import { json } from "../db/schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

const CATEGORY_ORDER: readonly BreakdownCategory[] = breakdownCategories;

export type StaffingSummaryRow = {
  municipalityCode: string;
  municipalityName: string;
  title: string | null;
  firstYear: number | null;
  lastYear: number | null;
  units: number;
  updatedAt: Date;
};

const CHUNK = 500;
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const src = (s: Source | undefined) => (s ? json(s) : null);
/** Drops undefined fields, so a document read back equals the one stored. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** Children first, so no foreign key is left dangling. */
const TABLES_IN_DELETE_ORDER = [
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
  for (const t of TABLES_IN_DELETE_ORDER)
    await q.deleteFrom(t).where("municipality_code", "=", code).execute();
}

/** Replaces the municipality's staffing data by the document. Run inside a transaction. */
export async function replaceStaffing(q: Q, doc: StaffingDocument): Promise<void> {
  const code = doc.municipality.code;
  await q
    .insertInto("municipalities")
    .values({ municipality_code: code, name: doc.municipality.name })
    .onConflict((oc) => oc.column("municipality_code").doUpdateSet({ name: doc.municipality.name }))
    .execute();
  await deleteStaffing(q, code);
  await q
    .insertInto("staffing_documents")
    .values({
      municipality_code: code,
      title: doc.title ?? null,
      sector_scheme: doc.sectorScheme,
      sources: json(doc.sources),
    })
    .execute();

  const ids = new Map(doc.units.map((u) => [u.key, randomUUID()]));
  const unitId = (key: string) => ids.get(key)!;
  // Units first without parents, then the parents, so the order of the document does not matter.
  await insertChunks(doc.units, (chunk) =>
    q
      .insertInto("staffing_units")
      .values(
        chunk.map((u) => ({
          municipality_code: code,
          id: unitId(u.key),
          key: u.key,
          name: u.name,
          parent_id: null,
          kind: u.kind ?? null,
          sector: u.sector ?? null,
          staff_class: u.staffClass ?? null,
          note: u.note ?? null,
          position: doc.units.indexOf(u),
          source: src(u.source),
        })),
      )
      .execute(),
  );
  for (const u of doc.units.filter((x) => x.parent !== undefined)) {
    await q
      .updateTable("staffing_units")
      .set({ parent_id: unitId(u.parent!) })
      .where("municipality_code", "=", code)
      .where("id", "=", unitId(u.key))
      .execute();
  }

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
  for (const d of doc.diagnoses) {
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
  for (const c of doc.peerComparisons) {
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
}

const srcOut = (s: Source | null) => (s ? { source: s } : {});

/** Reads a municipality's staffing document back, or null when it has none. */
export async function loadStaffing(q: Q, code: string): Promise<StaffingDocument | null> {
  const head = await q
    .selectFrom("staffing_documents")
    .innerJoin("municipalities", "municipalities.municipality_code", "staffing_documents.municipality_code")
    .select([
      "staffing_documents.title",
      "staffing_documents.sector_scheme",
      "staffing_documents.sources",
      "municipalities.name",
    ])
    .where("staffing_documents.municipality_code", "=", code)
    .executeTakeFirst();
  if (!head) return null;
  const units = await q
    .selectFrom("staffing_units")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("position")
    .execute();
  const keyOf = new Map(units.map((u) => [u.id, u.key]));
  const position = new Map(units.map((u) => [u.id, u.position]));
  const byUnitYear = <R extends { unit_id: string; fiscal_year: number }>(rows: R[]) =>
    rows.sort((a, b) => position.get(a.unit_id)! - position.get(b.unit_id)! || a.fiscal_year - b.fiscal_year);
  // One query after the other: one connection, as PGlite has anyway.
  const headcounts = await q
    .selectFrom("staffing_headcounts")
    .selectAll()
    .where("municipality_code", "=", code)
    .execute();
  const breakdowns = await q
    .selectFrom("staffing_breakdowns")
    .selectAll()
    .where("municipality_code", "=", code)
    .execute();
  const quotas = await q
    .selectFrom("staffing_quotas")
    .selectAll()
    .where("municipality_code", "=", code)
    .execute();
  const ceilings = await q
    .selectFrom("staffing_quota_ceilings")
    .selectAll()
    .where("municipality_code", "=", code)
    .execute();
  const printed = await q
    .selectFrom("staffing_printed_totals")
    .selectAll()
    .where("municipality_code", "=", code)
    .execute();
  const populations = await q
    .selectFrom("staffing_populations")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("fiscal_year")
    .execute();
  const diagnoses = await q
    .selectFrom("staffing_diagnoses")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("fiscal_year")
    .execute();
  const diagnosisRows = await q
    .selectFrom("staffing_diagnosis_rows")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("fiscal_year")
    .orderBy("position")
    .execute();
  const comparisons = await q
    .selectFrom("staffing_peer_comparisons")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("fiscal_year")
    .execute();
  const members = await q
    .selectFrom("staffing_peer_members")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("fiscal_year")
    .orderBy("position")
    .execute();
  const classifications = await q
    .selectFrom("staffing_classifications")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("fiscal_year")
    .orderBy("scheme")
    .execute();
  const laspeyres = await q
    .selectFrom("staffing_laspeyres")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("fiscal_year")
    .execute();
  const cohorts = await q
    .selectFrom("staffing_cohorts")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("birth_fiscal_year")
    .execute();
  const hiring = await q
    .selectFrom("staffing_hiring_plans")
    .selectAll()
    .where("municipality_code", "=", code)
    .orderBy("fiscal_year")
    .execute();
  const unitKey = (id: string) => keyOf.get(id)!;
  return canonicalOrder({
    format: STAFFING_DOCUMENT_FORMAT,
    municipality: { code, name: head.name },
    ...(head.title !== null ? { title: head.title } : {}),
    sources: head.sources,
    sectorScheme: head.sector_scheme,
    units: units.map((u) =>
      clean({
        key: u.key,
        name: u.name,
        parent: u.parent_id ? unitKey(u.parent_id) : undefined,
        kind: u.kind,
        sector: u.sector,
        staffClass: u.staff_class ?? undefined,
        note: u.note,
        source: u.source,
      }),
    ),
    headcounts: byUnitYear(headcounts).map((h) =>
      clean({
        unit: unitKey(h.unit_id),
        fiscalYear: h.fiscal_year,
        count: h.count,
        asOf: h.as_of,
        source: h.source,
      }),
    ),
    breakdowns: byUnitYear(breakdowns)
      .sort(
        (a, b) =>
          position.get(a.unit_id)! - position.get(b.unit_id)! ||
          CATEGORY_ORDER.indexOf(a.category as BreakdownCategory) -
            CATEGORY_ORDER.indexOf(b.category as BreakdownCategory) ||
          a.fiscal_year - b.fiscal_year,
      )
      .map((b) =>
        clean({
          unit: unitKey(b.unit_id),
          fiscalYear: b.fiscal_year,
          category: b.category as BreakdownCategory,
          count: b.count,
          label: b.label,
          source: b.source,
        }),
      ),
    quotas: byUnitYear(quotas).map((x) =>
      clean({ unit: unitKey(x.unit_id), fiscalYear: x.fiscal_year, quota: x.quota, source: x.source }),
    ),
    quotaCeilings: byUnitYear(ceilings).map((x) =>
      clean({
        unit: unitKey(x.unit_id),
        fiscalYear: x.fiscal_year,
        value: x.value,
        label: x.label,
        source: x.source,
      }),
    ),
    printedTotals: byUnitYear(printed)
      .sort((a, b) => (a.measure === b.measure ? 0 : a.measure === "headcount" ? -1 : 1))
      .map((x) =>
        clean({
          unit: unitKey(x.unit_id),
          fiscalYear: x.fiscal_year,
          measure: x.measure,
          value: x.value,
          label: x.label,
          source: x.source,
        }),
      ),
    populations: populations.map((p) =>
      clean({
        fiscalYear: p.fiscal_year,
        population: p.population,
        asOf: p.as_of,
        basis: p.basis,
        source: p.source,
      }),
    ),
    diagnoses: diagnoses.map((d) => ({
      fiscalYear: d.fiscal_year,
      population: d.population,
      ...(d.population_as_of ? { populationAsOf: d.population_as_of } : {}),
      peerGroup: d.peer_group,
      averages: d.averages,
      rows: diagnosisRows
        .filter((r) => r.fiscal_year === d.fiscal_year)
        .map((r) => {
          const simple = clean({ per10k: r.simple_per10k, estimate: r.simple_estimate });
          const corrected = clean({ per10k: r.corrected_per10k, estimate: r.corrected_estimate });
          return clean({
            sector: r.sector,
            previous: r.previous,
            current: r.current,
            simple: Object.keys(simple).length > 0 ? simple : undefined,
            corrected: Object.keys(corrected).length > 0 ? corrected : undefined,
            source: r.source,
          });
        }),
      printedTotals: d.printed_totals,
      ...srcOut(d.source),
    })),
    peerComparisons: comparisons.map((c) => ({
      fiscalYear: c.fiscal_year,
      ...(c.population_as_of ? { populationAsOf: c.population_as_of } : {}),
      peerGroup: c.peer_group,
      members: members
        .filter((m) => m.fiscal_year === c.fiscal_year)
        .map((m) =>
          clean({
            prefecture: m.prefecture,
            name: m.name,
            self: m.is_self,
            population: m.population,
            ordinaryAccount: m.ordinary_account,
            generalAdministration: m.general_administration,
            source: m.source,
          }),
        ),
      ...(c.group_totals ? { group: c.group_totals } : {}),
    })),
    classifications: classifications.map((c) =>
      clean({
        fiscalYear: c.fiscal_year,
        scheme: c.scheme,
        population: c.population,
        populationAsOf: c.population_as_of,
        censusYear: c.census_year,
        employed: c.employed,
        shares: c.shares,
        printedGroup: c.printed_group,
        source: c.source,
      }),
    ),
    laspeyres: laspeyres.map((l) =>
      clean({
        fiscalYear: l.fiscal_year,
        own: l.own,
        peerAverage: l.peer_average,
        nationalAverage: l.national_average,
        nationalLabel: l.national_label,
        source: l.source,
      }),
    ),
    retirement: {
      cohorts: cohorts.map((c) =>
        clean({ birthFiscalYear: c.birth_fiscal_year, count: c.count, source: c.source }),
      ),
      hiring: hiring.map((h) =>
        clean({ fiscalYear: h.fiscal_year, hires: h.hires, otherLeavers: h.other_leavers, source: h.source }),
      ),
    },
  } as StaffingDocument);
}

export async function listStaffing(q: Q): Promise<StaffingSummaryRow[]> {
  const rows = await q
    .selectFrom("staffing_documents as d")
    .innerJoin("municipalities as m", "m.municipality_code", "d.municipality_code")
    .leftJoin("staffing_headcounts as h", "h.municipality_code", "d.municipality_code")
    .select((eb) => [
      "d.municipality_code",
      "m.name",
      "d.title",
      "d.updated_at",
      eb.fn.min("h.fiscal_year").as("first_year"),
      eb.fn.max("h.fiscal_year").as("last_year"),
    ])
    .groupBy(["d.municipality_code", "m.name", "d.title", "d.updated_at"])
    .orderBy("d.municipality_code")
    .execute();
  const units = await q
    .selectFrom("staffing_units")
    .select((eb) => ["municipality_code", eb.fn.countAll<number>().as("n")])
    .groupBy("municipality_code")
    .execute();
  const unitCount = new Map(units.map((u) => [u.municipality_code, Number(u.n)]));
  return rows.map((r) => ({
    municipalityCode: r.municipality_code,
    municipalityName: r.name,
    title: r.title,
    firstYear: r.first_year === null ? null : Number(r.first_year),
    lastYear: r.last_year === null ? null : Number(r.last_year),
    units: unitCount.get(r.municipality_code) ?? 0,
    updatedAt: r.updated_at,
  }));
}
