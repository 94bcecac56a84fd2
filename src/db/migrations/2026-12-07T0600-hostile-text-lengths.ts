import { type Kysely, sql } from "kysely";
import { TEXT_LIMITS } from "../../domain/text.ts";

// The main free-text columns of a plan have the plan document's length limits in the database too (issue
// 17.1: "length limits on every path"), so a row written by any path — an import, the editor, a round, SQL
// by hand — cannot hold a 19 MB title. The limits are src/domain/text.ts's, as the schema's: every path that
// writes these columns refuses longer texts before (the forms' limits are lower still), so a refusal by the
// database is a fault of ours, never what a user meets.
//
// Rows longer than a limit written before it existed are kept: a column that holds one gets its constraint
// NOT VALID (checked for every row written from now on, not for the old rows) instead of a failed start.

/** table → column → the most characters it may hold */
export const TEXT_COLUMN_LIMITS: Record<string, Record<string, number>> = {
  municipalities: { name: TEXT_LIMITS.name },
  department_names: { name: TEXT_LIMITS.name },
  plans: { title: TEXT_LIMITS.name },
  plan_items: { number: TEXT_LIMITS.short, title: TEXT_LIMITS.name, description: TEXT_LIMITS.long },
  indicators: { number: TEXT_LIMITS.short, name: TEXT_LIMITS.name, unit: TEXT_LIMITS.short },
  indicator_baselines: { text: TEXT_LIMITS.value },
  indicator_targets: { text: TEXT_LIMITS.value },
  actual_values: { text: TEXT_LIMITS.value },
  item_progress: { narrative: TEXT_LIMITS.long, next_year_plan: TEXT_LIMITS.long, status: TEXT_LIMITS.short },
  item_activities: { text: TEXT_LIMITS.long, status: TEXT_LIMITS.short },
  item_comments: { body: TEXT_LIMITS.long },
};

const name = (table: string, column: string) => `${table}_${column}_length`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(TEXT_COLUMN_LIMITS))
    for (const [column, max] of Object.entries(columns)) {
      const longer = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
        where char_length(${sql.ref(column)}) > ${sql.lit(max)}`.execute(db);
      const valid = (longer.rows[0]?.n ?? 0) === 0;
      await sql`alter table ${sql.table(table)} add constraint ${sql.id(name(table, column))}
        check (char_length(${sql.ref(column)}) <= ${sql.lit(max)}) ${valid ? sql`` : sql`not valid`}`.execute(
        db,
      );
    }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(TEXT_COLUMN_LIMITS))
    for (const column of Object.keys(columns))
      await sql`alter table ${sql.table(table)} drop constraint ${sql.id(name(table, column))}`.execute(db);
}
