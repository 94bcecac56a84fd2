/**
 * A plan found by its id alone (the plan's pages: /plans/:id, its reports, its items; the id is a UUID that names
 * one plan in the whole instance, and the municipality is checked against the reader afterwards): the primary key
 * begins with municipality_code, so the lookup scanned every plan of every municipality (issue 16: the slowest
 * query of the plan page at 348 municipalities). Not unique: the ids are unique by how they are made, not by a
 * constraint, and a restore must not fail on it.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("plans_by_id").on("plans").column("id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("plans_by_id").execute();
}
