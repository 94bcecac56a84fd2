import { type Kysely, sql } from "kysely";

// Issue 13.4: evidence files (根拠資料) the office marked public are copied into the published version when it
// is published, so that a later un-marking, removal or upload never changes what a version showed. One row per
// version and file; deleting the version (with its plan) takes its files with it.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("publication_files")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("plan_id", "uuid", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("file_id", "uuid", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("data", "bytea", (c) => c.notNull())
    .addPrimaryKeyConstraint("publication_files_pk", [
      "municipality_code",
      "plan_id",
      "fiscal_year",
      "version",
      "file_id",
    ])
    .addForeignKeyConstraint(
      "publication_files_publication",
      ["municipality_code", "plan_id", "fiscal_year", "version"],
      "publications",
      ["municipality_code", "plan_id", "fiscal_year", "version"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  // size as the evidence upload limits it; a file name with a path is never stored
  await sql`alter table publication_files add constraint publication_files_name check (file_name <> '' and position('/' in file_name) = 0)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("publication_files").execute();
}
