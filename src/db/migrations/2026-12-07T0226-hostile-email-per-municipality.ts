import type { Kysely } from "kysely";

// An e-mail address is unique within a municipality, no longer across the instance (issue 17.4): with one
// unique address for the whole instance, an administrator adding an address another municipality uses learned
// that it was taken. Login now names the municipality (chosen on the login page when there are several).

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropConstraint("users_email").execute();
  await db.schema
    .alterTable("users")
    .addUniqueConstraint("users_email_per_municipality", ["municipality_code", "email"])
    .execute();
  // the operator's commands find an account by its address alone
  await db.schema.createIndex("users_by_email").on("users").column("email").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("users_by_email").execute();
  await db.schema.alterTable("users").dropConstraint("users_email_per_municipality").execute();
  await db.schema.alterTable("users").addUniqueConstraint("users_email", ["email"]).execute();
}
