/** SQL for reading a municipality's staffing document back, and the list of municipalities that have one. */
import {
  type BreakdownCategory,
  breakdownCategories,
  canonicalOrder,
  type Source,
  STAFFING_DOCUMENT_FORMAT,
  type StaffingDocument,
} from "../core/staffing-document/index.ts";
import { acrossMunicipalities, type Q, sameMunicipality, scoped } from "../db/tenant.ts";

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

/** Drops undefined fields, so a document read back equals the one stored. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const srcOut = (s: Source | null) => (s ? { source: s } : {});

type Scoped = ReturnType<typeof scoped>;

/** Reads a municipality's staffing document back, or null when it has none. */
export async function loadStaffing(q: Q, code: string): Promise<StaffingDocument | null> {
  const s = scoped(q, code);
  const head = await s
    .selectFrom("staffing_documents")
    .innerJoin("municipalities", (j) => sameMunicipality(j, "municipalities", "staffing_documents"))
    .select([
      "staffing_documents.title",
      "staffing_documents.sector_scheme",
      "staffing_documents.sources",
      "staffing_documents.peer_group",
      "staffing_documents.year_labels",
      "municipalities.name",
    ])
    .executeTakeFirst();
  if (!head) return null;
  const units = await readUnits(s);
  // One query after the other: one connection, as PGlite has anyway.
  const perUnit = await readUnitFigures(s, units);
  const diagnoses = await readDiagnoses(s);
  const peerComparisons = await readPeerComparisons(s);
  const perYear = await readYearFigures(s);
  return canonicalOrder({
    format: STAFFING_DOCUMENT_FORMAT,
    municipality: { code, name: head.name },
    ...(head.title !== null ? { title: head.title } : {}),
    sources: head.sources,
    sectorScheme: head.sector_scheme,
    ...perUnit,
    populations: perYear.populations,
    diagnoses,
    peerComparisons,
    classifications: perYear.classifications,
    laspeyres: perYear.laspeyres,
    retirement: perYear.retirement,
    ...(perYear.staffingPlan ? { staffingPlan: perYear.staffingPlan } : {}),
    movements: perYear.movements,
    ...(head.peer_group ? { peerGroup: head.peer_group } : {}),
    yearLabels: head.year_labels ?? [],
  } as StaffingDocument);
}

/** The units and what is kept per unit and year, in the units' order. */
async function readUnitFigures(s: Scoped, units: Awaited<ReturnType<typeof readUnits>>) {
  const keyOf = new Map(units.map((u) => [u.id, u.key]));
  const position = new Map(units.map((u) => [u.id, u.position]));
  const byUnitYear = <R extends { unit_id: string; fiscal_year: number }>(rows: R[]) =>
    rows.sort((a, b) => position.get(a.unit_id)! - position.get(b.unit_id)! || a.fiscal_year - b.fiscal_year);
  const headcounts = await s.selectFrom("staffing_headcounts").selectAll().execute();
  const breakdowns = await s.selectFrom("staffing_breakdowns").selectAll().execute();
  const quotas = await s.selectFrom("staffing_quotas").selectAll().execute();
  const ceilings = await s.selectFrom("staffing_quota_ceilings").selectAll().execute();
  const printed = await s.selectFrom("staffing_printed_totals").selectAll().execute();
  const unitKey = (id: string) => keyOf.get(id)!;
  return {
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
  };
}

function readUnits(s: Scoped) {
  return s.selectFrom("staffing_units").selectAll().orderBy("position").execute();
}

/** The 類似団体 diagnoses, each with its rows by 部門. */
async function readDiagnoses(s: Scoped) {
  const diagnoses = await s.selectFrom("staffing_diagnoses").selectAll().orderBy("fiscal_year").execute();
  const diagnosisRows = await s
    .selectFrom("staffing_diagnosis_rows")
    .selectAll()
    .orderBy("fiscal_year")
    .orderBy("position")
    .execute();
  return diagnoses.map((d) => ({
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
  }));
}

/** The peer comparisons, each with its member municipalities. */
async function readPeerComparisons(s: Scoped) {
  const comparisons = await s
    .selectFrom("staffing_peer_comparisons")
    .selectAll()
    .orderBy("fiscal_year")
    .execute();
  const members = await s
    .selectFrom("staffing_peer_members")
    .selectAll()
    .orderBy("fiscal_year")
    .orderBy("position")
    .execute();
  return comparisons.map((c) => ({
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
  }));
}

/** What is kept per fiscal year for the whole municipality: population, 類型, ラスパイレス, retirement, plans. */
async function readYearFigures(s: Scoped) {
  const populations = await s.selectFrom("staffing_populations").selectAll().orderBy("fiscal_year").execute();
  const classifications = await s
    .selectFrom("staffing_classifications")
    .selectAll()
    .orderBy("fiscal_year")
    .orderBy("scheme")
    .execute();
  const laspeyres = await s.selectFrom("staffing_laspeyres").selectAll().orderBy("fiscal_year").execute();
  const cohorts = await s.selectFrom("staffing_cohorts").selectAll().orderBy("birth_fiscal_year").execute();
  const hiring = await s.selectFrom("staffing_hiring_plans").selectAll().orderBy("fiscal_year").execute();
  const plan = await s.selectFrom("staffing_plans").selectAll().executeTakeFirst();
  const movements = await s.selectFrom("staffing_movements").selectAll().orderBy("fiscal_year").execute();
  return {
    populations: populations.map((p) =>
      clean({
        fiscalYear: p.fiscal_year,
        population: p.population,
        asOf: p.as_of,
        basis: p.basis,
        source: p.source,
      }),
    ),
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
        clean({
          birthFiscalYear: c.birth_fiscal_year,
          count: c.count,
          label: c.label,
          printedUntil: c.printed_until,
          source: c.source,
        }),
      ),
      hiring: hiring.map((h) =>
        clean({ fiscalYear: h.fiscal_year, hires: h.hires, otherLeavers: h.other_leavers, source: h.source }),
      ),
    },
    staffingPlan: plan ? (plan.plan as StaffingDocument["staffingPlan"]) : undefined,
    movements: movements.map((m) =>
      clean({ fiscalYear: m.fiscal_year, leavers: m.leavers, hires: m.hires, source: m.source }),
    ),
  };
}

/** Every municipality's staffing data in brief; who may see which is decided by the caller (core/policy.ts). */
export async function listStaffing(q: Q): Promise<StaffingSummaryRow[]> {
  const all = acrossMunicipalities(q, "the list of municipalities with staffing data, filtered by policy");
  const rows = await all
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
  const units = await all
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
