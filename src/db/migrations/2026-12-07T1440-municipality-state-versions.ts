import { type Kysely, sql } from "kysely";

// The state version of each municipality (issue 16: the dashboard in one query): a random value the database
// changes with every change to what the dashboard is made from — the municipality's plans and their data versions
// (src/db/data-version.ts: every change to a plan's document or evaluation), its rounds and their state versions
// (migration 2026-12-07T0820-round-state-versions), and its history (audit_events, the latest changes). The session
// query reads it with the session (src/auth/auth.repository.ts), so the dashboard finds its kept body without a
// query of its own (src/dashboard/dashboard.routes.tsx).
//
// The triggers are row-level constraint triggers deferred to the end of the transaction: the municipality's row is
// locked only as the transaction commits, after every other row it changed. Taken earlier (at the statement), two
// transactions of one municipality could each hold a row the other needs next (a round's state version and the
// municipality's) and deadlock; deferred, a transaction holding the municipality's row asks for nothing more.
// Like the other versions: random UUIDs, never a counter; no foreign key; not in a backup (a restore's rows make
// new versions).

/** The tables whose changes change their municipality's state version. */
export const MUNICIPALITY_STATE_TABLES = [
  "plans",
  "plan_data_versions",
  "rounds",
  "round_state_versions",
  "audit_events",
] as const;

const FUNCTION_SQL = sql`
create or replace function gyokaku_municipality_state_changed() returns trigger language plpgsql as $body$
declare
  code char(6);
begin
  if tg_op = 'TRUNCATE' then
    update municipality_state_versions set version = gen_random_uuid();
    return null;
  end if;
  if tg_op = 'DELETE' then
    code := old.municipality_code;
  else
    code := new.municipality_code;
  end if;
  insert into municipality_state_versions (municipality_code, version) values (code, gen_random_uuid())
  on conflict (municipality_code) do update set version = excluded.version;
  return null;
end
$body$`;

const rowTrigger = (table: string) => `${table}_municipality_state`;
const truncateTrigger = (table: string) => `${table}_municipality_state_truncate`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("municipality_state_versions")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("version", "uuid", (c) => c.notNull())
    .addPrimaryKeyConstraint("municipality_state_versions_pkey", ["municipality_code"])
    .execute();
  await sql`insert into municipality_state_versions (municipality_code, version)
    select municipality_code, gen_random_uuid() from municipalities`.execute(db);
  await FUNCTION_SQL.execute(db);
  for (const table of MUNICIPALITY_STATE_TABLES) {
    await sql`create constraint trigger ${sql.id(rowTrigger(table))}
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function gyokaku_municipality_state_changed()`.execute(db);
    await sql`create trigger ${sql.id(truncateTrigger(table))} after truncate on ${sql.table(table)}
      for each statement execute function gyokaku_municipality_state_changed()`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of MUNICIPALITY_STATE_TABLES) {
    await sql`drop trigger if exists ${sql.id(rowTrigger(table))} on ${sql.table(table)}`.execute(db);
    await sql`drop trigger if exists ${sql.id(truncateTrigger(table))} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists gyokaku_municipality_state_changed()`.execute(db);
  await db.schema.dropTable("municipality_state_versions").execute();
}
