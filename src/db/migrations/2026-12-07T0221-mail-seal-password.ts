import { type Kysely, sql } from "kysely";
import { openSecret, sealSecret } from "../../core/secrets.ts";

// The SMTP password of the admin page was stored as given. From here it is stored encrypted (AES-256-GCM,
// src/core/secrets.ts: the key in GYOKAKU_SECRET_KEY or the data directory's secret.key, never in the
// database): a new column `password_sealed` takes the encrypted value of every stored password, and the clear
// column is dropped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("mail_settings").addColumn("password_sealed", "text").execute();
  const rows = await sql<{ municipality_code: string; password: string }>`
    select municipality_code, password from mail_settings where password is not null`.execute(db);
  for (const r of rows.rows) {
    await sql`update mail_settings set password_sealed = ${sealSecret(r.password)}
      where municipality_code = ${r.municipality_code}`.execute(db);
  }
  await db.schema.alterTable("mail_settings").dropColumn("password").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("mail_settings").addColumn("password", "text").execute();
  const rows = await sql<{ municipality_code: string; password_sealed: string }>`
    select municipality_code, password_sealed from mail_settings where password_sealed is not null`.execute(
    db,
  );
  for (const r of rows.rows) {
    await sql`update mail_settings set password = ${openSecret(r.password_sealed)}
      where municipality_code = ${r.municipality_code}`.execute(db);
  }
  await db.schema.alterTable("mail_settings").dropColumn("password_sealed").execute();
}
