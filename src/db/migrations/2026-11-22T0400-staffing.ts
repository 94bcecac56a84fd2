import { type Kysely, sql } from "kysely";

// Staffing (定数管理): one staffing document per municipality, stored normalised. Every table has
// municipality_code first in its primary key and a foreign key to municipalities; rows that belong to a
// unit, a diagnosis or a peer comparison reference it with the municipality code included, so they can
// never point at another municipality's rows. Totals are not stored: they are computed from the units.

const FK = "municipalities.municipality_code";
const ISO_DATE = (column: string) =>
  sql.raw(`${column} is null or ${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`);

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
type AnyDb = Kysely<any>;

function unitFigureTable(db: AnyDb, name: string) {
  return db.schema
    .createTable(name)
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("unit_id", "uuid", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addForeignKeyConstraint(
      `${name}_unit`,
      ["municipality_code", "unit_id"],
      "staffing_units",
      ["municipality_code", "id"],
      (fk) => fk.onDelete("cascade"),
    );
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("staffing_documents")
    .addColumn("municipality_code", "char(6)", (c) => c.primaryKey().references(FK))
    .addColumn("title", "text")
    .addColumn("sector_scheme", "text", (c) => c.notNull())
    .addColumn("sources", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("staffing_units")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_id", "uuid")
    .addColumn("kind", "text")
    .addColumn("sector", "text")
    .addColumn("staff_class", "text")
    .addColumn("note", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_units_pk", ["municipality_code", "id"])
    .addUniqueConstraint("staffing_units_key", ["municipality_code", "key"])
    .addForeignKeyConstraint("staffing_units_parent", ["municipality_code", "parent_id"], "staffing_units", [
      "municipality_code",
      "id",
    ])
    .addCheckConstraint(
      "staffing_units_class",
      sql`staff_class is null or staff_class in ('general', 'special')`,
    )
    .execute();

  await unitFigureTable(db, "staffing_headcounts")
    .addColumn("count", "integer", (c) => c.notNull().check(sql`count >= 0`))
    .addColumn("as_of", "text", (c) => c.check(ISO_DATE("as_of")))
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_headcounts_pk", ["municipality_code", "unit_id", "fiscal_year"])
    .execute();

  await unitFigureTable(db, "staffing_breakdowns")
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull().check(sql`count >= 0`))
    .addColumn("label", "text")
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_breakdowns_pk", [
      "municipality_code",
      "unit_id",
      "fiscal_year",
      "category",
    ])
    .execute();

  await unitFigureTable(db, "staffing_quotas")
    .addColumn("quota", "integer", (c) => c.notNull().check(sql`quota >= 0`))
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_quotas_pk", ["municipality_code", "unit_id", "fiscal_year"])
    .execute();

  await unitFigureTable(db, "staffing_quota_ceilings")
    .addColumn("value", "integer", (c) => c.notNull().check(sql`value >= 0`))
    .addColumn("label", "text")
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_quota_ceilings_pk", ["municipality_code", "unit_id", "fiscal_year"])
    .execute();

  // What a source printed for a group: checked against the computed sum, never used as data.
  await unitFigureTable(db, "staffing_printed_totals")
    .addColumn("measure", "text", (c) => c.notNull().check(sql`measure in ('headcount', 'quota')`))
    .addColumn("value", "integer", (c) => c.notNull().check(sql`value >= 0`))
    .addColumn("label", "text")
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_printed_totals_pk", [
      "municipality_code",
      "unit_id",
      "fiscal_year",
      "measure",
    ])
    .execute();

  await db.schema
    .createTable("staffing_populations")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("population", "integer", (c) => c.notNull().check(sql`population > 0`))
    .addColumn("as_of", "text", (c) => c.check(ISO_DATE("as_of")))
    .addColumn("basis", "text")
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_populations_pk", ["municipality_code", "fiscal_year"])
    .execute();

  await db.schema
    .createTable("staffing_diagnoses")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("population", "integer", (c) => c.notNull().check(sql`population > 0`))
    .addColumn("population_as_of", "text", (c) => c.check(ISO_DATE("population_as_of")))
    .addColumn("peer_group", "jsonb", (c) => c.notNull())
    .addColumn("averages", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("printed_totals", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_diagnoses_pk", ["municipality_code", "fiscal_year"])
    .execute();

  await db.schema
    .createTable("staffing_diagnosis_rows")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("sector", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("previous", "integer", (c) => c.check(sql`previous >= 0`))
    .addColumn("current", "integer", (c) => c.check(sql`current >= 0`))
    .addColumn("simple_per10k", "numeric")
    .addColumn("simple_estimate", "integer")
    .addColumn("corrected_per10k", "numeric")
    .addColumn("corrected_estimate", "integer")
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_diagnosis_rows_pk", ["municipality_code", "fiscal_year", "sector"])
    .addForeignKeyConstraint(
      "staffing_diagnosis_rows_diagnosis",
      ["municipality_code", "fiscal_year"],
      "staffing_diagnoses",
      ["municipality_code", "fiscal_year"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("staffing_peer_comparisons")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("population_as_of", "text", (c) => c.check(ISO_DATE("population_as_of")))
    .addColumn("peer_group", "jsonb", (c) => c.notNull())
    .addColumn("group_totals", "jsonb")
    .addPrimaryKeyConstraint("staffing_peer_comparisons_pk", ["municipality_code", "fiscal_year"])
    .execute();

  await db.schema
    .createTable("staffing_peer_members")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("prefecture", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("is_self", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("population", "integer", (c) => c.notNull().check(sql`population > 0`))
    .addColumn("ordinary_account", "integer", (c) => c.notNull())
    .addColumn("general_administration", "integer")
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_peer_members_pk", ["municipality_code", "fiscal_year", "position"])
    .addForeignKeyConstraint(
      "staffing_peer_members_comparison",
      ["municipality_code", "fiscal_year"],
      "staffing_peer_comparisons",
      ["municipality_code", "fiscal_year"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("staffing_classifications")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("scheme", "text", (c) => c.notNull())
    .addColumn("population", "integer", (c) => c.notNull().check(sql`population > 0`))
    .addColumn("population_as_of", "text", (c) => c.check(ISO_DATE("population_as_of")))
    .addColumn("census_year", "integer")
    .addColumn("employed", "jsonb")
    .addColumn("shares", "jsonb")
    .addColumn("printed_group", "text")
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_classifications_pk", ["municipality_code", "fiscal_year", "scheme"])
    .execute();

  await db.schema
    .createTable("staffing_laspeyres")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("own", "numeric", (c) => c.notNull())
    .addColumn("peer_average", "numeric")
    .addColumn("national_average", "numeric")
    .addColumn("national_label", "text")
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_laspeyres_pk", ["municipality_code", "fiscal_year"])
    .execute();

  // The retirement plan: staff by birth cohort (school year) and the hiring plan the user enters.
  await db.schema
    .createTable("staffing_cohorts")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("birth_fiscal_year", "integer", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.check(sql`count >= 0`))
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_cohorts_pk", ["municipality_code", "birth_fiscal_year"])
    .execute();

  await db.schema
    .createTable("staffing_hiring_plans")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull().references(FK))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("hires", "integer", (c) => c.notNull().check(sql`hires >= 0`))
    .addColumn("other_leavers", "integer", (c) => c.check(sql`other_leavers >= 0`))
    .addColumn("source", "jsonb")
    .addPrimaryKeyConstraint("staffing_hiring_plans_pk", ["municipality_code", "fiscal_year"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
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
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
