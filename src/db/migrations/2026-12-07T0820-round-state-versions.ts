import { type Kysely, sql } from "kysely";

// The state version of each reporting round (issue 16: the dashboard's parts are kept per version): a random
// value the database changes, by statement-level triggers, with every change to the round's items and parts
// (round_items, round_parts: their states, the departments' parts), in the same transaction. The dashboard keys
// its departments behind schedule by it (src/dashboard/dashboard.service.ts), beside the round's own row (state,
// deadline, read with it) and its plan's data version, so what is kept can never outlive a change. Like
// plan_data_versions, no foreign key and not in a backup (src/backup/backup.format.ts EXCLUDED): a restore's
// inserts make new versions. Random UUIDs, never a counter (see src/db/data-version.ts).
//
// The version is a row of its own, not a column of rounds: saving in a round holds the round's row FOR SHARE,
// and two saves in one round that both updated it would wait for each other.

/** The tables whose changes change their round's state version. */
export const ROUND_STATE_TABLES = ["round_items", "round_parts"] as const;

const EVENTS = ["insert", "update", "delete"] as const;

const FUNCTION_SQL = sql`
create or replace function gyokaku_round_state_changed() returns trigger language plpgsql as $body$
begin
  if tg_op = 'TRUNCATE' then
    update round_state_versions set version = gen_random_uuid();
    return null;
  end if;
  insert into round_state_versions (municipality_code, round_id, version)
  select c.municipality_code, c.round_id, gen_random_uuid()
    from (select distinct municipality_code, round_id from changed) c
  on conflict (municipality_code, round_id) do update set version = excluded.version;
  return null;
end
$body$`;

const triggerName = (table: string, event: string) => `${table}_round_state_${event}`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("round_state_versions")
    .addColumn("municipality_code", "char(6)", (c) => c.notNull())
    .addColumn("round_id", "uuid", (c) => c.notNull())
    .addColumn("version", "uuid", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_state_versions_pkey", ["municipality_code", "round_id"])
    .execute();
  await sql`insert into round_state_versions (municipality_code, round_id, version)
    select municipality_code, id, gen_random_uuid() from rounds`.execute(db);
  await FUNCTION_SQL.execute(db);
  for (const table of ROUND_STATE_TABLES) {
    for (const event of EVENTS) {
      const rows = event === "delete" ? sql`old table as changed` : sql`new table as changed`;
      await sql`create trigger ${sql.id(triggerName(table, event))} after ${sql.raw(event)} on ${sql.table(table)}
        referencing ${rows} for each statement execute function gyokaku_round_state_changed()`.execute(db);
    }
    await sql`create trigger ${sql.id(triggerName(table, "truncate"))} after truncate on ${sql.table(table)}
      for each statement execute function gyokaku_round_state_changed()`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ROUND_STATE_TABLES)
    for (const event of [...EVENTS, "truncate"])
      await sql`drop trigger if exists ${sql.id(triggerName(table, event))} on ${sql.table(table)}`.execute(
        db,
      );
  await sql`drop function if exists gyokaku_round_state_changed()`.execute(db);
  await db.schema.dropTable("round_state_versions").execute();
}
