import { type Kysely, sql } from "kysely";

// A department or plan item can never be its own parent (issue 17): the importers and the editor refuse it,
// and now the database too. Rows made so by hand before are first made top-level, so that the constraint
// can be added; longer loops are refused by the plan document's validation and never followed by the code
// that reads the tree.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["departments", "plan_items"]) {
    await sql`update ${sql.table(table)} set parent_id = null where parent_id = id`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_not_own_parent`)} check (parent_id <> id)`.execute(
      db,
    );
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["departments", "plan_items"]) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_not_own_parent`)}`.execute(
      db,
    );
  }
}
